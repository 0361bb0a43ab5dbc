// Tests for the backward pass as steps: one per factor, dense = VJP, and the same numbers as the
// original notebook and the gradient engines (dense and structured) on random networks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import seed from '../../reference/seed-values.json' with { type: 'json' };
import { activationNames, activations } from './activations';
import { backpropMults, backpropSteps, firstSample, type BackpropStep } from './backpropSteps';
import { denseGradients } from './dense';
import { originalNet } from './netspec';
import { mulberry32, randomNet } from './randomNet';
import { structuredGradients } from './structured';
import { netOf, shapeArb } from './testing/generalisedNets';
import type { ActivationName, Gradients, NetSpec } from './types';

const close = (got: readonly number[][], want: readonly number[][], tol: number, what: string): void => {
  expect(got.length, `${what}: rows`).toBe(want.length);
  got.forEach((row, i) => {
    expect(row.length, `${what}: row ${i} length`).toBe(want[i].length);
    row.forEach((v, j) => expect(Math.abs(v - want[i][j]), `${what}[${i}][${j}]: ${v} vs ${want[i][j]}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(want[i][j]))));
  });
};

/** The gradients the steps end with, keyed as the engine's results. */
function gradientsOfSteps(steps: BackpropStep[], K: number, way: 'dense' | 'vjp'): Omit<Gradients, 'loss'> {
  const dX: number[][] = [];
  const dW: number[][][] = [];
  const dbeta: number[][] = [];
  for (const s of steps) {
    if (s.factor === 'loss') dX[K] = s[way][0];
    if (s.factor === 'input') dX[s.layer - 1] = s[way][0];
    if (s.factor === 'bias') dbeta[s.layer - 1] = s[way][0];
    if (s.factor === 'weights') dW[s.layer - 1] = s[way];
  }
  return { dX, dW, dbeta };
}

/** row (1 x n) times M (n x m), written out here so the check does not reuse the code under test. */
const rowTimes = (row: readonly number[], M: readonly number[][]): number[] =>
  (M[0] ?? []).map((_, j) => row.reduce((s, r, i) => s + r * M[i][j], 0));

describe('backpropSteps on the original network', () => {
  const { steps, X, loss, widths } = backpropSteps(originalNet());
  const K = widths.length - 1;

  it('has one step per factor: the loss, K inputs, then each layer bias and weights', () => {
    expect(steps.map((s) => `${s.factor}${s.layer}`)).toEqual(['loss2', 'input2', 'input1', 'bias2', 'weights2', 'bias1', 'weights1']);
  });

  it('step 0 holds the forward pass and the loss the original computed', () => {
    expect(X.length).toBe(3);
    expect(loss).toBeCloseTo(seed.float64.loss, 14);
  });

  it.each(['dense', 'vjp'] as const)('%s: every gradient equals the float64 reference of the original', (way) => {
    const g = gradientsOfSteps(steps, K, way);
    seed.float64.dX.forEach((want, k) => close([g.dX[k]], [want], 1e-14, `dX${k}`));
    seed.float64.dW.forEach((want, k) => close(g.dW[k], want, 1e-14, `dW${k + 1}`));
    seed.float64.dbeta.forEach((want, k) => close([g.dbeta[k]], [want], 1e-14, `dbeta${k + 1}`));
  });

  it('the dense Jacobian of each step is the one the derivation writes (diag(f\'(z_k)) W_k, diag, diag E_0)', () => {
    const input2 = steps[1];
    const s = activations.sigmoid.f;
    const z2 = -1.5 * X[1][0] + 0.2 * X[1][1] + 0.5 * X[1][2] + 1.0;
    const d2 = s(z2) * (1 - s(z2));
    close(input2.jacobian, [[-1.5 * d2, 0.2 * d2, 0.5 * d2]], 1e-15, 'diag(f\'(z_2)) W_2');
    const weights1 = steps[6];
    expect(weights1.jacobian.map((r) => r.map((v) => v !== 0))).toEqual([[true, true], [false, false], [false, false]]);
    const bias1 = steps[5];
    expect(bias1.jacobian.flat().filter((v) => v !== 0)).toHaveLength(3);
  });

  it('counts the multiplications each way as the methods do them', () => {
    // 2-3-1: layer 2 is 1 x 3. Dense: diag (1x1) times W_2 (3 products), then the row times it (3).
    expect([steps[1].denseMults, steps[1].vjpMults]).toEqual([6, 4]);
    // Layer 1 is 3 x 2: diag(3x3) W_1 = 18, row times it = 6; VJP: 3 for g, 6 for W^T g.
    expect([steps[2].denseMults, steps[2].vjpMults]).toEqual([24, 9]);
    // W_1: three rows, each diag E_i (18) and the row times it (6).
    expect([steps[6].denseMults, steps[6].vjpMults]).toEqual([72, 9]);
    // beta_1: the row times diag(f'(z_1)), 3 x 3 = 9; VJP: g = dl/dX_1 * f'(z_1), 3.
    expect([steps[5].denseMults, steps[5].vjpMults]).toEqual([9, 3]);
  });

  it('backpropMults adds up every step of the network', () => {
    const sum = steps.reduce((t, s) => ({ denseMults: t.denseMults + s.denseMults, vjpMults: t.vjpMults + s.vjpMults }), { denseMults: 0, vjpMults: 0 });
    expect(backpropMults([2, 3, 1])).toEqual(sum);
  });
});

describe('backpropSteps on random networks', () => {
  const net = fc
    .record({
      widths: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 5 }),
      activation: fc.constantFrom(...activationNames),
      seed: fc.integer({ min: 1, max: 1e6 }),
    })
    .map(({ widths, activation, seed }) => randomNet(widths, activation as ActivationName, mulberry32(seed)));

  it('3K + 1 steps; each step dense = from x jacobian = VJP; the last values equal the engines', () => {
    fc.assert(
      fc.property(net, (spec: NetSpec) => {
        const { steps, widths } = backpropSteps(spec);
        const K = widths.length - 1;
        expect(steps).toHaveLength(3 * K + 1);
        for (const s of steps) {
          close(s.dense, s.vjp, 1e-12, `${s.factor}${s.layer} dense vs vjp`);
          if (s.factor === 'input' || s.factor === 'bias') close(s.dense, [rowTimes(s.from, s.jacobian)], 1e-12, `${s.factor}${s.layer}`);
          if (s.factor === 'weights') close([s.dense[0]], [rowTimes(s.from, s.jacobian)], 1e-12, `weights${s.layer} row 0`);
        }
        const engines = { dense: denseGradients(spec), structured: structuredGradients(spec) };
        for (const engine of Object.values(engines)) {
          for (const way of ['dense', 'vjp'] as const) {
            const g = gradientsOfSteps(steps, K, way);
            engine.dX.forEach((want, k) => close([g.dX[k]], [want], 1e-12, `dX${k}`));
            engine.dW.forEach((want, k) => close(g.dW[k], want, 1e-12, `dW${k + 1}`));
            engine.dbeta.forEach((want, k) => close([g.dbeta[k]], [want], 1e-12, `dbeta${k + 1}`));
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('backpropSteps on generalised networks (a batch, per-layer activations, every loss)', () => {
  it('the steps of the first sample end at the engine\'s gradients of that sample, its own loss included', () => {
    fc.assert(
      fc.property(shapeArb, (shape) => {
        const spec = netOf(shape);
        const { spec: sample, note } = firstSample(spec);
        expect(note === undefined).toBe(shape.batch === 0);
        const { steps, widths } = backpropSteps(spec);
        const K = widths.length - 1;
        expect(steps).toHaveLength(3 * K + 1);
        // The engine on the sample alone: dl/dX_K from loss.ts, each layer's own f'.
        const want = structuredGradients(sample);
        for (const way of ['dense', 'vjp'] as const) {
          const g = gradientsOfSteps(steps, K, way);
          want.dX.forEach((d, k) => close([g.dX[k]], [d], 1e-9, `${way} dX${k}`));
          want.dW.forEach((d, k) => close(g.dW[k], d, 1e-9, `${way} dW${k + 1}`));
          want.dbeta.forEach((d, k) => close([g.dbeta[k]], [d], 1e-9, `${way} dbeta${k + 1}`));
        }
      }),
      { numRuns: 80 },
    );
  });

  it('the loss step is the mean loss\'s derivative over one sample: mse 2 (X_K - Y) / c_K', () => {
    const spec: NetSpec = { ...originalNet(), loss: 'mse', Y: [0.25] };
    const XK = backpropSteps(spec).X[1 + 1][0];
    expect(backpropSteps(spec).steps[0].dense[0][0]).toBeCloseTo(2 * (XK - 0.25), 14);
  });
});

describe('firstSample', () => {
  it('keeps a single sample as it is', () => {
    const spec = originalNet();
    expect(firstSample(spec)).toEqual({ spec });
  });

  it('takes column 0 of a batch and says so', () => {
    const batch = { ...originalNet(), X0: [[0.5, 1, 2], [-0.5, 3, 4]] } as unknown as NetSpec;
    const { spec, note } = firstSample(batch);
    expect(spec.X0).toEqual([0.5, -0.5]);
    expect(note).toMatch(/batch of 3 samples.*first/);
    expect(backpropSteps(batch).note).toBe(note);
  });

  it('names a network that is not valid', () => {
    expect(() => backpropSteps({ ...originalNet(), W: [[[1, 2]], [[1]]] })).toThrow(/W\[0\] has shape 1x2/);
  });
});
