// Kernel semantics through the in-process host: shared scope, values, errors in the TypeScript, cancellation, interrupt.
import { describe, expect, it } from 'vitest';
import seed from '../../reference/seed-values.json' with { type: 'json' };
import { originalNet } from '../core/netspec';
import { NodeHost } from './nodeHost';
import type { KernelMessage, Output } from './protocol';
import { runCell } from './testing';

const errorOf = (outputs: Output[]): Extract<Output, { kind: 'error' }> => {
  const error = outputs.find((o) => o.kind === 'error');
  if (!error || error.kind !== 'error') throw new Error(`no error output among ${JSON.stringify(outputs)}`);
  return error;
};

describe('NodeHost', () => {
  it('shares top-level names across cells and re-runs a `const` cell', async () => {
    const host = new NodeHost();
    expect((await runCell(host, 'const x: number = 20;\nfunction double(n: number) { return 2 * n }')).status).toBe('ok');
    const second = await runCell(host, 'const y = double(x) + 2;\nprint(y)');
    expect(second.text).toBe('42\n');
    expect((await runCell(host, 'const x: number = 1;')).status).toBe('ok');
    expect((await runCell(host, 'print(double(x))')).text).toBe('2\n');
  });

  it('awaits at top level', async () => {
    const host = new NodeHost();
    const run = await runCell(host, 'const v = await new Promise<number>((r) => setTimeout(() => r(7), 5));\nprint(v * 6)');
    expect(run.text).toBe('42\n');
  });

  it.each([
    ['6 * 7', [{ kind: 'text', text: '42' }]],
    ['6 * 7;', []],
    ['undefined', []],
    ['print("x")', [{ kind: 'text', text: 'x\n', stream: 'stdout' }]],
    ['"a string"', [{ kind: 'text', text: 'a string' }]],
    ['Promise.resolve([1, 2])', [{ kind: 'text', text: '[1, 2]' }]],
    ['la.array([[1, 2]])', [{ kind: 'matrix', rows: [[1, 2]], as: 'table' }]],
  ])('shows the value of the last bare expression of %j', async (code, outputs) => {
    expect((await runCell(new NodeHost(), code)).outputs).toEqual(outputs);
  });

  it('names the line and column of a runtime error in the TypeScript, after annotations and blank lines', async () => {
    const code = [
      'interface Shape { rows: number; cols: number }',
      '',
      'type Pair = [number, number];',
      '',
      'const shape: Shape = { rows: 2, cols: 3 };',
      'const pair: Pair = [1, 2];',
      '',
      'const oops: any = undefined;',
      'print(shape.rows, pair[0]);',
      'const n: number = oops.length;',
    ].join('\n');
    const run = await runCell(new NodeHost(), code, '03-errors');
    expect(run.status).toBe('error');
    expect(run.text).toBe('2 1\n');
    const error = errorOf(run.outputs);
    expect(error.name).toBe('TypeError');
    expect(error.message).toContain("reading 'length'");
    expect(error.line).toBe(10);
    expect(error.source).toBe('const n: number = oops.length;');
    // V8 points at `.length` or at `length`, depending on the expression around it.
    const at = 'const n: number = oops.length;'.indexOf('.length') + 1;
    expect([at, at + 1]).toContain(error.column);
  });

  it('names the line of an error thrown inside a function, and of a compile error', async () => {
    const host = new NodeHost();
    const run = await runCell(host, 'function check(v: number): void {\n\n  if (v < 0) throw new RangeError(`negative: ${v}`);\n}\ncheck(1);\ncheck(-2);');
    expect(errorOf(run.outputs)).toMatchObject({ name: 'RangeError', message: 'negative: -2', line: 3 });
    const bad = await runCell(host, 'const a = 1;\nconst b: number = a +;\n');
    expect(errorOf(bad.outputs)).toMatchObject({ name: 'SyntaxError', line: 2, source: 'const b: number = a +;' });
  });

  it('tells which earlier cell an error came from', async () => {
    const host = new NodeHost();
    await runCell(host, '\nfunction fail() { throw new Error("from helper") }', '01-helpers');
    const run = await runCell(host, 'const before = 1;\nfail();', '02-use');
    expect(errorOf(run.outputs)).toMatchObject({ message: 'from helper (raised in cell 01-helpers, line 2)', line: 2 });
  });

  it('stays usable after an error, keeping the names set before it', async () => {
    const host = new NodeHost();
    const failed = await runCell(host, 'const kept = 5;\nthrow new Error("boom");\nconst never = 1;');
    expect(failed.status).toBe('error');
    const next = await runCell(host, 'print(kept, typeof never)');
    expect(next).toMatchObject({ status: 'ok', text: '5 undefined\n' });
  });

  it.each([
    ['throw "plain text"', { name: 'Uncaught', message: 'plain text' }],
    ['throw 42', { name: 'Uncaught', message: '42' }],
    ['throw { code: 7 }', { name: 'Uncaught', message: '{ code: 7 }' }],
  ])('reports a thrown non-Error: %s', async (code, expected) => {
    const run = await runCell(new NodeHost(), code);
    expect(run.status).toBe('error');
    expect(errorOf(run.outputs)).toEqual({ kind: 'error', ...expected });
  });

  it('reports runaway recursion as a RangeError with a hint and the line, and lives on', async () => {
    const host = new NodeHost();
    const run = await runCell(host, 'function down(n: number): number {\n  return down(n + 1) + 1;\n}\ndown(0)');
    const error = errorOf(run.outputs);
    expect(error.name).toBe('RangeError');
    expect(error.message).toMatch(/call stack.*stopping case/);
    expect(error.line).toBe(2);
    expect((await runCell(host, '1 + 1')).outputs).toEqual([{ kind: 'text', text: '2' }]);
  });

  it('turns an unhandled rejection during a run into that cell\'s error, and after it into a kernel message', async () => {
    const host = new NodeHost();
    const messages: KernelMessage[] = [];
    host.onKernelMessage((m) => messages.push(m));
    // The process listeners are off under the test runner: the cell calls what they would call.
    const scope = { report: (e: unknown) => host.reportUncaught(e, 'rejection') };
    Object.assign(globalThis, { __kernelTestHooks: scope });
    try {
      const during = await runCell(host, 'const hooks = (globalThis as any).__kernelTestHooks;\nhooks.report(new Error("lost"));\nprint("still ran")', '04-during');
      expect(during.status).toBe('error');
      expect(during.text).toBe('still ran\n');
      expect(errorOf(during.outputs).message).toBe('Unhandled promise rejection: lost');
      expect(messages).toEqual([]);
      host.reportUncaught(new Error('too late'), 'rejection');
      expect(messages).toEqual([
        { level: 'error', text: 'Unhandled promise rejection after cell 04-during finished: Error: too late', cellId: '04-during' },
      ]);
    } finally {
      delete (globalThis as { __kernelTestHooks?: unknown }).__kernelTestHooks;
    }
  });

  it('caps a run\'s text at the limit and says how much was dropped', async () => {
    const host = new NodeHost({ limits: { maxChars: 1000 } });
    const run = await runCell(host, 'for (let i = 0; i < 10_000; i++) print("0123456789")');
    expect(run.status).toBe('ok');
    const shown = run.outputs.filter((o) => o.kind === 'text' && o.stream === 'stdout').map((o) => (o.kind === 'text' ? o.text : ''));
    expect(shown.join('')).toBe('0123456789\n'.repeat(1000).slice(0, 1000));
    const note = run.outputs.at(-1);
    expect(note).toMatchObject({ kind: 'text', stream: 'stderr', truncatedChars: 110_000 - 1000 });
    expect(note?.kind === 'text' && note.text).toContain('109,000 characters');
  });

  it('keeps 10 MB of printing to about 1 MB, in few messages', async () => {
    const host = new NodeHost();
    const run = await runCell(host, 'const line = "x".repeat(999);\nfor (let i = 0; i < 10_000; i++) print(line)');
    const chars = run.outputs.reduce((n, o) => n + (o.kind === 'text' && o.stream === 'stdout' ? o.text.length : 0), 0);
    expect(chars).toBe(1_000_000);
    expect(run.messages.length).toBeLessThan(50);
  });

  it('prints a Matrix exactly as NumPy printed the original gradients', async () => {
    const host = new NodeHost();
    const code = `const g = ${JSON.stringify(seed.float64)};\nprint('dl/dW1:', la.array(g.dW[0]));\nprint('dl/dbeta1:', Float64Array.from(g.dbeta[0]));\nprint('dl/dX0: ', la.row(g.dX[0]))`;
    const run = await runCell(host, code);
    // The original notebook's output, verbatim.
    expect(run.text).toBe(
      'dl/dW1: [[-0.05948231  0.05948231]\n [ 0.00691248 -0.00691248]\n [ 0.0068411  -0.0068411 ]]\n' +
        'dl/dbeta1: [-0.11896462  0.01382496  0.01368219]\n' +
        'dl/dX0:  [[-0.05246989  0.28237541]]\n',
    );
  });

  it('erases interfaces and type aliases', async () => {
    const run = await runCell(new NodeHost(), 'interface Layer { n: number }\ntype Layers = Layer[];\nconst ls: Layers = [{ n: 2 }, { n: 3 }];\nls.map((l) => l.n).join("-")');
    expect(run.outputs).toEqual([{ kind: 'text', text: '2-3' }]);
  });

  it('gives each run a fresh copy of the network from setParams', async () => {
    const host = new NodeHost();
    await runCell(host, 'params.X0[0] = 99;');
    expect((await runCell(host, 'params.X0[0]')).outputs).toEqual([{ kind: 'text', text: '0.5' }]);
    host.setParams({ ...originalNet(), X0: [1, 2] });
    expect((await runCell(host, 'params.X0')).outputs).toEqual([{ kind: 'text', text: '[1, 2]' }]);
  });

  it('gives cells a generalised network whole: batch, loss, target and per-layer activations', async () => {
    const host = new NodeHost();
    host.setParams({ ...originalNet(), activation: ['tanh', 'sigmoid'], X0: [[0.5, 1], [-0.5, 0]], loss: 'mse', Y: [[1, 0]] });
    const run = await runCell(host, 'JSON.stringify([params.activation, params.X0, params.loss, params.Y])');
    expect(run.outputs).toEqual([{ kind: 'text', text: '[["tanh","sigmoid"],[[0.5,1],[-0.5,0]],"mse",[[1,0]]]' }]);
  });

  it('shows a changed network to functions of earlier cells, in cells that do not name `params`', async () => {
    const host = new NodeHost();
    await runCell(host, 'function firstInput() { return params.X0[0] }');
    host.setParams({ ...originalNet(), X0: [7, 8] });
    expect((await runCell(host, 'firstInput()')).outputs).toEqual([{ kind: 'text', text: '7' }]);
  });

  it('routes console.log and console.error to the cell', async () => {
    const run = await runCell(new NodeHost(), 'console.log("out", 1); console.error("err")');
    expect(run.outputs).toEqual([
      { kind: 'text', text: 'out 1\n', stream: 'stdout' },
      { kind: 'text', text: 'err\n', stream: 'stderr' },
    ]);
  });

  it('cancels a long task through the token its progress output carries', async () => {
    const host = new NodeHost();
    const code = [
      'const bar = display.progress("long task", 1000, { cancellable: true });',
      'for (let i = 0; i < 1000; i++) {',
      '  if (bar.cancelled) throw new DOMException("stopped at " + i, "AbortError");',
      '  bar.update(i);',
      '  await new Promise((r) => setTimeout(r, 2));',
      '}',
    ].join('\n');
    let cancelled = false;
    const result = await host.run('05-long', code, (m) => {
      if (m.output.kind === 'progress' && m.output.cancelToken && m.output.done >= 3 && !cancelled) {
        cancelled = true;
        host.cancel(m.output.cancelToken);
      }
    });
    expect(cancelled).toBe(true);
    expect(result.status).toBe('cancelled');
  });

  it('stops bench when its progress bar is cancelled', async () => {
    const host = new NodeHost();
    const seen: Output[] = [];
    const result = await host.run('06-bench', 'await bench(() => { const t = Date.now(); while (Date.now() - t < 1) {} }, { name: "slow", budgetMs: 60_000, samples: 1000 })', (m) => {
      seen.push(m.output);
      if (m.output.kind === 'progress' && m.output.cancelToken) host.cancel(m.output.cancelToken);
    });
    expect(result.status).toBe('cancelled');
    expect(seen.at(-1)).toMatchObject({ kind: 'text', stream: 'stderr' });
    expect(seen.some((o) => o.kind === 'progress' && o.state === 'cancelled')).toBe(true);
  });

  it('ends the running and queued runs as interrupted and starts an empty kernel', async () => {
    const host = new NodeHost();
    await runCell(host, 'const before = 1;');
    const slow = host.run('slow', 'await new Promise((r) => setTimeout(r, 200));', () => undefined);
    const queued = host.run('queued', 'print("never")', () => undefined);
    await host.interrupt();
    expect((await slow).status).toBe('interrupted');
    expect((await queued).status).toBe('interrupted');
    const after = await runCell(host, 'typeof before');
    expect(after.outputs).toEqual([{ kind: 'text', text: 'undefined' }]);
  });

  it('runs cells one at a time, in the order they were asked for', async () => {
    const host = new NodeHost();
    const order: string[] = [];
    const first = host.run('a', 'await new Promise((r) => setTimeout(r, 30));\nprint("a")', (m) => order.push(m.output.kind === 'text' ? m.output.text : ''));
    const second = host.run('b', 'print("b")', (m) => order.push(m.output.kind === 'text' ? m.output.text : ''));
    await Promise.all([first, second]);
    expect(order).toEqual(['a\n', 'b\n']);
  });

  it('loads tf for a cell that uses it, and reports the backend', async () => {
    const host = new NodeHost();
    const run = await runCell(host, 'tf.tensor1d([1, 2, 3]).sum().dataSync()[0]');
    expect(run.outputs).toEqual([{ kind: 'text', text: '6' }]);
    expect((await host.ready()).backend).toBe('cpu');
  });
});
