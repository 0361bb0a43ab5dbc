// Tests for the original's dense method: its three Jacobians against finite-difference Jacobians of
// the layer map, and its prepared form.
import { describe, expect, it } from 'vitest';
import { activationNames, activations } from './activations';
import { denseGradients, denseGradientsPrepared, jacobianWrtBias, jacobianWrtInput, jacobianWrtWeightRow } from './dense';
import { la } from './la';
import type { Matrix } from './matrix';
import { allocGradients, prepareNet } from './net';
import { originalNet } from './netspec';
import { mulberry32, randomNet } from './randomNet';
import { structuredGradients } from './structured';
import type { ActivationName } from './types';

const W1 = la.array(originalNet().W[0]);
const X0 = la.vector(originalNet().X0);
const beta1 = la.vector(originalNet().beta[0]);

/** The layer map f(W x + beta) in plain numbers, for finite-difference Jacobians. */
function layer(W: number[][], x: number[], beta: number[], name: ActivationName): number[] {
  return W.map((row, i) => activations[name].f(row.reduce((s, w, j) => s + w * x[j], 0) + beta[i]));
}

/** Column j of the Jacobian of `map` at `p`: (map(p + h e_j) - map(p - h e_j)) / 2h. */
function numericJacobian(p: number[], map: (p: number[]) => number[]): number[][] {
  const h = 1e-6;
  const columns = p.map((_, j) => {
    const up = map(p.map((v, k) => (k === j ? v + h : v)));
    const down = map(p.map((v, k) => (k === j ? v - h : v)));
    return up.map((u, i) => (u - down[i]) / (2 * h));
  });
  return columns[0].map((_, i) => columns.map((c) => c[i]));
}

function expectClose(actual: Matrix, expected: number[][]): void {
  expect(actual.shape).toEqual([expected.length, expected[0].length]);
  expected.forEach((row, i) => row.forEach((v, j) => expect(actual.get(i, j)).toBeCloseTo(v, 8)));
}

// tanh and sigmoid are smooth at the original's z_1 = [0, -0.75, 2.25]; relu and leaky are not at 0.
const smooth: ActivationName[] = ['sigmoid', 'tanh'];

describe('jacobianWrtInput', () => {
  it.each(smooth)('%s: equals the finite-difference Jacobian of f(W x + beta) in x', (name) => {
    const expected = numericJacobian(originalNet().X0, (x) => layer(W1.toArray(), x, originalNet().beta[0], name));
    expectClose(jacobianWrtInput(W1, X0, beta1, name), expected);
  });

  it('is diag(f\'(z)) W: with relu at the kink, row 0 is zero', () => {
    expect(jacobianWrtInput(W1, X0, beta1, 'relu').toArray()[0]).toEqual([0, 0]);
  });

  it('names shapes that do not fit', () => {
    expect(() => jacobianWrtInput(W1, la.vector([1, 2, 3]), beta1, 'sigmoid')).toThrow('matmul: (3x2)·(3x1): inner sizes 2 and 3 differ');
    expect(() => jacobianWrtInput(W1, X0, la.row([1, 2, 3]), 'sigmoid')).toThrow('jacobianWrtInput: beta is (1x3), expected a column (3x1)');
  });
});

describe('jacobianWrtBias', () => {
  it.each(smooth)('%s: equals the finite-difference Jacobian of f(W x + beta) in beta', (name) => {
    const expected = numericJacobian(originalNet().beta[0], (b) => layer(W1.toArray(), originalNet().X0, b, name));
    expectClose(jacobianWrtBias(W1, X0, beta1, name), expected);
  });
});

describe('jacobianWrtWeightRow', () => {
  it.each(smooth.flatMap((name) => [0, 1, 2].map((i) => [name, i] as const)))('%s, row %i: equals the finite-difference Jacobian in that row of W', (name, i) => {
    const W = W1.toArray();
    const expected = numericJacobian(W[i], (row) => layer(W.map((r, k) => (k === i ? row : r)), originalNet().X0, originalNet().beta[0], name));
    expectClose(jacobianWrtWeightRow(W1, X0, beta1, name, i), expected);
  });

  it('names a row outside W', () => {
    expect(() => jacobianWrtWeightRow(W1, X0, beta1, 'sigmoid', 3)).toThrow("jacobianWrtWeightRow: row 3 is outside W's 3 rows (3x2)");
  });
});

describe('denseGradients', () => {
  it.each(activationNames)('%s: agrees with the structured method on a 3-layer network', (name) => {
    const spec = randomNet([4, 5, 3, 2], name, mulberry32(11));
    const dense = denseGradients(spec);
    const structured = structuredGradients(spec);
    dense.dW.flat(2).forEach((v, i) => expect(v).toBeCloseTo(structured.dW.flat(2)[i], 12));
    dense.dX.flat().forEach((v, i) => expect(v).toBeCloseTo(structured.dX.flat()[i], 12));
  });
});

describe('denseGradientsPrepared', () => {
  it('reuses its result buffers and follows changed parameters', () => {
    const net = prepareNet(originalNet());
    const first = denseGradientsPrepared(net);
    const dW1 = Array.from(first.dW[0]);
    net.X[0][0] = 1;
    const second = denseGradientsPrepared(net);
    expect(second).toBe(first);
    expect(Array.from(second.dW[0])).not.toEqual(dW1);
    // dl/dW_1 row i = g_i X_0^T: column 0 follows X0[0] = 1.
    expect(second.dW[0][0] / second.dW[0][1]).toBeCloseTo(1 / -0.5, 12);
  });

  it('writes into a given buffer instead', () => {
    const net = prepareNet(originalNet());
    const out = allocGradients(net.widths);
    expect(denseGradientsPrepared(net, out)).toBe(out);
    expect(out.dbeta[1][0]).toBeCloseTo(0.3172389806795658, 14);
  });
});
