// Tests of the benchmark harness with a fake clock: batch sizing, statistics, progress, cancellation, fits.
import { describe, expect, it } from 'vitest';
import {
  BenchCancelledError,
  bench,
  denseOpCount,
  estimateDenseFromMeasured,
  estimateDenseUs,
  fitDenseCostModel,
  fitLogLogSlope,
  quantile,
  summarizeUs,
  sweep,
  yieldMacrotask,
  type SweepCase,
} from './bench';

/** A clock that only moves when the code under test "works": each call of `work(ms)` advances it. */
function fakeClock(resolutionMs = 0) {
  let nowMs = 0;
  let calls = 0;
  return {
    clock: () => (resolutionMs > 0 ? Math.floor(nowMs / resolutionMs) * resolutionMs : nowMs),
    work: (ms: number) => {
      nowMs += ms;
      calls++;
    },
    calls: () => calls,
  };
}

const noYield = async (): Promise<void> => {};

describe('bench', () => {
  it('sizes batches to last at least minBatchMs and reports per-call time', async () => {
    const fake = fakeClock();
    const result = await bench(() => fake.work(0.002), { clock: fake.clock, yieldToEventLoop: noYield, minBatchMs: 10 });
    expect(result.batchSize * 0.002).toBeGreaterThanOrEqual(10);
    // Growth is at most tenfold per step, so the batch never overshoots by more than that.
    expect(result.batchSize * 0.002).toBeLessThan(100);
    expect(result.medianUs).toBeCloseTo(2, 9);
    expect(result.minUs).toBeCloseTo(2, 9);
    expect(result.maxUs).toBeCloseTo(2, 9);
    expect(result.samples).toBe(30);
    expect(result.iterations).toBe(30 * result.batchSize);
  });

  it('stays within 1% on a clock coarsened to 100 us, as browsers do', async () => {
    const fake = fakeClock(0.1);
    const result = await bench(() => fake.work(0.0013), { clock: fake.clock, yieldToEventLoop: noYield });
    expect(result.batchSize * 0.0013).toBeGreaterThanOrEqual(10);
    expect(Math.abs(result.medianUs - 1.3) / 1.3).toBeLessThan(0.01);
  });

  it('reports the first call apart from the steady state', async () => {
    const fake = fakeClock();
    let first = true;
    const fn = () => {
      fake.work(first ? 40 : 0.5);
      first = false;
    };
    const result = await bench(fn, { clock: fake.clock, yieldToEventLoop: noYield });
    expect(result.firstCallUs).toBeCloseTo(40_000, 6);
    expect(result.medianUs).toBeCloseTo(500, 6);
  });

  it('reports progress that never decreases and ends at 1', async () => {
    const fake = fakeClock();
    const fractions: number[] = [];
    await bench(() => fake.work(1), { clock: fake.clock, yieldToEventLoop: noYield, samples: 12, onProgress: (f) => fractions.push(f) });
    expect(fractions.length).toBeGreaterThanOrEqual(12);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]);
    expect(fractions[0]).toBeGreaterThan(0);
    expect(fractions.at(-1)).toBe(1);
  });

  it('stops early and throws BenchCancelledError once the signal is aborted', async () => {
    const fake = fakeClock();
    const signal = { aborted: false };
    let samplesSeen = 0;
    const run = bench(() => fake.work(1), {
      clock: fake.clock,
      yieldToEventLoop: noYield,
      samples: 100,
      signal,
      onProgress: () => {
        samplesSeen++;
        if (samplesSeen === 3) signal.aborted = true;
      },
    });
    await expect(run).rejects.toThrow(new BenchCancelledError('bench', 3));
    const callsAtCancel = fake.calls();
    // 100 samples of >= 10 calls each would be >= 1000 calls.
    expect(callsAtCancel).toBeLessThan(100);
  });

  it('accepts an AbortSignal aborted before the start', async () => {
    const controller = new AbortController();
    controller.abort();
    let calls = 0;
    await expect(bench(() => calls++, { name: 'x', signal: controller.signal })).rejects.toThrow('benchmark "x" cancelled after 0 samples');
    expect(calls).toBe(0);
  });

  it('gives the event loop a turn between samples, so a timer can cancel it (real clock)', async () => {
    const signal = { aborted: false };
    setTimeout(() => (signal.aborted = true), 20);
    const busyFor1Ms = () => {
      const end = performance.now() + 1;
      while (performance.now() < end);
    };
    await expect(bench(busyFor1Ms, { samples: 10_000, minBatchMs: 2, warmupMs: 0, signal, budgetMs: 60_000 })).rejects.toBeInstanceOf(
      BenchCancelledError,
    );
  });

  it('stops at the time budget, keeping at least minSamples', async () => {
    const fake = fakeClock();
    const result = await bench(() => fake.work(100), { clock: fake.clock, yieldToEventLoop: noYield, budgetMs: 1000, minSamples: 5 });
    // Start 100 (first call) + 100 (warm-up batch) ms; then 100 ms samples until 1 s has passed.
    expect(result.samples).toBe(8);
    expect(result.batchSize).toBe(1);
    const slow = await bench(() => fake.work(1000), { clock: fake.clock, yieldToEventLoop: noYield, budgetMs: 1000, minSamples: 5 });
    expect(slow.samples).toBe(5);
  });
});

describe('quantile', () => {
  it.each([
    [[1, 2, 3, 4], 0.25, 1.75],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3, 4], 0.75, 3.25],
    [[10], 0.5, 10],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9], 0.25, 3],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9], 0, 1],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9], 1, 9],
  ])('quantile(%j, %d) = %d (NumPy linear)', (sorted, p, expected) => {
    expect(quantile(sorted, p)).toBeCloseTo(expected, 12);
  });

  it('refuses an empty list', () => {
    expect(() => quantile([], 0.5)).toThrow('quantile of an empty list');
  });
});

describe('summarizeUs', () => {
  it('gives median, quartiles, min and max of unsorted samples', () => {
    expect(summarizeUs([9, 1, 8, 2, 7, 3, 6, 4, 5])).toEqual({ medianUs: 5, minUs: 1, maxUs: 9, q1Us: 3, q3Us: 7 });
  });
});

describe('yieldMacrotask', () => {
  it('lets an already queued timer run first', async () => {
    let ran = false;
    setTimeout(() => (ran = true), 0);
    // setTimeout(0) is >= 1 ms in Node: a few turns, each one a real macrotask.
    const t0 = performance.now();
    while (!ran && performance.now() - t0 < 1000) await yieldMacrotask();
    expect(ran).toBe(true);
  });
});

describe('denseOpCount', () => {
  it.each([32, 128, 512])('grows like n^4 for widths n-n-1 (n = %i)', (n) => {
    const ratio = denseOpCount([n, n, 1]) / n ** 4;
    expect(ratio).toBeGreaterThanOrEqual(1);
    expect(ratio).toBeLessThan(1 + 4 / n);
  });

  it('counts the row Jacobians of the 2-3-1 network: 3 rows x (3x3 by 3x2) = 54 products in layer 1', () => {
    expect(denseOpCount([2, 3, 1])).toBeGreaterThanOrEqual(54 + 3);
  });
});

describe('fitDenseCostModel', () => {
  it('recovers a fixed cost and a per-op cost from exact data', () => {
    const truth = { fixedUs: 5, usPerOp: 1e-3 };
    const measured = [[2, 3, 1], [8, 8, 1], [32, 32, 1]].map((widths) => ({ widths, us: truth.fixedUs + truth.usPerOp * denseOpCount(widths) }));
    const model = fitDenseCostModel(measured);
    expect(model.fixedUs).toBeCloseTo(5, 6);
    expect(model.usPerOp).toBeCloseTo(1e-3, 12);
  });

  it('goes through the origin with a single case', () => {
    const model = fitDenseCostModel([{ widths: [4, 4, 1], us: denseOpCount([4, 4, 1]) * 2 }]);
    expect(model).toEqual({ fixedUs: 0, usPerOp: 2 });
  });

  it('refuses no data', () => {
    expect(() => fitDenseCostModel([])).toThrow('at least one measured case');
  });
});

describe('estimateDenseUs', () => {
  it('scales a width-32 measurement by about 4^4 = 256 for width 128 (lower-order terms make it less)', () => {
    const model = { fixedUs: 0, usPerOp: 1000 / denseOpCount([32, 32, 1]) };
    const ratio = estimateDenseUs([128, 128, 1], model) / 1000;
    expect(ratio).toBeGreaterThan(0.9 * 256);
    expect(ratio).toBeLessThanOrEqual(256);
  });
});

describe('estimateDenseFromMeasured', () => {
  it('is undefined before anything was measured, then extrapolates', () => {
    expect(estimateDenseFromMeasured([8, 8, 1], [])).toBeUndefined();
    expect(estimateDenseFromMeasured([8, 8, 1], [{ widths: [8, 8, 1], us: 7 }])).toBeCloseTo(7, 12);
  });
});

describe('fitLogLogSlope', () => {
  const ns = [3, 32, 128, 512];
  it.each([
    [2, 0.01],
    [4, 3e-4],
    [1, 5],
  ])('finds slope %i for t = %d n^slope', (power, c) => {
    const fit = fitLogLogSlope(ns.map((n) => ({ n, t: c * n ** power })));
    expect(fit.slope).toBeCloseTo(power, 10);
    expect(fit.coefficient).toBeCloseTo(c, 10);
  });

  it('refuses non-positive values and a single n', () => {
    expect(() => fitLogLogSlope([{ n: 2, t: 0 }, { n: 3, t: 1 }])).toThrow('got n = 2, t = 0');
    expect(() => fitLogLogSlope([{ n: 2, t: 1 }, { n: 2, t: 3 }])).toThrow('at least two different n');
  });
});

describe('sweep', () => {
  const caseOf = (fake: ReturnType<typeof fakeClock>, name: string, n: number, costMs: number, log: string[]): SweepCase => ({
    name,
    widths: [n, n, 1],
    setup: () => {
      log.push(`setup ${name} ${n}`);
      return { run: () => fake.work(costMs), dispose: () => log.push(`dispose ${name} ${n}`) };
    },
    estimateUs: (done) => estimateDenseFromMeasured([n, n, 1], done.filter((r) => r.result).map((r) => ({ widths: r.widths, us: r.result!.medianUs }))),
  });

  it('refuses a case whose estimate is over the limit, runs the others, disposes each', async () => {
    const fake = fakeClock();
    const log: string[] = [];
    const usAt4 = 1;
    const cases = [caseOf(fake, 'dense', 4, usAt4 / 1000, log), caseOf(fake, 'dense', 64, 1, log)];
    // 64 = 16 x 4, so up to 16^4 = 65536 us estimated (less: lower-order terms weigh more at 4): over a 10 ms limit.
    const { rows, cancelled } = await sweep(cases, { clock: fake.clock, yieldToEventLoop: noYield, maxEstimateUs: 10_000 });
    expect(cancelled).toBe(false);
    expect(rows[0].result?.medianUs).toBeCloseTo(1, 9);
    expect(rows[1].result).toBeNull();
    expect(rows[1].estimateUs).toBeGreaterThan(16 ** 4 / 2);
    expect(rows[1].estimateUs).toBeLessThanOrEqual(16 ** 4);
    expect(rows[1].skipped).toMatch(/^refused: estimated \d\d\.\d ms per gradient \(limit 10\.0 ms\)$/);
    expect(log).toEqual(['setup dense 4', 'dispose dense 4']);
  });

  it('returns the rows done so far when cancelled, with overall progress', async () => {
    const fake = fakeClock();
    const log: string[] = [];
    const signal = { aborted: false };
    const progress: number[] = [];
    const cases = [caseOf(fake, 'a', 2, 0.01, log), caseOf(fake, 'b', 2, 0.01, log), caseOf(fake, 'c', 2, 0.01, log)];
    const { rows, cancelled } = await sweep(cases, {
      clock: fake.clock,
      yieldToEventLoop: noYield,
      signal,
      onProgress: (f, current) => {
        progress.push(f);
        if (current.name === 'b' && f > 0.5) signal.aborted = true;
      },
    });
    expect(cancelled).toBe(true);
    expect(rows.map((r) => r.name)).toEqual(['a']);
    expect(log).toEqual(['setup a 2', 'dispose a 2', 'setup b 2', 'dispose b 2']);
    expect(Math.max(...progress)).toBeLessThan(2 / 3);
  });
});
