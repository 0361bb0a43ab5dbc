// Tests for outputs as terminal text: every kind, tables aligned by column.
import { describe, expect, it } from 'vitest';
import { originalNet } from '../core/netspec';
import type { Output } from './protocol';
import { outputAsText, tableAsText } from './textOutput';

describe('outputAsText', () => {
  it.each<[string, Output, string]>([
    ['a print', { kind: 'text', text: 'x\n', stream: 'stdout' }, 'x\n'],
    ['a value', { kind: 'text', text: '42' }, '42\n'],
    ['a matrix, as NumPy prints it', { kind: 'matrix', rows: [[0.5, -2.5], [1.2, 0.1]], as: 'table' }, '[[ 0.5 -2.5]\n [ 1.2  0.1]]\n'],
    ['a labelled matrix', { kind: 'matrix', rows: [[1], [2]], as: 'latex', label: 'X0' }, 'X0 = [[1.]\n      [2.]]\n'],
    ['display latex', { kind: 'latex', tex: '\\beta', display: true }, '$$ \\beta $$\n'],
    ['inline latex', { kind: 'latex', tex: 'x', display: false }, '$x$\n'],
    ['markdown', { kind: 'markdown', source: '# T' }, '# T\n'],
    ['a plot with a title', { kind: 'plot', figure: { data: [], layout: { title: { text: 'slopes' } } } }, '[plot: slopes]\n'],
    ['a plot with a string title', { kind: 'plot', figure: { data: [], layout: { title: 'old style' } } }, '[plot: old style]\n'],
    ['an untitled plot', { kind: 'plot', figure: { data: [] } }, '[plot: untitled]\n'],
    ['a network', { kind: 'network', spec: originalNet() }, '[network: widths 2-3-1, sigmoid]\n'],
    ['a progress bar', { kind: 'progress', label: 'sweep', done: 3, total: 9, state: 'cancelled' }, '[sweep: 3/9 cancelled]\n'],
    [
      'an error with its place',
      { kind: 'error', name: 'TypeError', message: 'x is undefined', line: 4, column: 7, source: '  x.y' },
      'TypeError: x is undefined\n  at line 4, column 7: x.y\n',
    ],
    ['an error without a place', { kind: 'error', name: 'Uncaught', message: 'text' }, 'Uncaught: text\n'],
  ])('writes %s', (_, output, text) => expect(outputAsText(output)).toBe(text));

  it('writes a table under its caption with pass/fail marks', () => {
    const output: Output = { kind: 'table', columns: ['gradient', 'diff'], rows: [['dl/dX0', 1e-9], ['dl/dW1', 0.5]], caption: 'agreement', rowOk: [true, false] };
    expect(outputAsText(output)).toBe('agreement\ngradient  diff\n--------  ----  ----\ndl/dX0    1e-9  ok\ndl/dW1     0.5  FAIL\n');
  });
});

describe('tableAsText', () => {
  it('pads text left-aligned and numbers right-aligned, flattening multi-line entries', () => {
    expect(tableAsText(['name', 'n'], [['a', 1], ['long name', 100], ['m', null]])).toBe('name       n\n---------  ---\na          1\nlong name  100\nm\n');
    expect(tableAsText(['M'], [['[[1.]\n [2.]]']])).toBe('M\n-----------\n[[1.] [2.]]\n');
  });
});
