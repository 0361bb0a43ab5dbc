// A shared link round trip between two fresh browser profiles: the network and an edit travel, the edit waits for trust.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { artifactsDir, screenshot } from './browser';
import { cellOf, freshProfiles, sharedLink, typeAtEnd } from './profiles';

/** The original network with tanh instead of sigmoid: a link that changes the network. */
const tanhNetwork = 'widths=2,3,1&act=tanh&X0=0.5,-0.5&W1=0.5,-2.5;1.2,0.1;-0.7,-1.2&beta1=-1.5,-1.3,2&W2=-1.5,0.2,0.5&beta2=1';
const editedCell = '02-the-network';
const marker = 'shared-edit-42';

const cell = cellOf;

/** Appends a line to a code cell through its editor, as a student types. */
const appendLine = (page: Page, id: string, line: string): Promise<void> => typeAtEnd(page, id, `\n${line}`);

async function waitStatus(page: Page, id: string, statuses: string[]): Promise<void> {
  await page.waitForFunction(
    ([cellId, wanted]) => wanted.includes(document.querySelector(`[data-cell="${cellId}"]`)?.getAttribute('data-cell-status') ?? ''),
    [id, statuses] as const,
    { timeout: 240_000 },
  );
}

/** The student's own saved text of a cell and any untrusted code saved over it (what a reload brings back). */
async function saved(page: Page, id: string): Promise<{ own: string | null; untrusted: string | null }> {
  return page.evaluate((cellId) => {
    const data = JSON.parse(localStorage.getItem('jacobian-notebook/edits') ?? '{"edits":{}}');
    return { own: data.edits?.[cellId]?.source ?? null, untrusted: data.untrusted?.[cellId]?.source ?? null };
  }, id);
}

/** Waits for the autosave (debounced) to hold `own` as the cell's saved text, with nothing untrusted over it. */
async function waitSavedOwn(page: Page, id: string, own: string): Promise<void> {
  await page.waitForFunction(
    ([cellId, text]) => {
      const data = JSON.parse(localStorage.getItem('jacobian-notebook/edits') ?? '{"edits":{}}');
      return (data.edits?.[cellId]?.source ?? '').includes(text) && !data.untrusted?.[cellId];
    },
    [id, own] as const,
  );
}

/** Until no cell is queued or running (Run all has gone through every cell). */
async function waitRunsOver(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-cell-status="queued"], [data-cell-status="running"]') === null, undefined, { timeout: 400_000 });
}

describe('a shared link', () => {
  const { open } = freshProfiles();

  it('carries the network and an edit to a fresh profile, where the edit is shown but runs only once trusted', { timeout: 600_000 }, async () => {
    const origin = inject('siteOrigin');
    const author = await open();
    await author.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await author.page.goto(`${inject('siteUrl')}#${tanhNetwork}`);
    await appendLine(author.page, editedCell, `print('${marker}')`);
    const url = await sharedLink(author.page);
    expect(url).toContain('act=tanh');
    expect(url).toMatch(/&edits=[A-Za-z0-9_-]+$/);
    expect(url.length).toBeLessThan(2000);

    const student = await open();
    const { page } = student;
    await page.goto(url);
    const banner = page.getByTestId('trust-banner-link');
    await expect(banner.textContent()).resolves.toContain("This link changed 1 cell. It won't run until you trust it.");
    await expect(page.getByTestId('params-status').textContent()).resolves.toContain('tanh');
    const shared = cell(page, editedCell);
    await expect(shared.getAttribute('data-untrusted')).resolves.toBe('link');
    await expect(shared.locator('pre').textContent()).resolves.toContain(marker);
    await screenshot(page, 'share-banner-1280x720');

    // Run cell leaves it blocked: no output, a message saying why. Run all asks first.
    await shared.getByRole('button', { name: 'Run cell' }).click();
    await expect(shared.locator('.cell-notice').textContent()).resolves.toContain('Not run: this code came from a link and is not trusted yet');
    await page.getByRole('button', { name: 'Run all' }).click();
    const ask = page.getByRole('dialog', { name: 'A cell is not trusted yet' });
    await expect(ask.textContent()).resolves.toContain('holds code from a link that runs only once you trust it');
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await waitRunsOver(page);
    await expect(shared.getAttribute('data-cell-status')).resolves.toBe('idle');
    await expect(shared.locator('.output').count()).resolves.toBe(0);
    expect(await shared.textContent()).not.toMatch(new RegExp(`In \\[\\d+\\]`));
    await shared.scrollIntoViewIfNeeded();
    await shared.screenshot({ path: join(artifactsDir, 'share-blocked-cell.png') });
    // Saved apart as untrusted: a reload cannot turn it into the student's own code.
    await expect(saved(page, editedCell)).resolves.toEqual({ own: null, untrusted: expect.stringContaining(marker) });

    await banner.getByRole('button', { name: 'Trust and run' }).click();
    await waitStatus(page, editedCell, ['done']);
    await expect(shared.getAttribute('data-untrusted')).resolves.toBeNull();
    await expect(shared.locator('.output').allTextContents()).resolves.toContainEqual(expect.stringContaining(marker));
    await expect(page.getByTestId('trust-banner-link').count()).resolves.toBe(0);
    await shared.screenshot({ path: join(artifactsDir, 'share-trusted-cell.png') });
    // The edit is the student's own now: the address forgets it and a reload keeps it (autosaved).
    expect(page.url()).not.toContain('edits=');
    expect(page.url()).toContain('act=tanh');
    await waitSavedOwn(page, editedCell, marker);
    await page.reload();
    await cell(page, editedCell).locator('.cm-content').waitFor();
    await expect(cell(page, editedCell).getAttribute('data-untrusted')).resolves.toBeNull();
    await expect(page.locator('.trust-banner').count()).resolves.toBe(0);
  });

  it('with the network alone runs normally: no banner, nothing blocked', { timeout: 300_000 }, async () => {
    const { page } = await open();
    await page.goto(`${inject('siteUrl')}#${tanhNetwork}`);
    const first = cell(page, editedCell);
    await first.getByRole('button', { name: 'Run cell' }).click();
    await waitStatus(page, editedCell, ['done']);
    await expect(page.locator('.trust-banner').count()).resolves.toBe(0);
    await expect(page.locator('[data-untrusted]').count()).resolves.toBe(0);
  });

  it('keeps the student\'s own edit of the same cell and gives it back on Discard', { timeout: 300_000 }, async () => {
    const author = await open();
    await author.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: inject('siteOrigin') });
    await author.page.goto(inject('siteUrl'));
    await appendLine(author.page, editedCell, `print('${marker}')`);
    const url = await sharedLink(author.page);

    const { page } = await open();
    await page.goto(inject('siteUrl'));
    await appendLine(page, editedCell, "print('my-own-line')");
    await waitSavedOwn(page, editedCell, 'my-own-line');
    // Pasting the link into the same tab: only the hash changes.
    await page.goto(url);
    const banner = page.getByTestId('trust-banner-link');
    await expect(banner.textContent()).resolves.toContain(`Your own edits of ${editedCell} are kept`);
    await banner.getByRole('button', { name: "Discard the link's changes" }).click();
    await waitSavedOwn(page, editedCell, 'my-own-line');
    await expect(cell(page, editedCell).getAttribute('data-untrusted')).resolves.toBeNull();
    expect(await cell(page, editedCell).textContent()).not.toContain(marker);
    expect(page.url()).not.toContain('edits=');
  });

  it('too large for a link: says so and offers Export; a refused clipboard shows the link to copy by hand', { timeout: 300_000 }, async () => {
    const { page, context } = await open();
    // A browser that refuses the clipboard (as when the page lacks permission or focus).
    await context.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    });
    await page.goto(inject('siteUrl'));
    await appendLine(page, editedCell, '// small');
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const copyDialog = page.getByRole('dialog', { name: 'Copy this link' });
    await expect(copyDialog.textContent()).resolves.toContain('the browser refused to copy (NotAllowedError)');
    const field = copyDialog.getByRole('textbox', { name: 'Link to share' });
    await expect(field.inputValue()).resolves.toMatch(/#edits=[A-Za-z0-9_-]+$/);
    // Selected as it opens: Ctrl+C copies it.
    await expect(field.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd === el.value.length, document.activeElement === el])).resolves.toEqual([0, true, true]);
    await screenshot(page, 'share-copy-dialog-1280x720');
    await copyDialog.getByRole('button', { name: 'Close' }).click();

    // Incompressible text (xorshift32 letters and digits): ~10 kB even deflated, ~14 kB of link.
    let x = 2463534242;
    const noise = Array.from({ length: 16_000 }, () => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return 'abcdefghijklmnopqrstuvwxyz0123456789'[(x >>> 0) % 36];
    }).join('');
    await appendLine(page, editedCell, `// ${noise}`);
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Your edits are too large for a link' });
    await expect(dialog.textContent()).resolves.toMatch(/need \d+ kB of link even compressed; links longer than 8 kB/);
    await screenshot(page, 'share-too-large-1280x720');
    await dialog.getByRole('button', { name: 'Export instead…' }).click();
    await page.getByRole('dialog', { name: 'Export the notebook' }).waitFor();
  });
});
