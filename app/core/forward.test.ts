// Tests for the forward pass and the loss: values from first principles, the ReLU kink, undefined losses.
import { describe, expect, it } from 'vitest';
import seed from '../../reference/seed-values.json' with { type: 'json' };
import { forward, forwardActivations, forwardLayers, forwardPrepared, lossOf, LossUndefinedError, matvecInto } from './forward';
import { prepareNet } from './net';
import { originalNet } from './netspec';
import type { ActivationName, NetSpec } from './types';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

const originalWith = (activation: ActivationName, beta2 = 1): NetSpec => ({ ...originalNet(), activation, beta: [[-1.5, -1.3, 2.0], [beta2]] });

/** The error thrown by `run`, which must be a LossUndefinedError. */
function lossError(run: () => unknown): LossUndefinedError {
  try {
    run();
  } catch (error) {
    if (error instanceof LossUndefinedError) return error;
    throw error;
  }
  throw new Error('expected a LossUndefinedError');
}

describe('forward', () => {
  it('computes z_1, X_1 and the loss of the original network', () => {
    const { z, X, loss } = forward(originalNet());
    // z_1 = W_1 X_0 + beta_1 = [0.25 + 1.25 - 1.5, 0.6 - 0.05 - 1.3, -0.35 + 0.6 + 2] = [0, -0.75, 2.25]
    [0, -0.75, 2.25].forEach((expected, i) => expect(z[0][i]).toBeCloseTo(expected, 14));
    X[1].forEach((x, i) => expect(x).toBeCloseTo(sigmoid(z[0][i]), 15));
    expect(X[0]).toEqual([0.5, -0.5]);
    expect(Math.abs(loss - seed.float64.loss)).toBeLessThan(1e-12);
  });

  it('meets the ReLU kink: z_1[0] is exactly 0, and the loss is log(0.5 * 2.25 + 1)', () => {
    const { z, X, loss } = forward(originalWith('relu'));
    expect(z[0][0]).toBe(0);
    expect(X[1]).toEqual([0, 0, 2.25]);
    expect(loss).toBeCloseTo(Math.log(2.125), 14);
  });

  const tanhOutput = Math.tanh(-1.5 * Math.tanh(0) + 0.2 * Math.tanh(-0.75) + 0.5 * Math.tanh(2.25) - 1);
  it.each<[string, NetSpec, string | RegExp]>([
    // relu: z_2 = 0.5 * 2.25 - 1.125 = 0 exactly, so X_2 = 0.
    ['relu output 0', originalWith('relu', -1.125), 'log(X_K) is undefined: X_2[0] = 0'],
    // tanh: z_2 = 0.2 tanh(-0.75) + 0.5 tanh(2.25) - 1 < 0.
    ['negative tanh output', originalWith('tanh', -1), new RegExp(`^log\\(X_K\\) is undefined: X_2\\[0\\] = ${String(tanhOutput).slice(0, 14).replace('.', '\\.')}\\d*$`)],
    [
      'an output that overflows',
      { widths: [1, 1], activation: 'relu', X0: [1e200], W: [[[1e200]]], beta: [[0]] },
      'log(X_K) is not finite: X_1[0] = Infinity',
    ],
  ])('names the output that breaks the loss: %s', (_what, spec, message) => {
    const error = lossError(() => forward(spec));
    if (typeof message === 'string') expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
    expect(error.layer).toBe(spec.widths.length - 1);
    expect(error.index).toBe(0);
  });

  it('names the first bad output among several', () => {
    const spec: NetSpec = { widths: [1, 3], activation: 'relu', X0: [1], W: [[[1], [-1], [-2]]], beta: [[0, 0, 0]] };
    expect(lossError(() => forward(spec)).message).toBe('log(X_K) is undefined: X_1[1] = 0');
  });
});

describe('matvecInto', () => {
  it.each([1, 3, 4, 5, 9])('equals the textbook double loop for %i rows (blocks of four and the rest)', (rows) => {
    const cols = 3;
    const W = Float64Array.from({ length: rows * cols }, (_, k) => ((k * 7) % 11) - 5);
    const x = Float64Array.of(0.5, -2, 3);
    const out = new Float64Array(rows);
    matvecInto(W, x, out, rows, cols);
    const expected = Array.from({ length: rows }, (_, i) => W[i * 3] * 0.5 - 2 * W[i * 3 + 1] + 3 * W[i * 3 + 2]);
    expect(Array.from(out)).toEqual(expected);
  });
});

describe('forwardActivations', () => {
  it('gives z and X even where the loss is undefined', () => {
    const { z, X } = forwardActivations(originalWith('relu', -1.125));
    expect(z[1]).toEqual([0]);
    expect(X[2]).toEqual([0]);
  });
});

describe('forwardLayers', () => {
  it('restarting from a layer gives the same buffers as the whole pass', () => {
    const net = prepareNet(originalNet());
    forwardLayers(net);
    const whole = net.X.map((x) => Array.from(x));
    net.X[2].fill(7);
    forwardLayers(net, 1);
    expect(net.X.map((x) => Array.from(x))).toEqual(whole);
  });
});

describe('forwardPrepared', () => {
  it('returns the loss and follows changed parameters', () => {
    const net = prepareNet(originalNet());
    expect(Math.abs(forwardPrepared(net) - seed.float64.loss)).toBeLessThan(1e-12);
    net.beta[1][0] = 0;
    expect(forwardPrepared(net)).toBeCloseTo(Math.log(sigmoid(-1.5 * net.X[1][0] + 0.2 * net.X[1][1] + 0.5 * net.X[1][2])), 14);
  });
});

describe('lossOf', () => {
  it('sums log X_K over the outputs', () => {
    const net = prepareNet({ widths: [1, 2], activation: 'relu', X0: [1], W: [[[2], [3]]], beta: [[0, 0]] });
    forwardLayers(net);
    expect(lossOf(net)).toBeCloseTo(Math.log(6), 14);
  });
});

describe('LossUndefinedError', () => {
  it('is an Error with its name', () => {
    const error = new LossUndefinedError(3, 1, -0.5);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('LossUndefinedError');
    expect(error.message).toBe('log(X_K) is undefined: X_3[1] = -0.5');
  });
});
