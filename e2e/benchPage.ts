// `npm run bench:page [-- --runs 5 --no-lighthouse --dist DIR --query backend=cpu]`: the page budgets of design.md, measured in headless Chromium.
// Builds for production, serves gzip-compressed under a sub-path, and reports sizes, paints, Run all's times and Lighthouse; it never fails on a time.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join, relative } from 'node:path';
import { basePath } from './globalSetup';
import { lighthouseUnavailable, runLighthouse, type LighthouseResult } from './lighthouse';
import { firstScreenScripts, seedCell, timingCells, visit, type VisitResult } from './pageProbe';
import { serveStatic } from './server';
import { fetchWire, measureEntry } from './siteSizes';

/** design.md "Budgets". */
const budgets = { entryGzipBytes: 200_000, seedShownMs: 1500, lighthousePerformance: 0.9, lighthouseAccessibility: 1 };

interface Options {
  runs: number;
  lighthouse: boolean;
  dist: string | null;
  query: string;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { runs: 5, lighthouse: true, dist: null, query: '' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`bench:page: ${arg} needs a value`);
      return v;
    };
    if (arg === '--runs') {
      options.runs = Number(value());
      if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error(`bench:page: --runs must be a whole number >= 1, got "${argv[i]}"`);
    } else if (arg === '--no-lighthouse') options.lighthouse = false;
    else if (arg === '--dist') options.dist = value();
    else if (arg === '--query') options.query = value().replace(/^\?/, '');
    else throw new Error(`bench:page: unknown option "${arg}"; usage: npm run bench:page -- [--runs N] [--no-lighthouse] [--dist DIR] [--query backend=cpu]`);
  }
  return options;
}

const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : 'n/a');
const load = (): string => os.loadavg().map((l) => l.toFixed(2)).join(' ');

function median(values: number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** "median (min-max)" over the runs. */
function spread(values: number[], format: (v: number) => string = ms): string {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return 'n/a';
  return `${format(median(finite))}  (${format(Math.min(...finite))} - ${format(Math.max(...finite))}${finite.length < values.length ? `, ${values.length - finite.length} missing` : ''})`;
}

/** Every number of one visit that the report summarises. */
function figures(v: VisitResult): Record<string, number> {
  const p = v.probe;
  const at = (id: string, status: string): number => p.statusMs[id]?.[status] ?? NaN;
  const ended = (id: string): number => (Number.isNaN(at(id, 'done')) ? at(id, 'error') : at(id, 'done'));
  const click = p.clickAtMs ?? NaN;
  const timingMs = ended(timingCells[timingCells.length - 1]) - at(timingCells[0], 'running');
  const longTasks = p.longTasks.filter(([start]) => start >= click);
  return {
    firstPaint: p.paints['first-paint'] ?? NaN,
    firstContentfulPaint: p.paints['first-contentful-paint'] ?? NaN,
    largestContentfulPaint: p.lcpMs ?? NaN,
    click,
    clickToFirstFrame: (p.firstFrameAfterClickMs ?? NaN) - click,
    longestFrame: p.longestFrameMs,
    backendShown: p.backendShownMs ?? NaN,
    seedDone: ended(seedCell),
    seedShown: p.seedShownMs ?? NaN,
    autogradDone: ended('12b-tfjs-gradients'),
    comparisonDone: ended('14-comparison'),
    allEnded: p.allEndedMs ?? NaN,
    timingAndSweep: timingMs,
    allEndedWithoutTiming: (p.allEndedMs ?? NaN) - timingMs,
    longTaskCount: longTasks.length,
    longTaskMax: Math.max(0, ...longTasks.map(([, d]) => d)),
    totalBlocking: longTasks.reduce((s, [, d]) => s + Math.max(0, d - 50), 0),
    pageJsBeforeClick: v.pageJsBytes.beforeClick,
    cpuMainToSeed: v.cpuMs.mainToSeed,
    cpuProcessToSeed: v.cpuMs.processToSeed,
    cpuMainToEnd: v.cpuMs.mainToEnd,
    cpuProcessToEnd: v.cpuMs.processToEnd,
  };
}

function build(): { dist: string; seconds: number } {
  const dist = mkdtempSync(join(os.tmpdir(), 'jn-bench-'));
  const started = Date.now();
  execFileSync(process.execPath, [join(import.meta.dirname, '..', 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', dist, '--emptyOutDir'], {
    cwd: join(import.meta.dirname, '..'),
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return { dist, seconds: (Date.now() - started) / 1000 };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile());
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const cpus = os.cpus();
  const say = (line = ''): void => void process.stdout.write(`${line}\n`);
  say(`# bench:page  ${new Date().toISOString()}`);
  say(`machine: ${cpus[0]?.model ?? 'unknown cpu'}, ${cpus.length} cores, Node ${process.versions.node}, load average ${load()} (1/5/15 min)`);

  let dist = options.dist;
  let ownBuild = false;
  if (!dist) {
    process.stderr.write('building (production)...\n');
    const built = build();
    dist = built.dist;
    ownBuild = true;
    say(`build: ${built.seconds.toFixed(1)} s`);
  }
  const site = await serveStatic(dist, basePath);
  try {
    // The server compresses each file once and keeps it: do that now, not inside a measured visit.
    for (const file of filesUnder(dist)) await fetchWire(new URL(relative(dist, join(dist, file)), site.url).href);
    const url = site.url + (options.query ? `?${options.query}` : '');
    say(`served: gzip under ${basePath}${options.query ? `, ?${options.query}` : ''}; headless Chromium 1280x720, a fresh profile per visit`);
    say();

    const entry = await measureEntry(site.url);
    say('## Sizes (bytes on the wire, gzip)');
    say(`entry JS: ${kB(entry.scriptWireBytes)} (budget ${kB(budgets.entryGzipBytes)}) ${entry.scriptWireBytes <= budgets.entryGzipBytes ? 'OK' : 'OVER'}`);
    for (const f of entry.scripts) say(`  ${f.path}  ${kB(f.wireBytes)} (${kB(f.rawBytes)} raw)`);
    for (const f of entry.stylesheets) say(`  ${f.path}  ${kB(f.wireBytes)} (${kB(f.rawBytes)} raw, CSS)`);
    const first = await firstScreenScripts(site.origin, url);
    say(`first screen, no click, until the network is idle: JS fetched by the page ${kB(first.page)} (the Worker's own script included), by the kernel Worker ${kB(first.worker)}, service worker precache JS ${kB(first.serviceWorker)}`);
    for (const f of first.files) say(`  ${f}`);
    say();

    process.stderr.write(`visits: ${options.runs}\n`);
    const visits: VisitResult[] = [];
    for (let i = 0; i < options.runs; i++) {
      const v = await visit(site.origin, url);
      visits.push(v);
      const f = figures(v);
      const notDone = Object.entries(v.statuses).filter(([, s]) => s !== 'done');
      process.stderr.write(
        `  visit ${i + 1}: seed shown ${ms(f.seedShown)}, every cell ${ms(f.allEnded)}, load ${load()}${notDone.length ? `, NOT DONE: ${notDone.map(([id, s]) => `${id}=${s}`).join(' ')}` : ''}${v.seedOnScreen ? '' : ', seed numbers MISSING'}${v.consoleErrors.length ? `, console errors: ${v.consoleErrors.join(' | ')}` : ''}\n`,
      );
    }
    const all = visits.map(figures);
    const col = (key: string): number[] => all.map((f) => f[key]);
    say(`## Open, then Run all at once (ms since navigation; median (min - max) of ${options.runs} visits)`);
    say(`tfjs backend: ${[...new Set(visits.map((v) => v.backend))].join(' / ')}`);
    say(`first paint                 ${spread(col('firstPaint'))}`);
    say(`first contentful paint      ${spread(col('firstContentfulPaint'))}`);
    say(`largest contentful paint    ${spread(col('largestContentfulPaint'))}`);
    say(`Run all clicked             ${spread(col('click'))}`);
    say(`click -> next frame         ${spread(col('clickToFirstFrame'))}`);
    say(`longest animation frame     ${spread(col('longestFrame'))}  (after the click)`);
    say(`long tasks after click      count ${spread(col('longTaskCount'), (v) => v.toFixed(0))}, longest ${spread(col('longTaskMax'))}, blocking ${spread(col('totalBlocking'))}`);
    say(`backend label shown         ${spread(col('backendShown'))}`);
    say(`seed numbers on screen      ${spread(col('seedShown'))}  (budget ${ms(budgets.seedShownMs)}; cell ${seedCell} done ${spread(col('seedDone'))})`);
    say(`autograd cell (12b) done    ${spread(col('autogradDone'))}`);
    say(`comparison (14) done        ${spread(col('comparisonDone'))}`);
    say(`every cell done             ${spread(col('allEnded'))}`);
    say(`  of which timing + sweep   ${spread(col('timingAndSweep'))}  (${timingCells.join(', ')})`);
    say(`  every cell, without them  ${spread(col('allEndedWithoutTiming'))}`);
    say(`page JS fetched before the click ${spread(col('pageJsBeforeClick'), kB)}`);
    say('CPU time (less sensitive to a busy machine than the times above):');
    say(`  until the seed numbers     main thread ${spread(col('cpuMainToSeed'))}, renderer with the Worker ${spread(col('cpuProcessToSeed'))}`);
    say(`  until every cell ended     main thread ${spread(col('cpuMainToEnd'))}, renderer with the Worker ${spread(col('cpuProcessToEnd'))}`);
    const failures = visits.flatMap((v, i) => [
      ...Object.entries(v.statuses).filter(([, s]) => s !== 'done').map(([id, s]) => `visit ${i + 1}: cell ${id} ended ${s}`),
      ...(v.seedOnScreen ? [] : [`visit ${i + 1}: the seed numbers were not on screen`]),
      ...v.consoleErrors.map((e) => `visit ${i + 1}: console: ${e}`),
    ]);
    if (failures.length) say(`problems:\n  ${failures.join('\n  ')}`);
    say();

    say('## Lighthouse (mobile, simulated throttling)');
    const unavailable = lighthouseUnavailable();
    if (!options.lighthouse) say('skipped (--no-lighthouse)');
    else if (unavailable) say(`skipped: ${unavailable}`);
    else {
      let result: LighthouseResult | null = null;
      try {
        result = await runLighthouse(site.url);
      } catch (error) {
        say(`skipped: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (result) {
        say(`performance ${result.performance.toFixed(2)} (budget ${budgets.lighthousePerformance}), accessibility ${result.accessibility.toFixed(2)} (budget ${budgets.lighthouseAccessibility.toFixed(1)})`);
        say(`  ${Object.entries(result.metrics).map(([k, v]) => `${k} ${v}`).join(', ')}`);
        for (const f of result.failed) say(`  below 1: [${f.category}] ${f.id}: ${f.title}${f.detail ? ` -- ${f.detail}` : ''}`);
      }
    }
    say();
    say(`load average at the end: ${load()}`);
  } finally {
    await site.close();
    if (ownBuild) rmSync(dist, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:page: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
