// A link with a batch, a loss and an activation per layer: the panel shows them, the cells compare that network's gradients.
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { finiteDiffGradients } from '../app/core/finiteDiff';
import { originalNet } from '../app/core/netspec';
import type { NetSpec } from '../app/core/types';
import { launch, screenshot, type Session } from './browser';
import { cellOf as cell, gradientCells, runCells } from './faultKit';

/** The original weights, tanh then sigmoid, three samples, binary cross-entropy against targets 1, 0, 1. */
const link = 'act=tanh,sigmoid&loss=bce&X0=0.5,1,-1;-0.5,0,2&Y=1,0,1';
const spec: NetSpec = {
  ...originalNet(),
  activation: ['tanh', 'sigmoid'],
  loss: 'bce',
  X0: [
    [0.5, 1, -1],
    [-0.5, 0, 2],
  ],
  Y: [[1, 0, 1]],
};

/** The comparison table's rows: gradient name, whether the row passed, and each cell's text. */
async function comparisonRows(page: Page): Promise<{ name: string; ok: boolean; cells: string[] }[]> {
  return page.getByTestId('gradient-comparison').locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = Array.from(tr.children, (c) => (c.textContent ?? '').trim());
      return { name: cells[0] ?? '', ok: tr.classList.contains('row-ok'), cells };
    }),
  );
}

describe('a generalised network from the link', () => {
  let session: Session | undefined;
  afterAll(async () => {
    await session?.close();
  });

  it('shows its batch, loss and per-layer activations in the panel, and the comparison of its own gradients agrees', { timeout: 600_000 }, async () => {
    session = await launch(inject('siteOrigin'));
    const { page } = session;
    await page.goto(`${inject('siteUrl')}#${link}`);
    const panel = page.getByTestId('params-panel');
    await expect(panel.getByRole('textbox', { name: 'Batch size' }).inputValue()).resolves.toBe('3');
    await expect(panel.getByRole('radio', { name: /^bce/ }).isChecked()).resolves.toBe(true);
    await expect(panel.getByRole('combobox', { name: 'Activation of layer 1' }).inputValue()).resolves.toBe('tanh');
    await expect(panel.getByRole('combobox', { name: 'Activation of layer 2' }).inputValue()).resolves.toBe('sigmoid');
    await expect(panel.getByLabel('Y row 1 column 3', { exact: true }).inputValue()).resolves.toBe('1');
    await expect(panel.getByLabel('X0 row 2 column 3', { exact: true }).inputValue()).resolves.toBe('2');
    await expect(page.getByTestId('params-status').textContent()).resolves.toContain('In use: widths 2, 3, 1, tanh, Sigmoid, a batch of 3, loss bce.');
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'params-general-panel-1280x720');

    await runCells(page, gradientCells);
    const statuses = await Promise.all(gradientCells.map((id) => cell(page, id).getAttribute('data-cell-status')));
    expect(statuses).toEqual(gradientCells.map(() => 'done'));
    await expect(cell(page, '02-the-network').textContent()).resolves.toContain('This network has a batch of 3 samples, the loss bce, an activation per layer (tanh, sigmoid).');

    const rows = await comparisonRows(page);
    expect(rows.map((r) => r.name)).toEqual(['dl/dX0', 'dl/dX2', 'dl/dX1', 'dl/dW1', 'dl/dbeta1', 'dl/dW2', 'dl/dbeta2']);
    expect(rows.filter((r) => !r.ok)).toEqual([]);
    await expect(page.getByText(/Finite differences \(float64\) agree too/).count()).resolves.toBe(1);

    // One number checked apart from the page: dl/dbeta2, summed over the batch, by core's finite
    // differences computed here (the table shows 6 significant digits).
    const expected = finiteDiffGradients(spec).dbeta[1][0];
    const shown = rows.find((r) => r.name === 'dl/dbeta2')?.cells[1] ?? '';
    const manual = Number(/-?\d+\.\d+(e-?\d+)?/.exec(shown)?.[0]);
    expect(Math.abs(manual - expected)).toBeLessThan(1e-5 * Math.max(1, Math.abs(expected)));
    await page.getByTestId('gradient-comparison').scrollIntoViewIfNeeded();
    await screenshot(page, 'params-general-comparison-1280x720');

    // A smaller batch typed into the panel goes to the link as rows of two.
    await panel.getByRole('textbox', { name: 'Batch size' }).fill('2');
    await page.waitForFunction(() => window.location.hash.includes('X0=0.5,1;-0.5,0&Y=1,0&'), undefined, { timeout: 10_000 });
    expect(session.consoleErrors).toEqual([]);
  });

  it('on a phone-sized screen (375x800), the panel with a batch and a loss fits', { timeout: 120_000 }, async () => {
    await session?.close();
    session = await launch(inject('siteOrigin'), { viewport: { width: 375, height: 800 } });
    const { page } = session;
    await page.goto(`${inject('siteUrl')}#${link}`);
    const panel = page.getByTestId('params-panel');
    await expect(panel.getByRole('radio', { name: /^bce/ }).isChecked()).resolves.toBe(true);
    await panel.getByRole('textbox', { name: 'Batch size' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'params-general-panel-375x800');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(session.consoleErrors).toEqual([]);
  });
});
