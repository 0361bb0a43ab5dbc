// Tests for the manual gradient methods: the original's numbers, the ReLU kink, and random networks
// of any depth, width and activation (dense = structured, finite differences agree).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import seed from '../../reference/seed-values.json' with { type: 'json' };
import { activationNames } from './activations';
import { gradientEntries } from './compare';
import { forwardActivations } from './forward';
import { manualGradients, manualMethods, type ManualMethod } from './gradients';
import { originalNet } from './netspec';
import { mulberry32, randomNet } from './randomNet';
import type { ActivationName, Gradients, NetSpec } from './types';

/** Every gradient value by lesson name, flat. */
const byName = (g: Gradients) => new Map(gradientEntries(g).map((e) => [e.name, e.values]));

/** The largest |a - b| / max(1, |b|) over every gradient, b the reference. */
function maxRelativeDiff(a: Gradients, b: Gradients): number {
  const reference = byName(b);
  let max = 0;
  for (const [name, values] of byName(a)) {
    const expected = reference.get(name) ?? [];
    expect(values.length).toBe(expected.length);
    values.forEach((v, i) => (max = Math.max(max, Math.abs(v - expected[i]) / Math.max(1, Math.abs(expected[i])))));
  }
  return max;
}

const seedFloat64: Gradients = { loss: seed.float64.loss, dX: seed.float64.dX, dW: seed.float64.dW, dbeta: seed.float64.dbeta };
const printed = new Map(Object.entries(seed.printed).filter(([name]) => name.startsWith('dl/d')).map(([n, v]) => [n, (v as number[] | number[][]).flat()]));

describe('manualGradients', () => {
  const exact: ManualMethod[] = ['dense', 'structured'];

  it.each(exact)('%s: every number the original printed, to its 8 decimals', (method) => {
    const got = byName(manualGradients(originalNet(), method));
    expect([...got.keys()].sort()).toEqual([...printed.keys()].sort());
    for (const [name, values] of printed) {
      values.forEach((p, i) => expect(Math.abs(got.get(name)![i] - p), `${name}[${i}]`).toBeLessThanOrEqual(5e-9 + 1e-16));
    }
  });

  it.each(exact)('%s: the float64 gradients and loss to 1e-12', (method) => {
    const g = manualGradients(originalNet(), method);
    expect(Math.abs(g.loss - seedFloat64.loss)).toBeLessThan(1e-12);
    const reference = byName(seedFloat64);
    for (const [name, values] of byName(g)) {
      values.forEach((v, i) => expect(Math.abs(v - reference.get(name)![i]), `${name}[${i}]`).toBeLessThan(1e-12));
    }
  });

  it('fd: the float64 gradients to 1e-8', () => {
    expect(maxRelativeDiff(manualGradients(originalNet(), 'fd'), seedFloat64)).toBeLessThan(1e-8);
  });

  it.each(exact)("%s: at the ReLU kink z_1[0] = 0, relu'(0) = 0 cuts row 0 of layer 1 out of the gradient", (method) => {
    const spec: NetSpec = { ...originalNet(), activation: 'relu' };
    const g = manualGradients(spec, method);
    // (+ 0 turns a -0, from a negative dl/dX_1[0] times 0, into 0: both are the zero gradient.)
    expect(g.dbeta[0][0] + 0).toBe(0);
    expect(g.dW[0][0].map((v) => v + 0)).toEqual([0, 0]);
    // dl/dX_2 = 1 / 2.125; layer 2 is linear here (z_2 = 2.125 > 0): dl/dX_1 = W_2 / 2.125.
    [-1.5, 0.2, 0.5].forEach((w, i) => expect(g.dX[1][i]).toBeCloseTo(w / 2.125, 14));
    // Only unit 2 of layer 1 is active: dl/dX_0 = dl/dX_1[2] * W_1 row 2.
    [-0.7, -1.2].forEach((w, j) => expect(g.dX[0][j]).toBeCloseTo((0.5 / 2.125) * w, 14));
  });

  it('rejects an unknown method', () => {
    expect(() => manualGradients(originalNet(), 'tfjs' as ManualMethod)).toThrow('manualGradients: method "tfjs" is unknown (known: dense, structured, fd)');
  });
});

/** A random network, seeded, with every |z| >= 1e-3 so no finite difference straddles a kink. */
const randomNets = fc
  .record({
    widths: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 2, maxLength: 5 }),
    activation: fc.constantFrom<ActivationName>(...activationNames),
    seed: fc.integer(),
  })
  .map(({ widths, activation, seed }) => randomNet(widths, activation, mulberry32(seed)));

const awayFromKinks = (spec: NetSpec) => forwardActivations(spec).z.every((zk) => zk.every((v) => Math.abs(v) >= 1e-3));

describe('manualGradients on random networks (depth 1-4, widths 1-8, every activation)', () => {
  it('dense equals structured to 1e-10', () => {
    fc.assert(
      fc.property(randomNets, (spec) => {
        expect(maxRelativeDiff(manualGradients(spec, 'dense'), manualGradients(spec, 'structured'))).toBeLessThan(1e-10);
      }),
      { numRuns: 200 },
    );
  });

  it('finite differences agree with structured to 1e-6 (relative where large)', () => {
    fc.assert(
      fc.property(randomNets, (spec) => {
        fc.pre(awayFromKinks(spec));
        expect(maxRelativeDiff(manualGradients(spec, 'fd'), manualGradients(spec, 'structured'))).toBeLessThan(1e-6);
      }),
      { numRuns: 200 },
    );
  });

  it.each(manualMethods)('%s gives the same loss as the forward pass', (method) => {
    const spec = randomNet([3, 4, 2], 'tanh', mulberry32(7));
    const g = manualGradients(spec, method);
    expect(g.loss).toBe(manualGradients(spec, 'structured').loss);
  });
});
