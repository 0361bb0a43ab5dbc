// Property tests on random generalised networks (a batch, per-layer activations, every loss): the
// four methods agree, a batch of one is one sample bit for bit, and the value's forms round-trip.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradientEntries } from './compare';
import { denseGradients } from './dense';
import { finiteDiffGradients } from './finiteDiff';
import { forward } from './forward';
import { copyNet, netShapes, packNet, unpackNet } from './network';
import { parseNetSpec } from './netspec';
import { structuredGradients } from './structured';
import { initTf, tfjsGradients } from './tfjsGradients';
import { netOf, shapeArb } from './testing/generalisedNets';
import type { Gradients, LossName, NetSpec } from './types';

const tfReady = initTf('cpu');

/** Whether every z_k of a kinked layer (relu, leaky) sits at least `margin` from the kink. */
function awayFromKinks(spec: NetSpec, margin = 1e-3): boolean {
  const { z } = forward(spec);
  return z.every((zk, idx) => {
    const name = typeof spec.activation === 'string' ? spec.activation : spec.activation[idx];
    return (name !== 'relu' && name !== 'leakyRelu') || zk.every((v) => Math.abs(v) >= margin);
  });
}

/** Every entry of `a` within `rel` x (1 + the largest |entry| of that gradient in `b`) of `b`'s. */
function expectClose(a: Gradients, b: Gradients, rel: number, label: string): void {
  expect(Math.abs(a.loss - b.loss), `${label}: loss ${a.loss} vs ${b.loss}`).toBeLessThanOrEqual(rel * (1 + Math.abs(b.loss)));
  const bEntries = gradientEntries(b);
  gradientEntries(a).forEach((entry, n) => {
    const want = bEntries[n];
    expect(entry.shape, `${label}: ${entry.name}`).toEqual(want.shape);
    const scale = 1 + Math.max(...want.values.map(Math.abs));
    entry.values.forEach((v, i) => expect(Math.abs(v - want.values[i]), `${label}: ${entry.name}[${i}] ${v} vs ${want.values[i]}`).toBeLessThanOrEqual(rel * scale));
  });
}

describe('generalised networks (random: per-layer activations, batches 1..8, every loss)', () => {
  it('dense = structured = finite differences in float64 (1e-6 relative)', () => {
    fc.assert(
      fc.property(shapeArb, (shape) => {
        const spec = netOf(shape);
        fc.pre(awayFromKinks(spec));
        const structured = structuredGradients(spec);
        expectClose(denseGradients(spec), structured, 1e-9, 'dense vs structured');
        expectClose(finiteDiffGradients(spec), structured, 1e-6, 'fd vs structured');
      }),
      { numRuns: 150 },
    );
  });

  it('tfjs autograd agrees within float32 tolerance', async () => {
    const { tf } = await tfReady;
    fc.assert(
      fc.property(shapeArb, (shape) => {
        const spec = netOf(shape);
        fc.pre(awayFromKinks(spec, 1e-2));
        expectClose(tfjsGradients(tf, spec), structuredGradients(spec), 2e-4, 'tfjs vs structured');
      }),
      { numRuns: 40 },
    );
  });

  it('a batch of one gives the one-sample results exactly, for every method', async () => {
    const { tf } = await tfReady;
    fc.assert(
      fc.property(shapeArb, (shape) => {
        const flat = netOf({ ...shape, batch: 0 });
        const asColumn = (v: number[] | number[][]) => (v as number[]).map((x) => [x]);
        const column: NetSpec = { ...flat, X0: asColumn(flat.X0), ...(flat.Y === undefined ? {} : { Y: asColumn(flat.Y) }) };
        for (const method of [denseGradients, structuredGradients, finiteDiffGradients]) expect(method(column)).toEqual(method(flat));
        expect(tfjsGradients(tf, column)).toEqual(tfjsGradients(tf, flat));
      }),
      { numRuns: 40 },
    );
  });

  it('a batch is its samples: dl/dX_k column by column, dl/dW_k and dl/dbeta_k summed (log loss)', () => {
    fc.assert(
      fc.property(shapeArb, (shape) => {
        const spec = netOf({ ...shape, loss: 'log', batch: Math.max(2, shape.batch) });
        const B = (spec.X0[0] as number[]).length;
        const whole = structuredGradients(spec);
        const perSample = Array.from({ length: B }, (_, b) => structuredGradients({ ...spec, X0: (spec.X0 as number[][]).map((row) => row[b]) }));
        expect(whole.loss).toBeCloseTo(perSample.reduce((s, g) => s + g.loss, 0), 10);
        whole.dX.forEach((dXk, k) => dXk.forEach((v, at) => expect(v).toBeCloseTo(perSample[at % B].dX[k][Math.floor(at / B)], 12)));
        whole.dW.forEach((dWk, k) =>
          dWk.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(perSample.reduce((s, g) => s + g.dW[k][i][j], 0), 10))),
        );
        whole.dbeta.forEach((dbk, k) => dbk.forEach((v, i) => expect(v).toBeCloseTo(perSample.reduce((s, g) => s + g.dbeta[k][i], 0), 10)));
      }),
      { numRuns: 60 },
    );
  });

  it('JSON and the packed buffer round-trip, number for number and shape for shape', () => {
    fc.assert(
      fc.property(shapeArb, (shape) => {
        const spec = netOf(shape);
        expect(parseNetSpec(JSON.stringify(spec))).toEqual(spec);
        expect(unpackNet(structuredClone(packNet(spec)))).toEqual(spec);
        const copy = copyNet(spec);
        expect(copy).toEqual(spec);
        (copy.W[0][0] as number[])[0] += 1;
        expect(copy.W[0][0][0]).not.toBe(spec.W[0][0][0]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('losses from first principles (one sigmoid unit at z = 0, so X_1 = 1/2 and f\'(0) = 1/4)', () => {
  const unit = (loss: LossName, Y?: number[]): NetSpec => ({ widths: [1, 1], activation: 'sigmoid', X0: [0], W: [[[0]]], beta: [[0]], loss, ...(Y ? { Y } : {}) });

  it.each<[LossName, number[] | undefined, number, number]>([
    // l = log(1/2); dl/dX_1 = 2
    ['log', undefined, Math.log(0.5), 2],
    // l = (1/2 - 1)^2 = 1/4; dl/dX_1 = 2 (1/2 - 1) = -1
    ['mse', [1], 0.25, -1],
    // l = -log(1/2); dl/dX_1 = -1 / (1/2) = -2
    ['bce', [1], -Math.log(0.5), -2],
    // l = -[0.25 log(1/2) + 0.75 log(1/2)] = log 2; dl/dX_1 = -0.25/0.5 + 0.75/0.5 = 1
    ['bce', [0.25], Math.log(2), 1],
  ])('%s with Y = %j: l and dl/dX_1, and dl/dbeta_1 = dl/dX_1 / 4', (loss, Y, l, dX1) => {
    for (const g of [denseGradients(unit(loss, Y)), structuredGradients(unit(loss, Y))]) {
      expect(g.loss).toBeCloseTo(l, 14);
      expect(g.dX[1][0]).toBeCloseTo(dX1, 14);
      expect(g.dbeta[0][0]).toBeCloseTo(dX1 / 4, 14);
    }
  });

  it('mse and bce take the mean over every entry of a batch (PyTorch\'s default reduction)', () => {
    // Two samples, both X_1 = 1/2: the mean of two equal terms is one term, and dl/dX_1 halves.
    const two: NetSpec = { ...unit('mse'), X0: [[0, 0]], Y: [[1, 1]] };
    const g = structuredGradients(two);
    expect(g.loss).toBeCloseTo(0.25, 14);
    expect(g.dX[1]).toEqual([-0.5, -0.5]);
    expect(g.dbeta[0][0]).toBeCloseTo(-0.25, 14);
  });

  it('netShapes gives a batch dl/dX_k as rows of B, one sample flat', () => {
    const two: NetSpec = { ...unit('mse'), widths: [1, 1], X0: [[0, 0]], Y: [[1, 1]] };
    expect(netShapes(structuredGradients(two), two).dX[1]).toEqual([[-0.5, -0.5]]);
    expect(netShapes(structuredGradients(unit('log')), unit('log')).dX[1]).toEqual([2]);
  });
});
