// Tests for naming, printing and comparing gradients: the original's order and print, differences by hand.
import { describe, expect, it } from 'vitest';
import seed from '../../reference/seed-values.json' with { type: 'json' };
import { formatGradientEntry, gradientDiffs, gradientEntries, maxAbsDiff } from './compare';
import type { Gradients } from './types';

const original: Gradients = { loss: seed.float64.loss, dX: seed.float64.dX, dW: seed.float64.dW, dbeta: seed.float64.dbeta };

/** `original` with one number changed by `delta`. */
function nudged(delta: number): Gradients {
  const copy: Gradients = structuredClone(original);
  copy.dW[0][2][1] += delta;
  return copy;
}

describe('gradientEntries', () => {
  it("lists the gradients in the original's print order, with the original's shapes", () => {
    expect(gradientEntries(original).map((e) => [e.name, e.shape])).toEqual([
      ['dl/dX0', [1, 2]],
      ['dl/dX2', [1, 1]],
      ['dl/dX1', [1, 3]],
      ['dl/dW1', [3, 2]],
      ['dl/dbeta1', [3]],
      ['dl/dW2', [1, 3]],
      ['dl/dbeta2', [1]],
    ]);
  });

  it('flattens dl/dW row-major', () => {
    expect(gradientEntries(original)[3].values).toEqual(seed.float64.dW[0].flat());
  });
});

describe('formatGradientEntry', () => {
  it.each([
    ['dl/dX0', '[[-0.05246989  0.28237541]]'],
    ['dl/dW1', '[[-0.05948231  0.05948231]\n [ 0.00691248 -0.00691248]\n [ 0.0068411  -0.0068411 ]]'],
    ['dl/dbeta1', '[-0.11896462  0.01382496  0.01368219]'],
  ])('prints %s as the original did', (name, expected) => {
    const entry = gradientEntries(original).find((e) => e.name === name)!;
    expect(formatGradientEntry(entry)).toBe(expected);
  });
});

describe('gradientDiffs', () => {
  it('gives each gradient its own max |difference|', () => {
    const diffs = gradientDiffs(original, nudged(0.25));
    expect(diffs.find((d) => d.name === 'dl/dW1')?.maxAbsDiff).toBeCloseTo(0.25, 15);
    expect(diffs.filter((d) => d.name !== 'dl/dW1').every((d) => d.maxAbsDiff === 0)).toBe(true);
  });

  it('names a gradient whose shapes differ', () => {
    const other: Gradients = { ...original, dW: [original.dW[0].slice(1), original.dW[1]] };
    expect(() => gradientDiffs(original, other)).toThrow('maxAbsDiff: dl/dW1 has shape 3x2 in the first and 2x2 in the second');
  });
});

describe('maxAbsDiff', () => {
  it('is the largest difference anywhere, and NaN if any value is NaN', () => {
    expect(maxAbsDiff(original, original)).toBe(0);
    expect(maxAbsDiff(original, nudged(-0.5))).toBeCloseTo(0.5, 15);
    expect(maxAbsDiff(original, nudged(NaN))).toBeNaN();
  });
});
