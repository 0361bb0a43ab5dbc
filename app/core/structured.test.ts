// Tests for the structured (vector-Jacobian) method: first principles on one layer, and its prepared form.
import { describe, expect, it } from 'vitest';
import seed from '../../reference/seed-values.json' with { type: 'json' };
import { allocGradients, prepareNet } from './net';
import { originalNet } from './netspec';
import { backpropLayerInto, structuredGradients, structuredGradientsPrepared } from './structured';

describe('structuredGradients', () => {
  it('on one relu layer, by hand: dl/dW = (1/X_1) X_0^T, dl/dX_0 = W^T (1/X_1)', () => {
    // z = [1*2 + 1*3, 2*2 - 1*3] + [0, 1] = [5, 2]: both active, f' = 1, dl/dX_1 = [1/5, 1/2].
    const g = structuredGradients({ widths: [2, 2], activation: 'relu', X0: [2, 3], W: [[[1, 1], [2, -1]]], beta: [[0, 1]] });
    expect(g.loss).toBeCloseTo(Math.log(5) + Math.log(2), 15);
    expect(g.dX[1]).toEqual([1 / 5, 1 / 2]);
    expect(g.dbeta[0]).toEqual([1 / 5, 1 / 2]);
    [
      [2 / 5, 3 / 5],
      [2 / 2, 3 / 2],
    ].forEach((row, i) => row.forEach((v, j) => expect(g.dW[0][i][j]).toBeCloseTo(v, 15)));
    expect(g.dX[0][0]).toBeCloseTo(1 / 5 + 2 / 2, 15);
    expect(g.dX[0][1]).toBeCloseTo(1 / 5 - 1 / 2, 15);
  });
});

describe('backpropLayerInto', () => {
  it.each([
    [1, 2],
    [4, 2],
    [6, 3],
    [9, 5],
  ])('gives dW = g x^T and dx = W^T g for %i x %i (blocks of four rows, two columns, and the rest)', (rows, cols) => {
    const W = Float64Array.from({ length: rows * cols }, (_, k) => k - 3);
    const g = Float64Array.from({ length: rows }, (_, i) => 2 ** -i);
    const x = Float64Array.from({ length: cols }, (_, j) => 3 - 2 * j);
    const dW = new Float64Array(rows * cols);
    const dx = new Float64Array(cols).fill(99);
    backpropLayerInto(W, g, x, dW, dx, rows, cols);
    expect(Array.from(dW)).toEqual(Array.from(g).flatMap((gi) => Array.from(x, (xj) => gi * xj)));
    // Powers of two and small integers: every sum is exact, whatever the order.
    x.forEach((_, j) => expect(dx[j]).toBe(Array.from(g).reduce((s, gi, i) => s + W[i * cols + j] * gi, 0)));
  });
});

describe('structuredGradientsPrepared', () => {
  it('reuses one result per network, allocating nothing on later calls', () => {
    const net = prepareNet(originalNet());
    const first = structuredGradientsPrepared(net);
    const buffers = [...first.dX, ...first.dW, ...first.dbeta];
    const second = structuredGradientsPrepared(net);
    expect(second).toBe(first);
    [...second.dX, ...second.dW, ...second.dbeta].forEach((b, i) => expect(b).toBe(buffers[i]));
    expect(Math.abs(second.dX[0][1] - seed.float64.dX[0][1])).toBeLessThan(1e-12);
  });

  it('keeps separate results for separate networks, or writes into a given buffer', () => {
    const a = prepareNet(originalNet());
    const b = prepareNet({ ...originalNet(), activation: 'tanh' });
    expect(structuredGradientsPrepared(a)).not.toBe(structuredGradientsPrepared(b));
    const out = allocGradients(a.widths);
    expect(structuredGradientsPrepared(a, out)).toBe(out);
    expect(Math.abs(out.loss - seed.float64.loss)).toBeLessThan(1e-12);
  });
});
