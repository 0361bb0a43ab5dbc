// The float64 matrix behind `la`: a row-major Float64Array with its shape, printed as NumPy prints.
import { formatNumpy } from './numpyFormat';

/** `(3x2)`: how shapes are written in every error message. */
export const shapeText = (rows: number, cols: number): string => `(${rows}x${cols})`;

const isSize = (n: number): boolean => Number.isInteger(n) && n >= 0;

/**
 * A rows x cols matrix of float64 numbers, stored row-major (`data[i * cols + j]` is entry (i, j)).
 * Operations in `la` return new matrices and never change their inputs; treat a Matrix as a value.
 */
export class Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;

  /** Wraps `data` (not copied) as a rows x cols matrix; without `data`, a matrix of zeros. */
  constructor(rows: number, cols: number, data?: Float64Array) {
    if (!isSize(rows) || !isSize(cols)) {
      throw new Error(`Matrix: shape (${rows}x${cols}) must be two non-negative integers`);
    }
    if (data && data.length !== rows * cols) {
      throw new Error(`Matrix: ${data.length} entries cannot fill shape ${shapeText(rows, cols)}`);
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data ?? new Float64Array(rows * cols);
  }

  /** [rows, cols], as NumPy's `.shape`. */
  get shape(): [number, number] {
    return [this.rows, this.cols];
  }

  /** rows * cols. */
  get size(): number {
    return this.data.length;
  }

  /** Entry (i, j), 0-based; an index outside the shape throws (NumPy would too). */
  get(i: number, j: number): number {
    if (!(Number.isInteger(i) && Number.isInteger(j) && i >= 0 && j >= 0 && i < this.rows && j < this.cols)) {
      throw new Error(`get: index (${i}, ${j}) is outside shape ${shapeText(this.rows, this.cols)}`);
    }
    return this.data[i * this.cols + j];
  }

  /** The transpose, as NumPy's `.T` (a new matrix). */
  get T(): Matrix {
    const { rows, cols, data } = this;
    const out = new Float64Array(data.length);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) out[j * rows + i] = data[i * cols + j];
    }
    return new Matrix(cols, rows, out);
  }

  /** Nested rows, as NumPy's `.tolist()`. */
  toArray(): number[][] {
    return Array.from({ length: this.rows }, (_, i) => Array.from(this.data.subarray(i * this.cols, (i + 1) * this.cols)));
  }

  /** As NumPy's print: `[[ 0.5 -2.5]\n [ 1.2  0.1]]`. */
  toString(): string {
    return formatNumpy(this.data, this.rows, this.cols, 2);
  }

  /** Node's console.log and REPL show the NumPy print too. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}
