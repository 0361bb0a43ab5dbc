// The benchmark harness (no DOM): batched timing with warm-up, progress, cancellation, plus the sweep's cost model and log-log fit.
import { denseOpCount } from './cost';

export { denseOpCount } from './cost';

/** A clock in milliseconds (performance.now by default; browsers coarsen it to ~100 us). */
export type ClockMs = () => number;

/** Anything with an `aborted` flag: an AbortSignal, or a plain object a Worker's cancel message sets. */
export interface CancelSignal {
  readonly aborted: boolean;
}

export interface BenchOptions {
  name?: string;
  /** A timed batch lasts at least this long, so a coarse clock's step is <= 1% of it. Default 10. */
  minBatchMs?: number;
  /** Samples (timed batches) wanted. Default 30. */
  samples?: number;
  /** Fewest samples kept when the time budget runs out. Default 5. */
  minSamples?: number;
  /** Warm-up length after the first call (JIT, caches). Default 50. */
  warmupMs?: number;
  /** Stop taking samples once this much time has passed (after minSamples). Default 3000. */
  budgetMs?: number;
  clock?: ClockMs;
  signal?: CancelSignal;
  /** Called with a fraction in [0, 1], never decreasing, ending with 1. */
  onProgress?: (fraction: number) => void;
  /** How to give the event loop a turn between samples (a cancel message can arrive). */
  yieldToEventLoop?: () => Promise<void>;
}

export interface BenchResult {
  name: string;
  /** The very first call, alone: compilation, shader/wasm set-up, cold caches. */
  firstCallUs: number;
  /** Per-call statistics over samples, each sample = one batch's time / batchSize. */
  medianUs: number;
  minUs: number;
  maxUs: number;
  q1Us: number;
  q3Us: number;
  /** How many samples were taken. */
  samples: number;
  samplesUs: number[];
  /** Calls per timed batch. */
  batchSize: number;
  /** Timed calls in total (samples x batchSize). */
  iterations: number;
}

export class BenchCancelledError extends Error {
  constructor(name: string, samplesTaken: number) {
    super(`benchmark "${name}" cancelled after ${samplesTaken} samples`);
    this.name = 'BenchCancelledError';
  }
}

/** A macrotask turn: setImmediate in Node; a MessageChannel elsewhere (setTimeout is clamped to 4 ms). */
export function yieldMacrotask(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const defaultClock: ClockMs = () => performance.now();

/** Quantile p in [0, 1] of ascending `sorted`, linear between order statistics (NumPy's default). */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('quantile of an empty list');
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Median, quartiles and range of per-call times. */
export function summarizeUs(samplesUs: readonly number[]): Pick<BenchResult, 'medianUs' | 'minUs' | 'maxUs' | 'q1Us' | 'q3Us'> {
  const sorted = [...samplesUs].sort((a, b) => a - b);
  return {
    medianUs: quantile(sorted, 0.5),
    minUs: sorted[0],
    maxUs: sorted[sorted.length - 1],
    q1Us: quantile(sorted, 0.25),
    q3Us: quantile(sorted, 0.75),
  };
}

/** Runs fn `n` times; the result is kept so the work cannot be optimised away. */
function runBatch(fn: () => unknown, n: number): unknown {
  let last: unknown;
  for (let i = 0; i < n; i++) last = fn();
  return last;
}

/**
 * Times `fn` (synchronous) per call: first call apart, then warm-up while the batch size doubles
 * (or jumps) until one batch lasts minBatchMs, then `samples` batches with a macrotask turn
 * between them. Throws BenchCancelledError as soon as `signal.aborted` is seen.
 */
export async function bench(fn: () => unknown, options: BenchOptions = {}): Promise<BenchResult> {
  const name = options.name ?? 'bench';
  const clock = options.clock ?? defaultClock;
  const minBatchMs = options.minBatchMs ?? 10;
  const samplesWanted = options.samples ?? 30;
  const minSamples = Math.min(options.minSamples ?? 5, samplesWanted);
  const warmupMs = options.warmupMs ?? 50;
  const budgetMs = options.budgetMs ?? 3000;
  const yieldTurn = options.yieldToEventLoop ?? yieldMacrotask;
  let progress = 0;
  const report = (fraction: number): void => {
    progress = Math.max(progress, Math.min(1, fraction));
    options.onProgress?.(progress);
  };
  const checkCancelled = (samplesTaken: number): void => {
    if (options.signal?.aborted) throw new BenchCancelledError(name, samplesTaken);
  };
  const timeBatchMs = (n: number): number => {
    const t0 = clock();
    runBatch(fn, n);
    return clock() - t0;
  };

  checkCancelled(0);
  const startMs = clock();
  const firstCallUs = timeBatchMs(1) * 1000;

  // Warm-up and calibration in one: grow the batch until it lasts minBatchMs, and keep going
  // until warmupMs has passed, so the timed batches see a warm JIT.
  let batchSize = 1;
  for (;;) {
    checkCancelled(0);
    const elapsedMs = timeBatchMs(batchSize);
    const warm = clock() - startMs >= warmupMs;
    if (elapsedMs >= minBatchMs && warm) break;
    if (elapsedMs < minBatchMs) {
      // A coarse clock may read 0: grow tenfold then; otherwise aim 20% past the target.
      const factor = elapsedMs > 0 ? Math.ceil((minBatchMs * 1.2) / elapsedMs) : 10;
      batchSize *= Math.min(10, Math.max(2, factor));
    }
    await yieldTurn();
  }

  const samplesUs: number[] = [];
  const samplingStartMs = clock();
  while (samplesUs.length < samplesWanted) {
    checkCancelled(samplesUs.length);
    samplesUs.push((timeBatchMs(batchSize) * 1000) / batchSize);
    const spentMs = clock() - samplingStartMs;
    report(Math.max(samplesUs.length / samplesWanted, spentMs / budgetMs));
    if (clock() - startMs >= budgetMs && samplesUs.length >= minSamples) break;
    await yieldTurn();
  }
  report(1);
  return {
    name,
    firstCallUs,
    ...summarizeUs(samplesUs),
    samples: samplesUs.length,
    samplesUs,
    batchSize,
    iterations: samplesUs.length * batchSize,
  };
}

/** Time per gradient of the dense method, us = fixedUs + usPerOp x denseOpCount(widths). */
export interface DenseCostModel {
  fixedUs: number;
  usPerOp: number;
}

/**
 * Fits the dense cost model to measured cases by least squares on (ops, us). With one case, or cases
 * too small to show the per-op cost (slope <= 0 from overhead and noise), the most expensive case's
 * time is all per-op cost: an overestimate then, so a sweep errs on the side of refusing. Calibrate on
 * a case large enough for the ops to dominate; larger ones only get slower per op (caches).
 */
export function fitDenseCostModel(measured: readonly { widths: readonly number[]; us: number }[]): DenseCostModel {
  if (measured.length === 0) throw new Error('fitDenseCostModel needs at least one measured case');
  const xs = measured.map((m) => denseOpCount(m.widths));
  const ys = measured.map((m) => m.us);
  const line = leastSquaresLine(xs, ys);
  if (line === null || line.slope <= 0 || line.intercept < 0) {
    // Through the origin: the per-op cost of the most expensive case.
    const i = xs.indexOf(Math.max(...xs));
    return { fixedUs: 0, usPerOp: ys[i] / xs[i] };
  }
  return { fixedUs: line.intercept, usPerOp: line.slope };
}

/** Estimated microseconds per dense gradient at these widths under a fitted model. */
export function estimateDenseUs(widths: readonly number[], model: DenseCostModel): number {
  return model.fixedUs + model.usPerOp * denseOpCount(widths);
}

/** Ordinary least squares y = intercept + slope x; null when the xs do not vary. */
function leastSquaresLine(xs: readonly number[], ys: readonly number[]): { slope: number; intercept: number } | null {
  const n = xs.length;
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - meanX) ** 2;
    sxy += (xs[i] - meanX) * (ys[i] - meanY);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { slope, intercept: meanY - slope * meanX };
}

/** The fitted power law t ~ coefficient x n^slope (the slope of the log-log plot). */
export interface PowerLawFit {
  slope: number;
  coefficient: number;
}

/** Least-squares slope of log t against log n (t > 0, n > 0, at least two distinct n). */
export function fitLogLogSlope(points: readonly { n: number; t: number }[]): PowerLawFit {
  const bad = points.find((p) => !(p.n > 0 && p.t > 0));
  if (bad) throw new Error(`fitLogLogSlope needs n > 0 and t > 0, got n = ${bad.n}, t = ${bad.t}`);
  const line = leastSquaresLine(
    points.map((p) => Math.log(p.n)),
    points.map((p) => Math.log(p.t)),
  );
  if (line === null) throw new Error('fitLogLogSlope needs at least two different n');
  return { slope: line.slope, coefficient: Math.exp(line.intercept) };
}

/** Estimated dense us per call at `widths` from the dense cases already measured; undefined before any. */
export function estimateDenseFromMeasured(
  widths: readonly number[],
  measured: readonly { widths: readonly number[]; us: number }[],
): number | undefined {
  return measured.length === 0 ? undefined : estimateDenseUs(widths, fitDenseCostModel(measured));
}

/** One case of a sweep: a method at some widths. `setup` runs outside the timing (uploads, allocation). */
export interface SweepCase {
  name: string;
  widths: number[];
  setup: () => { run: () => unknown; dispose?: () => void };
  /** Estimated us per call, given the rows done so far; above maxEstimateUs the case is refused. */
  estimateUs?: (done: readonly SweepRow[]) => number | undefined;
}

export interface SweepRow {
  name: string;
  widths: number[];
  result: BenchResult | null;
  estimateUs?: number;
  /** Why there is no result: refused (estimate too long) or cancelled. */
  skipped?: string;
}

export interface SweepOptions extends Omit<BenchOptions, 'name' | 'onProgress'> {
  /** Refuse a case whose estimated time per call exceeds this. Default 2 s. */
  maxEstimateUs?: number;
  /** Overall fraction in [0, 1], with the case in progress. */
  onProgress?: (fraction: number, current: SweepCase) => void;
  /** Each row as soon as it is known (live tables). */
  onRow?: (row: SweepRow) => void;
}

const formatSeconds = (us: number): string => (us >= 1e6 ? `${(us / 1e6).toPrecision(3)} s` : `${(us / 1e3).toPrecision(3)} ms`);

/** Benchmarks each case in turn; on cancellation returns the rows done so far with `cancelled`. */
export async function sweep(cases: readonly SweepCase[], options: SweepOptions = {}): Promise<{ rows: SweepRow[]; cancelled: boolean }> {
  const maxEstimateUs = options.maxEstimateUs ?? 2e6;
  const rows: SweepRow[] = [];
  const push = (row: SweepRow): void => {
    rows.push(row);
    options.onRow?.(row);
  };
  for (const [i, c] of cases.entries()) {
    const label = `${c.name} ${c.widths.join('-')}`;
    const estimateUs = c.estimateUs?.(rows);
    if (estimateUs !== undefined && estimateUs > maxEstimateUs) {
      const skipped = `refused: estimated ${formatSeconds(estimateUs)} per gradient (limit ${formatSeconds(maxEstimateUs)})`;
      push({ name: c.name, widths: c.widths, result: null, estimateUs, skipped });
      continue;
    }
    const { run, dispose } = c.setup();
    try {
      const onProgress = (f: number): void => options.onProgress?.((i + f) / cases.length, c);
      const result = await bench(run, { ...options, name: label, onProgress });
      push({ name: c.name, widths: c.widths, result, ...(estimateUs === undefined ? {} : { estimateUs }) });
    } catch (error) {
      if (!(error instanceof BenchCancelledError)) throw error;
      return { rows, cancelled: true };
    } finally {
      dispose?.();
    }
  }
  return { rows, cancelled: false };
}
