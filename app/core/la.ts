// `la`: the small float64 matrix library code cells use directly, NumPy-like, errors naming both shapes.
//
// Everything is 2-D, as in the lesson (X0 is a 2x1 column, dl/dX a 1xn row). Constructors:
//   la.array([[1, 2], [3, 4]])   2-D from rows          la.array([1, 2, 3, 4], 2, 2)  flat + shape (row-major)
//   la.array([1, 2, 3])          1 x n (a flat array, or a Float64Array, reads as a row, like NumPy's 1-D
//                                arrays in broadcasting)
//   la.vector([1, 2])            n x 1 column           la.row([1, 2])  1 x n row
// Elementwise add/sub/mul/div/maximum/minimum take a matrix or a number on either side and broadcast as
// NumPy does: a dimension of 1 stretches to match (a column plus a row gives a table).
import { describeValue, kindOf } from './describe';
import { Matrix, shapeText } from './matrix';
import { formatNumpy, type FormatOptions } from './numpyFormat';

export type { Matrix };

type Operand = Matrix | number;
type VectorLike = Matrix | readonly number[];

const shapeOf = (A: Matrix): string => shapeText(A.rows, A.cols);

function expectMatrix(op: string, value: unknown, what = 'argument'): Matrix {
  if (value instanceof Matrix) return value;
  throw new Error(`${op}: ${what} must be a Matrix, got ${kindOf(value)} ${describeValue(value)}`);
}

function finiteEntry(op: string, value: unknown, where: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new Error(`${op}: entry ${where} is not a finite number (${describeValue(value)})`);
}

function fromFlat(op: string, values: readonly unknown[], rows: number, cols: number): Matrix {
  const data = new Float64Array(values.length);
  values.forEach((v, k) => (data[k] = finiteEntry(op, v, `[${k}]`)));
  if (rows * cols !== values.length || !Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new Error(`${op}: ${values.length} entries cannot fill shape ${shapeText(rows, cols)}`);
  }
  return new Matrix(rows, cols, data);
}

/**
 * A matrix from nested rows (`[[1, 2], [3, 4]]`), or from a flat array and a shape (row-major, as
 * NumPy's `np.array(v).reshape(rows, cols)`); a flat array without a shape is a 1 x n row.
 */
function array(values: readonly (readonly number[])[] | readonly number[] | Float64Array, rows?: number, cols?: number): Matrix {
  if (values instanceof Float64Array) values = Array.from(values);
  if (!Array.isArray(values)) throw new Error(`array: expected an array, got ${kindOf(values)} ${describeValue(values)}`);
  if (values.length > 0 && values.every((r) => Array.isArray(r))) {
    const nested = values as readonly (readonly unknown[])[];
    const width = nested[0].length;
    const data = new Float64Array(nested.length * width);
    nested.forEach((r, i) => {
      if (r.length !== width) throw new Error(`array: row ${i} has ${r.length} entries, expected ${width} (like row 0)`);
      r.forEach((v, j) => (data[i * width + j] = finiteEntry('array', v, `[${i}][${j}]`)));
    });
    const matrix = new Matrix(nested.length, width, data);
    return rows === undefined ? matrix : reshape(matrix, rows, cols ?? -1);
  }
  const flat = values as readonly unknown[];
  if (rows === undefined) return fromFlat('array', flat, 1, flat.length);
  return fromFlat('array', flat, rows, cols ?? flat.length / rows);
}

/** An n x 1 column vector (the lesson's X_k, beta_k). */
const vector = (values: readonly number[]): Matrix => fromFlat('vector', values, values.length, 1);

/** A 1 x n row vector (the lesson's dl/dX_k). */
const row = (values: readonly number[]): Matrix => fromFlat('row', values, 1, values.length);

/** rows x cols, every entry f(i, j) (as NumPy's fromfunction). */
function fromFunction(rows: number, cols: number, f: (i: number, j: number) => number): Matrix {
  const A = new Matrix(rows, cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) A.data[i * cols + j] = f(i, j);
  return A;
}

const zeros = (rows: number, cols: number): Matrix => new Matrix(rows, cols);
const full = (rows: number, cols: number, value: number): Matrix => new Matrix(rows, cols, new Float64Array(rows * cols).fill(value));
const ones = (rows: number, cols: number): Matrix => full(rows, cols, 1);
const eye = (n: number): Matrix => fromFunction(n, n, (i, j) => (i === j ? 1 : 0));

/** The entries of a vector given as a row, a column or a plain array. */
function vectorEntries(op: string, v: VectorLike): Float64Array {
  if (Array.isArray(v)) return fromFlat(op, v, 1, v.length).data;
  const A = expectMatrix(op, v);
  if (A.rows !== 1 && A.cols !== 1) throw new Error(`${op}: ${shapeOf(A)} is not a vector (one row or one column)`);
  return A.data;
}

/**
 * A vector (row, column or plain array) -> the square matrix with it on the diagonal (the lesson's
 * diag(f'(z_k))); any other matrix -> its diagonal as a column, as NumPy's np.diag does both ways.
 */
function diag(v: VectorLike): Matrix {
  if (v instanceof Matrix && v.rows !== 1 && v.cols !== 1) {
    return fromFunction(Math.min(v.rows, v.cols), 1, (i) => v.data[i * v.cols + i]);
  }
  const d = vectorEntries('diag', v);
  return fromFunction(d.length, d.length, (i, j) => (i === j ? d[i] : 0));
}

/** A B; throws `matmul: (3x2)·(3x1): inner sizes 2 and 3 differ` when they cannot multiply. */
function matmul(A: Matrix, B: Matrix): Matrix {
  expectMatrix('matmul', A, 'left argument');
  expectMatrix('matmul', B, 'right argument');
  if (A.cols !== B.rows) {
    throw new Error(`matmul: ${shapeOf(A)}·${shapeOf(B)}: inner sizes ${A.cols} and ${B.rows} differ`);
  }
  const { rows: m, cols: k } = A;
  const n = B.cols;
  const out = new Float64Array(m * n);
  const a = A.data;
  const b = B.data;
  // i-p-j order: the inner loop walks rows of B and out contiguously.
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p];
      for (let j = 0; j < n; j++) out[i * n + j] += aip * b[p * n + j];
    }
  }
  return new Matrix(m, n, out);
}

const transpose = (A: Matrix): Matrix => expectMatrix('transpose', A).T;

function asOperand(op: string, x: unknown): Matrix {
  if (typeof x === 'number') return new Matrix(1, 1, Float64Array.of(x));
  return expectMatrix(op, x, 'each argument');
}

/** NumPy broadcasting in 2-D: sizes equal, or one of them 1. */
function broadcastSize(op: string, A: Matrix, B: Matrix, a: number, b: number): number {
  if (a === b || b === 1) return a;
  if (a === 1) return b;
  throw new Error(`${op}: shapes ${shapeOf(A)} and ${shapeOf(B)} do not match`);
}

interface Elementwise {
  (a: Matrix, b: Operand): Matrix;
  (a: number, b: Matrix): Matrix;
}

function elementwise(op: string, f: (x: number, y: number) => number): Elementwise {
  return ((a: Operand, b: Operand): Matrix => {
    const A = asOperand(op, a);
    const B = asOperand(op, b);
    const rows = broadcastSize(op, A, B, A.rows, B.rows);
    const cols = broadcastSize(op, A, B, A.cols, B.cols);
    const out = new Matrix(rows, cols);
    for (let i = 0; i < rows; i++) {
      const ai = A.rows === 1 ? 0 : i * A.cols;
      const bi = B.rows === 1 ? 0 : i * B.cols;
      for (let j = 0; j < cols; j++) {
        out.data[i * cols + j] = f(A.data[ai + (A.cols === 1 ? 0 : j)], B.data[bi + (B.cols === 1 ? 0 : j)]);
      }
    }
    return out;
  }) as Elementwise;
}

/** f applied to every entry. */
function map(A: Matrix, f: (x: number, i: number, j: number) => number): Matrix {
  const { rows, cols, data } = expectMatrix('map', A);
  return fromFunction(rows, cols, (i, j) => f(data[i * cols + j], i, j));
}

const unary = (f: (x: number) => number) => (A: Matrix): Matrix => map(A, (x) => f(x));

/** u v^T for vectors of any orientation: len(u) x len(v). */
function outer(u: VectorLike, v: VectorLike): Matrix {
  const a = vectorEntries('outer', u);
  const b = vectorEntries('outer', v);
  return fromFunction(a.length, b.length, (i, j) => a[i] * b[j]);
}

/** The same entries, row-major, in a new shape; one size may be -1 (inferred), as in NumPy. */
function reshape(A: Matrix, rows: number, cols: number): Matrix {
  expectMatrix('reshape', A);
  const r = rows === -1 ? A.size / cols : rows;
  const c = cols === -1 ? A.size / rows : cols;
  if (!(Number.isInteger(r) && Number.isInteger(c) && r >= 0 && c >= 0 && r * c === A.size)) {
    throw new Error(`reshape: cannot reshape ${shapeOf(A)} (${A.size} entries) into ${shapeText(rows, cols)}`);
  }
  return new Matrix(r, c, A.data.slice());
}

/** All entries as one 1 x n row (NumPy's ravel gives 1-D; here a row, which prints the same inside [[ ]]). */
const ravel = (A: Matrix): Matrix => reshape(A, 1, -1);

/** The sum of all entries; with axis 0 the column sums (1 x cols), with axis 1 the row sums (rows x 1). */
function sum(A: Matrix): number;
function sum(A: Matrix, axis: 0 | 1): Matrix;
function sum(A: Matrix, axis?: 0 | 1): number | Matrix {
  const { rows, cols, data } = expectMatrix('sum', A);
  if (axis === undefined) return data.reduce((s, x) => s + x, 0);
  if (axis !== 0 && axis !== 1) throw new Error(`sum: axis must be 0 or 1, got ${describeValue(axis)}`);
  const out = axis === 0 ? new Matrix(1, cols) : new Matrix(rows, 1);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out.data[axis === 0 ? j : i] += data[i * cols + j];
  return out;
}

/** max |A - B| over all entries (shapes must be equal); NaN if any entry is NaN, so no mismatch hides. */
function maxAbsDiff(A: Matrix, B: Matrix): number {
  expectMatrix('maxAbsDiff', A);
  expectMatrix('maxAbsDiff', B);
  if (A.rows !== B.rows || A.cols !== B.cols) {
    throw new Error(`maxAbsDiff: shapes ${shapeOf(A)} and ${shapeOf(B)} do not match`);
  }
  let max = 0;
  for (let k = 0; k < A.size; k++) {
    const d = Math.abs(A.data[k] - B.data[k]);
    if (Number.isNaN(d)) return NaN;
    if (d > max) max = d;
  }
  return max;
}

/**
 * The NumPy print of a matrix (`[[..]\n [..]]`), or with `{ ndim: 1 }` of its entries as a 1-D array
 * (`[..]`); a plain array prints 1-D. Options: precision (8), linewidth (75), threshold, edgeitems.
 */
function format(A: Matrix | ArrayLike<number>, options: FormatOptions & { ndim?: 1 | 2 } = {}): string {
  if (A instanceof Matrix) return formatNumpy(A.data, A.rows, A.cols, options.ndim ?? 2, options);
  return formatNumpy(A, 1, A.length, options.ndim ?? 1, options);
}

export const la = {
  Matrix,
  isMatrix: (x: unknown): x is Matrix => x instanceof Matrix,
  array,
  vector,
  row,
  zeros,
  ones,
  full,
  eye,
  diag,
  fromFunction,
  matmul,
  transpose,
  add: elementwise('add', (x, y) => x + y),
  sub: elementwise('sub', (x, y) => x - y),
  mul: elementwise('mul', (x, y) => x * y),
  div: elementwise('div', (x, y) => x / y),
  maximum: elementwise('maximum', Math.max),
  minimum: elementwise('minimum', Math.min),
  map,
  log: unary(Math.log),
  exp: unary(Math.exp),
  tanh: unary(Math.tanh),
  abs: unary(Math.abs),
  sqrt: unary(Math.sqrt),
  outer,
  reshape,
  ravel,
  sum,
  maxAbsDiff,
  format,
};
