// The closing summary's sentences from this run's numbers.
import { describe, expect, it } from 'vitest';
import type { BenchResult } from '../../core/bench';
import { recapMarkdown } from './recap';

const timed = (name: string, medianUs: number) => ({ name, medianUs }) as BenchResult;

describe('recapMarkdown', () => {
  it('reports agreement, times per method with the original reference, and growth exponents', () => {
    const text = recapMarkdown({
      comparison: { ok: true, backend: 'wasm', autogradMaxDiff: 1.4e-8, fdMaxDiff: 4.2e-11 },
      timings: [timed('dense', 6), { name: 'autograd: tfjs webgl', unavailable: 'no GPU' }, timed('structured', 0.64)],
      scaling: [
        { name: 'dense', points: [], slope: 3.96, coefficient: 1, fitFrom: 16 },
        { name: 'autograd', points: [], slope: null, coefficient: null, fitFrom: 128 },
        { name: 'structured', points: [], slope: 1.84, coefficient: 1, fitFrom: 16 },
      ],
    });
    expect(text.split('\n')).toEqual([
      '- **Agreement:** manual and autograd (tfjs wasm) within 1.4e-8 on every entry, finite differences within 4.2e-11.',
      '- **Time per gradient here (median):** dense 6 µs; structured 0.64 µs. The original notebook printed 26.1 ms and 2.72 ms (NumPy and PyTorch, one cold run each).',
      '- **Growth with width n:** dense like n^4.0 (fitted on n ≥ 16), structured like n^1.8 (fitted on n ≥ 16).',
    ]);
  });

  it('says when the methods disagreed, and asks to run the cells first when there is nothing', () => {
    expect(recapMarkdown({ comparison: { ok: false, backend: 'cpu', autogradMaxDiff: 1, fdMaxDiff: null } })).toContain('did **not** agree');
    expect(recapMarkdown({})).toBe('Run the cells above first: this summary reads their results.');
  });
});
