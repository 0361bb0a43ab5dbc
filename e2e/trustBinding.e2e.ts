// Trust covers the code the reader was shown: a link rewritten under the banner, another tab's untrusted cells and
// edits another page of the origin wrote into storage never run on a click meant for something else.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { encodeEdits } from '../app/notebook/share/linkEdits';
import { cellOf, kernelReady, waitSettled } from './faultKit';
import { freshProfiles, typeAtEnd } from './profiles';

const seenCell = '02-the-network';
const hiddenCell = '06-forward-pass';
const seenCode = "print('seen-cell-ran')";
const hiddenCode = "print('hidden-cell-ran')";
const editsKey = 'jacobian-notebook/edits';

const linkEdits = (cells: { id: string; source: string }[]): string => encodeEdits(cells.map((c) => ({ ...c, originalHash: 'made-elsewhere' })));
const seenOnly = linkEdits([{ id: seenCell, source: seenCode }]);
const seenAndHidden = linkEdits([
  { id: seenCell, source: seenCode },
  { id: hiddenCell, source: hiddenCode },
]);

/**
 * Clicks the banner's Trust the moment `hiddenCell` shows untrusted code (in the page, in the same
 * task as it is seen: a reader whose click was already on its way). `change` runs first, in the page.
 */
async function clickTrustAsItChanges(page: Page, change: string | null): Promise<void> {
  await page.evaluate(
    ([id, hash]) =>
      new Promise<void>((resolve) => {
        const button = document.querySelector<HTMLButtonElement>('[data-testid="trust-banner-link"] .btn-primary');
        const shown = () => document.querySelector(`[data-cell="${id}"]`)?.getAttribute('data-untrusted') === 'link';
        const observer = new MutationObserver(() => {
          if (!shown()) return;
          observer.disconnect();
          // The banner's button as it is now (the same element, re-rendered), clicked as a person would.
          (document.querySelector<HTMLButtonElement>('[data-testid="trust-banner-link"] .btn-primary') ?? button)?.click();
          resolve();
        });
        observer.observe(document.body, { subtree: true, attributes: true, childList: true });
        if (hash !== null) location.hash = hash;
      }),
    [hiddenCell, change] as const,
  );
}

/** Nothing ran: no cell left idle, no output of either cell's code anywhere. */
async function expectNothingRan(page: Page): Promise<void> {
  // Long enough for a Run all that started to reach the first cells.
  await page.waitForTimeout(1000);
  const statuses = await page.$$eval('[data-cell-type=code]', (els) => els.map((e) => e.getAttribute('data-cell-status')));
  expect(statuses.filter((s) => s !== 'idle')).toEqual([]);
  const text = (await page.locator('.output').allTextContents()).join('\n');
  expect(text).not.toContain('seen-cell-ran');
  expect(text).not.toContain('hidden-cell-ran');
}

async function expectChangedBanner(page: Page): Promise<void> {
  const banner = page.getByTestId('trust-banner-link');
  await expect(banner.textContent()).resolves.toContain(`The code to trust changed: review it again. It is now ${seenCell} and ${hiddenCell}.`);
  await expect(banner.textContent()).resolves.toContain('This link changed 2 cells.');
  await expect(cellOf(page, hiddenCell).getAttribute('data-untrusted')).resolves.toBe('link');
  await expect(cellOf(page, seenCell).getAttribute('data-untrusted')).resolves.toBe('link');
}

describe('trust bound to what the reader saw', () => {
  const { open } = freshProfiles();

  it("a link's edits rewritten after the banner showed: Trust runs nothing, the banner says the code changed; once it has been shown, Trust runs it", { timeout: 400_000 }, async () => {
    const { page } = await open();
    await page.goto(`${inject('siteUrl')}#edits=${seenOnly}`);
    const banner = page.getByTestId('trust-banner-link');
    await expect(banner.textContent()).resolves.toContain('This link changed 1 cell.');
    await kernelReady(page);

    await clickTrustAsItChanges(page, `#edits=${seenAndHidden}`);
    await expectNothingRan(page);
    await expectChangedBanner(page);
    expect(page.url()).toContain('edits=');

    // The control: the same button, once the new code has been on screen, trusts and runs exactly that.
    await banner.getByRole('button', { name: 'Trust and run' }).click();
    await waitSettled(page, [seenCell, hiddenCell]);
    await expect(cellOf(page, hiddenCell).locator('.output').allTextContents()).resolves.toContainEqual(expect.stringContaining('hidden-cell-ran'));
    await expect(cellOf(page, hiddenCell).getAttribute('data-untrusted')).resolves.toBeNull();
  });

  it("a second tab's untrusted cells do not join the first tab's pending decision", { timeout: 300_000 }, async () => {
    const { page, context } = await open();
    await page.goto(`${inject('siteUrl')}#edits=${seenOnly}`);
    await expect(page.getByTestId('trust-banner-link').textContent()).resolves.toContain('This link changed 1 cell.');
    await kernelReady(page);

    const second = await context.newPage();
    // The second tab opens a link to the hidden cell; its untrusted code reaches the first tab through storage.
    const clicked = clickTrustAsItChanges(page, null);
    await second.goto(`${inject('siteUrl')}#edits=${linkEdits([{ id: hiddenCell, source: hiddenCode }])}`);
    await clicked;
    await expectNothingRan(page);
    await expectChangedBanner(page);
    await second.close();
  });

  it('edits a script of the same origin wrote into storage come back untrusted, with a banner, and Run all does not run them', { timeout: 400_000 }, async () => {
    const { page } = await open();
    await page.goto(inject('siteUrl'));
    // The control: the page's own save comes back as the student's code.
    await typeAtEnd(page, '04-activations', '\n// my own line');
    await page.waitForFunction((key) => (localStorage.getItem(key) ?? '').includes('my own line'), editsKey);
    await page.reload();
    await cellOf(page, '04-activations').locator('.cm-content').waitFor();
    await expect(cellOf(page, '04-activations').getAttribute('data-untrusted')).resolves.toBeNull();
    await expect(page.locator('.trust-banner').count()).resolves.toBe(0);

    // Another page of the origin writes its code as if it were the student's.
    await page.evaluate((key) => {
      const forged = { version: 1, edits: { '02-the-network': { source: "print('forged-ran')", originalHash: 'whatever' } }, aside: {} };
      localStorage.setItem(key, JSON.stringify(forged));
    }, editsKey);
    await page.reload();
    const banner = page.getByTestId('trust-banner-stored');
    await expect(banner.textContent()).resolves.toContain('Saved code this page cannot vouch for changed 1 cell.');
    const forged = cellOf(page, seenCell);
    await expect(forged.getAttribute('data-untrusted')).resolves.toBe('stored');
    await expect(forged.locator('pre').textContent()).resolves.toContain('forged-ran');

    await kernelReady(page);
    await page.getByRole('button', { name: 'Run all' }).click();
    // Run all asks first, naming the cell by its place on the page (habits/): answered Cancel, nothing runs.
    const runAllAsk = page.getByRole('dialog', { name: 'A cell is not trusted yet' });
    const place = (await page.$$eval('[data-cell]', (els) => els.map((e) => e.getAttribute('data-cell')))).indexOf(seenCell) + 1;
    expect(place).toBeGreaterThan(0);
    await expect(runAllAsk.textContent()).resolves.toContain(`Cell ${place} of `);
    await runAllAsk.getByRole('button', { name: 'Cancel' }).click();
    // Run on its own, the cell is refused by the runner.
    await forged.getByRole('button', { name: 'Run cell' }).click();
    await expect.poll(() => forged.locator('.cell-notice').textContent()).toContain('Not run: this code came from saved edits this page cannot vouch for');
    await expect(forged.getAttribute('data-cell-status')).resolves.toBe('idle');
    await expect(cellOf(page, '04-activations').getAttribute('data-cell-status')).resolves.toBe('idle');
    expect((await page.locator('.output').allTextContents()).join('\n')).not.toContain('forged-ran');

    // It may be the student's own work from before the check existed: Discard asks before deleting it.
    await banner.getByRole('button', { name: 'Discard the saved changes' }).click();
    const ask = page.getByRole('dialog', { name: 'Discard the saved code?' });
    await expect(ask.textContent()).resolves.toContain(`${seenCell} will show the lesson's text again`);
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await expect(forged.getAttribute('data-untrusted')).resolves.toBe('stored');
  });
});
