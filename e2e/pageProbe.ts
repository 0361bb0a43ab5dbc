// One measured visit: open the site in a fresh profile, press Run all as soon as it can be pressed, time what the student sees.
import type { Page } from 'playwright-core';
import { launch, type Session } from './browser';

/** Cells that time things on purpose (repeated gradients, the width sweep): reported apart. */
export const timingCells = ['16-timing', '18-scaling'] as const;
/** The cell that prints the original notebook's gradients, and the number it must show. */
export const seedCell = '12a-manual-gradients';
export const seedText = 'dl/dX0:  [[-0.05246989  0.28237541]]';

/** What the probe records in the page (ms since navigation start). */
export interface ProbeRecord {
  clickAtMs: number | null;
  /** First frame drawn after the click (the page answered). */
  firstFrameAfterClickMs: number | null;
  /** Longest animation frame (Long Animation Frames API: a task and the rendering it held up) after the click. */
  longestFrameMs: number;
  /** When each cell first reached each status. */
  statusMs: Record<string, Record<string, number>>;
  /** The frame that first showed the seed numbers. */
  seedShownMs: number | null;
  longTasks: [startMs: number, durationMs: number][];
  paints: Record<string, number>;
  lcpMs: number | null;
  /** The backend label stopped saying "loading". */
  backendShownMs: number | null;
  allEndedMs: number | null;
}

/**
 * Runs in the page before its scripts (addInitScript): watches statuses, paints and long tasks,
 * and clicks Run all the moment it is enabled, as an impatient student would. It reacts to DOM
 * changes only: an animation-frame loop would keep the page drawing every frame, and the page's
 * idle-time work (far cells mounting) would behave as it never does for a student.
 */
function installProbe(seed: { cell: string; text: string }): void {
  const rec: ProbeRecord = {
    clickAtMs: null,
    firstFrameAfterClickMs: null,
    longestFrameMs: 0,
    statusMs: {},
    seedShownMs: null,
    longTasks: [],
    paints: {},
    lcpMs: null,
    backendShownMs: null,
    allEndedMs: null,
  };
  (window as unknown as { benchProbe: ProbeRecord }).benchProbe = rec;
  const observe = (type: string, take: (entry: PerformanceEntry) => void): void => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(take)).observe({ type, buffered: true });
    } catch {
      // an entry type this browser does not know: that number stays empty
    }
  };
  observe('longtask', (e) => rec.longTasks.push([e.startTime, e.duration]));
  observe('paint', (e) => (rec.paints[e.name] = e.startTime));
  observe('largest-contentful-paint', (e) => (rec.lcpMs = e.startTime));
  observe('long-animation-frame', (e) => {
    if (rec.clickAtMs !== null && e.startTime >= rec.clickAtMs) rec.longestFrameMs = Math.max(rec.longestFrameMs, e.duration);
  });

  const codeCellsEnded = (): boolean => {
    const cells = [...document.querySelectorAll('[data-cell-type=code]')];
    return cells.length > 0 && cells.every((c) => ['done', 'error', 'cancelled', 'interrupted'].includes(c.getAttribute('data-cell-status') ?? ''));
  };
  /** The time of the next frame, i.e. when what the DOM holds now is drawn. */
  const atNextFrame = (set: (ms: number) => void): void => void requestAnimationFrame((ms) => set(ms));
  let seedSeen = false;
  const check = (): void => {
    if (rec.backendShownMs === null) {
      const label = document.querySelector('[data-testid=tf-backend]')?.textContent ?? '';
      if (label && !/loading/.test(label)) atNextFrame((ms) => (rec.backendShownMs ??= ms));
    }
    if (!seedSeen && document.querySelector(`[data-cell="${seed.cell}"]`)?.textContent?.includes(seed.text)) {
      seedSeen = true;
      atNextFrame((ms) => (rec.seedShownMs = ms));
    }
    if (rec.clickAtMs === null) {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.includes('Run all'));
      if (button && !button.disabled) {
        rec.clickAtMs = performance.now();
        button.click();
        atNextFrame((ms) => (rec.firstFrameAfterClickMs = ms));
      }
    } else if (rec.allEndedMs === null && codeCellsEnded()) rec.allEndedMs = performance.now();
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type !== 'attributes' || r.attributeName !== 'data-cell-status') continue;
      const el = r.target as Element;
      const id = el.getAttribute('data-cell');
      const status = el.getAttribute('data-cell-status');
      if (id && status) (rec.statusMs[id] ??= {})[status] ??= performance.now();
    }
    check();
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-cell-status', 'disabled'] });
}

/**
 * Functions sent into the page are sent as their source text; run by tsx (esbuild's keepNames) they
 * call a `__name` helper that exists only in Node: give the page a do-nothing one.
 */
async function allowNamedFunctions(page: Page): Promise<void> {
  await page.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  await page.evaluate('globalThis.__name ??= (f) => f;').catch(() => undefined);
}

export interface VisitResult {
  probe: ProbeRecord;
  backend: string;
  /** Cell id -> status at the end. */
  statuses: Record<string, string>;
  seedOnScreen: boolean;
  /** JavaScript the page itself fetched (not its Worker), bytes on the wire, before and after the click. */
  pageJsBytes: { beforeClick: number; total: number };
  /**
   * CPU time (ms) of the page's main thread and of its whole renderer process (the kernel Worker
   * included) from navigation until the seed numbers were seen (polled every 100 ms) and until every
   * cell ended: on a shared machine these say more than wall-clock times, which wait for other work.
   */
  cpuMs: { mainToSeed: number; processToSeed: number; mainToEnd: number; processToEnd: number };
  consoleErrors: string[];
}

type Cdp = Awaited<ReturnType<Session['context']['newCDPSession']>>;

/** The main thread's and the renderer process's CPU time so far, in ms (Chromium's Performance domain). */
async function cpuTimes(cdp: Cdp): Promise<{ main: number; process: number }> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const value = (name: string): number => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
  return { main: value('ThreadTime'), process: value('ProcessTime') };
}

async function statusesOf(page: Page): Promise<Record<string, string>> {
  return Object.fromEntries(
    await page.$$eval('[data-cell-type=code]', (els) => els.map((e) => [e.getAttribute('data-cell') ?? '', e.getAttribute('data-cell-status') ?? ''])),
  );
}

/** Opens `url` (with `query` appended) in a fresh profile, lets the probe press Run all, waits for every cell to end. */
export async function visit(origin: string, url: string, options: { timeoutMs?: number; viewport?: { width: number; height: number } } = {}): Promise<VisitResult> {
  const session = await launch(origin, { viewport: options.viewport ?? { width: 1280, height: 720 } });
  try {
    const { page } = session;
    await allowNamedFunctions(page);
    await page.addInitScript(installProbe, { cell: seedCell, text: seedText });
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url);
    const timeout = options.timeoutMs ?? 180_000;
    // Polled at a gentle pace: a timer every few ms would cut the page's idle periods short.
    await page.waitForFunction(() => (window as unknown as { benchProbe: ProbeRecord }).benchProbe.seedShownMs !== null, undefined, { timeout, polling: 100 });
    const atSeed = await cpuTimes(cdp);
    await page.waitForFunction(() => (window as unknown as { benchProbe: ProbeRecord }).benchProbe.allEndedMs !== null, undefined, { timeout, polling: 500 });
    const atEnd = await cpuTimes(cdp);
    const probe = await page.evaluate(() => (window as unknown as { benchProbe: ProbeRecord }).benchProbe);
    const pageJsBytes = await page.evaluate((clickAt) => {
      const js = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => /\.m?js(\?|$)/.test(e.name));
      const sum = (list: PerformanceResourceTiming[]): number => list.reduce((s, e) => s + e.encodedBodySize, 0);
      return { beforeClick: sum(js.filter((e) => clickAt === null || e.startTime <= clickAt)), total: sum(js) };
    }, probe.clickAtMs);
    return {
      probe,
      backend: (await page.getByTestId('tf-backend').textContent())?.trim() ?? '',
      statuses: await statusesOf(page),
      seedOnScreen: ((await page.locator(`[data-cell="${seedCell}"]`).textContent()) ?? '').includes(seedText),
      pageJsBytes,
      cpuMs: { mainToSeed: atSeed.main, processToSeed: atSeed.process, mainToEnd: atEnd.main, processToEnd: atEnd.process },
      consoleErrors: [...session.consoleErrors],
    };
  } finally {
    await session.close();
  }
}

/** Bytes of every script the first screen fetches, by whom: the page, its Worker, the service worker. */
export async function firstScreenScripts(origin: string, url: string): Promise<{ page: number; worker: number; serviceWorker: number; files: string[] }> {
  const session = await launch(origin);
  try {
    const { page, context } = session;
    await allowNamedFunctions(page);
    // One URL may be fetched twice: by the page or its Worker, and again by the service worker's precache.
    const fetched = { own: new Map<string, number>(), sw: new Map<string, number>() };
    context.on('response', (res) => {
      const u = res.url();
      if (!/\.m?js(\?|$)/.test(u)) return;
      const length = Number(res.headers()['content-length'] ?? NaN);
      (res.request().serviceWorker() ? fetched.sw : fetched.own).set(u, Number.isFinite(length) ? length : 0);
    });
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    // the Worker announces its backend once tfjs (if it loads at start) is in
    await page.getByTestId('tf-backend').filter({ hasText: /\S/ }).waitFor({ timeout: 120_000 }).catch(() => undefined);
    await page.waitForLoadState('networkidle');
    const fromPage = new Set(
      await page.evaluate(() => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => e.name)),
    );
    const sum = (entries: [string, number][]): number => entries.reduce((s, [, bytes]) => s + bytes, 0);
    const own = [...fetched.own];
    const name = (u: string): string => new URL(u).pathname.replace(/^.*\//, '');
    return {
      page: sum(own.filter(([u]) => fromPage.has(u))),
      worker: sum(own.filter(([u]) => !fromPage.has(u))),
      serviceWorker: sum([...fetched.sw]),
      files: [
        ...own.map(([u, bytes]) => `${name(u)} ${(bytes / 1000).toFixed(1)} kB (${fromPage.has(u) ? 'by the page' : 'by the kernel worker'})`),
        `service worker precache: ${[...fetched.sw].map(([u]) => name(u)).join(', ')}`,
      ],
    };
  } finally {
    await session.close();
  }
}
