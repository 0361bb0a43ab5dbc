// Tests of `npm run grads` as a user runs it: a subprocess, JSON on stdout, one line on stderr and exit 2 on bad input.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import seed from '../reference/seed-values.json';
import { runCli } from './runCli';

const grads = (args: string[], stdin?: string) => runCli('cli/grads.ts', args, stdin);

let dir = '';
const file = (name: string) => join(dir, name);
const originalText = JSON.stringify(seed.net);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'grads-cli-'));
  await writeFile(file('net.json'), originalText);
  await writeFile(file('broken.json'), '{\n  "widths": [2, 3, 1],\n  "activation": "sigmoid",\n}\n');
  await writeFile(file('wrong-shape.json'), JSON.stringify({ ...seed.net, W: [seed.net.W[0], [[1, 2, 3], [4, 5, 6], [7, 8, 9]]] }));
  // relu(0 . X1 - 1) = 0: log 0.
  await writeFile(file('dead.json'), JSON.stringify({ ...seed.net, activation: 'relu', W: [seed.net.W[0], [[0, 0, 0]]], beta: [seed.net.beta[0], [-1]] }));
});

/** |got - want| <= tol for every entry of two equally nested arrays. */
function expectClose(got: unknown, want: unknown, tol: number, where: string): void {
  if (Array.isArray(want)) {
    expect(Array.isArray(got) && got.length === want.length, `${where}: length`).toBe(true);
    want.forEach((w, i) => expectClose((got as unknown[])[i], w, tol, `${where}[${i}]`));
  } else {
    expect(Math.abs((got as number) - (want as number)), `${where}: ${String(got)} vs ${String(want)}`).toBeLessThanOrEqual(tol);
  }
}

describe('npm run grads', () => {
  it('prints every method on the original network, each equal to the seed float64 numbers within its precision', async () => {
    const run = await grads([file('net.json')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out.methods)).toEqual(['dense', 'structured', 'tfjs', 'fd']);
    expect(out.loss).toBeCloseTo(seed.float64.loss, 14);
    // float64 methods to 1e-12; central differences (step ~6e-6) to 1e-8; tfjs in float32 to 1e-6.
    const tolerance = { dense: 1e-12, structured: 1e-12, fd: 1e-8, tfjs: 1e-6 } as const;
    for (const [method, tol] of Object.entries(tolerance)) {
      for (const key of ['dX', 'dW', 'dbeta'] as const) expectClose(out.methods[method][key], seed.float64[key], tol, `${method}.${key}`);
    }
    expect(Object.keys(out.maxAbsDiff)).toEqual(['structured', 'tfjs', 'fd']);
    expect(out.maxAbsDiff.structured).toBeLessThanOrEqual(2e-12);
    expect(out.maxAbsDiff.fd).toBeLessThanOrEqual(2e-8);
    expect(out.maxAbsDiff.tfjs).toBeLessThanOrEqual(2e-6);
    expect(out.maxAbsDiff.tfjs).toBeGreaterThan(0);
  });

  it('reads the network from stdin with -, and prints only the method asked for', async () => {
    const run = await grads(['-', '--method=structured'], originalText);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out.methods)).toEqual(['structured']);
    expectClose(out.methods.structured.dW, seed.float64.dW, 1e-12, 'structured.dW');
    expect(Object.keys(out.maxAbsDiff)).toEqual(['structured']);
  });

  const usage = 'usage: npm run grads -- <net.json or - for stdin> [--method dense|structured|tfjs|fd|all]';
  // Paths are only known once the temp dir exists, so arguments and messages are functions.
  it.each<[string, () => string[], () => string, string?]>([
    ['a missing file', () => [file('missing.json')], () => `cannot read ${file('missing.json')}: no such file`],
    ['a directory', () => [dir], () => `cannot read ${dir}: it is a directory`],
    ['broken JSON', () => [file('broken.json')], () => `${file('broken.json')} is not valid JSON: line 4, column 1: expected a string, found '}'`],
    ['broken JSON on stdin', () => ['-'], () => "stdin is not valid JSON: line 1, column 8: expected a value, found end of input", '{"W": ['],
    ['a wrong shape', () => [file('wrong-shape.json')], () => `${file('wrong-shape.json')} is not a valid network: W[1] has shape 3x3, expected 1x3 (widths[2] x widths[1])`],
    ['an undefined loss', () => [file('dead.json')], () => `${file('dead.json')}: log(X_K) is undefined: X_2[0] = 0`],
    ['an unknown method', () => [file('net.json'), '--method', 'adjoint'], () => 'unknown method "adjoint" (known: dense, structured, tfjs, fd, all)'],
    ['--method without a value', () => [file('net.json'), '--method'], () => '--method needs a value (dense, structured, tfjs, fd or all)'],
    ['an unknown option', () => [file('net.json'), '--fast'], () => `unknown option "--fast"; ${usage}`],
    ['no network', () => [], () => `no network given; ${usage}`],
    ['two networks', () => ['a.json', 'b.json'], () => `one network at a time, got "a.json" and "b.json"; ${usage}`],
  ])('exits 2 on %s, with one line on stderr and nothing on stdout', async (_what, args, message, stdin) => {
    const run = await grads(args(), stdin);
    expect(run).toEqual({ code: 2, stdout: '', stderr: `grads: ${message()}\n` });
  });

  /** The original network as JSON text with one part replaced, as a careless hand edit would leave it. */
  const edited = (from: string, to: string): string => {
    expect(originalText).toContain(from);
    return originalText.replace(from, to);
  };
  const X0 = '"X0":[0.5,-0.5]';
  const W = originalText.slice(originalText.indexOf('"W":'), originalText.indexOf(',"beta"'));
  const notValid = 'stdin is not a valid network: ';
  /** The message for a word JSON has no number for, at its column in the one-line text. */
  const noSuchNumber = (text: string, word: string): [string, string] => [
    text,
    `stdin is not valid JSON: line 1, column ${text.indexOf(word) + 1}: expected a finite number (JSON has no NaN or Infinity), found ${word}`,
  ];

  it.each<[string, string, string]>([
    ['an empty entry', edited(X0, '"X0":[0.5,""]'), `${notValid}X0[1] is not a finite number (an empty string "")`],
    ['"abc"', edited(X0, '"X0":["abc",-0.5]'), `${notValid}X0[0] is not a finite number ("abc")`],
    ['a NaN', ...noSuchNumber(edited(X0, '"X0":[0.5,NaN]'), 'NaN')],
    ['an Infinity', ...noSuchNumber(edited(X0, '"X0":[Infinity,-0.5]'), 'Infinity')],
    ['1e400', edited(X0, '"X0":[1e400,-0.5]'), `${notValid}X0[0] is not a finite number (Infinity: beyond a float64's range, as 1e400 is)`],
    ['a decimal comma, quoted', edited(X0, '"X0":["0,5",-0.5]'), `${notValid}X0[0] is not a finite number ("0,5": write 0.5, with a decimal point and no quotes)`],
    ['a decimal comma, bare (one entry too many)', edited(X0, '"X0":[0,5,-0.5]'), `${notValid}X0 has 3 entries, expected 2 (widths[0])`],
    ['a row too short', edited('[1.2,0.1]', '[1.2]'), `${notValid}W[0][1] has 1 entry, expected 2 (widths[0])`],
    ['a row too long', edited('[1.2,0.1]', '[1.2,0.1,7]'), `${notValid}W[0][1] has 3 entries, expected 2 (widths[0])`],
    ['a width of 0', edited('[2,3,1]', '[2,0,1]'), `${notValid}widths[1] must be a positive integer, got 0`],
    ['a negative width', edited('[2,3,1]', '[2,-3,1]'), `${notValid}widths[1] must be a positive integer, got -3`],
    ['a fractional width', edited('[2,3,1]', '[2,3.5,1]'), `${notValid}widths[1] must be a positive integer, got 3.5`],
    ['a width of 10000', edited('[2,3,1]', '[2,10000,1]'), `${notValid}widths[1] = 10000 is too large: at most 4096 per layer`],
    ['a missing W2', edited(W, '"W":[[[0.5,-2.5],[1.2,0.1],[-0.7,-1.2]]]'), `${notValid}W has 1 layer, expected 2 (widths has 3 entries)`],
    ['a W9 too many', edited(W, `${W.slice(0, -1)},${'[[1]],'.repeat(6)}[[1]]]`), `${notValid}W has 9 layers, expected 2 (widths has 3 entries)`],
    ['an unknown activation', edited('"sigmoid"', '"softmax"'), `${notValid}activation "softmax" is unknown (known: sigmoid, tanh, relu, leakyRelu)`],
    // tanh at the end can be negative: z_2 = 0.2 tanh(-0.75) + 0.5 tanh(2.25) - 5 ~ -4.638, X_2 = tanh(z_2) ~ -0.99981.
    ['tanh with a negative output', edited('"sigmoid"', '"tanh"').replace('[1]]}', '[-5]]}'), 'stdin: log(X_K) is undefined: X_2[0] = -0.9998127338934716'],
  ])('exits 2 on %s in the network, naming it', async (_what, text, message) => {
    expect(await grads(['-', '--method=structured'], text)).toEqual({ code: 2, stdout: '', stderr: `grads: ${message}\n` });
  });

  // The generalised keys: each bad value named, as above.
  const withKeys = (changes: Record<string, unknown>): string => JSON.stringify({ ...seed.net, ...changes });
  const batch = { X0: [[0.5, 1], [-0.5, 0]] };
  it.each<[string, string, string]>([
    ['mse without Y', withKeys({ loss: 'mse' }), `${notValid}loss "mse" needs Y, the target: 1 number (X_2's shape)`],
    ['a misshapen Y', withKeys({ ...batch, loss: 'mse', Y: [[1, 0, 1]] }), `${notValid}Y[0] has 3 entries, expected 2 (the batch size)`],
    ['a bce target outside [0, 1]', withKeys({ loss: 'bce', Y: [2] }), `${notValid}Y[0] = 2 is outside [0, 1]: a bce target is a probability`],
    ['an unknown loss', withKeys({ loss: 'hinge' }), `${notValid}loss "hinge" is unknown (known: log, mse, bce)`],
    ['a ragged batch', withKeys({ X0: [[0.5, 1], [-0.5]] }), `${notValid}X0[1] has 1 entry, expected 2 (the batch size, from X0[0])`],
    ['the wrong number of activations', withKeys({ activation: ['tanh', 'relu', 'sigmoid'] }), `${notValid}activation has 3 names, expected 1 name or 2 (one per layer; widths has 3 entries)`],
    ['an unknown activation in the list', withKeys({ activation: ['tanh', 'softplus'] }), `${notValid}activation[1] "softplus" is unknown (known: sigmoid, tanh, relu, leakyRelu)`],
    // relu(0 . X1 - 1) = 0 in sample 1 of the batch: log 0.
    ['log of 0 in a batch', withKeys({ ...batch, activation: 'relu', W: [seed.net.W[0], [[0, 0, 0]]], beta: [seed.net.beta[0], [-1]] }), 'stdin: log(X_K) is undefined: X_2[0][0] = 0'],
    // X_2 = relu(1) = 1 exactly: log(1 - X_2) is needed by a target below 1.
    ['bce at X_K = 1 where its target needs log(1 - X_K)', withKeys({ activation: ['sigmoid', 'relu'], W: [seed.net.W[0], [[0, 0, 0]]], beta: [seed.net.beta[0], [1]], loss: 'bce', Y: [0.5] }), 'stdin: log(1 - X_K) is undefined: X_2[0] = 1 (target Y[0] = 0.5)'],
    // X_2 = relu(-1) = 0: log X_2 is needed by a target above 0.
    ['bce at X_K = 0 where its target needs log(X_K)', withKeys({ activation: ['sigmoid', 'relu'], W: [seed.net.W[0], [[0, 0, 0]]], beta: [seed.net.beta[0], [-1]], loss: 'bce', Y: [1] }), 'stdin: log(X_K) is undefined: X_2[0] = 0 (target Y[0] = 1)'],
  ])('exits 2 on %s, naming it', async (_what, text, message) => {
    expect(await grads(['-', '--method=structured'], text)).toEqual({ code: 2, stdout: '', stderr: `grads: ${message}\n` });
  });

  it('prints a batch in its shapes: dl/dX_k as c_k rows of B, each column the gradient of that sample alone', async () => {
    const [a, b] = [seed.net.X0, [1, -1]];
    const run = await grads(['-', '--method=structured'], withKeys({ X0: [[a[0], b[0]], [a[1], b[1]]] }));
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout);
    const dX = out.methods.structured.dX as number[][][];
    expect(dX.map((d) => [d.length, d[0].length])).toEqual([[2, 2], [3, 2], [1, 2]]);
    // Column 0 is the original network's sample: the seed's float64 gradients.
    dX.forEach((rows, k) => expectClose(rows.map((r) => r[0]), seed.float64.dX[k], 1e-12, `dX${k} column 0`));
    const single = JSON.parse((await grads(['-', '--method=structured'], withKeys({ X0: b }))).stdout);
    dX.forEach((rows, k) => expectClose(rows.map((r) => r[1]), single.methods.structured.dX[k], 1e-12, `dX${k} column 1`));
  });

  it('reads -0 as a number like any other', async () => {
    const run = await grads(['-', '--method=dense'], edited(X0, '"X0":[-0,-0.5]'));
    expect(run.code).toBe(0);
    expect(Number.isFinite(JSON.parse(run.stdout).loss)).toBe(true);
  });
});
