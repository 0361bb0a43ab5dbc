// The whole lesson on the built site: Run all finishes every cell, the gradients agree within the stated
// tolerance, the derivations and charts are on screen, and a link with another network changes the numbers.
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, screenshot, type Session } from './browser';
import { net3421Link } from './faultKit';


/** The cells after the original's line (cells/README.md), and how many plots each draws. */
const deeperCells = ['27-whole-matrix', '29-forward-reverse', '32-tape-at-work', '34-batches', '36-gradient-step', '38-training', '40-decision-boundary', '42-gradient-checking', '44-tanh-vjp-exercise', '46-batch-exercise'];
const deeperPlots: Record<string, number> = { '38-training': 1, '40-decision-boundary': 1, '42-gradient-checking': 1 };

const originalRows = ['dl/dX0', 'dl/dX2', 'dl/dX1', 'dl/dW1', 'dl/dbeta1', 'dl/dW2', 'dl/dbeta2'];
const rows3421 = ['dl/dX0', 'dl/dX3', 'dl/dX2', 'dl/dX1', 'dl/dW1', 'dl/dbeta1', 'dl/dW2', 'dl/dbeta2', 'dl/dW3', 'dl/dbeta3'];

/** Records, in the page, when each cell reaches each status (ms since navigation), before any script runs. */
const recordStatusTimes = (): void => {
  const times: Record<string, Record<string, number>> = {};
  (window as unknown as { cellStatusTimes: typeof times }).cellStatusTimes = times;
  new MutationObserver((records) => {
    for (const r of records) {
      const el = r.target as Element;
      const id = el.getAttribute('data-cell');
      const status = el.getAttribute('data-cell-status');
      if (id && status) (times[id] ??= {})[status] ??= performance.now();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-cell-status'] });
};

async function codeCells(page: Page): Promise<string[]> {
  return page.$$eval('[data-cell-type=code]', (els) => els.map((e) => e.getAttribute('data-cell') ?? ''));
}

/** Clicks Run all as soon as it is enabled, then waits until every code cell has finished. */
async function runAll(page: Page): Promise<{ enabledMs: number; statuses: Record<string, string> }> {
  const button = page.getByRole('button', { name: 'Run all' });
  await expect.poll(() => button.isEnabled(), { timeout: 60_000, interval: 10 }).toBe(true);
  const enabledMs = await page.evaluate(() => performance.now());
  await button.click();
  const ids = await codeCells(page);
  await page
    .waitForFunction((wanted) => wanted.every((id) => ['done', 'error'].includes(document.querySelector(`[data-cell="${id}"]`)?.getAttribute('data-cell-status') ?? '')), ids, {
      timeout: 240_000,
    })
    .catch(() => undefined);
  const statuses = Object.fromEntries(await Promise.all(ids.map(async (id) => [id, (await page.locator(`[data-cell="${id}"]`).getAttribute('data-cell-status')) ?? 'missing'])));
  return { enabledMs, statuses };
}

/** The comparison table's rows: gradient name, whether the row passed, and its text. */
async function comparisonRows(page: Page): Promise<{ name: string; ok: boolean; text: string }[]> {
  return page.getByTestId('gradient-comparison').locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({ name: tr.querySelector('td')?.textContent ?? '', ok: tr.classList.contains('row-ok'), text: tr.textContent ?? '' })),
  );
}

/** A table of the page as text rows (cells joined by ' | '), found by a caption's words. */
async function tableText(page: Page, captionWords: string): Promise<string> {
  const table = page.locator('figure.out-table', { has: page.locator('figcaption', { hasText: captionWords }) }).first();
  return table.locator('tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim()).join(' | ')).join('\n'));
}

describe('the lesson', () => {
  let session: Session | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });
  afterAll(async () => {
    await session?.close();
  });

  it('Run all: every cell done, gradients within tolerance, KaTeX and Plotly on screen, no console errors', { timeout: 300_000 }, async () => {
    session = await launch(inject('siteOrigin'), { viewport: { width: 1280, height: 720 } });
    const { page } = session;
    await page.addInitScript(recordStatusTimes);
    await page.goto(inject('siteUrl'));
    const { enabledMs, statuses } = await runAll(page);
    expect(statuses).toEqual(Object.fromEntries(Object.keys(statuses).map((id) => [id, 'done'])));

    const rows = await comparisonRows(page);
    expect(rows.map((r) => r.name)).toEqual(originalRows);
    expect(rows.filter((r) => !r.ok)).toEqual([]);
    await expect(page.getByText(/^Verdict: they agree\./).count()).resolves.toBe(1);
    // The seed's numbers on screen: dl/dX0 as the original printed it, in the manual cell and the table.
    await expect(page.locator('[data-cell="12a-manual-gradients"]').textContent()).resolves.toContain('dl/dX0:  [[-0.05246989  0.28237541]]');
    expect(rows[0].text).toContain('[[-0.05247   0.282375]]'); // 6 decimals in the table

    // Plots far from the screen draw when they come near it or the page is idle (deferredMount.ts).
    await expect.poll(() => page.locator('.js-plotly-plot').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    // The chain rule's step-through view: the forward pass, then the original's 7 factors.
    await expect.poll(() => page.locator('[data-cell="10-chain-rule-numbers"] [data-testid="backprop-count"]').textContent(), { timeout: 30_000 }).toBe('Step 0 of 7');
    await expect(page.locator('[data-cell="23-the-kink"]').textContent()).resolves.toContain('z_1[0] is exactly 0');

    // Measured, not asserted (budgets are benchmarks): how long Run all took, and the timing table.
    const times = await page.evaluate(() => (window as unknown as { cellStatusTimes: Record<string, Record<string, number>> }).cellStatusTimes);
    const doneAt = (id: string): number => times[id]?.done ?? NaN;
    const ids = Object.keys(statuses);
    const allDone = Math.max(...ids.map(doneAt));
    const timingAndSweep = doneAt('18-scaling') - doneAt('14-comparison');
    const backend = await page.getByTestId('tf-backend').textContent();
    console.log(
      [
        `[lesson timing] headless Chromium, ${backend}`,
        `Run all enabled ${enabledMs.toFixed(0)} ms after navigation`,
        `seed numbers (12a done) at ${doneAt('12a-manual-gradients').toFixed(0)} ms, comparison (14) at ${doneAt('14-comparison').toFixed(0)} ms`,
        `all cells done at ${allDone.toFixed(0)} ms; timing + sweep cells took ${timingAndSweep.toFixed(0)} ms; without them ${(allDone - timingAndSweep).toFixed(0)} ms`,
        ...ids.map((id) => `  ${id}: running ${times[id]?.running?.toFixed(0)} -> done ${doneAt(id).toFixed(0)}`),
        await tableText(page, 'Time per gradient'),
        await tableText(page, 'Time per gradient by width'),
      ].join('\n'),
    );

    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'lesson-1280x720-top');
    await page.locator('[data-cell="14-comparison"]').scrollIntoViewIfNeeded();
    await page.getByTestId('gradient-comparison').scrollIntoViewIfNeeded();
    await screenshot(page, 'lesson-1280x720-comparison');
    await page.locator('[data-cell="16-timing"] .js-plotly-plot').scrollIntoViewIfNeeded();
    await screenshot(page, 'lesson-1280x720-timing');
    await page.locator('[data-cell="18-scaling"] .js-plotly-plot').scrollIntoViewIfNeeded();
    await screenshot(page, 'lesson-1280x720-scaling');

    // The going-deeper cells: each shows outputs, its plots are drawn, and we look at each
    for (const id of deeperCells) {
      const cell = page.locator(`[data-cell="${id}"]`);
      await cell.scrollIntoViewIfNeeded();
      await expect.poll(async () => ((await cell.locator('.outputs').first().textContent()) ?? '').trim().length, { timeout: 30_000 }).toBeGreaterThan(20);
      await expect.poll(() => cell.locator('.js-plotly-plot').count(), { timeout: 30_000 }).toBe(deeperPlots[id] ?? 0);
      await cell.locator('.outputs').first().scrollIntoViewIfNeeded();
      await screenshot(page, `lesson-1280x720-${id}`);
    }
    await expect(page.locator('[data-cell="32-tape-at-work"]').textContent()).resolves.toContain('(2x: both uses add up)');
    expect(session.consoleErrors).toEqual([]);
    expect(session.offOrigin).toEqual([]);
  });

  it('on a phone-sized screen (375x800): Run all finishes and the outputs fit or scroll in their own boxes', { timeout: 300_000 }, async () => {
    session = await launch(inject('siteOrigin'), { viewport: { width: 375, height: 800 } });
    const { page } = session;
    await page.goto(inject('siteUrl'));
    const { statuses } = await runAll(page);
    expect(Object.values(statuses).every((s) => s === 'done')).toBe(true);
    // Nothing makes the page itself scroll sideways: wide tables, formulas and code scroll inside their boxes.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    for (const [id, name] of [
      ['10-chain-rule-numbers', 'derivation'],
      ['14-comparison', 'comparison'],
      ['16-timing', 'timing'],
      ['20-relu-exercise', 'exercise'],
      ['29-forward-reverse', 'forward-reverse'],
      ['32-tape-at-work', 'tape'],
      ['34-batches', 'batches'],
      ['38-training', 'training'],
      ['40-decision-boundary', 'decision-boundary'],
      ['42-gradient-checking', 'gradient-checking'],
      ['46-batch-exercise', 'batch-exercise'],
    ]) {
      await page.locator(`[data-cell="${id}"]`).locator('.outputs').first().scrollIntoViewIfNeeded();
      await expect.poll(() => page.locator(`[data-cell="${id}"] .js-plotly-plot`).count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(deeperPlots[id] ?? 0);
      await screenshot(page, `lesson-375x800-${name}`);
    }
    expect(session.consoleErrors).toEqual([]);
  });

  it('a link with a 3-4-2-1 network changes the numbers, and every gradient still agrees with finite differences', { timeout: 300_000 }, async () => {
    session = await launch(inject('siteOrigin'), { viewport: { width: 1280, height: 720 } });
    const { page } = session;
    await page.goto(`${inject('siteUrl')}#${net3421Link}`);
    const { statuses } = await runAll(page);
    expect(statuses).toEqual(Object.fromEntries(Object.keys(statuses).map((id) => [id, 'done'])));
    await expect(page.locator('[data-cell="02-the-network"]').textContent()).resolves.toContain('c = [3, 4, 2, 1]   activation: sigmoid   K = 3 layers');

    const rows = await comparisonRows(page);
    expect(rows.map((r) => r.name)).toEqual(rows3421);
    expect(rows.filter((r) => !r.ok)).toEqual([]);
    expect(rows[0].text).not.toContain('-0.05247');
    // Finite differences ran (not skipped) and agree: the last column holds a small difference.
    for (const row of rows) expect(row.text).not.toContain('skipped');
    await expect(page.getByText(/Finite differences \(float64\) agree too/).count()).resolves.toBe(1);
    await page.getByTestId('gradient-comparison').scrollIntoViewIfNeeded();
    await screenshot(page, 'lesson-3421-comparison-1280x720');
    expect(session.consoleErrors).toEqual([]);
  });
});
