// Tests for NetSpec validation: every message names the problem and the place; the original network.
import { describe, expect, it } from 'vitest';
import seed from '../../reference/seed-values.json' with { type: 'json' };
import { NetSpecError, netLimits, originalNet, parameterCount, parseNetSpec, validateNetSpec } from './netspec';

/** The original network with some keys replaced (or removed when the value is `undefined`). */
function originalWith(changes: Record<string, unknown>): Record<string, unknown> {
  const spec: Record<string, unknown> = { ...originalNet() };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete spec[key];
    else spec[key] = value;
  }
  return spec;
}

const W = originalNet().W;
const beta = originalNet().beta;

describe('validateNetSpec', () => {
  it('accepts the original network and returns a copy', () => {
    const input = originalNet();
    const checked = validateNetSpec(input);
    expect(checked).toEqual(seed.net);
    checked.W[0][0][0] = 99;
    expect(input.W[0][0][0]).toBe(0.5);
  });

  it('accepts one layer and deep networks up to the limit', () => {
    const oneLayer = { widths: [2, 1], activation: 'tanh', X0: [1, 2], W: [[[1, 1]]], beta: [[0]] };
    expect(validateNetSpec(oneLayer).widths).toEqual([2, 1]);
    const depth = netLimits.maxLayers;
    const deep = {
      widths: new Array(depth + 1).fill(1),
      activation: 'relu',
      X0: [1],
      W: new Array(depth).fill([[1]]),
      beta: new Array(depth).fill([0]),
    };
    expect(validateNetSpec(deep).W).toHaveLength(depth);
  });

  it.each<[string, unknown, string, string]>([
    ['not an object', [1, 2], 'the network must be an object with keys widths, activation, X0, W, beta, got array', ''],
    ['null', null, 'the network must be an object with keys widths, activation, X0, W, beta, got null', ''],
    ['a missing key', originalWith({ beta: undefined }), 'missing key "beta"', 'beta'],
    ['an unknown key', originalWith({ gamma: 1 }), 'unknown key "gamma" (known: widths, activation, X0, W, beta, loss, Y)', 'gamma'],
    ['widths not an array', originalWith({ widths: '2,3,1' }), 'widths must be an array of positive integers, got string "2,3,1"', 'widths'],
    ['empty widths', originalWith({ widths: [] }), 'widths must have at least 2 entries (input and output width), got 0', 'widths'],
    ['one width', originalWith({ widths: [2] }), 'widths must have at least 2 entries (input and output width), got 1', 'widths'],
    ['too deep', originalWith({ widths: new Array(18).fill(1) }), 'widths has 18 entries, at most 17 (16 layers)', 'widths'],
    ['a zero width', originalWith({ widths: [2, 0, 1] }), 'widths[1] must be a positive integer, got 0', 'widths[1]'],
    ['a negative width', originalWith({ widths: [2, -3, 1] }), 'widths[1] must be a positive integer, got -3', 'widths[1]'],
    ['a fractional width', originalWith({ widths: [2, 3, 1.5] }), 'widths[2] must be a positive integer, got 1.5', 'widths[2]'],
    ['a width as a string', originalWith({ widths: [2, '3', 1] }), 'widths[1] must be a positive integer, got "3"', 'widths[1]'],
    ['a huge width', originalWith({ widths: [2, 5000, 1] }), 'widths[1] = 5000 is too large: at most 4096 per layer', 'widths[1]'],
    [
      'too many parameters',
      originalWith({ widths: [4096, 4096, 1] }),
      'widths give 16,785,409 parameters, at most 4,194,304 (memory for a browser tab)',
      'widths',
    ],
    ['an unknown activation', originalWith({ activation: 'foo' }), 'activation "foo" is unknown (known: sigmoid, tanh, relu, leakyRelu)', 'activation'],
    ['an activation that is not a string', originalWith({ activation: 3 }), 'activation must be a string, got number 3', 'activation'],
    ['X0 not an array', originalWith({ X0: 0.5 }), 'X0 must be an array of 2 numbers (widths[0]), got number 0.5', 'X0'],
    ['X0 too short', originalWith({ X0: [0.5] }), 'X0 has 1 entry, expected 2 (widths[0])', 'X0'],
    ['X0 too long', originalWith({ X0: [0.5, 1, 2] }), 'X0 has 3 entries, expected 2 (widths[0])', 'X0'],
    ['a string in X0', originalWith({ X0: [0.5, 'abc'] }), 'X0[1] is not a finite number ("abc")', 'X0[1]'],
    ['a number as a string in X0', originalWith({ X0: ['0.5', 1] }), 'X0[0] is not a finite number ("0.5" is text: write the number without quotes)', 'X0[0]'],
    ['an empty string in X0', originalWith({ X0: ['', 1] }), 'X0[0] is not a finite number (an empty string "")', 'X0[0]'],
    ['a decimal comma in X0', originalWith({ X0: ['0,5', 1] }), 'X0[0] is not a finite number ("0,5": write 0.5, with a decimal point and no quotes)', 'X0[0]'],
    ['Infinity in W', originalWith({ W: [W[0], [[-1.5, -Infinity, 0.5]]] }), "W[1][0][1] is not a finite number (-Infinity: beyond a float64's range, as 1e400 is)", 'W[1][0][1]'],
    ['null in X0', originalWith({ X0: [null, 1] }), 'X0[0] is not a finite number (null)', 'X0[0]'],
    ['NaN in X0', originalWith({ X0: [NaN, 1] }), 'X0[0] is not a finite number (NaN)', 'X0[0]'],
    ['W not an array', originalWith({ W: {} }), 'W must be an array of 2 matrices (one per layer), got object {}', 'W'],
    ['W with a layer too many', originalWith({ W: [...W, [[1]]] }), 'W has 3 layers, expected 2 (widths has 3 entries)', 'W'],
    ['W with a layer missing', originalWith({ W: [W[0]] }), 'W has 1 layer, expected 2 (widths has 3 entries)', 'W'],
    ['W_2 of the wrong shape', originalWith({ W: [W[0], W[0]] }), 'W[1] has shape 3x2, expected 1x3 (widths[2] x widths[1])', 'W[1]'],
    ['W_2 square', originalWith({ W: [W[0], [[1, 2, 3], [1, 2, 3], [1, 2, 3]]] }), 'W[1] has shape 3x3, expected 1x3 (widths[2] x widths[1])', 'W[1]'],
    ['a W row too short', originalWith({ W: [[[0.5, -2.5], [1.2], [-0.7, -1.2]], W[1]] }), 'W[0][1] has 1 entry, expected 2 (widths[0])', 'W[0][1]'],
    ['a W row too long', originalWith({ W: [[[0.5, -2.5], [1.2, 0.1], [-0.7, -1.2, 3]], W[1]] }), 'W[0][2] has 3 entries, expected 2 (widths[0])', 'W[0][2]'],
    ['a W row not an array', originalWith({ W: [[[0.5, -2.5], 7, [-0.7, -1.2]], W[1]] }), 'W[0][1] must be an array of 2 numbers (widths[0]), got number 7', 'W[0][1]'],
    ['a string in W', originalWith({ W: [W[0], [[-1.5, 'x', 0.5]]] }), 'W[1][0][1] is not a finite number ("x")', 'W[1][0][1]'],
    ['beta with a layer missing', originalWith({ beta: [beta[0]] }), 'beta has 1 layer, expected 2 (widths has 3 entries)', 'beta'],
    ['beta_2 too long', originalWith({ beta: [beta[0], [1, 2, 3]] }), 'beta[1] has 3 entries, expected 1 (widths[2])', 'beta[1]'],
    ['a boolean in beta', originalWith({ beta: [[-1.5, true, 2], [1]] }), 'beta[0][1] is not a finite number (true)', 'beta[0][1]'],
  ])('names %s', (_what, input, message, where) => {
    let caught: unknown;
    try {
      validateNetSpec(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(NetSpecError);
    expect((caught as NetSpecError).message).toBe(message);
    expect((caught as NetSpecError).where).toBe(where);
  });
});

describe('parseNetSpec', () => {
  const json = JSON.stringify(originalNet());

  it('reads the original network from JSON', () => {
    expect(parseNetSpec(json)).toEqual(seed.net);
  });

  it.each([
    ['1e400 (parses to Infinity)', json.replace('0.5,-0.5', '1e400,-0.5'), "X0[0] is not a finite number (Infinity: beyond a float64's range, as 1e400 is)"],
    ['a quoted number', json.replace('0.5,-0.5', '0.5,"-0.5"'), 'X0[1] is not a finite number ("-0.5" is text: write the number without quotes)'],
    ['"abc"', json.replace('0.5,-0.5', '0.5,"abc"'), 'X0[1] is not a finite number ("abc")'],
  ])('names %s', (_what, text, message) => {
    expect(() => parseNetSpec(text)).toThrow(message);
  });

  it('refuses text that is not JSON', () => {
    expect(() => parseNetSpec('{widths: [2, 1]}')).toThrow(/^the network is not valid JSON: /);
  });
});

describe('parameterCount', () => {
  it('counts W and beta of every layer', () => {
    // 2-3-1: W1 3x2 + beta1 3 + W2 1x3 + beta2 1 = 6 + 3 + 3 + 1
    expect(parameterCount([2, 3, 1])).toBe(13);
  });
});

describe('originalNet', () => {
  it("is the original notebook's network, fresh on each call", () => {
    const a = originalNet();
    expect(a).toEqual(seed.net);
    a.X0[0] = 7;
    expect(originalNet().X0[0]).toBe(0.5);
  });
});

describe('validateNetSpec, generalised keys', () => {
  const net = originalNet();
  it.each<[string, Record<string, unknown>, string, string]>([
    ['an unknown loss', { loss: 'hinge' }, 'loss "hinge" is unknown (known: log, mse, bce)', 'loss'],
    ['mse without Y', { loss: 'mse' }, 'loss "mse" needs Y, the target: 1 number (X_2\'s shape)', 'Y'],
    ['bce without Y for a batch', { loss: 'bce', X0: [[1, 2], [3, 4]] }, 'loss "bce" needs Y, the target: 1 row of 2 numbers (X_2\'s shape)', 'Y'],
    ['Y of the wrong length', { loss: 'mse', Y: [1, 2] }, 'Y has 2 entries, expected 1 (widths[2])', 'Y'],
    ['Y flat for a batch', { loss: 'mse', X0: [[1, 2], [3, 4]], Y: [1] }, 'Y must be 1 row of 2 numbers (X0 is a batch of 2)', 'Y'],
    ['Y with the wrong batch', { loss: 'mse', X0: [[1, 2], [3, 4]], Y: [[1, 2, 3]] }, 'Y[0] has 3 entries, expected 2 (the batch size)', 'Y[0]'],
    ['a bce target above 1', { loss: 'bce', Y: [1.5] }, 'Y[0] = 1.5 is outside [0, 1]: a bce target is a probability', 'Y[0]'],
    ['a bce target below 0 in a batch', { loss: 'bce', X0: [[1, 2], [3, 4]], Y: [[0, -0.25]] }, 'Y[0][1] = -0.25 is outside [0, 1]: a bce target is a probability', 'Y[0][1]'],
    ['a ragged batch', { X0: [[1, 2], [3]] }, 'X0[1] has 1 entry, expected 2 (the batch size, from X0[0])', 'X0[1]'],
    ['a batch with the wrong rows', { X0: [[1, 2]] }, 'X0 has 1 row, expected 2 (widths[0])', 'X0'],
    ['a batch mixing numbers and rows', { X0: [[1, 2], 3] }, 'X0[1] must be an array of 2 numbers (one per sample), got number 3', 'X0[1]'],
    ['too few activations', { activation: ['tanh'] }, 'activation has 1 name, expected 1 name or 2 (one per layer; widths has 3 entries)', 'activation'],
    ['an unknown activation in the list', { activation: ['tanh', 'softmax'] }, 'activation[1] "softmax" is unknown (known: sigmoid, tanh, relu, leakyRelu)', 'activation[1]'],
  ])('names %s', (_what, changes, message, where) => {
    let caught: unknown;
    try {
      validateNetSpec({ ...net, ...changes });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(NetSpecError);
    expect((caught as NetSpecError).message).toBe(message);
    expect((caught as NetSpecError).where).toBe(where);
  });

  it('accepts a batch, per-layer activations and each loss, keeping their form', () => {
    const spec = { ...net, activation: ['relu', 'sigmoid'], X0: [[1, 2, 3], [4, 5, 6]], loss: 'bce', Y: [[0, 0.5, 1]] };
    expect(validateNetSpec(spec)).toEqual(spec);
  });
});
