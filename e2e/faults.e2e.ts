// Faults on the built site: no WebGL, the wasm backend failing to load, the kernel Worker dying,
// local storage full, disabled or corrupt, a reload in the middle of Run all, two tabs editing at once.
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { editsKey } from '../app/notebook/storage';
import { launch, type LaunchOptions, type Session } from './browser';
import { cellStatuses, endOfCell, kernelReady, noticeTexts, replaceSource, runAll, tableText } from './faultKit';
import { cellOf, typeAtEnd } from './profiles';

const sessions: Session[] = [];

/** A fresh profile (no service worker, nothing stored); checked for off-origin requests and closed after the test. */
async function open(options: LaunchOptions = {}): Promise<Session> {
  const session = await launch(inject('siteOrigin'), options);
  sessions.push(session);
  return session;
}

afterEach(async () => {
  for (const session of sessions.splice(0)) {
    expect(session.offOrigin).toEqual([]);
    await session.close();
  }
});

const allDone = (statuses: Record<string, string>): Record<string, string> => Object.fromEntries(Object.keys(statuses).map((id) => [id, 'done']));

describe('no WebGL', () => {
  // Without a GPU and without SwiftShader, Chromium offers no WebGL context at all.
  const noWebGl = { extraArgs: ['--disable-software-rasterizer'] };

  it('?backend=webgl falls back to cpu, the label says why, and the timing study says webgl is unavailable', { timeout: 300_000 }, async () => {
    const { page, consoleErrors } = await open(noWebGl);
    await page.goto(`${inject('siteUrl')}?backend=webgl`);
    const label = await kernelReady(page);
    expect(label).toMatch(/tfjs backend: cpu \(WebGL unavailable \(.+\): using cpu\)/);

    const statuses = await runAll(page);
    expect(statuses).toEqual(allDone(statuses));
    const timing = await tableText(page, 'Time per gradient,');
    const webglRow = timing.find((row) => row.startsWith('autograd (tfjs webgl)'));
    expect(webglRow).toMatch(/unavailable: /);
    // The other backends were timed.
    expect(timing.find((row) => row.startsWith('autograd (tfjs cpu)'))).toMatch(/\d (µs|ms)/);
    expect(consoleErrors).toEqual([]);
  });

  it('the default choice does not need WebGL (WebAssembly, with nothing to explain)', async () => {
    const { page, consoleErrors } = await open(noWebGl);
    await page.goto(inject('siteUrl'));
    await expect(kernelReady(page)).resolves.toBe('tfjs backend: wasm');
    expect(consoleErrors).toEqual([]);
  });
});

describe('the wasm backend failing to load', () => {
  it.each([
    ['?backend=wasm', '?backend=wasm'],
    ['the default order', ''],
  ])('%s: every .wasm request aborted, tfjs falls back to cpu with a note, and Run all succeeds', { timeout: 300_000 }, async (_, query) => {
    const { page, context, consoleErrors } = await open({ extraArgs: ['--disable-software-rasterizer'] });
    // The Worker's requests go through the context's routes, the service worker's too.
    let aborted = 0;
    await context.route('**/*.wasm', (route) => {
      aborted++;
      return route.abort();
    });
    await page.goto(`${inject('siteUrl')}${query}`);
    const label = await kernelReady(page);
    expect(label).toMatch(/tfjs backend: cpu \(.*WebAssembly unavailable \(.+\): using cpu\)/);
    const statuses = await runAll(page);
    expect(statuses).toEqual(allDone(statuses));
    const timing = await tableText(page, 'Time per gradient,');
    expect(timing.find((row) => row.startsWith('autograd (tfjs wasm)'))).toMatch(/unavailable: /);
    // The page reads the wasm files for the kernel frame: Chromium names no URL for a request that failed there.
    const unnamed: string[] = consoleErrors.filter((e) => e === 'Failed to load resource: net::ERR_FAILED');
    expect(unnamed.length).toBeLessThanOrEqual(aborted);
    expect(consoleErrors.filter((e) => !/\.wasm/.test(e) && !unnamed.includes(e))).toEqual([]);
  });
});

describe('the kernel Worker dying', () => {
  it('a worker script that does not load: the notice says the kernel did not start, Restart kernel brings it back', { timeout: 300_000 }, async () => {
    const { page, context } = await open();
    const workerScript = '**/assets/worker-*.js';
    await context.route(workerScript, (route) => route.abort());
    await page.goto(inject('siteUrl'));
    const notice = page.locator('[data-notice="kernel"]');
    await expect.poll(() => notice.textContent(), { timeout: 60_000 }).toMatch(/The kernel (did not start|stopped)/);
    await expect(page.getByTestId('kernel-status').textContent()).resolves.toMatch(/unavailable|stopped/);

    await context.unroute(workerScript);
    await notice.getByRole('button', { name: 'Restart kernel' }).click();
    await kernelReady(page);
    await expect.poll(() => notice.count()).toBe(0);
    const statuses = await runAll(page);
    expect(statuses).toEqual(allDone(statuses));
  });

  it('a cell that ends the worker (close()) during Run all: that cell fails saying so, later ones are cancelled, none stays running; a new kernel starts and runs them', { timeout: 300_000 }, async () => {
    const { page, consoleErrors } = await open();
    await page.goto(inject('siteUrl'));
    await kernelReady(page);
    const killer = '08-jacobians';
    await replaceSource(page, killer, 'close(); // ends this Web Worker, as a crash would');
    await page.getByRole('button', { name: 'Run all' }).click();
    // The notice of a lost state, as after Interrupt: it stays until the next Run.
    const notice = page.locator('[data-notice="kernel-interrupted"]');
    await expect.poll(() => notice.textContent(), { timeout: 60_000 }).toMatch(/The kernel stopped: its worker stopped.*a new kernel has started/);
    // Nothing is left running or queued, and each cell says what happened to it.
    const statuses = await cellStatuses(page);
    const ids = Object.keys(statuses);
    const at = ids.indexOf(killer);
    expect(Object.values(statuses).filter((s) => s === 'running' || s === 'queued')).toEqual([]);
    expect(ids.slice(0, at).map((id) => statuses[id])).toEqual(ids.slice(0, at).map(() => 'done'));
    expect(statuses[killer]).toBe('error');
    await expect(page.locator(`[data-cell="${killer}"]`).textContent()).resolves.toContain('The kernel stopped while this cell ran');
    expect(ids.slice(at + 1).map((id) => statuses[id])).toEqual(ids.slice(at + 1).map(() => 'idle'));
    await expect(page.locator(`[data-cell="${ids[at + 1]}"]`).textContent()).resolves.toContain('Cancelled: the kernel stopped before this cell ran');

    await kernelReady(page);
    await page.getByRole('button', { name: 'Revert to original' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revert all' }).click();
    const after = await runAll(page);
    expect(after).toEqual(allDone(after));
    expect(consoleErrors).toEqual([]);
  });
});

/** The first code cell: it needs no earlier cell, so it runs on its own. */
const firstCell = '02-the-network';
const edited = '\nprint("edited: " + 6 * 7)';

/** Appends `edited` to the first cell, runs it, and checks the run used the edit (the session keeps it). */
async function editAndRun(page: Page): Promise<void> {
  await typeAtEnd(page, firstCell, edited);
  await cellOf(page, firstCell).getByRole('button', { name: 'Run cell' }).click();
  await expect.poll(() => cellOf(page, firstCell).getAttribute('data-cell-status'), { timeout: 60_000 }).toBe('done');
  await expect(cellOf(page, firstCell).locator('.outputs').textContent()).resolves.toContain('edited: 42');
}

describe('local storage', () => {
  it('full: saved edits still load, a new edit is kept in the page, a notice says it cannot be saved', { timeout: 300_000 }, async () => {
    const { page, consoleErrors } = await open();
    await page.goto(inject('siteUrl'));
    await kernelReady(page);
    await typeAtEnd(page, '04-activations', '\n// saved before the storage filled up');
    await expect.poll(() => page.evaluate((key) => localStorage.getItem(key) ?? '', editsKey)).toContain('saved before the storage filled up');
    const filled = await page.evaluate(() => {
      // Fill the origin's storage: big strings first, then smaller ones, until not even a character fits.
      let chars = 0;
      for (let size = 1 << 20; size >= 1; size >>= 2) {
        for (let i = 0; ; i++) {
          try {
            localStorage.setItem(`filler-${size}-${i}`, 'x'.repeat(size));
            chars += size;
          } catch {
            break;
          }
        }
      }
      return chars;
    });
    expect(filled).toBeGreaterThan(1e6);
    await page.reload();
    await kernelReady(page);
    await expect(endOfCell(page, '04-activations')).resolves.toContain('saved before the storage filled up');
    await editAndRun(page);
    await expect.poll(() => noticeTexts(page)).toContainEqual(expect.stringMatching(/Your edits could not be saved \(this browser's storage for the page is full\)/));
    expect(consoleErrors).toEqual([]);
  });

  it('disabled (every read and write throws SecurityError): a notice, and the notebook edits and runs', { timeout: 300_000 }, async () => {
    const { page, consoleErrors } = await open();
    await page.addInitScript(() => {
      const refuse = (): never => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
      Storage.prototype.setItem = refuse;
      Storage.prototype.getItem = refuse;
    });
    await page.goto(inject('siteUrl'));
    await kernelReady(page);
    await expect(noticeTexts(page)).resolves.toContainEqual(expect.stringMatching(/does not let the page save data: your edits won't survive a reload/));
    await editAndRun(page);
    const statuses = await runAll(page);
    expect(statuses).toEqual(allDone(statuses));
    expect(consoleErrors).toEqual([]);
  });

  it.each([
    ['not JSON', '{"version":1,"edits":{', /they are not valid JSON/],
    ['another schema', '{"version":1,"edits":[1,2],"aside":{}}', /"edits" is not a map of cell edits/],
    ['another version', '{"version":99}', /saved by another version of this app/],
  ])('corrupt (%s): set aside under a key the notice names, the notebook starts from the lesson and works', { timeout: 300_000 }, async (_, raw, problem) => {
    const { page, consoleErrors } = await open();
    await page.goto(inject('siteUrl'));
    // Once this page has read its saved edits (it mounts after the key that checks them arrives): the corrupt ones are for the reload.
    await kernelReady(page);
    await page.evaluate(([key, value]) => {
      localStorage.setItem(key, value);
      localStorage.setItem('jacobian-notebook/presentation', '{"scale":"huge"');
    }, [editsKey, raw]);
    await page.reload();
    await kernelReady(page);
    const notice = (await noticeTexts(page)).find((t) => t.startsWith('Your saved edits could not be read')) ?? '';
    expect(notice).toMatch(problem);
    const asideKey = /under "([^"]+)"/.exec(notice)?.[1] ?? '';
    await expect(page.evaluate((key) => localStorage.getItem(key), asideKey)).resolves.toBe(raw);
    await editAndRun(page);
    // The new edit is saved (the corrupt data no longer blocks the key).
    await expect.poll(() => page.evaluate((key) => localStorage.getItem(key) ?? '', editsKey)).toContain('edited: ');
    expect(consoleErrors).toEqual([]);
  });
});

describe('a reload in the middle of Run all', () => {
  it('keeps the edit typed just before (saved on pagehide), leaves no cell running or queued, and Run all works again', { timeout: 300_000 }, async () => {
    const { page, consoleErrors } = await open();
    await page.goto(inject('siteUrl'));
    await kernelReady(page);
    const mark = '\n// typed just before the reload';
    await page.getByRole('button', { name: 'Run all' }).click();
    await page.waitForFunction(() => document.querySelector('[data-cell-status="running"]') !== null, null, { polling: 10 });
    await typeAtEnd(page, '06-forward-pass', mark);
    // Reload at once, well inside the autosave's pause: only the pagehide flush can save this edit.
    const savedBeforeReload = await page.evaluate(
      ([key, text]) => {
        setTimeout(() => location.reload());
        return (localStorage.getItem(key) ?? '').includes(text);
      },
      [editsKey, mark.trim()],
    );
    expect(savedBeforeReload).toBe(false);
    await page.waitForLoadState('load');
    await expect(endOfCell(page, '06-forward-pass')).resolves.toContain(mark.trim());
    const before = await cellStatuses(page);
    expect(Object.values(before).filter((s) => s === 'running' || s === 'queued')).toEqual([]);
    await kernelReady(page);
    const statuses = await runAll(page);
    expect(statuses).toEqual(allDone(statuses));
    expect(consoleErrors).toEqual([]);
  });
});

describe('two tabs editing the same notebook', () => {
  it('edits of different cells merge into both tabs; the same cell edited in both asks which to keep, and Keep mine wins in both', { timeout: 300_000 }, async () => {
    const { page: one, context, consoleErrors } = await open();
    await one.goto(inject('siteUrl'));
    const two = await context.newPage();
    await two.goto(inject('siteUrl'));
    await Promise.all([kernelReady(one), kernelReady(two)]);

    // Different cells: each tab's save keeps the other's edit, and each tab shows both.
    await typeAtEnd(one, '04-activations', '\n// from tab one');
    await expect.poll(() => endOfCell(two, '04-activations'), { timeout: 10_000 }).toContain('// from tab one');
    await expect(noticeTexts(two)).resolves.toContainEqual('This notebook was edited in another tab: cell 04-activations now shows the edits made there.');
    await typeAtEnd(two, '06-forward-pass', '\n// from tab two');
    await expect.poll(() => endOfCell(one, '06-forward-pass'), { timeout: 10_000 }).toContain('// from tab two');
    await expect(endOfCell(one, '04-activations')).resolves.toContain('// from tab one');

    // The same cell, typed in both before either saved: the tab that hears second is asked.
    for (const page of [one, two]) {
      await cellOf(page, '08-jacobians').locator('.cm-content').click();
      await page.keyboard.press('Control+End');
    }
    await one.keyboard.insertText('\n// one says this');
    await two.keyboard.insertText('\n// two says that');
    const conflictIn = async (page: Page) => (await noticeTexts(page)).some((t) => t.startsWith('This notebook was edited in another tab too: cell 08-jacobians differs there and here.'));
    await expect.poll(async () => (await conflictIn(one)) || (await conflictIn(two)), { timeout: 10_000 }).toBe(true);
    const [asked, other] = (await conflictIn(one)) ? [one, two] : [two, one];
    const mine = asked === one ? '// one says this' : '// two says that';
    await asked.locator('[data-notice="other-tab-conflict"]').getByRole('button', { name: 'Keep mine' }).click();
    await expect.poll(() => endOfCell(other, '08-jacobians'), { timeout: 10_000 }).toContain(mine);

    // What is saved now: every tab's edits, the conflict settled as asked.
    await one.reload();
    for (const [id, text] of [['04-activations', '// from tab one'], ['06-forward-pass', '// from tab two'], ['08-jacobians', mine]]) {
      await expect(endOfCell(one, id)).resolves.toContain(text);
    }
    expect(consoleErrors).toEqual([]);
  });
});
