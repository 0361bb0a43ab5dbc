// Tests of number, table-cell and matrix formatting.
import { describe, expect, it } from 'vitest';
import { formatNumber, formatTableCell, matrixToTex } from './format';

describe('formatNumber', () => {
  it.each<[number, number, string]>([
    [0, 6, '0'],
    [1, 6, '1'],
    [-0.05246989, 6, '-0.0524699'],
    [1.46464132, 4, '1.465'],
    [0.31723898, 6, '0.317239'],
    [0.0001, 6, '0.0001'],
    [0.00001234, 6, '1.234e-5'],
    [1.5e-9, 6, '1.5e-9'],
    [2.5e7, 6, '2.5e7'],
    [123456, 6, '123456'],
    [1e6, 6, '1e6'],
    [NaN, 6, 'NaN'],
    [Infinity, 6, 'Infinity'],
    [-Infinity, 6, '-Infinity'],
  ])('%d with %i digits -> %s', (x, digits, text) => {
    expect(formatNumber(x, digits)).toBe(text);
  });
});

describe('formatTableCell', () => {
  it.each<[string | number | null, string]>([
    [null, ''],
    ['dl/dW1', 'dl/dW1'],
    [0.5, '0.5'],
  ])('%j -> %j', (cell, text) => {
    expect(formatTableCell(cell)).toBe(text);
  });
});

describe('matrixToTex', () => {
  it('writes rows split by \\\\ and entries by &', () => {
    expect(matrixToTex([[1, -2.5], [0.25, 3]])).toBe('\\begin{bmatrix} 1 & -2.5 \\\\ 0.25 & 3 \\end{bmatrix}');
  });

  it('shows every entry of a large matrix, and tiny numbers as powers of ten', () => {
    const rows = Array.from({ length: 9 }, (_, i) => Array.from({ length: 9 }, (_, j) => (i === 8 && j === 8 ? 1.5e-9 : i)));
    const tex = matrixToTex(rows);
    expect(tex.split(' \\\\ ')).toHaveLength(9);
    expect(tex).not.toContain('dots');
    expect(tex).toContain('1.5 \\times 10^{-9}');
  });
});
