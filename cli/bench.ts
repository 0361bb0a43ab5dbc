// `npm run bench [-- --quick]`: microseconds per gradient for dense / structured / tfjs-cpu / tfjs-wasm at widths 2-3-1 and n-n-1,
// then per batch (B samples at once) for structured and tfjs. The tables go to stdout, progress to stderr; dense is
// refused where its estimate runs to minutes.
import os from 'node:os';
import {
  estimateDenseFromMeasured,
  fitLogLogSlope,
  sweep,
  type SweepCase,
  type SweepRow,
} from '../app/core/bench';
import { denseGradientsPrepared } from '../app/core/dense';
import { prepareNet } from '../app/core/net';
import { originalNet } from '../app/core/netspec';
import { mulberry32, randomNet } from '../app/core/randomNet';
import { structuredGradientsPrepared } from '../app/core/structured';
import { initTf, prepareTfjsNet, type TfBackendName } from '../app/core/tfjsGradients';
import type { NetSpec } from '../app/core/types';
import seed from '../reference/seed-values.json';

interface Plan {
  widthsN: number[];
  budgetMs: number;
  /** Long enough for V8 to optimise the small cases' hot loops before the first timed batch. */
  warmupMs: number;
  /** Dense cases estimated above this per gradient are not run: even 5 samples would take minutes. */
  maxEstimateUs: number;
  /** Batch sizes of the batch table (at 2-3-1 and 128-128-1). */
  batches: number[];
}

const fullPlan: Plan = { widthsN: [3, 32, 128, 512], budgetMs: 2000, warmupMs: 300, maxEstimateUs: 10e6, batches: [1, 32, 256] };
/**
 * `--quick`: a smoke run of every method in a few seconds (tests). Dense is refused above 100 ms:
 * 128-128-1 (~256x the 32-32-1 time) is, 32-32-1 is not even when estimated from the overhead-bound
 * small cases (an overestimate, ~10 ms).
 */
const quickPlan: Plan = { widthsN: [3, 32, 128], budgetMs: 100, warmupMs: 20, maxEstimateUs: 100e3, batches: [1, 32] };

function parsePlan(argv: readonly string[]): Plan {
  if (argv.length === 0) return fullPlan;
  if (argv.length === 1 && argv[0] === '--quick') return quickPlan;
  process.stderr.write(`bench: unknown option "${argv.join(' ')}"; usage: npm run bench [-- --quick]\n`);
  process.exit(2);
}

type MethodName = 'dense' | 'structured' | 'tfjs-cpu' | 'tfjs-wasm';

/** The network with X0 as a batch of B samples (seeded), the loss sum log X_K over all of them. */
function withBatch(spec: NetSpec, B: number): NetSpec {
  const rng = mulberry32(B);
  return { ...spec, X0: spec.widths.slice(0, 1).flatMap((c0) => Array.from({ length: c0 }, () => Array.from({ length: B }, () => 2 * rng() - 1))) };
}

function manualCase(name: 'dense' | 'structured', spec: NetSpec): SweepCase {
  const gradient = name === 'dense' ? denseGradientsPrepared : structuredGradientsPrepared;
  return {
    name,
    widths: spec.widths,
    setup: () => {
      const net = prepareNet(spec);
      return { run: () => gradient(net) };
    },
    estimateUs:
      name === 'dense'
        ? (done) => estimateDenseFromMeasured(spec.widths, done.filter((r) => r.result).map((r) => ({ widths: r.widths, us: r.result!.medianUs })))
        : undefined,
  };
}

const formatUs = (us: number): string =>
  us < 10 ? us.toFixed(2) : us < 100 ? us.toFixed(1) : Math.round(us).toLocaleString('en-US');

/** On a terminal one line rewritten in place; in a log one line per case. */
function progressReporter(): { update: (percent: number, label: string) => void; end: () => void } {
  let lastText = '';
  let lastLabel = '';
  return {
    update: (percent, label) => {
      const text = `bench: ${String(percent).padStart(3)}%  ${label}`;
      if (process.stderr.isTTY && text !== lastText) process.stderr.write(`\r\x1b[2K${text}`);
      else if (!process.stderr.isTTY && label !== lastLabel) process.stderr.write(`${text}\n`);
      lastText = text;
      lastLabel = label;
    },
    end: () => process.stderr.write(process.stderr.isTTY ? '\r\x1b[2K' : 'bench: 100%  done\n'),
  };
}

async function main(plan: Plan): Promise<void> {
  const startMs = performance.now();
  const { budgetMs, warmupMs, maxEstimateUs } = plan;
  /** The original network at 2-3-1, seeded random sigmoid networks (loss defined) at n-n-1. */
  const networks: NetSpec[] = [originalNet(), ...plan.widthsN.map((n) => randomNet([n, n, 1], 'sigmoid', mulberry32(n)))];
  const rows: (SweepRow & { method: MethodName })[] = [];
  const batchRows: (SweepRow & { method: MethodName; batch: number })[] = [];
  const batchNets = [networks[0], randomNet([128, 128, 1], 'sigmoid', mulberry32(128))].flatMap((spec) => plan.batches.map((B) => ({ B, spec: withBatch(spec, B) })));
  const backends: Partial<Record<MethodName, string>> = {};
  const notes: string[] = [];
  const groups: MethodName[] = ['dense', 'structured', 'tfjs-cpu', 'tfjs-wasm'];
  const progress = progressReporter();

  for (const [g, method] of groups.entries()) {
    let caseOf: (spec: NetSpec) => SweepCase;
    if (method === 'dense' || method === 'structured') {
      caseOf = (spec) => manualCase(method, spec);
      backends[method] = 'JS float64';
    } else {
      const requested = method.slice('tfjs-'.length) as TfBackendName;
      const init = await initTf(requested);
      backends[method] = `tfjs ${init.backend} float32`;
      notes.push(...init.notes);
      caseOf = (spec) => ({
        name: method,
        widths: spec.widths,
        setup: () => {
          const net = prepareTfjsNet(init.tf, spec);
          return { run: () => net.gradientsFlat(), dispose: () => net.dispose() };
        },
      });
    }
    // The batch table has no dense rows: dense runs per sample, B times its one-sample time.
    const batched = method === 'dense' ? [] : batchNets;
    const cases = [...networks.map(caseOf), ...batched.map(({ spec }) => caseOf(spec))];
    const { rows: done } = await sweep(cases, {
      budgetMs,
      warmupMs,
      maxEstimateUs,
      onProgress: (fraction, current) => {
        progress.update(Math.floor(((g + fraction) / groups.length) * 100), `${current.name} ${current.widths.join('-')}`);
      },
    });
    rows.push(...done.slice(0, networks.length).map((row) => ({ ...row, method })));
    batchRows.push(...done.slice(networks.length).map((row, i) => ({ ...row, method, batch: batched[i].B })));
  }
  progress.end();

  printReport(rows, batchRows, backends, notes, (performance.now() - startMs) / 1000);
}

/** Columns padded to their widest cell (numbers right-aligned from column `firstNumber`), the last left ragged. */
function formatTable(header: string[], table: string[][], firstNumber: number): string[] {
  const last = header.length - 1;
  const widths = header.map((h, c) => (c === last ? h.length : Math.max(h.length, ...table.map((t) => t[c].length))));
  const line = (cells: string[]) =>
    cells.map((cell, c) => (c === last ? cell : c >= firstNumber ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...table.map(line)];
}

/** One gradient of a batch (one forward + backward pass over B samples), and per sample. */
function batchTable(batchRows: (SweepRow & { method: MethodName; batch: number })[], backends: Partial<Record<MethodName, string>>): string[] {
  const header = ['method', 'backend', 'widths', 'B', 'median us', 'us per sample', 'min us', 'batch x samples'];
  const table = batchRows.map((row) => {
    const base = [row.method, backends[row.method] ?? '', row.widths.join('-'), String(row.batch)];
    const r = row.result;
    if (r === null) return [...base, '-', '-', '-', row.skipped ?? 'not run'];
    return [...base, formatUs(r.medianUs), formatUs(r.medianUs / row.batch), formatUs(r.minUs), `${r.batchSize} x ${r.samples}`];
  });
  return [
    'A batch of B samples in one call (X0 as c0 x B; l = sum log X_K over every entry; dl/dW_k, dl/dbeta_k summed), in microseconds:',
    '',
    ...formatTable(header, table, 3),
  ];
}

function printReport(
  rows: (SweepRow & { method: MethodName })[],
  batchRows: (SweepRow & { method: MethodName; batch: number })[],
  backends: Partial<Record<MethodName, string>>,
  notes: string[],
  seconds: number,
): void {
  const cpus = os.cpus();
  const out: string[] = [];
  out.push('One gradient of l = sum log X_K (forward + backward pass), in microseconds: median, min and max per call over timed batches of >= 10 ms after warm-up; the first call apart.');
  out.push(`Node ${process.version}, ${os.platform()} ${os.arch()}; machine: ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} logical cores`);
  // Other processes sharing the cores make medians noisy; min is then the better guide to the machine.
  out.push(`Load average when finished: ${os.loadavg().map((x) => x.toFixed(2)).join(', ')} (1, 5, 15 min)`);
  out.push('');
  const header = ['method', 'backend', 'widths', 'median us', 'min us', 'max us', 'first call us', 'batch x samples'];
  const table: string[][] = rows.map((row) => {
    const base = [row.method, backends[row.method] ?? '', row.widths.join('-')];
    const r = row.result;
    if (r === null) return [...base, '-', '-', '-', '-', row.skipped ?? 'not run'];
    return [...base, formatUs(r.medianUs), formatUs(r.minUs), formatUs(r.maxUs), formatUs(r.firstCallUs), `${r.batchSize} x ${r.samples}`];
  });
  // The last column is left ragged: it holds the long "refused: ..." notes.
  out.push(...formatTable(header, table, 3));
  out.push('');
  out.push(`Scaling (least-squares slope of log time vs log n over the n-n-1 rows measured):`);
  for (const method of [...new Set(rows.map((r) => r.method))]) {
    const points = rows.filter((r) => r.method === method && r.result && r.widths[0] !== 2).map((r) => ({ n: r.widths[0], t: r.result!.medianUs }));
    const big = points.filter((p) => p.n >= 32);
    if (points.length < 2) continue;
    const slopeAll = fitLogLogSlope(points).slope.toFixed(2);
    const slopeBig = big.length >= 2 ? `, ${fitLogLogSlope(big).slope.toFixed(2)} for n >= 32` : '';
    out.push(`  ${method.padEnd(10)} t ~ n^${slopeAll}${slopeBig}`);
  }

  const resultOf = (method: MethodName, widths: string) => rows.find((r) => r.method === method && r.widths.join('-') === widths)?.result ?? undefined;
  // Judged on the median; the min is shown too, as the machine's speed when nothing else runs on it.
  const check = (label: string, method: MethodName, widths: string, limitUs: number) => {
    const r = resultOf(method, widths);
    if (r === undefined) return `  ${method} ${widths}${label}: not measured`;
    const verdict = r.medianUs <= limitUs ? 'met' : r.minUs <= limitUs ? 'MISSED by the median, met by the min' : 'MISSED';
    return `  ${method} ${widths}${label}: median ${formatUs(r.medianUs)} us, min ${formatUs(r.minUs)} us (target <= ${limitUs} us): ${verdict}`;
  };
  out.push('');
  out.push('Targets:');
  out.push(check('', 'dense', '2-3-1', 2));
  out.push(check('', 'structured', '2-3-1', 2));
  out.push(check(' (PyTorch 1.13 CPU forward+backward: ~445 us on this kind of machine)', 'structured', '512-512-1', 445));
  out.push('');
  out.push(
    `Original notebook (one cold run each, the author's machine, 2-3-1): NumPy dense ${(seed.printed.numpy_time_s * 1e6).toFixed(0)} us, PyTorch backward ${(seed.printed.pytorch_backward_time_s * 1e6).toFixed(0)} us.`,
  );
  out.push('');
  out.push(...batchTable(batchRows, backends));
  out.push('');
  for (const note of notes) out.push(`Note: ${note}`);
  out.push(`Finished in ${seconds.toFixed(1)} s.`);
  process.stdout.write(`${out.join('\n')}\n`);
}

await main(parsePlan(process.argv.slice(2)));
