// Nothing is lost: the notebook's structure (inserted, deleted, moved cells) survives a reload, reaches a second tab, and old or outdated saves still load.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { lessonText } from '../app/notebook/cellState';
import { contentHash } from '../app/notebook/contentHash';
import { editsKey } from '../app/notebook/storage';
import { artifactsDir, screenshot } from './browser';
import { cellOf, freshProfiles, typeAtEnd } from './profiles';

const cell = cellOf;

/** The ids of the cells on the page, in order. */
const order = (page: Page): Promise<string[]> => page.locator('[data-cell]').evaluateAll((els) => els.map((e) => e.getAttribute('data-cell') ?? ''));

async function ready(page: Page): Promise<void> {
  await page.goto(inject('siteUrl'));
  await cell(page, '02-the-network').waitFor();
}

/** Presses one of a cell's own structure buttons, as a mouse user does (they show on the hovered cell). */
async function press(page: Page, id: string, name: 'Insert cell below' | 'Move cell up' | 'Move cell down' | 'Delete cell'): Promise<void> {
  await cell(page, id).hover();
  await cell(page, id).getByRole('button', { name, exact: true }).click();
}

/** Until the cells on the page are `ids`, in this order. */
async function waitOrder(page: Page, ids: string[]): Promise<void> {
  await page.waitForFunction((wanted) => [...document.querySelectorAll('[data-cell]')].map((e) => e.getAttribute('data-cell')).join(' ') === wanted.join(' '), ids);
}

/** Until storage holds `ids` as the saved order and `text` in the new cell `newId` (the autosave is debounced). */
async function waitSaved(page: Page, ids: string[], newId: string, text: string): Promise<void> {
  await page.waitForFunction(
    ([key, wanted, id, typed]) => {
      const data = JSON.parse(localStorage.getItem(key) ?? '{}');
      return data.structure?.order?.join(' ') === wanted.join(' ') && (data.edits?.[id]?.source ?? '').includes(typed);
    },
    [editsKey, ids, newId, text] as const,
  );
}

/** Inserts a code cell below `after` with its button and types `text` into it; returns the new cell's id. */
async function insertBelow(page: Page, after: string, text: string): Promise<string> {
  const before = await order(page);
  await press(page, after, 'Insert cell below');
  await page.waitForFunction((n) => document.querySelectorAll('[data-cell]').length === n, before.length + 1);
  const now = await order(page);
  const id = now[now.indexOf(after) + 1];
  expect(id).toMatch(/^new-/);
  expect(now.filter((x) => x !== id)).toEqual(before);
  await typeAtEnd(page, id, text);
  return id;
}

describe('the notebook\'s structure is saved', () => {
  const { open } = freshProfiles();

  it('inserted, deleted and moved cells come back after a reload, with the new cell\'s text', { timeout: 300_000 }, async () => {
    const { page } = await open();
    await ready(page);
    const lesson = await order(page);
    const newId = await insertBelow(page, '02-the-network', 'const mine = 42;');
    await press(page, '03-activations', 'Delete cell');
    await press(page, '00-introduction', 'Move cell down');
    // Worked out from the lesson's order by hand: 00 and 01 swapped, the new cell under 02, 03 gone.
    const expected = ['01-the-network', '00-introduction', '02-the-network', newId, ...lesson.slice(lesson.indexOf('04-activations'))];
    await waitOrder(page, expected);
    await waitSaved(page, expected, newId, 'const mine = 42;');
    await page.reload();
    await cell(page, newId).waitFor();
    expect(await order(page)).toEqual(expected);
    await expect(cell(page, newId).textContent()).resolves.toContain('const mine = 42;');
    await expect(page.locator('.notice').allTextContents()).resolves.toEqual([]);
  });

  it('a cell inserted in one tab shows in the other, which says so; a deletion there reaches the first', { timeout: 300_000 }, async () => {
    const session = await open();
    const one = session.page;
    await ready(one);
    const two = await session.context.newPage();
    await ready(two);
    const newId = await insertBelow(one, '04-activations', 'const fromTabOne = 1;');
    await cell(two, newId).waitFor();
    await waitOrder(two, await order(one));
    await two.waitForFunction((id) => (document.querySelector(`[data-cell="${id}"]`)?.textContent ?? '').includes('const fromTabOne = 1;'), newId);
    await expect(two.locator('[data-notice="other-tab"]').textContent()).resolves.toMatch(/^This notebook was edited in another tab: a new cell( and the list of cells \(added, deleted or moved ones\))? now shows? the edits made there\./);
    await cell(two, newId).scrollIntoViewIfNeeded();
    await screenshot(two, 'persist-other-tab-insert-1280x720');
    await two.locator('[data-notice="other-tab"]').screenshot({ path: join(artifactsDir, 'persist-other-tab-notice.png') });
    await press(two, newId, 'Delete cell');
    await cell(one, newId).waitFor({ state: 'detached' });
    await waitOrder(one, await order(two));
  });

  it('a cell deleted in one tab while the other has unsaved edits in it: the other asks, and Keep mine brings the cell back in both', { timeout: 300_000 }, async () => {
    const session = await open();
    const one = session.page;
    await ready(one);
    const two = await session.context.newPage();
    await ready(two);
    // Tab two cannot save for a while (its storage refuses), so its edit is its own alone when tab one deletes the cell.
    await two.evaluate(() => {
      const setItem = Storage.prototype.setItem;
      (window as unknown as { restoreSetItem(): void }).restoreSetItem = () => void (Storage.prototype.setItem = setItem);
      Storage.prototype.setItem = () => {
        throw new DOMException('refused for the test', 'QuotaExceededError');
      };
    });
    await typeAtEnd(two, '04-activations', '\n// edited in tab two');
    await two.locator('[data-notice="storage"]').waitFor();
    await press(one, '04-activations', 'Delete cell');
    const conflict = two.locator('[data-notice="other-tab-conflict"]');
    await expect(conflict.textContent()).resolves.toContain('This notebook was edited in another tab too: the list of cells (added, deleted or moved ones) differs there and here.');
    await expect(cell(two, '04-activations').textContent()).resolves.toContain('// edited in tab two');
    await two.evaluate(() => (window as unknown as { restoreSetItem(): void }).restoreSetItem());
    await conflict.getByRole('button', { name: 'Keep mine' }).click();
    await cell(one, '04-activations').waitFor();
    await one.waitForFunction(() => (document.querySelector('[data-cell="04-activations"]')?.textContent ?? '').includes('// edited in tab two'));
    await waitOrder(one, await order(two));
  });

  it('an old save without a structure loads as before; a save made against an older lesson keeps its new cell in place and shows what changed', { timeout: 300_000 }, async () => {
    const { page } = await open();
    await ready(page);
    const lesson = await order(page);
    const original = lessonText(readFileSync(join(import.meta.dirname, '..', 'cells', '02-the-network.ts'), 'utf8'));
    /** Stores `record` as the saved edits at the next load, before the app reads them (and after the page before it saved its own). */
    const putAtNextLoad = (name: string, record: unknown) =>
      page.context().addInitScript(
        ([key, value, flag]) => {
          try {
            if (sessionStorage.getItem(flag) !== null) return;
            sessionStorage.setItem(flag, '1');
            localStorage.setItem(key, value);
          } catch {
            // The kernel's frame has no storage of its own.
          }
        },
        [editsKey, JSON.stringify(record), `e2e-${name}`] as const,
      );

    // Version 1 as this app wrote it before it saved structures: one edit, nothing else.
    await putAtNextLoad('v1', { version: 1, edits: { '02-the-network': { source: `${original}\n// mine`, originalHash: contentHash(original) } }, aside: {} });
    await page.reload();
    await cell(page, '02-the-network').waitFor();
    expect(await order(page)).toEqual(lesson);
    await expect(cell(page, '02-the-network').textContent()).resolves.toContain('// mine');
    await expect(page.locator('.notice').allTextContents()).resolves.toEqual([]);

    // Saved when the lesson had no 03-activations yet: a note after 02, and 04 deleted when its text was another.
    const newId = 'new-e2enote001';
    const then = lesson.filter((id) => id !== '03-activations');
    await putAtNextLoad('older-lesson', {
      version: 1,
      edits: { [newId]: { source: '**my own note**', originalHash: contentHash('') } },
      aside: {},
      structure: {
        lesson: then,
        order: then.flatMap((id) => (id === '02-the-network' ? [id, newId] : id === '04-activations' ? [] : [id])),
        cells: { [newId]: { type: 'markdown' } },
        deleted: { '04-activations': contentHash('an older text') },
        retyped: {},
      },
    });
    await page.reload();
    await cell(page, newId).waitFor();
    // The new cell stays under 02; 03, new to it, comes after 02 and its new cell; 04 is back, since it changed.
    const at = lesson.indexOf('03-activations');
    expect(await order(page)).toEqual([...lesson.slice(0, at), newId, ...lesson.slice(at)]);
    await expect(cell(page, newId).textContent()).resolves.toContain('my own note');
    await expect(page.locator('[data-notice="storage-returned"]').textContent()).resolves.toContain(
      'This version of the lesson changed a cell you had deleted (04-activations): it is back in place.',
    );
  });
});
