// What the fault and leak browser tests share: Run all and wait, cell statuses, notices, a table as text.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** The statuses a finished run leaves a code cell in ('idle' is also a cell never run: not counted). */
const finished = ['done', 'error'];

/** Every code cell's id and `data-cell-status`, in page order. */
export async function cellStatuses(page: Page): Promise<Record<string, string>> {
  const pairs = await page.$$eval('[data-cell-type=code]', (els) => els.map((e) => [e.getAttribute('data-cell') ?? '', e.getAttribute('data-cell-status') ?? 'missing']));
  return Object.fromEntries(pairs);
}

/** Waits until the kernel is ready (Run all enabled and the backend label filled in). */
export async function kernelReady(page: Page, timeoutMs = 90_000): Promise<string> {
  await page.waitForFunction(() => !/loading/.test(document.querySelector('[data-testid=tf-backend]')?.textContent ?? 'loading'), null, { timeout: timeoutMs });
  await expect.poll(() => page.getByRole('button', { name: 'Run all' }).isEnabled(), { timeout: timeoutMs }).toBe(true);
  return (await page.getByTestId('tf-backend').textContent()) ?? '';
}

/** Clicks Run all, waits until every code cell has finished, and gives every cell's status. */
export async function runAll(page: Page, timeoutMs = 240_000): Promise<Record<string, string>> {
  await page.getByRole('button', { name: 'Run all' }).click();
  await page.waitForFunction(
    (ok) => [...document.querySelectorAll('[data-cell-type=code]')].every((el) => ok.includes(el.getAttribute('data-cell-status') ?? '')),
    finished,
    { timeout: timeoutMs, polling: 50 },
  );
  return cellStatuses(page);
}

/** The texts of the notices above the notebook. */
export async function noticeTexts(page: Page): Promise<string[]> {
  return page.locator('.notices .notice p').allTextContents();
}

/** A table of the page as text rows (cells joined by ' | '), found by its caption's words. */
export async function tableText(page: Page, captionWords: string): Promise<string[]> {
  const table = page.locator('figure.out-table', { has: page.locator('figcaption', { hasText: captionWords }) }).first();
  return table.locator('tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim()).join(' | ')));
}

/** Replaces a code cell's whole source through its editor, as a student would (select all, type). */
export async function replaceSource(page: Page, id: string, text: string): Promise<void> {
  await page.locator(`[data-cell="${id}"] .cm-content`).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Escape');
}

/**
 * The text a code cell's editor shows at its end (CodeMirror draws only the lines in view, so the
 * end of the cell is scrolled into view first).
 */
export async function endOfCell(page: Page, id: string): Promise<string> {
  // Far editors mount as they come near the screen (a reload may restore the page far down): bring the cell there first.
  await page.locator(`[data-cell="${id}"]`).scrollIntoViewIfNeeded();
  const content = page.locator(`[data-cell="${id}"] .cm-content`);
  await content.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return (await content.textContent()) ?? '';
}
