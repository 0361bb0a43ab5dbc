// Tests of tfjs autograd gradients: the original notebook's numbers, tensor hygiene, kinks and undefined losses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import seed from '../../reference/seed-values.json';
import { activationNames } from './activations';
import { gradientEntries } from './compare';
import { forwardActivations, LossUndefinedError } from './forward';
import { manualGradients } from './gradients';
import { mulberry32, randomNet } from './randomNet';
import type { ActivationName, Gradients, NetSpec } from './types';
import { initTf, prepareTfjsNet, tfjsGradients, type TfBackendName } from './tfjsGradients';

const originalNet = seed.net as NetSpec;
const printed = seed.printed;
const tfReady = initTf('cpu');

/** The printed names of the original notebook, paired with where tfjs's result holds them. */
const printedEntries = (g: ReturnType<typeof tfjsGradients>): [string, number[], number[]][] => [
  ['dl/dX0', g.dX[0], printed['dl/dX0']],
  ['dl/dX1', g.dX[1], printed['dl/dX1']],
  ['dl/dX2', g.dX[2], printed['dl/dX2']],
  ['dl/dW1', g.dW[0].flat(), printed['dl/dW1'].flat()],
  ['dl/dbeta1', g.dbeta[0], printed['dl/dbeta1']],
  ['dl/dW2', g.dW[1].flat(), printed['dl/dW2'].flat()],
  ['dl/dbeta2', g.dbeta[1], printed['dl/dbeta2']],
];

describe('tfjsGradients', () => {
  // wasm last: initTf switches the global backend for the tests that follow.
  it.each<TfBackendName>(['cpu', 'wasm'])('reproduces every number the original printed, to 5 decimals (%s backend)', async (backend) => {
    const { tf, backend: inUse, notes } = await initTf(backend);
    expect({ inUse, notes }).toEqual({ inUse: backend, notes: [] });
    const g = tfjsGradients(tf, originalNet);
    for (const [name, got, want] of printedEntries(g)) {
      expect(got.length, name).toBe(want.length);
      got.forEach((x, i) => expect(Math.abs(x - want[i]), `${name}[${i}] = ${x}, printed ${want[i]}`).toBeLessThanOrEqual(5e-6));
    }
    expect(Math.abs(g.loss - seed.float64.loss)).toBeLessThanOrEqual(1e-6);
    await initTf('cpu');
  });

  it('leaves no tensor behind after 1,000 calls', async () => {
    const { tf } = await tfReady;
    const before = tf.memory().numTensors;
    for (let i = 0; i < 1000; i++) tfjsGradients(tf, originalNet);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('gives relu a zero derivative at the kink z_1[0] = 0 of the original weights', async () => {
    const { tf } = await tfReady;
    const g = tfjsGradients(tf, { ...originalNet, activation: 'relu' });
    // z_1[0] = 0.5*0.5 + (-2.5)(-0.5) - 1.5 = 0 exactly (also in float32), so row 0 gets nothing.
    // Compared as |x|: the product of a negative number and relu'(0) = 0 may be -0.
    expect(Math.abs(g.dbeta[0][0])).toBe(0);
    expect(g.dW[0][0].map(Math.abs)).toEqual([0, 0]);
    // z_1 = [0, -0.75, 2.25]: only the third unit is active, and its gradient 0.5 / X_2 = 0.5 / 2.125.
    expect(g.dbeta[0][2]).toBeCloseTo(0.5 / 2.125, 6);
  });

  it('gives leaky relu the slope 0.01 at the same kink, as the manual derivative does', async () => {
    const { tf } = await tfReady;
    const g = tfjsGradients(tf, { ...originalNet, activation: 'leakyRelu' });
    // X_1 = [0, -0.0075, 2.25], X_2 = 0.2 (-0.0075) + 0.5 (2.25) + 1 = 2.1235; dl/dX_1[0] = -1.5 / X_2.
    expect(g.dX[2][0]).toBeCloseTo(1 / 2.1235, 6);
    expect(g.dbeta[0][0]).toBeCloseTo((0.01 * -1.5) / 2.1235, 8);
  });

  it('names the output where log(X_K) is undefined, and frees its tensors', async () => {
    const { tf } = await tfReady;
    const before = tf.memory().numTensors;
    // relu(0 . X1 - 1) = 0: log 0.
    const deadOutput: NetSpec = { ...originalNet, activation: 'relu', W: [originalNet.W[0], [[0, 0, 0]]], beta: [originalNet.beta[0], [-1]] };
    expect(() => tfjsGradients(tf, deadOutput)).toThrow(new LossUndefinedError(2, 0, 0));
    expect(() => tfjsGradients(tf, deadOutput)).toThrow('log(X_K) is undefined: X_2[0] = 0');
    expect(tf.memory().numTensors).toBe(before);
  });
});

/** Largest |a - b| / (1 + |b|) over every gradient entry, b the reference. */
function maxScaledDiff(a: Gradients, b: Gradients): number {
  const reference = new Map(gradientEntries(b).map((e) => [e.name, e.values]));
  let max = 0;
  for (const { name, values } of gradientEntries(a)) {
    const expected = reference.get(name)!;
    expect(values.length, name).toBe(expected.length);
    values.forEach((v, i) => (max = Math.max(max, Math.abs(v - expected[i]) / (1 + Math.abs(expected[i])))));
  }
  return max;
}

/**
 * Random networks, depth 1-4, widths 1-8, every activation, loss defined (randomNet puts z_K in [0.5, 1)),
 * and every |z| >= 1e-3: float32 rounding cannot then move a z across a relu kink.
 */
const randomNets = fc
  .record({
    widths: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 2, maxLength: 5 }),
    activation: fc.constantFrom<ActivationName>(...activationNames),
    seed: fc.integer(),
  })
  .map(({ widths, activation, seed }) => randomNet(widths, activation, mulberry32(seed)))
  .filter((spec) => forwardActivations(spec).z.every((zk) => zk.every((v) => Math.abs(v) >= 1e-3)));

describe('tfjsGradients on random networks', () => {
  // float32 carries ~7 digits and a chain of <= 4 layers of <= 8 terms loses at most ~1 more:
  // |tfjs - manual| <= 1e-5 (1 + |manual|) for every entry, against both manual methods.
  it.each(['structured', 'dense'] as const)('agrees with the manual %s method within 1e-5 (1 + |value|)', async (method) => {
    const { tf } = await tfReady;
    fc.assert(
      fc.property(randomNets, (spec) => {
        expect(maxScaledDiff(tfjsGradients(tf, spec), manualGradients(spec, method))).toBeLessThanOrEqual(1e-5);
      }),
      { numRuns: 150 },
    );
  });
});

describe('prepareTfjsNet', () => {
  it('returns [loss, dX0, dW.., dbeta.., dX1..dXK] flat, like gradients()', async () => {
    const { tf } = await tfReady;
    const net = prepareTfjsNet(tf, originalNet);
    const flat = net.gradientsFlat();
    const g = net.gradients();
    net.dispose();
    expect(flat.map((a) => a.length)).toEqual([1, 2, 6, 3, 3, 1, 3, 1]);
    expect(Array.from(flat[2])).toEqual(g.dW[0].flat());
    expect(Array.from(flat[7])).toEqual(g.dX[2]);
    expect(flat[7][0]).toBeCloseTo(printed['dl/dX2'][0], 5);
  });

  it('leaves the tensor count as it found it after 1,000 calls and dispose()', async () => {
    const { tf } = await tfReady;
    const before = tf.memory().numTensors;
    const net = prepareTfjsNet(tf, originalNet);
    const held = tf.memory().numTensors - before;
    // X0, W1, W2, beta1, beta2 and the two taps.
    expect(held).toBe(7);
    for (let i = 0; i < 1000; i++) net.gradientsFlat();
    expect(tf.memory().numTensors - before).toBe(held);
    net.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(() => net.gradientsFlat()).toThrow('gradients() called after dispose()');
  });
});

describe('initTf', () => {
  it('falls back to cpu with a note when the backend cannot start (no WebGL in Node)', async () => {
    const { backend, notes } = await initTf('webgl');
    expect(backend).toBe('cpu');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^tfjs backend "webgl" is unavailable \(.+\); using cpu$/);
  });
  // A registered backend whose start fails: tfjs only answers false, the note still says why.
  it.each([
    ['throws', () => { throw new Error('WebGL is not supported on this device'); }, 'WebGL is not supported on this device'],
    ['rejects like tfjs-backend-wasm when its binary is missing', () => Promise.reject({ message: 'Make sure the server can serve the `.wasm` file relative to the bundled js file.' }), 'its .wasm binary could not be loaded'],
  ])('names the reason when the backend factory %s', async (_, factory, reason) => {
    const { tf } = await tfReady;
    tf.registerBackend('webgl', factory as () => never);
    try {
      const { backend, notes } = await initTf('webgl');
      expect(backend).toBe('cpu');
      expect(notes).toEqual([`tfjs backend "webgl" is unavailable (${reason}); using cpu`]);
    } finally {
      tf.removeBackend('webgl');
    }
  });
});
