// Tests of the losses' refusals: which entry of X_K is named, as NumPy's (c_K, B) reads, for each loss.
import { describe, expect, it } from 'vitest';
import { LossUndefinedError, lossValue } from './loss';

// c_K = 2, B = 2, held sample after sample: [sample 0 row 0, sample 0 row 1, sample 1 row 0, sample 1 row 1].
const out = (XK: number[], loss: 'log' | 'mse' | 'bce' = 'log', Y: number[] | null = null) => ({
  loss,
  XK: Float64Array.from(XK),
  Y: Y && Float64Array.from(Y),
  K: 3,
  B: 2,
});

describe('lossValue refusals', () => {
  it.each<[string, ReturnType<typeof out>, string]>([
    ['log of 0 at row 0 of sample 1', out([0.5, 0.5, 0, 0.5]), 'log(X_K) is undefined: X_3[0][1] = 0'],
    ['log of a negative at row 1 of sample 0', out([0.5, -2, 0.5, 0.5]), 'log(X_K) is undefined: X_3[1][0] = -2'],
    ['mse of an infinite output', out([0.5, 0.5, 0.5, Infinity], 'mse', [0, 0, 0, 0]), '(X_K - Y)^2 is not finite: X_3[1][1] = Infinity'],
    ['bce at 1 with a target below 1', out([0.5, 1, 0.5, 0.5], 'bce', [0, 0.5, 0, 0]), 'log(1 - X_K) is undefined: X_3[1][0] = 1 (target Y[1][0] = 0.5)'],
    ['bce at 0 with a target above 0', out([0.5, 0.5, 0.5, 0], 'bce', [0, 0, 0, 1]), 'log(X_K) is undefined: X_3[1][1] = 0 (target Y[1][1] = 1)'],
  ])('names %s', (_what, input, message) => {
    expect(() => lossValue(input)).toThrow(LossUndefinedError);
    expect(() => lossValue(input)).toThrow(message);
  });

  it('takes bce at 0 and 1 where the target drops that log: -[1 log 1 + 0] = 0 and -[0 + 1 log 1] = 0', () => {
    expect(lossValue(out([1, 0, 1, 0], 'bce', [1, 0, 1, 0]))).toBe(-0);
  });
});
