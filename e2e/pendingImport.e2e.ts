// An imported file that changes the list of cells, reloaded before Trust or Discard: the file's cells come back waiting, the student's own list stays theirs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { artifactsDir, screenshot } from './browser';
import { cellOf as cell, freshProfiles, typeAtEnd } from './profiles';

const ids = (page: Page) => page.locator('[data-cell]').evaluateAll((els) => els.map((el) => el.getAttribute('data-cell') ?? ''));
const untrustedIds = (page: Page) => page.locator('[data-cell][data-untrusted="import"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-cell') ?? ''));
const savedRecord = (page: Page) => page.evaluate(() => localStorage.getItem('jacobian-notebook/edits') ?? '');
/** A cell's whole source: CodeMirror draws only the lines in view, the print copy holds them all. */
const sourceOf = (page: Page, id: string) => cell(page, id).locator('pre.print-source').textContent();

const fileCode = "print('from-the-file')";
const fileNote = '## A note from the file';
const fileTwo = "// the file's own 02\nconst fromFile = 2";
const fileOne = "## The file's 01";

/**
 * A TypeScript notebook (nbformat 4.5) that moves 02-the-network to the top with other code, adds a
 * code cell and a note, and brings a cell with the id of a lesson cell the student deleted (a new cell
 * here, under a fresh id). Cells of the notebook it does not have stay where they are.
 */
function writeFile(): string {
  const code = (id: string, source: string) => ({ cell_type: 'code', id, metadata: {}, execution_count: null, outputs: [], source });
  const markdown = (id: string, source: string) => ({ cell_type: 'markdown', id, metadata: {}, source });
  const nb = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: 'deno', display_name: 'Deno', language: 'typescript' } },
    cells: [code('02-the-network', fileTwo), code('filescratch', fileCode), markdown('01-the-network', fileOne), markdown('00-introduction', '# From the file'), markdown('filenote', fileNote)],
  };
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, 'pending-import.ipynb');
  writeFileSync(path, JSON.stringify(nb, null, 1));
  return path;
}

/** Inserts a code cell below `id` with the cell's own button and types `text` in it; gives its id. */
async function insertCodeBelow(page: Page, id: string, text: string): Promise<string> {
  const before = new Set(await ids(page));
  await cell(page, id).locator('.prompt').first().click();
  await cell(page, id).getByRole('button', { name: 'Insert cell below' }).click();
  const made = (await ids(page)).filter((x) => !before.has(x));
  expect(made).toHaveLength(1);
  await cell(page, made[0]).locator('.cm-content').click();
  await page.keyboard.insertText(text);
  return made[0];
}

interface Setup {
  page: Page;
  /** The student's notebook before the import: what Discard must give back. */
  studentIds: string[];
  mine: string;
  /** The notebook with the file laid over it, waiting. */
  importIds: string[];
  bannerText: string;
  waiting: string[];
}

/** The student edits 02-the-network, adds a cell and deletes lesson cell 01-the-network; then imports the file and reloads before deciding. */
async function importThenReload(page: Page): Promise<Setup> {
  await page.goto(inject('siteUrl'));
  await cell(page, '02-the-network').locator('.cm-content').waitFor();
  await typeAtEnd(page, '02-the-network', "\nprint('my-02-edit')");
  const mine = await insertCodeBelow(page, '02-the-network', "const scratch = 'my-scratch'");
  await cell(page, '01-the-network').locator('.markdown').first().click();
  await cell(page, '01-the-network').getByRole('button', { name: 'Delete cell' }).click();
  await expect(cell(page, '01-the-network').count()).resolves.toBe(0);
  await page.waitForFunction((id) => {
    const data = JSON.parse(localStorage.getItem('jacobian-notebook/edits') ?? '{}');
    return (data.edits?.[id]?.source ?? '').includes('my-scratch') && data.structure?.deleted?.['01-the-network'] !== undefined;
  }, mine);
  const studentIds = await ids(page);

  await page.locator('input[type=file]').setInputFiles(writeFile());
  const banner = page.getByTestId('trust-banner-import');
  await banner.waitFor();
  await cell(page, 'filescratch').waitFor();
  const importIds = await ids(page);
  expect(importIds[0]).toBe('02-the-network');
  expect(importIds).toContain('filenote');
  expect(importIds).toContain(mine);
  expect(importIds).not.toContain('01-the-network');
  const waiting = await untrustedIds(page);
  // The texts of 02-the-network and 00-introduction, the two new cells and the file's 01 under a fresh id.
  expect(waiting).toHaveLength(5);
  const bannerText = (await banner.locator('p').first().textContent()) ?? '';
  expect(bannerText).toContain('The imported file changed 5 cells (2 code, 3 text).');

  // Saved meanwhile: the student's own list and text; the file's new cells nowhere in it.
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('jacobian-notebook/edits') ?? '{}').untrusted?.['02-the-network']?.origin === 'import');
  const saved = JSON.parse(await savedRecord(page));
  expect(saved.structure?.order).toEqual(studentIds);
  expect(saved.edits?.['02-the-network']?.source).toContain("print('my-02-edit')");
  expect(saved.edits?.[mine]?.source).toBe("const scratch = 'my-scratch'");
  const record = await savedRecord(page);
  for (const text of ['from-the-file', 'A note from the file', "The file's 01"]) expect(record).not.toContain(text);

  await page.reload();
  await banner.waitFor();
  await expect.poll(() => ids(page)).toEqual(importIds);
  expect(await untrustedIds(page)).toEqual(waiting);
  await expect(banner.locator('p').first().textContent()).resolves.toBe(bannerText);
  await expect(cell(page, 'filescratch').locator('pre').first().textContent()).resolves.toContain(fileCode);
  await screenshot(page, 'pending-import-after-reload-1280x720');
  return { page, studentIds, mine, importIds, bannerText, waiting };
}

/** The student's notebook exactly: order, the deleted lesson cell still gone, their edit and their cell's text. */
async function expectStudents(page: Page, { studentIds, mine }: Setup): Promise<void> {
  await expect.poll(() => ids(page)).toEqual(studentIds);
  expect(await untrustedIds(page)).toEqual([]);
  await expect(sourceOf(page, '02-the-network')).resolves.toContain("print('my-02-edit')");
  await expect(sourceOf(page, '02-the-network')).resolves.not.toContain('fromFile');
  await expect(sourceOf(page, mine)).resolves.toBe("const scratch = 'my-scratch'");
  await expect(cell(page, '00-introduction').textContent()).resolves.not.toContain('From the file');
}

describe("an imported file's cell list waiting for Trust, across a reload", () => {
  const { open } = freshProfiles();

  it("comes back waiting, and Discard gives back exactly the student's notebook, which a further reload keeps", { timeout: 600_000 }, async () => {
    const setup = await importThenReload((await open()).page);
    const { page } = setup;
    await page.getByTestId('trust-banner-import').getByRole('button', { name: "Discard the import's changes" }).click();
    await expectStudents(page, setup);
    await page.waitForFunction(() => localStorage.getItem('jacobian-notebook/pending-import') === null);
    await page.reload();
    await cell(page, setup.mine).waitFor();
    await expectStudents(page, setup);
    await expect(page.getByTestId('trust-banner-import').count()).resolves.toBe(0);
  });

  it("comes back waiting, and Trust makes the file's notebook the student's, which a further reload keeps", { timeout: 600_000 }, async () => {
    const setup = await importThenReload((await open()).page);
    const { page, importIds, mine } = setup;
    await page.getByTestId('trust-banner-import').getByRole('button', { name: 'Trust and run' }).click();
    await expect.poll(() => untrustedIds(page)).toEqual([]);
    expect(await ids(page)).toEqual(importIds);
    const fileCells = async (): Promise<void> => {
      await expect(sourceOf(page, 'filescratch')).resolves.toBe(fileCode);
      await expect(sourceOf(page, '02-the-network')).resolves.toBe(fileTwo);
      await expect(cell(page, 'filenote').locator('h2').textContent()).resolves.toBe('A note from the file');
      await expect(sourceOf(page, mine)).resolves.toBe("const scratch = 'my-scratch'");
    };
    await fileCells();
    await page.waitForFunction(() => (localStorage.getItem('jacobian-notebook/edits') ?? '').includes('from-the-file'));
    await page.reload();
    await cell(page, 'filescratch').waitFor();
    expect(await ids(page)).toEqual(importIds);
    expect(await untrustedIds(page)).toEqual([]);
    await fileCells();
    // The student's own edit of 02-the-network is kept aside on it, as after any Trust.
    await expect(cell(page, '02-the-network').getByRole('button', { name: 'Show mine' }).count()).resolves.toBe(1);
  });

  it('is never taken from a save this page did not sign: set aside whole, named in a notice, the notebook as the student left it', { timeout: 300_000 }, async () => {
    const { page } = await open();
    await page.goto(inject('siteUrl'));
    await cell(page, '02-the-network').locator('.cm-content').waitFor();
    const lessonIds = await ids(page);
    // What another page of the same origin could write: well formed, but without this page's check.
    const forged = JSON.stringify({ version: 1, order: ['forgedcell', ...lessonIds], added: { forgedcell: { type: 'code', source: "print('forged')" } } });
    await page.evaluate((raw) => localStorage.setItem('jacobian-notebook/pending-import', raw), forged);
    await page.reload();
    const notice = page.locator('[data-notice="pending-import-set-aside"]');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain("could not be shown again (it does not carry this page's check)");
    expect(await ids(page)).toEqual(lessonIds);
    await expect(page.getByTestId('trust-banner-import').count()).resolves.toBe(0);
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('jacobian-notebook/pending-import')));
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatch(/^jacobian-notebook\/pending-import\/set-aside-\d+$/);
    await expect(notice.textContent()).resolves.toContain(kept[0]);
    expect(await page.evaluate((k) => localStorage.getItem(k), kept[0])).toBe(forged);
  });
});
