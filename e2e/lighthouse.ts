// Lighthouse (mobile, its default) on the served site: performance and accessibility scores, and what it failed.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChrome } from './chrome';

export interface LighthouseResult {
  performance: number;
  accessibility: number;
  /** First Contentful Paint, Largest Contentful Paint, Total Blocking Time, Speed Index, CLS as Lighthouse shows them. */
  metrics: Record<string, string>;
  /** Audits that scored below 1 (accessibility: every one; performance: the opportunities). */
  failed: { category: string; id: string; title: string; detail: string }[];
}

interface LhAudit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
  details?: { items?: { node?: { snippet?: string; explanation?: string } }[] };
}
interface LhReport {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, LhAudit>;
  runtimeError?: { message: string };
}

const lighthouseCli = join(import.meta.dirname, '..', 'node_modules', 'lighthouse', 'cli', 'index.js');

/** Null with the reason when Lighthouse cannot run here (not installed, Node too old). */
export function lighthouseUnavailable(): string | null {
  if (!existsSync(lighthouseCli)) return 'lighthouse is not installed (npm install --save-dev --save-exact lighthouse@12.8.2)';
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 18) return `lighthouse 12 needs Node 18 or newer; this is Node ${process.versions.node}`;
  return null;
}

function run(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [lighthouseCli, ...args], { env, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`lighthouse failed: ${error.message}\n${stderr.split('\n').slice(-15).join('\n')}`));
      else resolve();
    });
  });
}

/** One Lighthouse run (mobile emulation, simulated throttling) of `url`. */
export async function runLighthouse(url: string, timeoutMs = 240_000): Promise<LighthouseResult> {
  const dir = mkdtempSync(join(tmpdir(), 'jn-lh-'));
  try {
    const out = join(dir, 'report.json');
    const chromeFlags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run'].join(' ');
    await run(
      [url, '--quiet', `--chrome-flags=${chromeFlags}`, '--only-categories=performance,accessibility', '--output=json', `--output-path=${out}`],
      { ...process.env, CHROME_PATH: findChrome() },
      timeoutMs,
    );
    const report = JSON.parse(readFileSync(out, 'utf8')) as LhReport;
    if (report.runtimeError) throw new Error(`lighthouse: ${report.runtimeError.message}`);
    const metricIds = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'speed-index', 'cumulative-layout-shift'];
    const metrics = Object.fromEntries(metricIds.map((id) => [id, report.audits[id]?.displayValue ?? '?']));
    const failed: LighthouseResult['failed'] = [];
    for (const [category, { auditRefs }] of Object.entries(report.categories)) {
      for (const ref of auditRefs) {
        const audit = report.audits[ref.id];
        if (!audit || audit.score === null || audit.score >= 1 || ['notApplicable', 'informative', 'manual'].includes(audit.scoreDisplayMode)) continue;
        if (category === 'performance' && ref.weight === 0 && audit.scoreDisplayMode !== 'metricSavings') continue;
        const nodes = (audit.details?.items ?? []).map((i) => i.node?.snippet).filter(Boolean).slice(0, 3);
        failed.push({ category, id: ref.id, title: audit.title, detail: [audit.displayValue, ...nodes].filter(Boolean).join('; ') });
      }
    }
    return { performance: report.categories.performance?.score ?? NaN, accessibility: report.categories.accessibility?.score ?? NaN, metrics, failed };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
