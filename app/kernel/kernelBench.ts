// `bench` as cells see it: the core harness with a progress bar whose Cancel button stops it.
import { bench as coreBench, sweep as coreSweep, type BenchOptions, type BenchResult, type SweepCase, type SweepOptions, type SweepRow } from '../core/bench';
import type { Display } from './display';

export interface KernelBench {
  /** Times `fn` (see app/core/bench.ts); shows a cancellable progress bar; cancelling throws BenchCancelledError. */
  (fn: () => unknown, options?: Omit<BenchOptions, 'signal'>): Promise<BenchResult>;
  /** Benchmarks each case in turn with one cancellable progress bar; cancelled: the rows so far. */
  sweep(cases: readonly SweepCase[], options?: Omit<SweepOptions, 'signal'>): Promise<{ rows: SweepRow[]; cancelled: boolean }>;
}

/** Progress steps shown per bar: updates are cheap, but a thousand of them say nothing more. */
const progressSteps = 100;

export function createKernelBench(display: Display): KernelBench {
  const run = async (fn: () => unknown, options: Omit<BenchOptions, 'signal'> = {}): Promise<BenchResult> => {
    const bar = display.progress(options.name ?? 'bench', progressSteps, { cancellable: true });
    let shown = -1;
    try {
      const result = await coreBench(fn, {
        ...options,
        signal: bar.signal,
        onProgress: (fraction) => {
          const step = Math.floor(fraction * progressSteps);
          if (step !== shown) bar.update((shown = step));
          options.onProgress?.(fraction);
        },
      });
      bar.done();
      return result;
    } finally {
      bar.done(); // no-op unless it failed: a bar never stays "running" after its run.
    }
  };
  const sweep = async (cases: readonly SweepCase[], options: Omit<SweepOptions, 'signal'> = {}) => {
    const bar = display.progress(`sweep: ${cases.length} cases`, progressSteps, { cancellable: true });
    let shown = -1;
    try {
      return await coreSweep(cases, {
        ...options,
        signal: bar.signal,
        onProgress: (fraction, current) => {
          const step = Math.floor(fraction * progressSteps);
          if (step !== shown) bar.update((shown = step));
          options.onProgress?.(fraction, current);
        },
      });
    } finally {
      bar.done();
    }
  };
  return Object.assign(run, { sweep });
}
