// The parameters panel on the built site: a network from the link, edits written back to it, bad values named.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, screenshot, type Session } from './browser';
import { cellOf as cell, gradientCells, runCells, statusesOf as statuses, waitSettled } from './faultKit';

/** A 3-4-2-1 sigmoid network (any numbers do: sigmoid keeps the loss defined). */
const net3421 = [
  'widths=3,4,2,1',
  'act=sigmoid',
  'X0=0.5,-0.5,1',
  'W1=0.1,0.2,0.3;-0.2,0.1,0.4;0.3,-0.1,0.2;0.5,0.5,-0.5',
  'beta1=0.1,0.2,-0.1,0',
  'W2=0.2,-0.3,0.4,0.1;-0.5,0.2,0.1,0.3',
  'beta2=0.1,-0.2',
  'W3=1.2,-0.8',
  'beta3=0.3',
].join('&');

const prompt = (page: Page, id: string) => cell(page, id).locator('.prompt').textContent();

/** Every row of the comparison table agrees within the stated tolerance, and which gradients it lists. */
async function comparison(page: Page): Promise<{ ok: number; bad: number; text: string }> {
  const table = page.getByTestId('gradient-comparison');
  return { ok: await table.locator('tr.row-ok').count(), bad: await table.locator('tr.row-bad').count(), text: (await table.textContent()) ?? '' };
}

describe('the parameters panel', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch(inject('siteOrigin'));
  });
  afterAll(async () => {
    await session?.close();
  });

  // The machine may be shared: tfjs on three backends under load takes its time.
  it('opens with the network of the link, writes an edited weight back to it, re-runs what depends on it', { timeout: 600_000 }, async () => {
    const { page } = session;
    await page.goto(`${inject('siteUrl')}#${net3421}`);
    const panel = page.getByTestId('params-panel');
    await expect(panel.getByRole('textbox', { name: 'Widths' }).inputValue()).resolves.toBe('3, 4, 2, 1');
    await expect(panel.getByLabel('W1 row 4 column 3', { exact: true }).inputValue()).resolves.toBe('-0.5');
    await expect(panel.getByLabel('beta3 entry 1', { exact: true }).inputValue()).resolves.toBe('0.3');
    await expect(page.getByTestId('params-status').textContent()).resolves.toContain('In use: widths 3, 4, 2, 1, Sigmoid.');
    await screenshot(page, 'params-3421-1280x720');

    await runCells(page, [...gradientCells, '16-timing']);
    expect(await statuses(page, [...gradientCells, '16-timing'])).toEqual([...gradientCells, '16-timing'].map(() => 'done'));
    const before = await comparison(page);
    expect(before.text).toContain('dl/dW3');
    expect(before).toMatchObject({ bad: 0 });
    expect(before.ok).toBeGreaterThanOrEqual(10); // dX0..dX3, dW1..dW3, dbeta1..dbeta3

    const promptBefore = await prompt(page, '14-comparison');
    const timingPrompt = await prompt(page, '16-timing');
    await panel.getByLabel('W1 row 1 column 1', { exact: true }).fill('0.25');
    await page.waitForFunction(() => window.location.hash.includes('W1=0.25,0.2,0.3;'), undefined, { timeout: 5_000 });
    expect(await page.evaluate(() => window.location.hash)).toBe(`#${net3421.replace('W1=0.1,', 'W1=0.25,')}`);

    // The comparison re-runs by itself with the new weight; the timing cell is only marked stale.
    await page.waitForFunction((p) => document.querySelector('[data-cell="14-comparison"] .prompt')?.textContent !== p, promptBefore, { timeout: 120_000 });
    await waitSettled(page, gradientCells);
    expect(await statuses(page, gradientCells)).toEqual(gradientCells.map(() => 'done'));
    expect(await comparison(page)).toMatchObject({ bad: 0, ok: before.ok });
    await expect(prompt(page, '16-timing')).resolves.toBe(timingPrompt);
    await expect(cell(page, '16-timing').textContent()).resolves.toContain('The network changed: run again');
    await expect(page.getByTestId('params-status').textContent()).resolves.toMatch(/re-ran \d+ cells that use it; marked 1 cell to run again by hand/);
    await page.getByTestId('gradient-comparison').scrollIntoViewIfNeeded();
    await screenshot(page, 'params-3421-rerun-1280x720');
    await cell(page, '16-timing').scrollIntoViewIfNeeded();
    await screenshot(page, 'params-3421-stale-1280x720');
    expect(session.consoleErrors).toEqual([]);
  });

  it('names each bad value of a bad link, runs the original network, and keeps the link until told', async () => {
    const { page } = session;
    await page.goto(`${inject('siteUrl')}#X0=abc&W2=1,2`);
    await page.reload(); // a new page: goto with only the hash changed would just fire hashchange
    const notice = page.getByTestId('params-hash-notice');
    await expect(notice.textContent()).resolves.toContain('X0[0] is not a finite number ("abc")');
    await expect(notice.textContent()).resolves.toContain('the notebook runs the original network');
    await expect(notice.locator('code').textContent()).resolves.toBe('#X0=abc&W2=1,2');
    await expect(page.getByTestId('params-status').textContent()).resolves.toContain('(the original network)');

    await runCells(page, ['02-the-network']);
    await expect(cell(page, '02-the-network').locator('.outputs, pre').first().textContent()).resolves.toMatch(/c = \[\s*2,\s*3,\s*1\s*\]/);
    expect(await page.evaluate(() => window.location.hash)).toBe('#X0=abc&W2=1,2');

    await notice.getByRole('button', { name: 'Use the original network' }).click();
    await expect(notice.count()).resolves.toBe(0);
    expect(await page.evaluate(() => window.location.hash)).toBe('');
    expect(session.consoleErrors).toEqual([]);
  });

  it('shows a message at a bad field, applies nothing, and the notebook goes on working', async () => {
    const { page } = session;
    await page.goto(inject('siteUrl'));
    await page.reload();
    const panel = page.getByTestId('params-panel');
    await panel.getByRole('button', { name: 'Change the network' }).click();
    const x0 = panel.getByLabel('X0 entry 1', { exact: true });
    await x0.fill('abc');
    await expect(x0.getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = (await x0.getAttribute('aria-describedby')) ?? '';
    await expect(page.locator(`[id="${describedBy}"]`).textContent()).resolves.toBe('X0 entry 1: "abc" is not a number');
    await expect(page.getByTestId('params-status').textContent()).resolves.toContain('Not applied: 1 field needs a fix (marked in red)');
    await x0.fill('0,5');
    await expect(page.locator(`[id="${describedBy}"]`).textContent()).resolves.toBe('X0 entry 1: "0,5" has a decimal comma: write 0.5');
    const widths = panel.getByRole('textbox', { name: 'Widths' });
    await widths.fill('2, 0, 1');
    await expect(panel.textContent()).resolves.toContain('Width 2 is 0: a layer needs at least 1 unit');
    await page.waitForTimeout(800); // longer than the panel waits for typing to settle
    expect(await page.evaluate(() => window.location.hash)).toBe('');
    await expect(x0.inputValue()).resolves.toBe('0,5'); // what the student typed stays

    // Every field has a name, every description it points to exists; Up and Down move between rows.
    const unnamed = await panel.evaluate((el) =>
      [...el.querySelectorAll<HTMLInputElement>('input, select, textarea')].filter((f) => !f.getAttribute('aria-label') && (f.labels?.length ?? 0) === 0).length,
    );
    expect(unnamed).toBe(0);
    const dangling = await panel.evaluate((el) =>
      [...el.querySelectorAll('[aria-describedby]')].flatMap((f) => (f.getAttribute('aria-describedby') ?? '').split(' ')).filter((id) => !document.getElementById(id)),
    );
    expect(dangling).toEqual([]);
    await panel.getByLabel('W1 row 1 column 2', { exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('W1 row 2 column 2');

    await runCells(page, ['02-the-network']);
    expect(await statuses(page, ['02-the-network'])).toEqual(['done']);
    await page.setViewportSize({ width: 375, height: 800 });
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'params-errors-375x800');

    await x0.fill('0.25');
    await widths.fill('2, 3, 1');
    await page.waitForFunction(() => window.location.hash.startsWith('#widths=2,3,1&act=sigmoid&X0=0.25,-0.5&'), undefined, { timeout: 5_000 });
    expect(session.consoleErrors).toEqual([]);
  });

  it('edits large layers as text, warns where the dense method is slow, and keeps links short', async () => {
    const { page } = session;
    await page.goto(inject('siteUrl'));
    await page.reload();
    await runCells(page, ['02-the-network']);
    const panel = page.getByTestId('params-panel');
    await panel.getByRole('button', { name: 'Change the network' }).click();
    const widths = panel.getByRole('textbox', { name: 'Widths' });
    await widths.fill('2, 16, 1');
    await expect(panel.textContent()).resolves.toMatch(/W116 x 2Randomise32 numbers, from -?\d/);
    await panel.getByRole('button', { name: 'Edit W1 as text' }).click();
    const text = panel.getByRole('textbox', { name: 'W1 as text: rows split by ;, entries by ,' });
    await expect(text.inputValue()).resolves.toMatch(/^0\.5, -2\.5;\n1\.2, 0\.1;\n-0\.7, -1\.2;\n/);
    await text.fill('1, 2; 3');
    await expect(text.getAttribute('aria-invalid')).resolves.toBe('true');
    const messages = page.locator(`[id="${(await text.getAttribute('aria-describedby')) ?? ''}"]`);
    await expect(messages.textContent()).resolves.toBe('W1 has 2 rows, expected 16W1 row 2 has 1 entry, expected 2');
    const rows = Array.from({ length: 16 }, (_, i) => `${i / 10}, -0.5`).join(';\n');
    await text.fill(rows);
    await page.waitForFunction(() => window.location.hash.includes('W1=0,-0.5;0.1,-0.5;0.2,-0.5;'), undefined, { timeout: 5_000 });
    await page.setViewportSize({ width: 1280, height: 720 });
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'params-large-1280x720');

    await waitSettled(page, ['02-the-network']);
    const promptBefore = await prompt(page, '02-the-network');
    await widths.fill('300, 300, 1');
    await expect(panel.textContent()).resolves.toMatch(/dense method .* takes about \d+(\.\d+)? s per gradient/);
    await page.waitForFunction(() => window.location.hash === '#widths=300,300,1&act=sigmoid', undefined, { timeout: 10_000 });
    await expect(page.getByTestId('params-status').textContent()).resolves.toContain('Too many numbers for a link');
    // Nothing re-runs by itself at this size: the cell that ran is marked instead.
    await cell(page, '02-the-network').getByText('The network changed: run again').waitFor({ timeout: 30_000 });
    await expect(prompt(page, '02-the-network')).resolves.toBe(promptBefore);
    expect(session.consoleErrors).toEqual([]);
  });

  it('follows a hash typed into the address bar', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.evaluate(() => {
      window.location.hash = '#act=tanh&widths=2,4,1';
    });
    const panel = page.getByTestId('params-panel');
    await page.waitForFunction(() => document.querySelector<HTMLSelectElement>('[data-testid="params-panel"] select')?.value === 'tanh');
    await expect(panel.getByRole('textbox', { name: 'Widths' }).inputValue()).resolves.toBe('2, 4, 1');
    await expect(panel.textContent()).resolves.toContain('The link sets widths, the activation');
    await expect(panel.getByLabel('W1 row 3 column 2', { exact: true }).inputValue()).resolves.toBe('-1.2'); // kept from the original
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'params-hashchange-1280x720');
    expect(session.consoleErrors).toEqual([]);
  });
});
