// Tests for print formatting: NumPy for matrices and float arrays, Python-like lists, JSON-ish objects.
import { describe, expect, it } from 'vitest';
import { la } from '../core/la';
import { formatNumber, formatPrintLine, formatValue, isTensorLike } from './format';

describe('formatValue', () => {
  it.each([
    ['text', 'text'],
    [0.1 + 0.2, '0.30000000000000004'],
    [-0, '-0'],
    [NaN, 'NaN'],
    [10n, '10n'],
    [true, 'true'],
    [null, 'null'],
    [undefined, 'undefined'],
    [[1, 'a', null, [2.5]], "[1, 'a', null, [2.5]]"],
    [{ a: 1, 'b-c': [true] }, "{ a: 1, 'b-c': [true] }"],
    [{}, '{}'],
    [new Map([['k', 1]]), "Map(1) {'k' => 1}"],
    [new Set([1, 2]), 'Set(2) {1, 2}'],
    [new Error('bad'), 'Error: bad'],
    [new Date(0), '1970-01-01T00:00:00.000Z'],
    [/a+/g, '/a+/g'],
  ])('formats case %#', (value, text) => expect(formatValue(value)).toBe(text));

  it('prints a Matrix and a Float64Array as NumPy prints them (the original notebook)', () => {
    expect(formatValue(la.array([[0.15861949, 0.10177702, 0.28699041]]))).toBe('[[0.15861949 0.10177702 0.28699041]]');
    expect(formatValue(Float64Array.from([-0.11896462, 0.01382496, 0.01368219]))).toBe('[-0.11896462  0.01382496  0.01368219]');
  });

  it('names functions and classes', () => {
    function sigma() {}
    class Layer {}
    expect([formatValue(sigma), formatValue(Layer), formatValue(() => 1)]).toEqual(['[Function sigma]', '[class Layer]', '[Function (anonymous)]']);
  });

  it('prefixes class instances with their class', () => {
    class Point {
      x = 1;
      y = 2;
    }
    expect(formatValue(new Point())).toBe('Point { x: 1, y: 2 }');
  });

  it('marks cycles, limits depth and long lists', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(formatValue(a)).toBe("{ name: 'a', self: [Circular] }");
    expect(formatValue([[[[[1]]]]])).toBe('[[[[[Array]]]]]');
    const long = formatValue(Array.from({ length: 150 }, () => 0));
    expect(long).toContain('... 50 more items');
    expect(long.match(/\b0\b/g)).toHaveLength(100);
  });

  it('spreads a long object over indented lines', () => {
    const text = formatValue({ widths: [2, 3, 1], activation: 'sigmoid', X0: [0.5, -0.5], note: 'x'.repeat(30) });
    expect(text).toBe(`{\n  widths: [2, 3, 1],\n  activation: 'sigmoid',\n  X0: [0.5, -0.5],\n  note: '${'x'.repeat(30)}'\n}`);
  });

  it('prints a tensor with its own toString', () => {
    const tensor = { shape: [2], dtype: 'float32', dataSync: () => [1, 2], arraySync: () => [1, 2], toString: () => 'Tensor\n    [1, 2]' };
    expect(formatValue(tensor)).toBe('Tensor\n    [1, 2]');
  });
});

describe('formatPrintLine', () => {
  it('joins values with spaces and ends the line, as Python print', () => {
    expect(formatPrintLine(['dl/dX2:', la.array([[1.46464132]])])).toBe('dl/dX2: [[1.46464132]]\n');
    expect(formatPrintLine([])).toBe('\n');
  });
});

describe('formatNumber', () => {
  it.each([
    [1, '1'],
    [1e21, '1e+21'],
    [-0, '-0'],
  ])('formats %d as %s', (x, text) => expect(formatNumber(x)).toBe(text));
});

describe('isTensorLike', () => {
  it.each([
    [{ shape: [1], dtype: 'float32', dataSync: () => [0] }, true],
    [{ shape: [1], dtype: 'float32' }, false],
    [[1, 2], false],
    [null, false],
  ])('%j -> %s', (value, expected) => expect(isTensorLike(value)).toBe(expected));
});
