// Tests for display: each kind of output, values of known shapes, updates in place, progress and cancel tokens.
import { describe, expect, it } from 'vitest';
import seed from '../../reference/seed-values.json' with { type: 'json' };
import { la } from '../core/la';
import { originalNet } from '../core/netspec';
import { createDisplay, matrixRows, outputFor } from './display';
import type { OutputMessage } from './protocol';

function sink() {
  const messages: OutputMessage[] = [];
  const controllers = new Map<string, AbortController>();
  let n = 0;
  const { print, printError, display } = createDisplay({
    emit: (m) => messages.push(m),
    cancelToken: (c) => {
      const token = `t${++n}`;
      controllers.set(token, c);
      return token;
    },
    nextId: (prefix) => `${prefix}-${++n}`,
  });
  return { print, printError, display, messages, controllers };
}

describe('createDisplay', () => {
  it('prints to stdout and stderr', () => {
    const s = sink();
    s.print('x', 1);
    s.printError('bad');
    expect(s.messages).toEqual([
      { output: { kind: 'text', text: 'x 1\n', stream: 'stdout' } },
      { output: { kind: 'text', text: 'bad\n', stream: 'stderr' } },
    ]);
  });

  it.each([
    ['latex', (s: ReturnType<typeof sink>) => s.display.latex('\\beta_1'), { kind: 'latex', tex: '\\beta_1', display: true }],
    ['inline latex', (s: ReturnType<typeof sink>) => s.display.latex('x', { display: false }), { kind: 'latex', tex: 'x', display: false }],
    ['markdown', (s: ReturnType<typeof sink>) => s.display.markdown('**b**'), { kind: 'markdown', source: '**b**' }],
    ['plot', (s: ReturnType<typeof sink>) => s.display.plot({ data: [{ x: [1], y: [2] }] }), { kind: 'plot', figure: { data: [{ x: [1], y: [2] }] } }],
    [
      'table',
      (s: ReturnType<typeof sink>) => s.display.table(['a', 'b'], [[1, { x: 1 }], [undefined, 'y']], { caption: 'c', testid: 'gradient-comparison', rowOk: [true, null] }),
      { kind: 'table', columns: ['a', 'b'], rows: [[1, '{ x: 1 }'], [null, 'y']], caption: 'c', testid: 'gradient-comparison', rowOk: [true, null] },
    ],
    ['matrix of rows', (s: ReturnType<typeof sink>) => s.display.matrix([[1, 2]], { as: 'latex', label: 'A' }), { kind: 'matrix', rows: [[1, 2]], as: 'latex', label: 'A' }],
    ['Matrix', (s: ReturnType<typeof sink>) => s.display.matrix(la.vector([1, 2])), { kind: 'matrix', rows: [[1], [2]], as: 'table' }],
    ['network', (s: ReturnType<typeof sink>) => s.display.network(originalNet(), [[0.5, -0.5]]), { kind: 'network', spec: originalNet(), X: [[0.5, -0.5]] }],
  ])('shows a %s', (_, show, output) => {
    const s = sink();
    show(s);
    expect(s.messages).toEqual([{ output }]);
  });

  it.each([
    ['a plot without traces', (s: ReturnType<typeof sink>) => s.display.plot({ layout: {} } as never), 'expected a Plotly figure'],
    ['a plot holding a function', (s: ReturnType<typeof sink>) => s.display.plot({ data: [{ x: () => 1 }] }), 'cannot be sent to the page'],
    ['a short table row', (s: ReturnType<typeof sink>) => s.display.table(['a', 'b'], [[1]]), 'row 0 has 1 cells, expected 2'],
    ['a matrix of strings', (s: ReturnType<typeof sink>) => s.display.matrix(['a'] as never), 'expected a Matrix'],
    ['a bad network', (s: ReturnType<typeof sink>) => s.display.network({ ...originalNet(), X0: [1] }), 'X0'],
  ])('refuses %s with a message saying what is wrong', (_, show, message) => {
    const s = sink();
    expect(() => show(s)).toThrow(message);
    expect(s.messages).toEqual([]);
  });

  it('updates an output in place when given an id', () => {
    const s = sink();
    s.display('first', { id: 'status' });
    s.display('second', { id: 'status' });
    expect(s.messages.map((m) => m.displayId)).toEqual(['status', 'status']);
  });

  it('moves a progress bar, ends it, and cancels it through its token', () => {
    const s = sink();
    const bar = s.display.progress('sweep', 4, { cancellable: true });
    bar.update(1);
    bar.update(2, 8);
    const token = s.messages[0].output.kind === 'progress' ? s.messages[0].output.cancelToken : undefined;
    expect(s.controllers.has(token as string)).toBe(true);
    s.controllers.get(token as string)?.abort();
    expect(bar.cancelled).toBe(true);
    expect(bar.signal.aborted).toBe(true);
    bar.update(3);
    bar.done();
    const states = s.messages.map((m) => (m.output.kind === 'progress' ? `${m.output.done}/${m.output.total} ${m.output.state}` : ''));
    expect(states).toEqual(['0/4 running', '1/4 running', '2/8 running', '2/8 cancelled']);
    expect(new Set(s.messages.map((m) => m.displayId)).size).toBe(1);
  });

  it('gives a bar without cancellable no token', () => {
    const s = sink();
    s.display.progress('plain', 1).done();
    expect(s.messages.map((m) => m.output)).toEqual([
      { kind: 'progress', label: 'plain', done: 0, total: 1, state: 'running' },
      { kind: 'progress', label: 'plain', done: 1, total: 1, state: 'done' },
    ]);
  });
});

describe('outputFor', () => {
  it.each([
    ['a string as text', 'hello', { kind: 'text', text: 'hello' }],
    ['a number as text', 0.5, { kind: 'text', text: '0.5' }],
    ['a list as text', [1, 2], { kind: 'text', text: '[1, 2]' }],
    ['a Matrix as a matrix', la.array([[1, 2]]), { kind: 'matrix', rows: [[1, 2]], as: 'table' }],
    ['a network as a network', originalNet(), { kind: 'network', spec: originalNet() }],
    ['a figure as a plot', { data: [{ y: [1] }], layout: { title: 't' } }, { kind: 'plot', figure: { data: [{ y: [1] }], layout: { title: 't' } } }],
    ['an invalid network as text', { widths: [1], activation: 'x', X0: [], W: [], beta: [] }, { kind: 'text', text: "{ widths: [1], activation: 'x', X0: [], W: [], beta: [] }" }],
    ['a figure holding a function as text', { data: [{ f: Math.abs }] }, { kind: 'text', text: '{ data: [{ f: [Function abs] }] }' }],
  ])('shows %s', (_, value, output) => expect(outputFor(value)).toEqual(output));

  it('shows gradients as a table, each printed as NumPy printed the original', () => {
    const output = outputFor(seed.float64);
    expect(output.kind).toBe('table');
    if (output.kind !== 'table') return;
    expect(output.columns).toEqual(['gradient', 'value']);
    expect(output.rows.map((r) => r[0])).toEqual(['loss', 'dl/dX0', 'dl/dX1', 'dl/dX2', 'dl/dW1', 'dl/dW2', 'dl/dbeta1', 'dl/dbeta2']);
    const row = (name: string) => output.rows.find((r) => r[0] === name)?.[1];
    expect(row('dl/dX1')).toBe('[-0.47585847  0.0634478   0.15861949]');
    expect(row('dl/dW1')).toBe('[[-0.05948231  0.05948231]\n [ 0.00691248 -0.00691248]\n [ 0.0068411  -0.0068411 ]]');
    expect(row('dl/dbeta2')).toBe('[0.31723898]');
  });

  it('shows a benchmark result as a one-row table', () => {
    const result = { name: 'manual', medianUs: 1.234, minUs: 1, maxUs: 2, firstCallUs: 50, samples: 30, q1Us: 1, q3Us: 2, samplesUs: [], batchSize: 1, iterations: 30 };
    expect(outputFor(result)).toEqual({
      kind: 'table',
      columns: ['benchmark', 'median', 'min', 'max', 'first call', 'samples'],
      rows: [['manual', '1.23 us', '1.00 us', '2.00 us', '50.0 us', 30]],
    });
  });
});

describe('matrixRows', () => {
  it.each([
    ['a Matrix', la.array([[1, 2], [3, 4]]), [[1, 2], [3, 4]]],
    ['rows', [[1], [2]], [[1], [2]]],
    ['a flat list', [1, 2], [[1, 2]]],
    ['a typed array', Float64Array.from([3]), [[3]]],
    ['ragged rows', [[1], [2, 3]], null],
    ['strings', ['a'], null],
  ])('reads %s', (_, value, rows) => expect(matrixRows(value)).toEqual(rows));

  it('reads a rank-2 tensor by its shape', () => {
    const tensor = { shape: [2, 2], dtype: 'float32', dataSync: () => Float32Array.from([1, 2, 3, 4]), arraySync: () => [], toString: () => '' };
    expect(matrixRows(tensor)).toEqual([[1, 2], [3, 4]]);
  });
});
