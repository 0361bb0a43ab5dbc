// Tests for central finite differences: the original's float64 gradients, and an untouched network after.
import { describe, expect, it } from 'vitest';
import seed from '../../reference/seed-values.json' with { type: 'json' };
import { fdRelativeStep, finiteDiffGradients, finiteDiffGradientsPrepared } from './finiteDiff';
import { forwardLayers } from './forward';
import { prepareNet } from './net';
import { originalNet } from './netspec';

describe('finiteDiffGradients', () => {
  it("matches the original's float64 gradients to 1e-9", () => {
    const g = finiteDiffGradients(originalNet());
    [
      [g.dX.flat(), seed.float64.dX.flat()],
      [g.dW.flat(2), seed.float64.dW.flat(2)],
      [g.dbeta.flat(), seed.float64.dbeta.flat()],
    ].forEach(([got, want]) => got.forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThan(1e-9)));
  });

  it('on l = log(x) alone, dl/dX_K = 1/X_K', () => {
    // One linear-ish layer: relu(1 * 4 + 0) = 4, so dl/dX_1 = 1/4 and dl/dX_0 = 1/4.
    const g = finiteDiffGradients({ widths: [1, 1], activation: 'relu', X0: [4], W: [[[1]]], beta: [[0]] });
    expect(g.dX[1][0]).toBeCloseTo(0.25, 9);
    expect(g.dX[0][0]).toBeCloseTo(0.25, 9);
  });
});

describe('finiteDiffGradientsPrepared', () => {
  it('leaves every parameter and the forward buffers as it found them', () => {
    const net = prepareNet(originalNet());
    forwardLayers(net);
    const before = JSON.stringify([net.W, net.beta, net.X].map((group) => group.map((v) => Array.from(v))));
    finiteDiffGradientsPrepared(net);
    expect(JSON.stringify([net.W, net.beta, net.X].map((group) => group.map((v) => Array.from(v))))).toBe(before);
  });
});

describe('fdRelativeStep', () => {
  it('is the cube root of float64 epsilon (truncation ~h^2 balanced against rounding ~eps/h)', () => {
    expect(fdRelativeStep).toBeCloseTo(6.055e-6, 8);
  });
});
