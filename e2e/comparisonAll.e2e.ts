// The comparison table shows every entry up to NumPy's threshold, each wide matrix scrolling in its cell, and offers the rest past it.
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { finiteDiffGradients } from '../app/core/finiteDiff';
import type { NetSpec } from '../app/core/types';
import { launch, screenshot, type Session } from './browser';
import { gradientCells, runCells } from './faultKit';

/** A 4-5-3-1 sigmoid network (dl/dW1 is 5x4: the old table hid one of its rows; dl/dW2 is 3x5). */
const spec: NetSpec = {
  widths: [4, 5, 3, 1],
  activation: 'sigmoid',
  X0: [0.3, -0.8, 0.5, 1.1],
  W: [
    [
      [0.2, -0.4, 0.1, 0.6],
      [0.7, 0.3, -0.6, -0.1],
      [-0.5, 0.9, 0.2, 0.4],
      [0.1, -0.2, 0.8, -0.7],
      [0.35, 0.15, -0.25, 0.05],
    ],
    [
      [0.6, -0.3, 0.4, 0.2, -0.1],
      [-0.7, 0.5, 0.1, -0.4, 0.3],
      [0.25, -0.45, 0.65, 0.15, -0.55],
    ],
    [[0.9, -0.6, 1.3]],
  ],
  beta: [[0.1, -0.2, 0.3, 0, -0.1], [0.05, -0.1, 0.2], [1.5]],
};
const rows = (m: number[][]): string => m.map((r) => r.join(',')).join(';');
const link = [
  `widths=${spec.widths.join(',')}`,
  'act=sigmoid',
  `X0=${(spec.X0 as number[]).join(',')}`,
  ...spec.W.flatMap((w, i) => [`W${i + 1}=${rows(w)}`, `beta${i + 1}=${spec.beta[i].join(',')}`]),
].join('&');

/** The numbers in a cell's text, in order (NumPy's `0.123456`, `-1.2e-05`). */
const numbersIn = (text: string): number[] => (text.match(/-?\d+\.\d*(e[-+]?\d+)?/g) ?? []).map(Number);

/** The comparison table's row for a gradient. */
const rowNamed = (page: Page, name: string) =>
  page.getByTestId('gradient-comparison').locator('tbody tr').filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${name}$`) }) });

/** The comparison table's row for a gradient: each cell's text. */
async function rowOf(page: Page, name: string): Promise<string[]> {
  return rowNamed(page, name).locator('td').evaluateAll((tds) => tds.map((td) => td.querySelector('.cell-scroll')?.textContent ?? td.textContent ?? ''));
}

/** Each shown value is the finite-difference one to its printed digits (6 decimals; autograd is float32). */
function expectClose(shown: number[], expected: number[], what: string): void {
  expect(shown, what).toHaveLength(expected.length);
  const off = shown.map((x, i) => ({ i, x, want: expected[i] })).filter(({ x, want }) => Math.abs(x - want) > 2e-6 + 1e-5 * Math.abs(want));
  expect(off, what).toEqual([]);
}

describe('the comparison table shows every number', () => {
  let session: Session | undefined;
  afterAll(async () => {
    await session?.close();
  });

  it('a 4-5-3-1 network from a link: all 20 entries of dl/dW1 and 15 of dl/dW2, as finite differences give them', { timeout: 600_000 }, async () => {
    session = await launch(inject('siteOrigin'));
    const { page } = session;
    await page.goto(`${inject('siteUrl')}#${link}`);
    await expect(page.getByTestId('params-status').textContent()).resolves.toContain('In use: widths 4, 5, 3, 1');
    await runCells(page, gradientCells);

    const fd = finiteDiffGradients(spec);
    for (const [name, expected] of [
      ['dl/dW1', fd.dW[0].flat()],
      ['dl/dW2', fd.dW[1].flat()],
      ['dl/dbeta1', fd.dbeta[0]],
    ] as const) {
      const [, manual, autograd] = await rowOf(page, name);
      expect(manual, name).not.toContain('...');
      expectClose(numbersIn(manual), [...expected], `${name} manual`);
      expectClose(numbersIn(autograd), [...expected], `${name} autograd`);
    }
    expect(await page.getByTestId('gradient-comparison').locator('tr.row-bad').count()).toBe(0);

    // The matrix keeps one row per line and scrolls inside its cell: the difference columns stay in view.
    const dW1 = rowNamed(page, 'dl/dW1');
    await expect(dW1.locator('.cell-scroll').first().evaluate((el) => (el.textContent ?? '').split('\n').length)).resolves.toBe(5);
    await page.getByTestId('gradient-comparison').scrollIntoViewIfNeeded();
    await screenshot(page, 'comparison-4531-1280x720');

    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByTestId('gradient-comparison').scrollIntoViewIfNeeded();
    const box = dW1.locator('.cell-scroll').first();
    await expect(box.evaluate((el) => el.scrollWidth > el.clientWidth)).resolves.toBe(true);
    // The name column stays put while the table scrolls sideways.
    const nameLeft = () => dW1.locator('td').first().evaluate((el) => Math.round(el.getBoundingClientRect().left));
    const before = await nameLeft();
    await page.getByTestId('gradient-comparison').evaluate((table) => {
      const scroller = table.closest('.scroll-box');
      if (scroller) scroller.scrollLeft = 300;
    });
    await expect(nameLeft()).resolves.toBe(before);
    await page.getByTestId('gradient-comparison').evaluate((table) => {
      const scroller = table.closest('.scroll-box');
      if (scroller) scroller.scrollLeft = 0;
    });
    await screenshot(page, 'comparison-4531-375x800');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(session.consoleErrors).toEqual([]);
  });

  it('past 1,000 entries a gradient is summarised, and its control shows every entry', { timeout: 600_000 }, async () => {
    await session?.close();
    session = await launch(inject('siteOrigin'));
    const { page } = session;
    // dl/dW2 is 30x40 = 1,200 entries; the weights not given are the panel's seeded fill.
    await page.goto(`${inject('siteUrl')}#widths=2,40,30,1&act=sigmoid`);
    await runCells(page, gradientCells);
    const row = rowNamed(page, 'dl/dW2');
    const manual = row.locator('td').nth(1);
    await expect(manual.locator('.cell-scroll').textContent()).resolves.toContain('...');
    expect(numbersIn((await manual.locator('.cell-scroll').textContent()) ?? '')).toHaveLength(36);
    await manual.getByRole('button', { name: 'Show all 1,200 entries' }).click();
    expect(numbersIn((await manual.locator('.cell-scroll').textContent()) ?? '')).toHaveLength(1200);
    await manual.getByRole('button', { name: 'Summarise' }).click();
    expect(numbersIn((await manual.locator('.cell-scroll').textContent()) ?? '')).toHaveLength(36);
    expect(session.consoleErrors).toEqual([]);
  });
});
