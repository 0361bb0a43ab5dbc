// Tests for the NumPy print: the original notebook's printed lines, and NumPy's own output for edge cases.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import seed from '../../reference/seed-values.json' with { type: 'json' };
import { formatNumpy } from './numpyFormat';

/** The original's NumPy prints, `dl/dX0` -> `[[-0.05246989  0.28237541]]` (multi-line arrays joined). */
function originalPrints(): Map<string, string> {
  const notebook = readFileSync(new URL('../../reference/seed-notebook.txt', import.meta.url), 'utf8');
  const numpyPart = notebook.slice(0, notebook.indexOf('## Gradient computation with Pytorch'));
  const block = numpyPart.slice(numpyPart.indexOf('Time:  '));
  const prints = new Map<string, string>();
  for (const entry of block.split(/\n(?=dl\/d)/).slice(1)) {
    const match = /^(dl\/d\w+):\s+(\[[\s\S]*\])\s*$/.exec(entry);
    if (match) prints.set(match[1], match[2]);
  }
  return prints;
}

const f64 = seed.float64;
const K = f64.dX.length - 1;
/** How the original printed each gradient: dl/dX as 1 x n rows, dl/dW as matrices, dl/dbeta 1-D (ravel). */
const seedArrays: [name: string, values: number[], rows: number, cols: number, ndim: 1 | 2][] = [
  ...f64.dX.map((v, k): [string, number[], number, number, 1 | 2] => [`dl/dX${k}`, v, 1, v.length, 2]),
  ...f64.dW.map((w, k): [string, number[], number, number, 1 | 2] => [`dl/dW${k + 1}`, w.flat(), w.length, w[0].length, 2]),
  ...f64.dbeta.map((b, k): [string, number[], number, number, 1 | 2] => [`dl/dbeta${k + 1}`, b, 1, b.length, 1]),
];

describe('formatNumpy', () => {
  const prints = originalPrints();

  it('finds every gradient the original printed', () => {
    expect([...prints.keys()].sort()).toEqual(seedArrays.map(([name]) => name).sort());
    expect(K).toBe(2);
  });

  it.each(seedArrays)('prints %s exactly as the original did', (name, values, rows, cols, ndim) => {
    expect(formatNumpy(values, rows, cols, ndim)).toBe(prints.get(name));
  });

  // Expected strings: str(np.array(...)) from NumPy 2.4.
  it.each<[string, number[], number, number, 1 | 2, string]>([
    ['a whole number keeps its point', [1, 0.5], 1, 2, 1, '[1.  0.5]'],
    ['2-D rows', [1, 2, 3, 4], 2, 2, 2, '[[1. 2.]\n [3. 4.]]'],
    ['negative zero', [-0], 1, 1, 1, '[-0.]'],
    ['scientific for a small entry', [1e-5, 1], 1, 2, 1, '[1.e-05 1.e+00]'],
    ['scientific for a large entry', [123456789], 1, 1, 1, '[1.23456789e+08]'],
    ['nan widens the column', [NaN, 1], 1, 2, 1, '[nan  1.]'],
    ['infinities', [Infinity, -Infinity], 1, 2, 1, '[ inf -inf]'],
    ['ties round to even (exact 0.001953125)', [0.001953125], 1, 1, 1, '[0.00195312]'],
    ['rounds the exact binary value, not its shortest digits', [0.123456785], 1, 1, 1, '[0.12345678]'],
    ['ties to even in scientific notation', [1234567885], 1, 1, 1, '[1.23456788e+09]'],
    ['a carry that reaches the integer part', [0.999999995], 1, 1, 1, '[1.]'],
    ['three-digit exponents widen every exponent', [5e-324, 1], 1, 2, 1, '[5.e-324 1.e+000]'],
    [
      'wraps 1-D lines at 75 characters',
      Array.from({ length: 20 }, (_, i) => i),
      1,
      20,
      1,
      '[ 0.  1.  2.  3.  4.  5.  6.  7.  8.  9. 10. 11. 12. 13. 14. 15. 16. 17.\n 18. 19.]',
    ],
    [
      'wraps 2-D rows with a two-space indent',
      Array.from({ length: 40 }, (_, i) => i / 7),
      2,
      20,
      2,
      '[[0.         0.14285714 0.28571429 0.42857143 0.57142857 0.71428571\n' +
        '  0.85714286 1.         1.14285714 1.28571429 1.42857143 1.57142857\n' +
        '  1.71428571 1.85714286 2.         2.14285714 2.28571429 2.42857143\n' +
        '  2.57142857 2.71428571]\n' +
        ' [2.85714286 3.         3.14285714 3.28571429 3.42857143 3.57142857\n' +
        '  3.71428571 3.85714286 4.         4.14285714 4.28571429 4.42857143\n' +
        '  4.57142857 4.71428571 4.85714286 5.         5.14285714 5.28571429\n' +
        '  5.42857143 5.57142857]]',
    ],
    [
      'summarises long 1-D arrays, formatting only the edges',
      Array.from({ length: 2000 }, (_, i) => i),
      1,
      2000,
      1,
      '[0.000e+00 1.000e+00 2.000e+00 ... 1.997e+03 1.998e+03 1.999e+03]',
    ],
    [
      'summarises large 2-D arrays along both axes',
      new Array<number>(2500).fill(0),
      50,
      50,
      2,
      '[[0. 0. 0. ... 0. 0. 0.]\n [0. 0. 0. ... 0. 0. 0.]\n [0. 0. 0. ... 0. 0. 0.]\n ...\n' +
        ' [0. 0. 0. ... 0. 0. 0.]\n [0. 0. 0. ... 0. 0. 0.]\n [0. 0. 0. ... 0. 0. 0.]]',
    ],
  ])('as NumPy: %s', (_what, values, rows, cols, ndim, expected) => {
    expect(formatNumpy(values, rows, cols, ndim)).toBe(expected);
  });

  it('prints an empty array as []', () => {
    expect(formatNumpy([], 0, 3, 2)).toBe('[]');
  });

  it('honours a smaller precision', () => {
    expect(formatNumpy([1 / 3, -2 / 3], 1, 2, 1, { precision: 3 })).toBe('[ 0.333 -0.667]');
  });
});
