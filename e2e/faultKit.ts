// What the browser tests share: Run all and wait, running chosen cells, cell statuses, notices, a table as text, a link's network.
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

/** A 3-4-2-1 sigmoid network as a link's hash (no `#`): the lesson's and the step-through view's tests open it. */
export const net3421Link = [
  'widths=3,4,2,1',
  'act=sigmoid',
  'X0=0.3,-0.8,0.5',
  'W1=0.2,-0.4,0.1;0.7,0.3,-0.6;-0.5,0.9,0.2;0.1,-0.2,0.8',
  'beta1=0.1,-0.2,0.3,0',
  'W2=0.6,-0.3,0.4,0.2;-0.7,0.5,0.1,-0.4',
  'beta2=0.05,-0.1',
  'W3=0.9,-0.6',
  'beta3=1.5',
].join('&');

/** The cells from the network to the comparison table. */
export const gradientCells = ['02-the-network', '04-activations', '06-forward-pass', '08-jacobians', '10-chain-rule-numbers', '12a-manual-gradients', '12b-tfjs-gradients', '14-comparison'];

export const cellOf = (page: Page, id: string) => page.locator(`[data-cell="${id}"]`);

/** Each cell's `data-cell-status`, in the order asked. */
export async function statusesOf(page: Page, ids: string[]): Promise<string[]> {
  return Promise.all(ids.map(async (id) => (await cellOf(page, id).getAttribute('data-cell-status')) ?? 'missing'));
}

/** Waits until every cell asked has finished (done or error), naming the ones that did not. */
export async function waitSettled(page: Page, ids: string[]): Promise<void> {
  await page.waitForFunction(
    (wanted) => wanted.every((id) => ['done', 'error'].includes(document.querySelector(`[data-cell="${id}"]`)?.getAttribute('data-cell-status') ?? '')),
    ids,
    { timeout: 240_000 },
  ).catch(async (error: unknown) => {
    throw new Error(`cells did not finish: ${(await statusesOf(page, ids)).map((s, i) => `${ids[i]} ${s}`).join(', ')}`, { cause: error });
  });
}

/** Clicks each cell's Run button, again if the click did not take (outputs streaming in move the page under the pointer), then waits for all. */
export async function runCells(page: Page, ids: string[]): Promise<void> {
  for (const id of ids) {
    for (let attempt = 0; attempt < 3; attempt++) {
      await cellOf(page, id).getByRole('button', { name: 'Run cell' }).click();
      const took = await page
        .waitForFunction((cellId) => document.querySelector(`[data-cell="${cellId}"]`)?.getAttribute('data-cell-status') !== 'idle', id, { timeout: 5_000 })
        .then(() => true, () => false);
      if (took) break;
    }
  }
  await waitSettled(page, ids);
}
