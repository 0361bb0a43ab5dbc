// Small habits: Ctrl/Cmd+S confirms the notebook is saved (never the browser's "save page"), `?` opens at its top, Run all asks about untrusted code and runs what does not need it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { contentHash } from '../app/notebook/contentHash';
import { encodeEdits } from '../app/notebook/share/linkEdits';
import { launch, screenshot, type Session } from './browser';
import { cellOf, typeAtEnd } from './profiles';
import { cellStatuses, kernelReady, statusesOf, waitSettled } from './faultKit';

/** Records, after every other listener, whether each Ctrl/Cmd+S keydown had its default (the browser's save page) prevented. */
async function watchSaveKey(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: boolean[] = [];
    (window as unknown as { saveKeyPrevented: boolean[] }).saveKeyPrevented = seen;
    window.addEventListener('keydown', (e) => {
      if (e.key.toLowerCase() === 's' && (e.ctrlKey || e.metaKey)) seen.push(e.defaultPrevented);
    });
  });
}

const savePrevented = (page: Page): Promise<boolean[]> => page.evaluate(() => (window as unknown as { saveKeyPrevented: boolean[] }).saveKeyPrevented);

describe('small habits', () => {
  let session: Session | undefined;
  afterAll(async () => {
    await session?.close();
  });

  it('Ctrl+S and Cmd+S save at once, say so briefly and never open the browser\'s "save page"', { timeout: 300_000 }, async () => {
    session = await launch(inject('siteOrigin'));
    const { page } = session;
    await page.goto(inject('siteUrl'));
    await watchSaveKey(page);

    // In an editor, straight after typing (before the autosave's pause): the text is in storage at once.
    const marker = 'saved-by-ctrl-s-7';
    await typeAtEnd(page, '02-the-network', `\n// ${marker}`);
    await page.keyboard.press('Control+s');
    const stored = await page.evaluate(() => localStorage.getItem('jacobian-notebook/edits') ?? '');
    expect(stored).toContain(marker);
    const notice = page.getByTestId('saved-toast');
    await expect(notice.textContent()).resolves.toContain('Saved in this browser.');
    // Seen where the student is: inside the screen, though the page is scrolled down to the cell.
    const box = await notice.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 720).toBe(true);
    await screenshot(page, 'habits-saved-1280x720');
    // It goes by itself.
    await notice.waitFor({ state: 'detached', timeout: 10_000 });

    // In command mode, with Cmd (a Mac's key).
    await page.keyboard.press('Escape');
    await page.keyboard.press('Meta+s');
    await notice.waitFor();
    expect(await savePrevented(page)).toEqual([true, true]);
    expect(session.consoleErrors).toEqual([]);
  });

  it('the ? dialog opens scrolled to its top', { timeout: 120_000 }, async () => {
    await session?.close();
    session = await launch(inject('siteOrigin'));
    const { page } = session;
    await page.goto(inject('siteUrl'));
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    const box = await dialog.evaluate((d) => ({ top: d.scrollTop, scrolls: d.scrollHeight > d.clientHeight + 10 }));
    // The dialog is longer than the screen (else the test would prove nothing), and it starts at its title.
    expect(box.scrolls).toBe(true);
    expect(box.top).toBe(0);
    const title = await dialog.getByRole('heading', { name: 'Keyboard shortcuts' }).boundingBox();
    expect(title?.y ?? -1).toBeGreaterThanOrEqual(0);
    // Ctrl/Cmd+S is a row of the one key table, like every other key.
    const rows = await dialog.locator('.shortcut-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    const save = rows.filter((r) => r[0] === 'Ctrl/Cmd + S');
    expect(save).toHaveLength(1);
    expect(save[0].slice(1)).toEqual([expect.stringMatching(/^Save now/), 'anywhere']);
    await screenshot(page, 'habits-shortcuts-1280x720');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('what answers a key press shows in the corner where the student is, and goes by itself; the save notice and Undo delete stack, never overlap', { timeout: 120_000 }, async () => {
    await session?.close();
    session = await launch(inject('siteOrigin'));
    const { page } = session;
    await page.goto(inject('siteUrl'));
    await kernelReady(page);
    // A cell far down the lesson, selected in command mode.
    const ids = await page.$$eval('[data-cell]', (els) => els.map((e) => e.getAttribute('data-cell') ?? ''));
    const deep = ids[Math.floor(ids.length * 0.6)];
    // Scrolled and focused in one go: the page below may still be mounting, which Playwright's own scroll waits out.
    await cellOf(page, deep).evaluate((el) => {
      el.scrollIntoView({ block: 'center' });
      (el as HTMLElement).focus({ preventScroll: true });
    });
    await expect.poll(() => page.locator('.cell-selected').getAttribute('data-cell')).toBe(deep);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(2000);

    const inScreen = async (selector: string) => {
      const box = await page.locator(selector).boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= 720 && box.x >= 0 && box.x + box.width <= 1280 ? box : null;
    };
    // Z with nothing deleted: refused, and told here, not above the notebook.
    await page.keyboard.press('z');
    const refusal = '[data-notice="structure"]';
    await expect.poll(() => page.locator(refusal).textContent()).toContain('Nothing to undo');
    expect(await inScreen(refusal)).not.toBeNull();

    // D D then Ctrl+S: the Undo delete bar, the refusal and the save notice, all whole and apart.
    await page.keyboard.press('d');
    await page.keyboard.press('d');
    await page.getByRole('button', { name: 'Undo delete' }).waitFor();
    await page.keyboard.press('Control+s');
    await page.getByTestId('saved-toast').waitFor();
    const boxes = await Promise.all(['[data-testid="saved-toast"]', refusal, '.undo-delete'].map(inScreen));
    await screenshot(page, 'habits-corner-stack-1280x720');
    expect(boxes.every((b) => b !== null)).toBe(true);
    const [a, b, c] = boxes as NonNullable<(typeof boxes)[number]>[];
    for (const [one, two] of [
      [a, b],
      [b, c],
      [a, c],
    ])
      expect(one.y + one.height <= two.y || two.y + two.height <= one.y).toBe(true);

    // The refusal goes by itself; the Undo delete bar stays until used.
    await page.locator(refusal).waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByRole('button', { name: 'Undo delete' }).click();
    await expect.poll(() => page.$$eval('[data-cell]', (els) => els.map((e) => e.getAttribute('data-cell') ?? ''))).toEqual(ids);
    expect(await page.locator('.notices').textContent()).not.toContain('Nothing to undo');
    expect(session.consoleErrors).toEqual([]);
  });

  it('Run all with untrusted code from a link asks: trust it, or run every trusted cell that does not need it', { timeout: 600_000 }, async () => {
    await session?.close();
    session = await launch(inject('siteOrigin'));
    const { page } = session;
    const id = '08-jacobians';
    const original = readFileSync(join(import.meta.dirname, '..', 'cells', `${id}.ts`), 'utf8');
    const edits = encodeEdits([{ id, originalHash: contentHash(original), source: `${original}\n// from a link` }]);
    await page.goto(`${inject('siteUrl')}#edits=${edits}`);
    // The link is read once the saved edits are: the cell may show before it holds the link's code.
    await expect.poll(() => cellOf(page, id).getAttribute('data-untrusted'), { timeout: 10_000 }).toBe('link');

    await page.getByRole('button', { name: 'Run all' }).click();
    const dialog = page.getByRole('dialog', { name: 'A cell is not trusted yet' });
    await dialog.waitFor();
    const text = (await dialog.textContent()) ?? '';
    // Named as the student finds it (its place on the page and its first line), never by its id.
    const cellIds = await page.$$eval('[data-cell]', (els) => els.map((e) => e.getAttribute('data-cell') ?? ''));
    expect(text).toContain(`Cell ${cellIds.indexOf(id) + 1} of ${cellIds.length} (“// The three Jacobians of one layer`);
    expect(text).toContain('holds code from a link');
    expect(text).not.toContain(id);
    // 12a-manual-gradients calls the three functions the untrusted cell declares; no other cell names them.
    expect(text).toContain('1 cell uses names from it (dfXdWi_func, dfXdX_func and dfXdbeta_func)');
    await screenshot(page, 'habits-run-all-ask-1280x720');
    // Nothing was queued while the question is open.
    expect(await page.locator('[data-cell-status="queued"], [data-cell-status="running"]').count()).toBe(0);

    const runButton = dialog.getByRole('button', { name: /^Run \d+ cells, skip \d+$/ });
    const [toRun, toSkip] = ((await runButton.textContent()) ?? '').match(/\d+/g)?.map(Number) ?? [];
    await runButton.click();
    await page.waitForFunction(() => document.querySelectorAll('[data-cell-status="queued"], [data-cell-status="running"]').length === 0, undefined, { timeout: 400_000 });
    const statuses = await cellStatuses(page);
    // The untrusted cell and what needs it stayed idle; everything else ran, with no "not defined" cascade.
    expect(statuses[id]).toBe('idle');
    expect(statuses['12a-manual-gradients']).toBe('idle');
    for (const ran of ['02-the-network', '04-activations', '06-forward-pass', '10-chain-rule-numbers', '12b-tfjs-gradients']) expect(statuses[ran], ran).toBe('done');
    const count = (status: string) => Object.values(statuses).filter((s) => s === status).length;
    expect(count('error')).toBe(0);
    expect(count('done')).toBe(toRun);
    expect(count('idle')).toBe((toSkip ?? 0) + 1);

    // The other answer: to the banner, whose Trust and run runs everything.
    await page.getByRole('button', { name: 'Run all' }).click();
    await dialog.getByRole('button', { name: 'Review and trust' }).click();
    const trust = page.getByTestId('trust-banner-link').getByRole('button', { name: 'Trust and run' });
    await page.waitForFunction(() => document.activeElement?.textContent === 'Trust and run', undefined, { timeout: 5_000 });
    await trust.click();
    await waitSettled(page, [id, '12a-manual-gradients', '14-comparison']);
    expect(await statusesOf(page, [id, '12a-manual-gradients', '14-comparison'])).toEqual(['done', 'done', 'done']);
    expect(session.consoleErrors).toEqual([]);
  });

  it('Run all with an imported Python notebook runs without asking: its cells never run here, trusted or not', { timeout: 300_000 }, async () => {
    await session?.close();
    session = await launch(inject('siteOrigin'));
    const { page } = session;
    await page.goto(inject('siteUrl'));
    await kernelReady(page);
    const fixture = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/python-backprop.ipynb'), 'utf8')) as { cells: { id: string; cell_type: string }[] };
    const foreign = fixture.cells.filter((c) => c.cell_type !== 'markdown').map((c) => c.id);
    await page.locator('input[type=file]').setInputFiles(join(import.meta.dirname, 'fixtures/python-backprop.ipynb'));
    await cellOf(page, foreign[0] ?? '').waitFor();

    await page.getByRole('button', { name: 'Run all' }).click();
    // It runs at once: no question about code that could not run anyway.
    await expect.poll(() => statusesOf(page, ['02-the-network']), { timeout: 15_000 }).not.toEqual(['idle']);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await waitSettled(page, ['02-the-network', '04-activations']);
    await page.getByRole('button', { name: 'Interrupt' }).click();
    expect(await statusesOf(page, foreign)).toEqual(foreign.map(() => 'idle'));
    expect(session.consoleErrors).toEqual([]);
  });
});
