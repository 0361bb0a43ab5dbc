// Faults on the built site: no WebGL, the wasm backend failing to load, the kernel Worker dying,
// local storage full, disabled or corrupt, a reload in the middle of Run all, two tabs editing at once.
import { afterEach, describe, expect, inject, it } from 'vitest';
import { launch, type LaunchOptions, type Session } from './browser';
import { cellStatuses, kernelReady, replaceSource, runAll, tableText } from './faultKit';

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
    await context.route('**/*.wasm', (route) => route.abort());
    await page.goto(`${inject('siteUrl')}${query}`);
    const label = await kernelReady(page);
    expect(label).toMatch(/tfjs backend: cpu \(.*WebAssembly unavailable \(.+\): using cpu\)/);
    const statuses = await runAll(page);
    expect(statuses).toEqual(allDone(statuses));
    const timing = await tableText(page, 'Time per gradient,');
    expect(timing.find((row) => row.startsWith('autograd (tfjs wasm)'))).toMatch(/unavailable: /);
    expect(consoleErrors.filter((e) => !/\.wasm/.test(e))).toEqual([]);
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

  it('a cell that ends the worker (close()) during Run all: that cell fails saying so, later ones are cancelled, none stays running; Restart kernel brings it back', { timeout: 300_000 }, async () => {
    const { page, consoleErrors } = await open();
    await page.goto(inject('siteUrl'));
    await kernelReady(page);
    const killer = '08-jacobians';
    await replaceSource(page, killer, 'close(); // ends this Web Worker, as a crash would');
    await page.getByRole('button', { name: 'Run all' }).click();
    const notice = page.locator('[data-notice="kernel"]');
    await expect.poll(() => notice.textContent(), { timeout: 60_000 }).toMatch(/The kernel stopped: its worker stopped/);
    // Nothing is left running or queued, and each cell says what happened to it.
    const statuses = await cellStatuses(page);
    const ids = Object.keys(statuses);
    const at = ids.indexOf(killer);
    expect(Object.values(statuses).filter((s) => s === 'running' || s === 'queued')).toEqual([]);
    expect(ids.slice(0, at).map((id) => statuses[id])).toEqual(ids.slice(0, at).map(() => 'done'));
    expect(statuses[killer]).toBe('error');
    await expect(page.locator(`[data-cell="${killer}"]`).textContent()).resolves.toContain('The kernel stopped while this cell ran');
    expect(ids.slice(at + 1).map((id) => statuses[id])).toEqual(ids.slice(at + 1).map(() => 'idle'));
    await expect(page.locator(`[data-cell="${ids[at + 1]}"]`).textContent()).resolves.toContain('Not run: the kernel has stopped');
    await expect(page.getByTestId('kernel-status').textContent()).resolves.toContain('stopped');

    await notice.getByRole('button', { name: 'Restart kernel' }).click();
    await kernelReady(page);
    await page.getByRole('button', { name: 'Revert to original' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revert all' }).click();
    const after = await runAll(page);
    expect(after).toEqual(allDone(after));
    expect(consoleErrors).toEqual([]);
  });
});
