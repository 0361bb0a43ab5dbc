// Outputs are kept: Run all, reload, and every code cell that had outputs shows them again, marked as from the previous session.
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { readCellsDir } from '../app/kernel/cellsDir';
import { slideOfCell, slidesFrom } from '../app/notebook/present/slides';
import { launch, screenshot, type Session } from './browser';
import { cellOf, cellStatuses, waitSettled } from './faultKit';

/** Per code cell with outputs: how many output blocks it shows. */
async function outputCounts(page: Page): Promise<Record<string, number>> {
  return page.$$eval('[data-cell-type=code]', (els) =>
    Object.fromEntries(
      els.map((e) => [e.getAttribute('data-cell') ?? '', e.querySelectorAll(':scope .outputs > .output').length] as const).filter(([, n]) => n > 0),
    ),
  );
}

/** Cells whose outputs the kept outputs' database holds (the page writes them a moment after each run ends). */
const keptIds = (page: Page): Promise<string[]> =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const open = indexedDB.open('jacobian-notebook-kept');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('outputs')) return resolve([]);
          const all = db.transaction('outputs').objectStore('outputs').getAll();
          all.onsuccess = () => resolve((all.result as { id: string; outputs?: unknown[] }[]).filter((r) => (r.outputs?.length ?? 0) > 0).map((r) => r.id).sort());
        };
        open.onerror = () => resolve([]);
      }),
  );

/** Shown on the slide: its top on screen above the presentation's bar, not only laid out. */
const shownOnSlide = (target: Locator): Promise<boolean> =>
  target.first().evaluate((el) => {
    const top = el.getBoundingClientRect().top;
    const bar = document.querySelector('.present-bar')?.getBoundingClientRect().top ?? window.innerHeight;
    return el.getClientRects().length > 0 && getComputedStyle(el).visibility === 'visible' && top >= 0 && top + 40 < bar;
  });

/** Steps through a long slide's parts (ArrowRight) until `target` shows; whether it does. */
async function stepUntilShown(page: Page, target: Locator): Promise<boolean> {
  for (let part = 0; part < 6 && !(await shownOnSlide(target)); part++) {
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(500);
  }
  return shownOnSlide(target);
}

describe('outputs are kept', () => {
  let session: Session | undefined;
  afterAll(async () => {
    await session?.close();
  });

  it('after Run all and a reload every code cell shows its outputs again, marked as from the previous session, until it runs', { timeout: 600_000 }, async () => {
    session = await launch(inject('siteOrigin'));
    const { page } = session;
    await page.goto(inject('siteUrl'));
    const runAll = page.getByRole('button', { name: 'Run all' });
    await expect.poll(() => runAll.isEnabled(), { timeout: 60_000 }).toBe(true);
    await runAll.click();
    const ids = await page.$$eval('[data-cell-type=code]', (els) => els.map((e) => e.getAttribute('data-cell') ?? ''));
    await waitSettled(page, ids);
    const before = await outputCounts(page);
    // The lesson prints, typesets, plots, tables and draws in most of its code cells.
    expect(Object.keys(before).length).toBeGreaterThan(ids.length / 2);
    expect(before['14-comparison']).toBeGreaterThan(0);
    await expect.poll(() => keptIds(page), { timeout: 30_000 }).toEqual(Object.keys(before).sort());

    await page.reload();
    await page.locator('[data-cell-type=code]').first().waitFor();
    // Far cells mount a moment after the first screen: wait for all of them.
    await page
      .waitForFunction(
        (wanted) =>
          Object.entries(wanted).every(([id, n]) => {
            const cell = document.querySelector(`[data-cell="${id}"]`);
            return cell?.querySelectorAll(':scope .outputs > .output').length === n && cell.querySelector('[data-kept="previous"]') !== null;
          }),
        before,
        { timeout: 120_000 },
      )
      .catch(() => undefined);
    expect(await outputCounts(page)).toEqual(before);
    const marked = await page.$$eval('[data-kept="previous"]', (els) => els.map((e) => e.closest('[data-cell]')?.getAttribute('data-cell') ?? ''));
    expect(marked.sort()).toEqual(Object.keys(before).sort());
    // Not run in this session: no `In [n]` of the old run, status idle.
    await expect(cellOf(page, '14-comparison').getAttribute('data-cell-status')).resolves.toBe('idle');
    await expect(cellOf(page, '14-comparison').locator('.prompt').textContent()).resolves.toContain('In [ ]');
    await expect(page.getByTestId('gradient-comparison').locator('tbody tr').count()).resolves.toBe(7);
    await cellOf(page, '14-comparison').scrollIntoViewIfNeeded();
    // What a person sees: the table drawn on screen (two frames after the scroll), not only in the DOM.
    await page.getByTestId('gradient-comparison').waitFor({ state: 'visible' });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await screenshot(page, 'kept-reloaded-1280x720');

    // Presentation mode shows the kept outputs on the comparison's slide, and runs nothing for it.
    const { cells } = await readCellsDir(join(import.meta.dirname, '..', 'cells'));
    const slide = String(slideOfCell(slidesFrom(cells), '14-comparison') + 1);
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await page.getByTestId('slide-counter').waitFor();
    for (const digit of slide) await page.keyboard.press(digit);
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('present')).toBe(slide);
    expect(await stepUntilShown(page, page.getByTestId('gradient-comparison'))).toBe(true);
    await expect(cellOf(page, '14-comparison').getAttribute('data-cell-status')).resolves.toBe('idle');
    await screenshot(page, 'kept-present-1280x720');
    await page.keyboard.press('Escape');
    await page.locator('.present-bar').waitFor({ state: 'detached' });

    // Running one cell takes its mark away, and only its own.
    await cellOf(page, '02-the-network').getByRole('button', { name: 'Run cell' }).click();
    await waitSettled(page, ['02-the-network']);
    await expect(cellOf(page, '02-the-network').locator('[data-kept]').count()).resolves.toBe(0);
    await expect(cellOf(page, '04-activations').locator('[data-kept="previous"]').count()).resolves.toBe(1);

    expect(session.consoleErrors).toEqual([]);
  });

  it('a ?present=N link opened in a fresh page of the same browser shows the slide\'s kept outputs, marked, and runs no cell', { timeout: 300_000 }, async () => {
    // The browser profile of the test above: its database holds every code cell's outputs.
    if (!session) throw new Error('this test follows the Run all of the test above');
    const { cells } = await readCellsDir(join(import.meta.dirname, '..', 'cells'));
    const slides = slidesFrom(cells);
    const at = slideOfCell(slides, '14-comparison');
    const codeIds = new Set(cells.filter((c) => c.type === 'code').map((c) => c.id));
    const slideCode = slides[at].parts.map((p) => p.cellId).filter((id) => codeIds.has(id));
    expect(slideCode).toContain('14-comparison');
    await session.page.close();
    const page = await session.context.newPage();
    const url = new URL(inject('siteUrl'));
    url.searchParams.set('present', String(at + 1));
    await page.goto(url.href);
    await page.locator('.present-bar').waitFor();
    // A cell run on entry is queued before its kept outputs come back, and then never shows them.
    await page
      .waitForFunction((ids) => ids.every((id) => document.querySelector(`[data-cell="${id}"] [data-kept="previous"]`) !== null), slideCode, { timeout: 60_000 })
      .catch(() => undefined);
    const marked = await page.$$eval('[data-kept="previous"]', (els) => els.map((e) => e.closest('[data-cell]')?.getAttribute('data-cell') ?? ''));
    expect(marked).toEqual(expect.arrayContaining(slideCode));
    // The kernel is up, and was sent nothing: every code cell is as it was loaded, with no `In [n]`.
    await page.waitForFunction(() => !/loading/.test(document.querySelector('[data-testid=tf-backend]')?.textContent ?? 'loading'), null, { timeout: 90_000 });
    await page.waitForTimeout(1000);
    const statuses = await cellStatuses(page);
    expect(Object.entries(statuses).filter(([, s]) => s !== 'idle')).toEqual([]);
    const prompts = await page.locator('[data-cell-type=code] .prompt').allTextContents();
    expect(prompts.filter((p) => !p.includes('In [ ]'))).toEqual([]);
    await expect(page.getByTestId('gradient-comparison').locator('tbody tr').count()).resolves.toBe(7);
    expect(await stepUntilShown(page, cellOf(page, '14-comparison').locator('[data-kept="previous"]'))).toBe(true);
    await screenshot(page, 'kept-present-link-mark-1280x720');
    expect(await stepUntilShown(page, page.getByTestId('gradient-comparison'))).toBe(true);
    await screenshot(page, 'kept-present-link-table-1280x720');
    expect(session.consoleErrors).toEqual([]);
  });

  it('with IndexedDB unavailable the page runs as ever and says once that outputs cannot be kept', { timeout: 300_000 }, async () => {
    await session?.close();
    session = await launch(inject('siteOrigin'));
    const { page } = session;
    await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
    await page.goto(inject('siteUrl'));
    await cellOf(page, '02-the-network').getByRole('button', { name: 'Run cell' }).click();
    await waitSettled(page, ['02-the-network']);
    await expect(cellOf(page, '02-the-network').getAttribute('data-cell-status')).resolves.toBe('done');
    await cellOf(page, '04-activations').getByRole('button', { name: 'Run cell' }).click();
    await waitSettled(page, ['04-activations']);
    await expect(page.locator('.notice', { hasText: 'Outputs cannot be kept for your next visit' }).count()).resolves.toBe(1);
  });
});
