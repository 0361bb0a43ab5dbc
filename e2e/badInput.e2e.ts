// A careless student's network on the built site: every bad value named where it was typed (a link, a panel field), the notebook goes on working.
import { afterEach, beforeAll, afterAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Session } from './browser';
import { cellOf } from './profiles';

async function runNetworkCell(page: Page): Promise<string> {
  const cell = cellOf(page, '02-the-network');
  await cell.getByRole('button', { name: 'Run cell' }).click();
  await page.waitForFunction(() => document.querySelector('[data-cell="02-the-network"]')?.getAttribute('data-cell-status') === 'done', undefined, { timeout: 120_000 });
  return (await cell.locator('.outputs').textContent()) ?? '';
}

/** Opens the page afresh at this hash (a reload: a changed hash alone would only fire hashchange). */
async function openAt(page: Page, hash: string): Promise<void> {
  await page.goto(`${inject('siteUrl')}${hash}`);
  await page.reload();
}

describe('bad network input on the built site', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch(inject('siteOrigin'));
  });
  afterEach(() => {
    expect(session.consoleErrors).toEqual([]);
    expect(session.offOrigin).toEqual([]);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('a link full of mistakes: each named in the notice, its edits refused with the reason, the original network runs', async () => {
    const { page } = session;
    await openAt(page, '#X0=%ZZ&widths=2,10000,1&W9=1&act=softmax&edits=%ZZ');
    const notice = page.getByTestId('params-hash-notice');
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('the link\'s "X0=%ZZ" is not valid URL encoding');
    expect(text).toContain('widths[1] = 10000 is too large: at most 4096 per layer');
    expect(text).toContain('act "softmax" is unknown (known: sigmoid, tanh, relu, leakyRelu)');
    expect(text).toContain('the notebook runs the original network');
    await expect(page.locator('.notice').allTextContents()).resolves.toContainEqual(
      expect.stringContaining('The link\'s edited cells could not be read: "%" at position 0 is not a base64url character'),
    );
    await expect(runNetworkCell(page)).resolves.toMatch(/c = \[\s*2,\s*3,\s*1\s*\]/);
  });

  it.each([
    // tanh at the end: X_2 = tanh(0.2 tanh(-0.75) + 0.5 tanh(2.25) - 5) ~ -0.9998 < 0.
    ['tanh at the end', '#act=tanh&beta2=-5', 'log(X_K) is undefined: X_2[0] = -0.9998127338934716'],
    // ReLU: z_2 = -1.5 * 0 + 0.2 * 0 - 0.5 * 2.25 + 1 < 0, so X_2 = 0.
    ['ReLU at the end', '#act=relu&W2=-1.5,0.2,-0.5', 'log(X_K) is undefined: X_2[0] = 0'],
    ['a row too long', '#W1=1,2,3;4,5,6;7,8,9', 'W1 has shape 3x3, expected 3x2 (widths[1] x widths[0])'],
    ['a missing entry', '#X0=1,,2', 'X0[1] is empty'],
    ['a layer the widths do not have', '#W9=1', 'the link gives layer 9, but widths 2,3,1 make 2 layers'],
  ])('a link with %s: named, and the original network runs', async (_what, hash, problem) => {
    const { page } = session;
    await openAt(page, hash);
    await expect(page.getByTestId('params-hash-notice').textContent()).resolves.toContain(problem);
    await expect(runNetworkCell(page)).resolves.toMatch(/c = \[\s*2,\s*3,\s*1\s*\]/);
  });

  it('a link without the second layer: W2 filled for the new widths, and the notice says which keys the link set', async () => {
    const { page } = session;
    await openAt(page, '#widths=2,4,1&W1=1,2;3,4;5,6;7,8');
    await expect(page.getByTestId('params-panel').textContent()).resolves.toContain('The link sets widths, W1');
    await expect(runNetworkCell(page)).resolves.toMatch(/c = \[\s*2,\s*4,\s*1\s*\]/);
  });

  it('the panel: each bad entry and width named at its field, nothing applied, and -0 read as 0', async () => {
    const { page } = session;
    await openAt(page, '');
    const panel = page.getByTestId('params-panel');
    await panel.getByRole('button', { name: 'Change the network' }).click();
    const x0 = panel.getByLabel('X0 entry 1', { exact: true });
    const messageOf = async (field: typeof x0): Promise<string> => (await page.locator(`[id="${(await field.getAttribute('aria-describedby')) ?? ''}"]`).first().textContent()) ?? '';
    for (const [typed, message] of [
      ['', 'X0 entry 1 is empty: type a number'],
      ['abc', 'X0 entry 1: "abc" is not a number'],
      ['NaN', 'X0 entry 1: "NaN" is not allowed, entries must be finite numbers'],
      ['Infinity', 'X0 entry 1: "Infinity" is not allowed, entries must be finite numbers'],
      ['1e400', 'X0 entry 1: "1e400" is too large (beyond a float64\'s range, about 1.8e308)'],
      ['0,5', 'X0 entry 1: "0,5" has a decimal comma: write 0.5'],
    ]) {
      await x0.fill(typed);
      await expect(messageOf(x0)).resolves.toBe(message);
      await expect(x0.getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(page.getByTestId('params-status').textContent()).resolves.toContain('Not applied: 1 field needs a fix');
    }
    const widths = panel.getByRole('textbox', { name: 'Widths' });
    for (const [typed, message] of [
      ['2, 0, 1', 'Width 2 is 0: a layer needs at least 1 unit'],
      ['2, -3, 1', 'Width 2 is -3: a layer needs at least 1 unit'],
      ['2, 2.5, 1', 'Width 2 is 2.5: widths are whole numbers'],
      ['2, 10000, 1', 'Width 2 is 10,000: at most 4,096 units per layer'],
      ['2,,1', 'Widths have an empty entry between two commas'],
    ]) {
      await widths.fill(typed);
      await expect(panel.textContent()).resolves.toContain(message);
    }
    await page.waitForTimeout(800); // longer than the panel waits for typing to settle
    expect(await page.evaluate(() => window.location.hash)).toBe('');

    await widths.fill('2, 3, 1');
    await x0.fill('-0');
    await page.waitForFunction(() => window.location.hash.startsWith('#widths=2,3,1&act=sigmoid&X0=0,-0.5&'), undefined, { timeout: 10_000 });
    await expect(runNetworkCell(page)).resolves.toMatch(/c = \[\s*2,\s*3,\s*1\s*\]/);
  });

  it('the panel: ReLU making the loss undefined is named and not applied; the last good network stays in use', async () => {
    const { page } = session;
    await openAt(page, '');
    const panel = page.getByTestId('params-panel');
    await panel.getByRole('button', { name: 'Change the network' }).click();
    await panel.locator('select').selectOption('relu');
    await page.waitForFunction(() => window.location.hash.includes('act=relu'), undefined, { timeout: 10_000 });
    await panel.getByLabel('W2 row 1 column 3', { exact: true }).fill('-0.5');
    await expect(page.getByTestId('params-status').textContent()).resolves.toContain('Not applied: log(X_K) is undefined: X_2[0] = 0');
    await page.waitForTimeout(800);
    expect(await page.evaluate(() => window.location.hash)).toContain('W2=-1.5,0.2,0.5');
    await expect(runNetworkCell(page)).resolves.toContain('activation: relu');
  });
});
