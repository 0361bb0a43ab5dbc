// Tests for `la` and Matrix: construction, shapes in errors, broadcasting, products, NumPy-like printing.
import { describe, expect, it } from 'vitest';
import { la } from './la';
import { Matrix } from './matrix';

const W1 = la.array([
  [0.5, -2.5],
  [1.2, 0.1],
  [-0.7, -1.2],
]);

describe('Matrix', () => {
  it('reads entries row-major and knows its shape', () => {
    expect(W1.shape).toEqual([3, 2]);
    expect(W1.get(2, 1)).toBe(-1.2);
    expect(Array.from(W1.data)).toEqual([0.5, -2.5, 1.2, 0.1, -0.7, -1.2]);
  });

  it('transposes with .T', () => {
    expect(W1.T.toArray()).toEqual([
      [0.5, 1.2, -0.7],
      [-2.5, 0.1, -1.2],
    ]);
  });

  it('prints as NumPy', () => {
    expect(String(W1)).toBe('[[ 0.5 -2.5]\n [ 1.2  0.1]\n [-0.7 -1.2]]');
  });

  it.each([
    [3, 0],
    [-1, 1],
    [0, 2],
  ])('names an index outside the shape: get(%i, %i)', (i, j) => {
    expect(() => W1.get(i, j)).toThrow(`get: index (${i}, ${j}) is outside shape (3x2)`);
  });

  it('refuses data that does not fill the shape', () => {
    expect(() => new Matrix(2, 2, new Float64Array(3))).toThrow('Matrix: 3 entries cannot fill shape (2x2)');
  });
});

describe('la.array', () => {
  it('reshapes a flat array row-major, as np.array(v).reshape(r, c)', () => {
    expect(la.array([0.5, -0.5], 2, 1).toArray()).toEqual([[0.5], [-0.5]]);
    expect(la.array([1, 2, 3, 4, 5, 6], 2).toArray()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('reads a flat array without a shape as a row', () => {
    expect(la.array([1, 2, 3]).shape).toEqual([1, 3]);
    expect(la.array(Float64Array.of(1, 2, 3, 4), 2, 2).toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it.each<[string, () => unknown, string]>([
    ['a string entry', () => la.array([[1, 2], [3, 'x' as unknown as number]]), 'array: entry [1][1] is not a finite number ("x")'],
    ['NaN', () => la.array([1, NaN]), 'array: entry [1] is not a finite number (NaN)'],
    ['Infinity', () => la.vector([Infinity]), 'vector: entry [0] is not a finite number (Infinity)'],
    ['null', () => la.row([null as unknown as number]), 'row: entry [0] is not a finite number (null)'],
    ['ragged rows', () => la.array([[1, 2], [3]]), 'array: row 1 has 1 entries, expected 2 (like row 0)'],
    ['a shape that does not fit', () => la.array([1, 2, 3], 2, 2), 'array: 3 entries cannot fill shape (2x2)'],
    ['not an array', () => la.array(5 as unknown as number[]), 'array: expected an array, got number 5'],
  ])('names the bad input: %s', (_what, make, message) => {
    expect(make).toThrow(message);
  });
});

describe('la.vector, la.row, la.zeros, la.ones, la.full, la.eye, la.fromFunction', () => {
  it('builds the shapes they name', () => {
    expect(la.vector([1, 2]).shape).toEqual([2, 1]);
    expect(la.row([1, 2]).shape).toEqual([1, 2]);
    expect(la.zeros(2, 3).toArray()).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(la.ones(1, 2).toArray()).toEqual([[1, 1]]);
    expect(la.full(1, 2, 7).toArray()).toEqual([[7, 7]]);
    expect(la.eye(2).toArray()).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(la.fromFunction(2, 2, (i, j) => 10 * i + j).toArray()).toEqual([
      [0, 1],
      [10, 11],
    ]);
  });
});

describe('la.matmul', () => {
  it('multiplies as worked out by hand: W1 X0 of the original', () => {
    // [0.5*0.5 + (-2.5)(-0.5), 1.2*0.5 + 0.1*(-0.5), -0.7*0.5 + (-1.2)(-0.5)] = [1.5, 0.55, 0.25]
    const z = la.matmul(W1, la.vector([0.5, -0.5]));
    expect(z.shape).toEqual([3, 1]);
    [1.5, 0.55, 0.25].forEach((expected, i) => expect(z.get(i, 0)).toBeCloseTo(expected, 15));
  });

  it('names both shapes and the inner sizes when they differ', () => {
    expect(() => la.matmul(W1, la.vector([1, 2, 3]))).toThrow('matmul: (3x2)·(3x1): inner sizes 2 and 3 differ');
  });

  it('names a non-matrix argument', () => {
    expect(() => la.matmul(W1, [1, 2] as unknown as Matrix)).toThrow('matmul: right argument must be a Matrix, got array [1,2]');
  });
});

describe('la.transpose', () => {
  it('is .T and an involution', () => {
    expect(la.transpose(W1).toArray()).toEqual(W1.T.toArray());
    expect(la.transpose(la.transpose(W1)).toArray()).toEqual(W1.toArray());
  });
});

describe.each([
  ['add', la.add, (x: number, y: number) => x + y],
  ['sub', la.sub, (x: number, y: number) => x - y],
  ['mul', la.mul, (x: number, y: number) => x * y],
  ['div', la.div, (x: number, y: number) => x / y],
  ['maximum', la.maximum, Math.max],
  ['minimum', la.minimum, Math.min],
])('la.%s', (name, op, scalar) => {
  const col = la.vector([1, 2, 3]);
  const row = la.row([10, 20]);

  it('works entry by entry on equal shapes', () => {
    expect(op(W1, W1).toArray()).toEqual(W1.toArray().map((r) => r.map((x) => scalar(x, x))));
  });

  it('takes a number on either side', () => {
    expect(op(W1, 2).toArray()).toEqual(W1.toArray().map((r) => r.map((x) => scalar(x, 2))));
    expect(op(2, W1).toArray()).toEqual(W1.toArray().map((r) => r.map((x) => scalar(2, x))));
  });

  it('broadcasts a column against a matrix, and a column against a row', () => {
    expect(op(W1, col).toArray()).toEqual(W1.toArray().map((r, i) => r.map((x) => scalar(x, i + 1))));
    expect(op(col, row).toArray()).toEqual([1, 2, 3].map((c) => [10, 20].map((r) => scalar(c, r))));
  });

  it('names both shapes when they do not broadcast', () => {
    expect(() => op(col, la.vector([1, 2]))).toThrow(`${name}: shapes (3x1) and (2x1) do not match`);
  });
});

describe('la.map, la.log, la.exp, la.tanh, la.abs, la.sqrt', () => {
  it('apply a function to every entry', () => {
    const A = la.row([1, 4]);
    expect(la.map(A, (x, i, j) => x + 10 * i + 100 * j).toArray()).toEqual([[1, 104]]);
    expect(la.sqrt(A).toArray()).toEqual([[1, 2]]);
    expect(la.abs(la.row([-3])).toArray()).toEqual([[3]]);
    expect(la.log(la.exp(A)).toArray()).toEqual([[1, 4]]);
    expect(la.tanh(la.row([0])).toArray()).toEqual([[0]]);
  });
});

describe('la.outer', () => {
  it('gives u v^T whatever the orientation of u and v', () => {
    const expected = [
      [3, 4],
      [6, 8],
    ];
    expect(la.outer(la.vector([1, 2]), la.row([3, 4])).toArray()).toEqual(expected);
    expect(la.outer([1, 2], la.vector([3, 4])).toArray()).toEqual(expected);
  });

  it('refuses a matrix that is not a vector', () => {
    expect(() => la.outer(W1, [1])).toThrow('outer: (3x2) is not a vector (one row or one column)');
  });
});

describe('la.diag', () => {
  it('puts a vector on the diagonal (row, column or plain array)', () => {
    const expected = [
      [2, 0],
      [0, 3],
    ];
    expect(la.diag(la.row([2, 3])).toArray()).toEqual(expected);
    expect(la.diag(la.vector([2, 3])).toArray()).toEqual(expected);
    expect(la.diag([2, 3]).toArray()).toEqual(expected);
  });

  it("takes a matrix's diagonal as a column", () => {
    expect(la.diag(W1).toArray()).toEqual([[0.5], [0.1]]);
  });

  it('times a matrix scales its rows (the lesson: diag(f\'(z)) W)', () => {
    expect(la.matmul(la.diag([2, 0, -1]), W1).toArray()).toEqual([
      [1, -5],
      [0, 0],
      [0.7, 1.2],
    ]);
  });
});

describe('la.reshape, la.ravel', () => {
  it('keep the row-major order, inferring a -1 size', () => {
    expect(la.reshape(W1, 2, -1).toArray()).toEqual([
      [0.5, -2.5, 1.2],
      [0.1, -0.7, -1.2],
    ]);
    expect(la.ravel(W1).toArray()).toEqual([[0.5, -2.5, 1.2, 0.1, -0.7, -1.2]]);
  });

  it('names the shapes when the sizes differ', () => {
    expect(() => la.reshape(W1, 4, 2)).toThrow('reshape: cannot reshape (3x2) (6 entries) into (4x2)');
  });
});

describe('la.sum', () => {
  const A = la.array([
    [1, 2],
    [3, 4],
  ]);
  it('sums everything, or along an axis keeping 2-D', () => {
    expect(la.sum(A)).toBe(10);
    expect(la.sum(A, 0).toArray()).toEqual([[4, 6]]);
    expect(la.sum(A, 1).toArray()).toEqual([[3], [7]]);
  });
});

describe('la.maxAbsDiff', () => {
  it('is the largest |difference|, and NaN when an entry is NaN', () => {
    expect(la.maxAbsDiff(la.row([1, 2]), la.row([1.5, -1]))).toBe(3);
    expect(la.maxAbsDiff(la.row([1, 2]), la.div(la.row([0, 2]), 0))).toBeNaN();
  });

  it('names both shapes when they differ', () => {
    expect(() => la.maxAbsDiff(la.row([1, 2]), la.vector([1, 2]))).toThrow('maxAbsDiff: shapes (1x2) and (2x1) do not match');
  });
});

describe('la.format', () => {
  it('prints matrices 2-D and plain arrays 1-D, as NumPy', () => {
    expect(la.format(la.row([0.15861949, 0.10177702]))).toBe('[[0.15861949 0.10177702]]');
    expect(la.format([-0.11896462, 0.01382496])).toBe('[-0.11896462  0.01382496]');
    expect(la.format(la.vector([1, 2]), { ndim: 1 })).toBe('[1. 2.]');
  });
});
