// The notebook's structure on the built site: Jupyter's keys and the cells' buttons insert, delete (and undo),
// move, copy, paste, split, merge and retype cells; new cells run like the lesson's; Revert to original undoes it all.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, screenshot, type Session } from './browser';
import { kernelReady, runAll } from './faultKit';

/** Every cell's id, in page order. */
async function order(page: Page): Promise<string[]> {
  return page.$$eval('[data-cell]', (els) => els.map((e) => e.getAttribute('data-cell') ?? ''));
}

/** The selected cell's id, and every cell of a Shift+Up/Down selection. */
async function selection(page: Page): Promise<{ selected: string | null; range: string[] }> {
  return page.evaluate(() => ({
    selected: document.querySelector('.cell-selected')?.getAttribute('data-cell') ?? null,
    range: [...document.querySelectorAll('.cell-in-selection')].map((e) => e.getAttribute('data-cell') ?? ''),
  }));
}

/** Selects a cell in command mode, as a click on its prompt or its text does. */
async function selectCell(page: Page, id: string): Promise<void> {
  const cell = page.locator(`[data-cell="${id}"]`);
  await cell.scrollIntoViewIfNeeded();
  await cell.evaluate((el) => (el as HTMLElement).focus());
  await expect.poll(() => selection(page).then((s) => s.selected)).toBe(id);
}

/** The ids of the lesson's cells around `id` (the cell after it, by the page's order now). */
async function after(page: Page, id: string): Promise<string> {
  const ids = await order(page);
  return ids[ids.indexOf(id) + 1];
}

/** The code a cell's editor holds (or its plain-text stand-in before the editor mounts). */
async function codeOf(page: Page, id: string): Promise<string> {
  return page.locator(`[data-cell="${id}"]`).evaluate((el) => {
    const lines = el.querySelectorAll('.cm-content .cm-line');
    if (lines.length > 0) return [...lines].map((l) => l.textContent ?? '').join('\n');
    return el.querySelector('.code-fallback, .print-source')?.textContent ?? '';
  });
}

/** Types into the selected code cell's editor: Enter opens it, the text goes in, Esc leaves it. */
async function typeCode(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Enter');
  await page.locator('.cell-selected .cm-editor.cm-focused').waitFor();
  await page.keyboard.insertText(text);
}

/** Esc until the editor is left (the first may only close a completion list, as in CodeMirror). */
async function leaveEditor(page: Page): Promise<void> {
  for (let i = 0; i < 3 && (await page.locator('.cm-editor.cm-focused, textarea:focus').count()) > 0; i++) await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('.cm-editor.cm-focused').count()).toBe(0);
}

describe('structure editing on a desktop', () => {
  let session: Session;
  let page: Page;
  let lesson: string[] = [];
  beforeAll(async () => {
    session = await launch(inject('siteOrigin'), { viewport: { width: 1280, height: 720 } });
    page = session.page;
    await page.goto(inject('siteUrl'));
  });
  afterAll(async () => {
    await session?.close();
  });

  it('B and A insert code cells; a new cell runs in the lesson\'s scope, gets In [n] and has no Revert; M, Y retype; D D deletes, one D does not', async () => {
    await kernelReady(page);
    lesson = await order(page);
    // The first cell cannot go up nor the last down: those buttons say so and do nothing.
    const [top, bottom] = [lesson[0], lesson[lesson.length - 1]];
    const moveButton = (id: string, name: string) => page.locator(`[data-cell="${id}"]`).getByRole('button', { name });
    await selectCell(page, top);
    expect(await moveButton(top, 'Move cell up').getAttribute('aria-disabled')).toBe('true');
    expect(await moveButton(top, 'Move cell up').getAttribute('title')).toMatch(/first cell/);
    expect(await moveButton(top, 'Move cell down').getAttribute('aria-disabled')).toBeNull();
    // (force: a click of the mouse there, which Playwright would otherwise wait to see enabled.)
    await moveButton(top, 'Move cell up').click({ force: true });
    expect(await order(page)).toEqual(lesson);
    await selectCell(page, bottom);
    expect(await moveButton(bottom, 'Move cell down').getAttribute('aria-disabled')).toBe('true');
    expect(await moveButton(bottom, 'Move cell down').getAttribute('title')).toMatch(/last cell/);
    expect(await moveButton(bottom, 'Move cell up').getAttribute('aria-disabled')).toBeNull();
    await selectCell(page, '02-the-network');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('[data-cell="02-the-network"]').getAttribute('data-cell-status'), { timeout: 60_000 }).toBe('done');

    await page.keyboard.press('b');
    const below = await after(page, '02-the-network');
    expect(below).toMatch(/^new-/);
    expect((await order(page)).length).toBe(lesson.length + 1);
    expect((await selection(page)).selected).toBe(below);
    const newCell = page.locator(`[data-cell="${below}"]`);
    expect(await newCell.getAttribute('data-cell-type')).toBe('code');

    // K (the number of layers, 2) comes from the lesson's cell 02.
    await typeCode(page, 'const z = K + 1;\nprint(z)');
    // Keys typed in an editor are text, not commands.
    const typing = await order(page);
    await page.keyboard.type(' // dd ab xyz');
    expect(await order(page)).toEqual(typing);
    expect(await codeOf(page, below)).toBe('const z = K + 1;\nprint(z) // dd ab xyz');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => newCell.getAttribute('data-cell-status'), { timeout: 60_000 }).toBe('done');
    expect(await newCell.locator('.prompt').textContent()).toBe('In [2]');
    expect((await newCell.locator('.outputs .out-text').allTextContents()).map((t) => t.trim())).toEqual(['3']);
    expect(await newCell.getByRole('button', { name: 'Revert cell' }).count()).toBe(0);

    await leaveEditor(page);
    await page.keyboard.press('a');
    const above = await after(page, '02-the-network');
    expect(above).toMatch(/^new-/);
    expect(await after(page, above)).toBe(below);

    await page.keyboard.press('m');
    await expect.poll(() => page.locator(`[data-cell="${above}"]`).getAttribute('data-cell-type')).toBe('markdown');
    await page.locator(`[data-cell="${above}"]`).getByText(/^Empty text cell/).waitFor();
    await page.keyboard.press('y');
    await expect.poll(() => page.locator(`[data-cell="${above}"]`).getAttribute('data-cell-type')).toBe('code');

    await page.keyboard.press('d');
    expect(await order(page)).toContain(above);
    await page.keyboard.press('d');
    await expect.poll(() => order(page)).not.toContain(above);
    expect((await selection(page)).selected).toBe(below);

    // A D held down repeats: that is not a second press.
    const held = await order(page);
    await page.keyboard.down('d');
    await page.keyboard.down('d');
    await page.keyboard.down('d');
    await page.keyboard.up('d');
    expect(await order(page)).toEqual(held);
    // While presenting, the notebook's structure keys do nothing (a slide is no place to delete cells).
    await page.keyboard.press('p');
    await page.waitForFunction(() => document.documentElement.classList.contains('presenting'));
    await page.keyboard.press('a');
    await page.keyboard.press('d');
    await page.keyboard.press('d');
    await page.keyboard.press('x');
    expect(await order(page)).toEqual(held);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.documentElement.classList.contains('presenting'));
    expect(session.consoleErrors).toEqual([]);
  });

  it('Z undoes two deletions in turn; X, C, V and Shift+V cut, copy and paste', async () => {
    const start = await order(page);
    await selectCell(page, '03-activations');
    await page.keyboard.press('d');
    await page.keyboard.press('d');
    await selectCell(page, '05-forward-pass');
    await page.keyboard.press('d');
    await page.keyboard.press('d');
    const twoGone = await order(page);
    expect(twoGone).not.toContain('03-activations');
    expect(twoGone).not.toContain('05-forward-pass');
    await page.keyboard.press('z');
    await expect.poll(() => order(page)).toEqual(start.filter((id) => id !== '03-activations'));
    await page.keyboard.press('z');
    await expect.poll(() => order(page)).toEqual(start);

    // Copy 04, paste below 05 and above 03: two new cells with 04's code.
    await selectCell(page, '04-activations');
    await page.keyboard.press('c');
    await selectCell(page, '05-forward-pass');
    await page.keyboard.press('v');
    const pastedBelow = await after(page, '05-forward-pass');
    expect(pastedBelow).toMatch(/^new-/);
    await selectCell(page, '03-activations');
    await page.keyboard.press('Shift+V');
    const ids = await order(page);
    const pastedAbove = ids[ids.indexOf('03-activations') - 1];
    expect(pastedAbove).toMatch(/^new-/);
    const lessonCode = await codeOf(page, '04-activations');
    expect(await codeOf(page, pastedBelow)).toBe(lessonCode);
    expect(await codeOf(page, pastedAbove)).toBe(lessonCode);

    // Cut the one above 03, paste it below 05's pasted copy: it moved, the same cell.
    await selectCell(page, pastedAbove);
    await page.keyboard.press('x');
    await expect.poll(() => order(page)).not.toContain(pastedAbove);
    await selectCell(page, pastedBelow);
    await page.keyboard.press('v');
    const moved = await after(page, pastedBelow);
    expect(moved).toBe(pastedAbove);
    expect(await codeOf(page, moved)).toBe(lessonCode);
    // A lesson cell cut and pasted is moved, not deleted and made anew: its id, its Revert, no Undo delete left (a second copy).
    await selectCell(page, '03-activations');
    await page.keyboard.press('x');
    await page.locator('.undo-delete', { hasText: 'Deleted cell 03-activations.' }).waitFor();
    await selectCell(page, '04-activations');
    await page.keyboard.press('v');
    await expect.poll(() => after(page, '04-activations')).toBe('03-activations');
    expect(await page.locator('[data-cell="03-activations"]').getAttribute('data-origin')).toBe('lesson');
    // (The bar may offer an older deletion again, that of test 1's new cell; never this cut.)
    expect(await page.locator('.undo-delete', { hasText: '03-activations' }).count()).toBe(0);
    await screenshot(page, 'structure-cut-paste-lesson');
    await page.locator('[data-cell="03-activations"]').getByRole('button', { name: 'Move cell up' }).click();
    await expect.poll(() => after(page, '03-activations')).toBe('04-activations');
    // The copies go again (D D twice), leaving the lesson's order.
    for (const id of [moved, pastedBelow]) {
      await selectCell(page, id);
      await page.keyboard.press('d');
      await page.keyboard.press('d');
    }
    await expect.poll(() => order(page)).toEqual(start);
  });

  it('Shift+Down selects two cells that move together; Shift+M merges, Ctrl+Shift+- splits at the cursor; O hides the output', async () => {
    const start = await order(page);
    await selectCell(page, '03-activations');
    await page.keyboard.press('Shift+ArrowDown');
    expect((await selection(page)).range).toEqual(['03-activations', '04-activations']);
    // Move down by the buttons of a selected cell: the pair moves below 05.
    await page.locator('[data-cell="04-activations"]').getByRole('button', { name: 'Move cell down' }).click();
    const movedDown = await order(page);
    const at = movedDown.indexOf('05-forward-pass');
    expect(movedDown.slice(at, at + 3)).toEqual(['05-forward-pass', '03-activations', '04-activations']);
    await page.locator('[data-cell="04-activations"]').getByRole('button', { name: 'Move cell up' }).click();
    await expect.poll(() => order(page)).toEqual(start);

    // A tall cell (04, some 700 px) moved up twice by its button: after each move its top bar, with
    // the button, is on screen below the header (the reviewer found it at y = -295): the next press
    // finds it without scrolling.
    const tall = page.locator('[data-cell="04-activations"]');
    const upButton = tall.getByRole('button', { name: 'Move cell up' });
    // 04 alone: selecting 05 first drops the Shift+Down range above (a click on a focused cell would keep it).
    await selectCell(page, '05-forward-pass');
    await tall.scrollIntoViewIfNeeded();
    await tall.click({ position: { x: 5, y: 5 } });
    expect(await selection(page)).toEqual({ selected: '04-activations', range: [] });
    // Its top bar in the upper middle of the window, as a reader scrolling down meets it.
    await tall.evaluate((el) => window.scrollBy({ top: el.getBoundingClientRect().top - 400, behavior: 'instant' }));
    const headerBottom = await page.evaluate(() => document.querySelector('header')?.getBoundingClientRect().bottom ?? 0);
    for (let i = 1; i <= 2; i++) {
      // Once with the mouse, once from the keyboard (the button focused, Enter).
      if (i === 2) await upButton.focus();
      const box = await upButton.boundingBox();
      if (!box) throw new Error('Move cell up has no box');
      if (i === 1) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      else await page.keyboard.press('Enter');
      await expect.poll(() => order(page).then((ids) => ids.indexOf('04-activations'))).toBe(start.indexOf('04-activations') - i);
      const bar = await upButton.boundingBox();
      expect(bar && bar.y >= headerBottom && bar.y + bar.height <= 720).toBe(true);
    }
    await screenshot(page, 'structure-tall-moved-up');
    for (let i = 0; i < 2; i++) await tall.getByRole('button', { name: 'Move cell down' }).click();
    await expect.poll(() => order(page)).toEqual(start);

    // A new cell of two lines, split at the start of the second line, merged again.
    await selectCell(page, '04-activations');
    await page.keyboard.press('b');
    const made = await after(page, '04-activations');
    await typeCode(page, 'const m1 = 1;\nconst m2 = 2;');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Control+Shift+Minus');
    const second = await after(page, made);
    expect(second).toMatch(/^new-/);
    await expect.poll(() => codeOf(page, made)).toBe('const m1 = 1;');
    await expect.poll(() => codeOf(page, second)).toBe('const m2 = 2;');
    await leaveEditor(page);
    await selectCell(page, made);
    await page.keyboard.press('Shift+M');
    await expect.poll(() => order(page)).not.toContain(second);
    await expect.poll(() => codeOf(page, made)).toBe('const m1 = 1;\n\nconst m2 = 2;');
    // Z undoes the merge: both cells as they were, the first one selected; Shift+M merges them again.
    await page.keyboard.press('z');
    await expect.poll(() => after(page, made)).toBe(second);
    await expect.poll(() => codeOf(page, made)).toBe('const m1 = 1;');
    expect(await codeOf(page, second)).toBe('const m2 = 2;');
    expect((await selection(page)).selected).toBe(made);
    await page.keyboard.press('Shift+M');
    await expect.poll(() => order(page)).not.toContain(second);
    await expect.poll(() => codeOf(page, made)).toBe('const m1 = 1;\n\nconst m2 = 2;');

    // Alt+Enter runs the cell and opens a new one below it, in its editor.
    await page.keyboard.press('Alt+Enter');
    const opened = await after(page, made);
    expect(opened).toMatch(/^new-/);
    await page.locator(`[data-cell="${opened}"] .cm-editor.cm-focused`).waitFor();
    const madeCell = page.locator(`[data-cell="${made}"]`);
    await expect.poll(() => madeCell.getAttribute('data-cell-status'), { timeout: 60_000 }).toBe('done');
    await page.keyboard.insertText('print("shown")');
    await page.keyboard.press('Control+Enter');
    const openedCell = page.locator(`[data-cell="${opened}"]`);
    await openedCell.getByText('shown', { exact: true }).waitFor();
    await leaveEditor(page);
    await page.keyboard.press('o');
    await expect.poll(() => openedCell.getByText('shown', { exact: true }).count()).toBe(0);
    await expect.poll(() => openedCell.getByRole('button', { name: /Output hidden/ }).count()).toBe(1);
    await page.keyboard.press('o');
    await openedCell.getByText('shown', { exact: true }).waitFor();

    // A lesson code cell made text (M) has a Revert, which makes it the lesson's code again.
    await selectCell(page, '04-activations');
    const lessonCell = page.locator('[data-cell="04-activations"]');
    await page.keyboard.press('m');
    await expect.poll(() => lessonCell.getAttribute('data-cell-type')).toBe('markdown');
    await lessonCell.getByRole('button', { name: 'Revert cell' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revert', exact: true }).click();
    await expect.poll(() => lessonCell.getAttribute('data-cell-type')).toBe('code');
    expect(await lessonCell.getByRole('button', { name: 'Revert cell' }).count()).toBe(0);
    expect(session.consoleErrors).toEqual([]);
  });

  it('the buttons insert below and delete; Run all runs the inserted cells; Revert to original, confirmed, is the lesson again', { timeout: 300_000 }, async () => {
    // Shift+Enter on the lesson's last cell: a new code cell below it, its editor open (Jupyter's way), not a dead end.
    const last = lesson[lesson.length - 1];
    await selectCell(page, last);
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => after(page, last)).toMatch(/^new-/);
    const end = await after(page, last);
    await page.locator(`[data-cell="${end}"] .cm-editor.cm-focused`).waitFor();
    expect((await selection(page)).selected).toBe(end);
    await leaveEditor(page);

    await selectCell(page, '06-forward-pass');
    await page.locator('[data-cell="06-forward-pass"]').getByRole('button', { name: 'Insert cell below' }).click();
    const inserted = await after(page, '06-forward-pass');
    expect(inserted).toMatch(/^new-/);
    await typeCode(page, 'print(`sum ${K + 40}`)');
    await leaveEditor(page);
    await page.locator('[data-cell="06-forward-pass"]').getByRole('button', { name: 'Insert cell below' }).click();
    const spare = await after(page, '06-forward-pass');
    await screenshot(page, 'structure-desktop-inserted');
    await page.locator(`[data-cell="${spare}"]`).getByRole('button', { name: 'Delete cell' }).click();
    await expect.poll(() => order(page)).not.toContain(spare);
    // A selected text cell shows the same buttons in its tools.
    await selectCell(page, '07-jacobians');
    await screenshot(page, 'structure-desktop-markdown-selected');
    // A lesson cell deleted and another moved: Revert brings both back where they were.
    await selectCell(page, '03-activations');
    await page.locator('[data-cell="03-activations"]').getByRole('button', { name: 'Delete cell' }).click();
    await selectCell(page, '05-forward-pass');
    const before = (await order(page)).indexOf('05-forward-pass');
    await page.locator('[data-cell="05-forward-pass"]').getByRole('button', { name: 'Move cell up' }).click();
    expect((await order(page)).indexOf('05-forward-pass')).toBe(before - 1);

    const statuses = await runAll(page);
    expect(Object.entries(statuses).filter(([, s]) => s !== 'done')).toEqual([]);
    const insertedCell = page.locator(`[data-cell="${inserted}"]`);
    expect(await insertedCell.getByText('sum 42').count()).toBe(1);
    const prompts = await page.$$eval('[data-cell-type=code] .prompt', (els) => els.map((e) => e.textContent ?? ''));
    // Run all numbers every code cell 1, 2, 3... after the runs before it, inserted ones among them.
    const numbers = prompts.map((p) => Number(/In \[(\d+)\]/.exec(p)?.[1]));
    expect(numbers.every((n, i) => i === 0 || n === numbers[i - 1] + 1)).toBe(true);

    await page.getByRole('button', { name: 'Revert to original' }).click();
    const dialog = page.getByRole('dialog');
    const newCount = (await order(page)).filter((id) => id.startsWith('new-')).length;
    expect(await dialog.textContent()).toContain(`${newCount} new cells are removed`);
    await dialog.getByRole('button', { name: 'Revert all' }).click();
    await expect.poll(() => order(page)).toEqual(lesson);
    expect(await page.getByRole('button', { name: 'Revert to original' }).isDisabled()).toBe(true);
    expect(session.consoleErrors).toEqual([]);
  });

  it('I I interrupts a running cell; 0 0 restarts the kernel (In [n] counts from 1 again)', async () => {
    await selectCell(page, '02-the-network');
    await page.keyboard.press('b');
    const slow = await after(page, '02-the-network');
    await typeCode(page, 'const until = Date.now() + 30000;\nwhile (Date.now() < until) {}');
    await page.keyboard.press('Control+Enter');
    const slowCell = page.locator(`[data-cell="${slow}"]`);
    await expect.poll(() => slowCell.getAttribute('data-cell-status')).toBe('running');
    await leaveEditor(page);
    await page.keyboard.press('i');
    await page.keyboard.press('i');
    await expect.poll(() => slowCell.getAttribute('data-cell-status'), { timeout: 20_000 }).toBe('idle');
    expect(await slowCell.locator('.cell-notice').textContent()).toMatch(/interrupted/);
    await kernelReady(page);

    await page.keyboard.press('0');
    await page.keyboard.press('0');
    await expect.poll(() => page.getByTestId('kernel-status').textContent(), { timeout: 60_000 }).toMatch(/idle/);
    await selectCell(page, '02-the-network');
    await page.keyboard.press('Control+Enter');
    const lessonCell = page.locator('[data-cell="02-the-network"]');
    await expect.poll(() => lessonCell.getAttribute('data-cell-status'), { timeout: 60_000 }).toBe('done');
    expect(await lessonCell.locator('.prompt').textContent()).toBe('In [1]');
  });
});

describe('structure editing on a phone', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch(inject('siteOrigin'), { viewport: { width: 375, height: 800 }, touch: true });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('a tap selects a cell and shows its buttons; Insert cell below, Move, Delete and Undo delete work by touch', async () => {
    const { page } = session;
    await page.goto(inject('siteUrl'));
    await kernelReady(page);
    const start = await order(page);
    const cell = page.locator('[data-cell="02-the-network"]');
    await cell.scrollIntoViewIfNeeded();
    expect(await cell.getByRole('button', { name: 'Insert cell below' }).isVisible()).toBe(false);
    await cell.locator('.prompt').tap();
    const insert = cell.getByRole('button', { name: 'Insert cell below' });
    await insert.waitFor({ state: 'visible' });
    const box = await insert.boundingBox();
    expect(box && box.width >= 44 && box.height >= 44).toBe(true);
    await insert.tap();
    const first = await after(page, '02-the-network');
    expect(first).toMatch(/^new-/);
    await page.locator(`[data-cell="${first}"] .cm-content`).tap();
    await page.keyboard.insertText('const phone = 1;');
    await cell.locator('.prompt').tap();
    await cell.getByRole('button', { name: 'Insert cell below' }).tap();
    const second = await after(page, '02-the-network');
    expect(second).toMatch(/^new-/);
    await page.locator(`[data-cell="${second}"] .cm-content`).tap();
    await page.keyboard.insertText('const phone2 = 2;');
    await page.locator(`[data-cell="${second}"] .prompt`).tap();
    await page.locator(`[data-cell="${second}"]`).getByRole('button', { name: 'Move cell down' }).tap();
    const ids = await order(page);
    expect(ids.slice(ids.indexOf('02-the-network'), ids.indexOf('02-the-network') + 3)).toEqual(['02-the-network', first, second]);
    await page.locator(`[data-cell="${first}"]`).scrollIntoViewIfNeeded();
    await screenshot(page, 'structure-phone-inserted');
    await page.locator(`[data-cell="${second}"]`).getByRole('button', { name: 'Delete cell' }).tap();
    await expect.poll(() => order(page)).not.toContain(second);
    await screenshot(page, 'structure-phone-undo');
    // No Z key on a phone: the undo comes as a button.
    await page.getByRole('button', { name: 'Undo delete' }).tap();
    await expect.poll(() => after(page, first)).toBe(second);
    await page.locator(`[data-cell="${second}"]`).getByRole('button', { name: 'Delete cell' }).tap();
    await page.locator(`[data-cell="${first}"] .prompt`).tap();
    await page.locator(`[data-cell="${first}"]`).getByRole('button', { name: 'Delete cell' }).tap();
    await expect.poll(() => order(page)).toEqual(start);
    expect(session.consoleErrors).toEqual([]);
  });
});
