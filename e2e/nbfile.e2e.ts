// Any notebook opens: a Python notebook imported with its outputs and exported back unchanged; links and presentation follow the structure.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { artifactsDir, launch, screenshot, type Session } from './browser';
import { cellOf, freshProfiles, sharedLink, typeAtEnd } from './profiles';

const fixture = join(import.meta.dirname, 'fixtures/python-backprop.ipynb');
const python = JSON.parse(readFileSync(fixture, 'utf8')) as { cells: { id: string; cell_type: string; source: string[] }[] };
const pythonIds = python.cells.map((c) => c.id);
/** Code and raw cells: kept whole and shown read-only. */
const foreignIds = python.cells.filter((c) => c.cell_type !== 'markdown').map((c) => c.id);

/** Debian's Python, which has Jupyter's nbformat. */
const debianPython = '/usr/bin/python3';

const cell = cellOf;
const ids = (page: Page) => page.locator('[data-cell]').evaluateAll((els) => els.map((el) => el.getAttribute('data-cell') ?? ''));

/** Picks `path` in the Import button's file field (the field is the same on a phone, where the button sits in a menu). */
async function importPath(page: Page, path: string): Promise<void> {
  await page.locator('input[type=file]').setInputFiles(path);
}

async function openLesson(page: Page, url = inject('siteUrl')): Promise<void> {
  await page.goto(url);
  await cell(page, '00-introduction').waitFor();
}

/** Exports .ipynb through the toolbar and gives the saved file's path and its JSON. */
async function exportIpynb(page: Page, name: string): Promise<{ path: string; nb: { cells: Record<string, unknown>[] } }> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('dialog', { name: 'Export the notebook' }).getByRole('button', { name: /Jupyter notebook \(\.ipynb\)/ }).click();
  const path = join(artifactsDir, name);
  await (await downloading).saveAs(path);
  return { path, nb: JSON.parse(readFileSync(path, 'utf8')) };
}

describe('a Python notebook imported', () => {
  const { open } = freshProfiles();

  it('keeps every cell in order, shows its saved outputs safely, never runs it, and exports it back unchanged (nbformat 4.5)', { timeout: 300_000 }, async () => {
    const { page } = await open();
    await openLesson(page);
    const lessonIds = await ids(page);
    const title = await page.title();
    await importPath(page, fixture);
    await cell(page, foreignIds[0]).waitFor();

    // Every cell of the file, in the file's order, after the lesson's cells (which stay as they were).
    expect(await ids(page)).toEqual([...lessonIds, ...pythonIds]);
    await expect(page.locator('.notices').textContent()).resolves.toContain('python code: shown with their saved outputs, not runnable here');
    // The viewer of such cells loads with the first one (its code shows as plain text meanwhile).
    await expect.poll(() => page.getByTestId('foreign-label').allTextContents()).toEqual([...Array(foreignIds.length - 1).fill('Python · not runnable here'), 'Raw cell · not runnable here']);
    for (const id of foreignIds) await expect(cell(page, id).getByRole('button', { name: 'Run cell' }).count()).resolves.toBe(0);

    // Each kind of output: a stream, a value, a PNG and an SVG as images, LaTeX typeset, markdown rendered, an error without its colour codes.
    await expect(cell(page, '9b1e7c3f').locator('.out-text').textContent()).resolves.toContain('W1 shape: (3, 2)');
    await expect(cell(page, 'c2d4e6f8').locator('.out-text').textContent()).resolves.toContain('array([[ 1.5 ],');
    const png = cell(page, 'a7b9c1d3').locator('img');
    await expect.poll(() => png.evaluate((img: HTMLImageElement) => [img.src.slice(0, 22), img.naturalWidth, img.naturalHeight])).toEqual(['data:image/png;base64,', 64, 32]);
    const svg = cell(page, 'e5f7a9b1').locator('img');
    await expect.poll(() => svg.evaluate((img: HTMLImageElement) => [img.src.slice(0, 32), img.naturalWidth])).toEqual(['data:image/svg+xml;charset=utf-8', 120]);
    // The SVG's script never ran and its markup is not in the page.
    expect(await page.title()).toBe(title);
    await expect(page.locator('main svg text', { hasText: 'sigmoid' }).count()).resolves.toBe(0);
    await expect.poll(() => cell(page, 'd3c5b7a9').locator('.katex').count()).toBeGreaterThan(0);
    // Markdown goes through the bounded renderer: rendered, or (a loaded machine past its 1 s budget) shown as written, saying so.
    const markdownOut = cell(page, 'b1a3f5e7');
    await markdownOut.locator('.markdown strong, .markdown-plain-notice').first().waitFor();
    if ((await markdownOut.locator('.markdown-plain-notice').count()) === 0) await expect(markdownOut.locator('.markdown strong').first().textContent()).resolves.toBe('Loss:');
    else await expect(markdownOut.locator('.markdown-plain').first().textContent()).resolves.toContain('**Loss:**');
    const error = (await cell(page, 'b1a3f5e7').locator('.out-error').textContent()) ?? '';
    expect(error).toContain('ZeroDivisionError');
    expect(error).not.toContain('\u001b');
    await expect.poll(() => cell(page, '4f8c1d2a').locator('h1').textContent()).toBe('Backprop in NumPy');

    await cell(page, '9b1e7c3f').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -60));
    await screenshot(page, 'nbfile-python-1280x720');
    await cell(page, 'a7b9c1d3').scrollIntoViewIfNeeded();
    await screenshot(page, 'nbfile-python-images-1280x720');
    await cell(page, 'd3c5b7a9').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => window.scrollBy(0, -120));
    await screenshot(page, 'nbfile-python-latex-markdown-error-1280x720');

    // Exported, every cell of the file is there in its order, its code and raw cells the very JSON the file had.
    const { path, nb } = await exportIpynb(page, 'nbfile-python-export.ipynb');
    const exported = new Map(nb.cells.map((c) => [c.id as string, c]));
    expect(nb.cells.slice(-pythonIds.length).map((c) => c.id)).toEqual(pythonIds);
    for (const original of python.cells) {
      if (original.cell_type === 'markdown') expect((exported.get(original.id)?.source as string[]).join('')).toBe(original.source.join(''));
      else expect(JSON.stringify(exported.get(original.id))).toBe(JSON.stringify(original));
    }
    execFileSync(debianPython, ['-c', 'import nbformat,sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))', path]);

    // Imported again, the export is the notebook as it is: nothing changes.
    await importPath(page, path);
    await expect.poll(() => page.locator('.notices').textContent()).toContain('holds the same cells as the notebook: nothing changed');
    expect(await ids(page)).toEqual([...lessonIds, ...pythonIds]);

    // On a slide the import's notices (no error among them) wait in the notebook: none is shown to the room.
    expect(await page.locator('.notices .notice').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Present' }).click();
    await page.getByTestId('slide-counter').waitFor();
    expect(await page.locator('.notices .notice:visible').count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.notices .notice:visible').count()).toBeGreaterThan(0);
  });

  it('reads on a phone (375x800)', { timeout: 200_000 }, async () => {
    const session = await launch(inject('siteOrigin'), { viewport: { width: 375, height: 800 }, touch: true });
    try {
      const { page } = session;
      await openLesson(page);
      await importPath(page, fixture);
      await cell(page, 'a7b9c1d3').waitFor();
      await cell(page, '9b1e7c3f').scrollIntoViewIfNeeded();
      await screenshot(page, 'nbfile-python-375x800');
      // Nothing is wider than the screen: the page does not scroll sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await cell(page, 'a7b9c1d3').scrollIntoViewIfNeeded();
      await screenshot(page, 'nbfile-python-images-375x800');
      expect(session.consoleErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });
});

/** Inserts a cell below `id` with the cell's own button; gives the new cell's id. */
async function insertBelow(page: Page, id: string): Promise<string> {
  const before = new Set(await ids(page));
  await cell(page, id).locator('.prompt, .markdown').first().click();
  await cell(page, id).getByRole('button', { name: 'Insert cell below' }).click();
  const after = await ids(page);
  const made = after.filter((x) => !before.has(x));
  expect(made).toHaveLength(1);
  expect(after[after.indexOf(id) + 1]).toBe(made[0]);
  return made[0];
}

/** Inserts a code cell below `id` and types `text` into it; gives the new cell's id. */
async function insertCodeBelow(page: Page, id: string, text: string): Promise<string> {
  const made = await insertBelow(page, id);
  await cell(page, made).locator('.cm-content').click();
  await page.keyboard.insertText(text);
  return made;
}

/** A fresh profile that may copy links, on the lesson: the one who shares. */
async function authorOnLesson(open: () => Promise<Session>): Promise<Page> {
  const author = await open();
  await author.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: inject('siteOrigin') });
  await openLesson(author.page);
  return author.page;
}

describe('a link that inserts and deletes cells', () => {
  const { open } = freshProfiles();

  it('gives a fresh profile the inserted cells (untrusted, then run once trusted) without the deleted one; print and Present show them', { timeout: 600_000 }, async () => {
    let page = await authorOnLesson(open);
    const code = await insertCodeBelow(page, '02-the-network', "const mine = 6 * 7\nprint('mine', mine)");
    const text = await insertBelow(page, code);
    await page.keyboard.press('Escape');
    await page.keyboard.press('m');
    await expect.poll(() => cell(page, text).getAttribute('data-cell-type')).toBe('markdown');
    await page.keyboard.press('Enter');
    await cell(page, text).locator('textarea').fill('## My own slide\n\nA cell the student added, with $x^2$.');
    await page.keyboard.press('Shift+Enter');
    await cell(page, '01-the-network').locator('.markdown').first().click();
    await cell(page, '01-the-network').getByRole('button', { name: 'Delete cell' }).click();
    await expect(cell(page, '01-the-network').count()).resolves.toBe(0);
    const authorIds = await ids(page);
    const url = await sharedLink(page);
    expect(url).toMatch(/&?edits=[A-Za-z0-9_-]+$/);
    expect(url.length).toBeLessThan(2000);

    const student = await open();
    page = student.page;
    await openLesson(page, url);
    const banner = page.getByTestId('trust-banner-link');
    await banner.waitFor();
    expect(await ids(page)).toEqual(authorIds);
    for (const id of [code, text]) await expect(cell(page, id).getAttribute('data-untrusted')).resolves.toBe('link');
    await expect(cell(page, code).locator('pre').first().textContent()).resolves.toContain('const mine = 6 * 7');
    await cell(page, code).scrollIntoViewIfNeeded();
    await screenshot(page, 'nbfile-link-inserted-1280x720');

    await banner.getByRole('button', { name: 'Trust and run' }).click();
    await page.waitForFunction((id) => document.querySelector(`[data-cell="${id}"]`)?.getAttribute('data-cell-status') === 'done', code, { timeout: 400_000 });
    await expect(cell(page, code).locator('.out-text').textContent()).resolves.toContain('mine 42');
    await expect(cell(page, code).locator('.prompt').textContent()).resolves.toMatch(/In \[\d+\]/);
    expect(page.url()).not.toContain('edits=');
    expect(await ids(page)).toEqual(authorIds);

    // Printed, the new cells are on paper like the lesson's: the code whole, the text rendered.
    await page.emulateMedia({ media: 'print' });
    await expect(cell(page, code).locator('pre.print-source').isVisible()).resolves.toBe(true);
    await expect(cell(page, code).locator('pre.print-source').textContent()).resolves.toContain("print('mine', mine)");
    await expect(cell(page, text).locator('h2').isVisible()).resolves.toBe(true);
    await expect(cell(page, '01-the-network').count()).resolves.toBe(0);
    await page.emulateMedia({ media: 'screen' });

    // Presentation mode: the added heading starts a slide of its own, reached with the clicker's keys.
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await page.getByTestId('slide-counter').waitFor();
    const added = cell(page, text);
    for (let presses = 0; presses < 40 && !(await added.isVisible()); presses++) await page.keyboard.press('PageDown');
    await expect(added.isVisible()).resolves.toBe(true);
    await expect(added.locator('h2').textContent()).resolves.toBe('My own slide');
    await expect(cell(page, '00-introduction').isVisible()).resolves.toBe(false);
    // The audience's view: no pointer resting on the slide (it would show the cell's tools).
    await page.mouse.move(640, 400);
    await page.mouse.move(5, 300);
    await screenshot(page, 'nbfile-present-inserted-1280x720');
  });
});

describe("a link's cell list waiting for Trust, across a reload", () => {
  const { open } = freshProfiles();

  it("is saved as the student's own list: after a reload the link is shown again, and Discard gives back the student's cells and text", { timeout: 600_000 }, async () => {
    let page = await authorOnLesson(open);
    // The author deletes lesson cell 02-the-network and adds a code cell of their own.
    const theirs = await insertCodeBelow(page, '01-the-network', "print('from the author')");
    await cell(page, '02-the-network').locator('.prompt').first().click();
    await cell(page, '02-the-network').getByRole('button', { name: 'Delete cell' }).click();
    await expect(cell(page, '02-the-network').count()).resolves.toBe(0);
    const url = await sharedLink(page);

    // The student edits 02-the-network and adds a cell with text of their own below it.
    const student = await open();
    page = student.page;
    await openLesson(page);
    await typeAtEnd(page, '02-the-network', "\nprint('my-02-edit')");
    const mine = await insertCodeBelow(page, '02-the-network', "const scratch = 'my-scratch'");
    await page.waitForFunction((id) => {
      const data = JSON.parse(localStorage.getItem('jacobian-notebook/edits') ?? '{}');
      return (data.edits?.[id]?.source ?? '').includes('my-scratch') && (data.edits?.['02-the-network']?.source ?? '').includes('my-02-edit');
    }, mine);
    const studentIds = await ids(page);

    await page.goto(url);
    const banner = page.getByTestId('trust-banner-link');
    await banner.waitFor();
    await expect(cell(page, '02-the-network').count()).resolves.toBe(0);
    const linkIds = await ids(page);
    expect(linkIds).toContain(theirs);
    expect(linkIds).toContain(mine);
    // Once the link's code is saved (untrusted), the list saved with it is the student's (02-the-network in it, with its text), not the link's.
    await page.waitForFunction((id) => JSON.parse(localStorage.getItem('jacobian-notebook/edits') ?? '{}').untrusted?.[id] !== undefined, theirs);
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('jacobian-notebook/edits') ?? '{}'));
    expect(saved.structure?.order).toEqual(studentIds);
    expect(saved.edits?.['02-the-network']?.source).toContain("print('my-02-edit')");
    expect(saved.edits?.[mine]?.source).toBe("const scratch = 'my-scratch'");

    // A reload before deciding: the link's list again, its cell still untrusted.
    await page.reload();
    await banner.waitFor();
    await expect.poll(() => ids(page)).toEqual(linkIds);
    await expect(cell(page, theirs).getAttribute('data-untrusted')).resolves.toBe('link');

    await banner.getByRole('button', { name: "Discard the link's changes" }).click();
    await expect.poll(() => ids(page)).toEqual(studentIds);
    // (CodeMirror draws only the lines in view: the whole source is in the cell's print copy.)
    await expect(cell(page, '02-the-network').locator('pre.print-source').textContent()).resolves.toContain("print('my-02-edit')");
    await expect(cell(page, mine).locator('pre.print-source').textContent()).resolves.toContain("const scratch = 'my-scratch'");
    expect(page.url()).not.toContain('edits=');
    // And it stays so.
    await page.reload();
    await cell(page, mine).waitFor();
    expect(await ids(page)).toEqual(studentIds);
    await expect(cell(page, '02-the-network').locator('pre.print-source').textContent()).resolves.toContain("print('my-02-edit')");
  });
});

describe('New notebook', () => {
  const { open } = freshProfiles();

  it('opens a blank notebook (one empty code cell) where la, tf, print and display work; Shift+Enter adds the next cell; the lesson is one click away, as it was left; its link opens as exactly its cells', { timeout: 400_000 }, async () => {
    const { page, context } = await open();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: inject('siteOrigin') });
    await openLesson(page);
    await cell(page, '02-the-network').locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText("\nprint('my lesson edit')");
    await page.waitForFunction(() => (localStorage.getItem('jacobian-notebook/edits') ?? '').includes('my lesson edit'));

    await page.getByRole('button', { name: 'New notebook', exact: true }).click();
    await page.waitForURL(/\?notebook=blank/);
    const only = page.locator('[data-cell]');
    await expect.poll(() => only.count()).toBe(1);
    await expect(only.getAttribute('data-cell-type')).resolves.toBe('code');
    await expect(only.locator('.cm-content, .code-fallback').first().textContent()).resolves.toBe('');
    await only.locator('.cm-content').click();
    await page.keyboard.insertText("const m = la.matmul(la.array([[1, 2]]), la.array([[3], [4]]))\nprint('m =', m.get(0, 0))\ndisplay.latex('x^2')\nprint('tf', typeof tf.tensor)");
    // Shift+Enter on the only cell runs it and, as in Jupyter, gives a new code cell below to go on in (its editor open).
    const first = (await ids(page))[0];
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => ids(page).then((all) => all.length)).toBe(2);
    const second = (await ids(page))[1];
    expect(second).toMatch(/^new-/);
    await cell(page, second).locator('.cm-editor.cm-focused').waitFor();
    await expect(cell(page, second).getAttribute('data-cell-type')).resolves.toBe('code');
    await page.waitForFunction((id) => ['done', 'error'].includes(document.querySelector(`[data-cell="${id}"]`)?.getAttribute('data-cell-status') ?? ''), first, { timeout: 120_000 });
    const out = (await cell(page, first).locator('.outputs').textContent()) ?? '';
    expect(out).toContain('m = 11');
    expect(out).toContain('tf function');
    await expect.poll(() => cell(page, first).locator('.katex').count()).toBeGreaterThan(0);
    await screenshot(page, 'nbfile-new-notebook-1280x720');
    // No lesson to go back to here: no Revert to original.
    await expect(page.getByRole('button', { name: 'Revert to original' }).count()).resolves.toBe(0);

    // The second cell gets text; both survive a reload.
    await page.keyboard.insertText("print('my second cell')");
    await page.waitForFunction(() => (localStorage.getItem('jacobian-notebook/blank/edits') ?? '').includes('my second cell'));
    const blankCells = async (): Promise<void> => {
      await cell(page, second).waitFor();
      expect(await ids(page)).toEqual([first, second]);
      await expect(cell(page, first).locator('pre.print-source').textContent()).resolves.toContain("print('m =', m.get(0, 0))");
      await expect(cell(page, second).locator('pre.print-source').textContent()).resolves.toContain("print('my second cell')");
    };
    await page.reload();
    await blankCells();

    // The lesson, as it was left: the edit is there, saved apart from the blank notebook.
    await page.getByRole('button', { name: 'Back to the lesson', exact: true }).click();
    await page.waitForURL((u) => !u.search.includes('notebook=blank'));
    await cell(page, '02-the-network').locator('.cm-content').waitFor();
    // (CodeMirror draws only the lines in view: the whole source is in the cell's print copy.)
    await expect(cell(page, '02-the-network').locator('pre.print-source').textContent()).resolves.toContain("print('my lesson edit')");
    await expect(page.getByRole('button', { name: 'Revert to original' }).count()).resolves.toBe(1);

    // And back to the blank notebook, as it was left.
    await page.getByRole('button', { name: 'New notebook', exact: true }).click();
    await page.waitForURL(/\?notebook=blank/);
    await blankCells();

    // Its link, opened in a fresh profile, is exactly its two cells: no empty cell of the receiver's own above them.
    const url = await sharedLink(page);
    const receiver = (await open()).page;
    await receiver.goto(url);
    await receiver.getByTestId('trust-banner-link').waitFor();
    expect(await ids(receiver)).toEqual([first, second]);
  });
});
