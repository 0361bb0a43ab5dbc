// Export then Import across fresh browser profiles gives the same cells; broken files are refused with their message and change nothing.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactsDir, screenshot } from './browser';
import { runAll } from './faultKit';
import { cellOf, freshProfiles, typeAtEnd } from './profiles';

const editedCell = '02-the-network';
const marker = 'exported-edit-7';

const cell = cellOf;

interface NbCell {
  id: string;
  cell_type: string;
  source: string[];
  metadata: { slideshow?: { slide_type: string }; jacobian_notebook?: { partOf?: string; generated?: string } };
  execution_count?: number | null;
  outputs?: { output_type: string; text?: string[]; data?: Record<string, unknown> }[];
}
interface Nb {
  nbformat: number;
  nbformat_minor: number;
  metadata: { kernelspec: { name: string; language: string }; language_info: { name: string } };
  cells: NbCell[];
}

/** Debian's Python, which has Jupyter's nbformat and nbconvert (another python3 on PATH may not). */
const python = '/usr/bin/python3';

/** The export's cells that are cells of the page: not the helpers note, not a later part of a cut cell. */
const pageCells = (nb: Nb) => nb.cells.filter((c) => !c.metadata.jacobian_notebook?.generated && !c.metadata.jacobian_notebook?.partOf);

/** What an import must give back: each cell's id, type and text. */
const sameCells = (nb: Nb) => nb.cells.map((c) => [c.id, c.cell_type, c.source.join('')]);

/** Exports in `format` through the toolbar and returns the downloaded file's path and text. */
async function exportAs(page: Page, format: 'ipynb' | 'md', name: string): Promise<{ path: string; text: string }> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the notebook' });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: format === 'ipynb' ? /Jupyter notebook \(\.ipynb\)/ : /Markdown \(\.md\)/ }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe(`jacobian-notebook.${format}`);
  const path = join(artifactsDir, name);
  await file.saveAs(path);
  return { path, text: readFileSync(path, 'utf8') };
}

async function importFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await (await choosing).setFiles(file);
}

/** What an import could change: the saved edits, untrusted cells, the import notice. */
async function notebookState(page: Page): Promise<{ saved: string | null; untrusted: number; importNotice: number }> {
  return {
    saved: await page.evaluate(() => localStorage.getItem('jacobian-notebook/edits')),
    untrusted: await page.locator('[data-untrusted]').count(),
    importNotice: await page.getByTestId('import-notice').count(),
  };
}

describe('export and import', () => {
  const { open } = freshProfiles();

  it('exports .ipynb and Markdown with outputs; importing either in a fresh profile gives the same cells, untrusted, undoable', { timeout: 600_000 }, async () => {
    const author = await open();
    let page = author.page;
    await page.goto(inject('siteUrl'));
    await typeAtEnd(page, editedCell, `\nprint('${marker}')`);
    // Every cell run (the edited one is the first code cell: In [1]), so the export holds tables and the diagram.
    await runAll(page, 240_000);
    const headings = await page.locator('[data-cell-type="markdown"] .markdown h1, [data-cell-type="markdown"] .markdown h2').count();
    const pageIds = await page.locator('[data-cell]').evaluateAll((els) => els.map((el) => el.getAttribute('data-cell')));

    const ipynb = await exportAs(page, 'ipynb', 'export-author.ipynb');
    await screenshot(page, 'export-notice-1280x720');
    const nb = JSON.parse(ipynb.text) as Nb;
    // The notice says what the file holds (counted from the file itself), on screen where the student is.
    const saved = page.locator('[data-notice="export"]');
    await expect(saved.textContent()).resolves.toContain(`the notebook's ${pageIds.length} cells with their outputs, as ${nb.cells.length} Jupyter cells`);
    const savedBox = await saved.boundingBox();
    expect(savedBox !== null && savedBox.y >= 0 && savedBox.y + savedBox.height <= 720).toBe(true);
    expect([nb.nbformat, nb.nbformat_minor, nb.metadata.kernelspec.name, nb.metadata.kernelspec.language, nb.metadata.language_info.name]).toEqual([4, 5, 'deno', 'typescript', 'typescript']);
    expect(pageCells(nb).map((c) => c.id)).toEqual(pageIds);
    // Jupyter's own validator accepts the file, and its Markdown conversion shows no slide marker.
    execFileSync(python, ['-c', 'import nbformat,sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))', ipynb.path], { stdio: 'pipe' });
    const converted = execFileSync(python, ['-m', 'nbconvert', '--to', 'markdown', '--stdout', ipynb.path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(converted).toContain('How long does it take?');
    expect(converted).not.toContain('---slide---');
    // Slides as RISE and nbconvert's slides read them: every heading's cell starts one.
    const slideStarts = nb.cells.filter((c) => c.metadata.slideshow?.slide_type === 'slide');
    expect(slideStarts.length).toBeGreaterThanOrEqual(headings);
    expect(nb.cells.every((c) => ['slide', '-', 'skip'].includes(c.metadata.slideshow?.slide_type ?? ''))).toBe(true);
    const exported = nb.cells.find((c) => c.id === editedCell) as NbCell;
    expect(exported.source.join('')).toContain(`print('${marker}')`);
    expect(exported.execution_count).toBe(1);
    const outputs = exported.outputs ?? [];
    expect(outputs.filter((o) => o.output_type === 'stream').map((o) => o.text?.join('')).join('')).toContain(marker);
    expect(outputs.some((o) => o.output_type === 'display_data' && 'text/latex' in (o.data ?? {}))).toBe(true);
    expect(ipynb.text).not.toContain('text/html');
    // Tables in GFM beside text; the diagram as an SVG with no script in it.
    const datas = nb.cells.flatMap((c) => c.outputs ?? []).map((o) => o.data ?? {});
    expect(datas.some((d) => 'text/plain' in d && /^\| .* \|\n\| ---/m.test(((d['text/markdown'] as string[] | undefined) ?? []).join('')))).toBe(true);
    const svgs = datas.filter((d) => 'image/svg+xml' in d).map((d) => (d['image/svg+xml'] as string[]).join(''));
    expect(svgs.length).toBeGreaterThan(0);
    for (const svg of svgs) expect(svg).not.toMatch(/<script|\son[a-z]+=|href/i);
    const md = await exportAs(page, 'md', 'export-author.md');
    expect(md.text).toContain(`print('${marker}')\n\`\`\``);
    expect(md.text).toMatch(/```output stdout\n[^`]*exported-edit-7/);

    // A fresh profile: the lesson as shipped, then the file.
    const student = await open();
    page = student.page;
    await page.goto(inject('siteUrl'));
    await cell(page, editedCell).locator('.cm-content').waitFor();
    const before = await notebookState(page);
    await importFile(page, ipynb.path);
    const banner = page.getByTestId('trust-banner-import');
    await expect(banner.textContent()).resolves.toContain("The imported file changed 1 cell. It won't run until you trust it.");
    await expect(page.getByTestId('import-notice').textContent()).resolves.toContain('Imported export-author.ipynb: 1 cell changed.');
    await expect(cell(page, editedCell).getAttribute('data-untrusted')).resolves.toBe('import');
    await expect(cell(page, editedCell).locator('pre').textContent()).resolves.toContain(marker);
    await screenshot(page, 'import-banner-1280x720');
    await cell(page, editedCell).getByRole('button', { name: 'Run cell' }).click();
    await expect(cell(page, editedCell).locator('.cell-notice').textContent()).resolves.toContain('came from an imported file and is not trusted yet');
    await expect(cell(page, editedCell).locator('.output').count()).resolves.toBe(0);

    const again = JSON.parse((await exportAs(page, 'ipynb', 'export-student.ipynb')).text) as Nb;
    expect(sameCells(again)).toEqual(sameCells(nb));

    // Undo puts the lesson back exactly as it was before the import.
    await page.getByRole('button', { name: 'Undo import' }).click();
    await expect.poll(() => notebookState(page)).toEqual(before);

    // The Markdown export imports to the same cells too.
    await importFile(page, md.path);
    await banner.or(page.locator('.notice-error')).first().waitFor();
    await expect(page.locator('.notice-error').allTextContents()).resolves.toEqual([]);
    await expect(cell(page, editedCell).getAttribute('data-untrusted')).resolves.toBe('import');
    const fromMd = JSON.parse((await exportAs(page, 'ipynb', 'export-student-md.ipynb')).text) as Nb;
    expect(sameCells(fromMd)).toEqual(sameCells(nb));
  });

  const notebook = (cells: unknown[], extra: Record<string, unknown> = {}) =>
    JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: 'typescript', display_name: 'TypeScript', language: 'typescript' } }, cells, ...extra });
  // Each file and the whole message it must get (after its name).
  const brokenFiles: [string, string, Buffer][] = [
    ['not JSON', "is not valid JSON: line 3, column 12: expected a value, found ','.", Buffer.from('{\n "nbformat": 4,\n "cells": [,]\n}')],
    ['nbformat 3', 'is in nbformat 3; this notebook reads nbformat 4 (Jupyter 4 and later). Open it in Jupyter and save it again to convert it.', Buffer.from(notebook([], { nbformat: 3 }))],
    ['an unknown cell type', 'is not importable: cell 1 ("02-the-network") is of type "widget": a Jupyter notebook has only markdown, code and raw cells.', Buffer.from(notebook([{ cell_type: 'widget', id: editedCell, source: 'x', metadata: {} }]))],
    ['another type than the notebook\'s cell', 'is not importable: cell 1 ("02-the-network") is a markdown cell, but in this notebook it is a code cell.', Buffer.from(notebook([{ cell_type: 'markdown', id: editedCell, source: 'x', metadata: {} }]))],
    ['an empty notebook', 'has no cells: there is nothing to import.', Buffer.from(notebook([]))],
    ['too big', 'is too large to import: 5,242,881 bytes, over the limit of 5 MB (5,242,880 bytes).', Buffer.alloc(5 * 1024 * 1024 + 1, 0x20)],
  ];

  it('refuses each broken file with its message and changes nothing', { timeout: 300_000 }, async () => {
    const { page } = await open();
    await page.goto(inject('siteUrl'));
    // An edit of the student's own, so that "nothing changed" has something to keep.
    await typeAtEnd(page, editedCell, '\n// mine');
    await page.waitForFunction(() => localStorage.getItem('jacobian-notebook/edits')?.includes('// mine'));
    const before = await notebookState(page);
    expect(before.saved).toContain('// mine');
    for (const [what, message, buffer] of brokenFiles) {
      const name = `broken-${what.replace(/\W+/g, '-')}.ipynb`;
      await importFile(page, { name, mimeType: 'application/x-ipynb+json', buffer });
      const dialog = page.getByRole('dialog', { name: 'This file cannot be imported' });
      await expect(dialog.locator('.import-refusal').textContent(), what).resolves.toBe(`${name} ${message}`);
      await expect(dialog.textContent(), what).resolves.toContain('Nothing was changed.');
      await screenshot(page, `import-refused-${what.replace(/\W+/g, '-')}-1280x720`);
      await dialog.getByRole('button', { name: 'OK' }).click();
      await expect(notebookState(page), what).resolves.toEqual(before);
    }
  });
});
