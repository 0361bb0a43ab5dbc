// LaTeX from live values, the one number/matrix-to-TeX formatter of the app: where a
// derivation shows this network's own numbers: matrices cut to a readable size (dots mark what is left
// out), numbers to a few significant digits.
import { Matrix } from './matrix';

export interface TexMatrixOptions {
  /** Significant digits per entry. Default 4. */
  digits?: number;
  /** Rows and columns shown at most; longer ones keep their first and last entries around dots. Default 6. */
  maxShown?: number;
  /** Zeros in a faint grey: a Jacobian's structural zeros (diag, E_i) then stand back from its real entries. */
  faintZeros?: boolean;
}

/** The grey of faded zeros (contrast 4.6:1 on white; the page lightens it on dark backgrounds). */
export const faintZeroColor = '#6e7781';

/** `x` to `digits` significant digits, as TeX: trailing zeros dropped, `1.2 \times 10^{-5}` for tiny or huge. */
export function texNumber(x: number, digits = 4): string {
  if (Number.isNaN(x)) return '\\text{NaN}';
  if (!Number.isFinite(x)) return x > 0 ? '\\infty' : '-\\infty';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e-3 && abs < 1e5) return String(Number(x.toPrecision(digits)));
  const [mantissa, exponent] = x.toExponential(digits - 1).split('e');
  const trimmed = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
  const power = `10^{${Number(exponent)}}`;
  return trimmed === '1' ? power : trimmed === '-1' ? `-${power}` : `${trimmed} \\times ${power}`;
}

/** Which of n indices to show when at most `max` fit: all, or the first and last ones around a null (the dots). */
export function shownIndices(n: number, max: number): (number | null)[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const head = Math.ceil((max - 1) / 2);
  const tail = max - 1 - head;
  return [...Array.from({ length: head }, (_, i) => i), null, ...Array.from({ length: tail }, (_, i) => n - tail + i)];
}

/**
 * A matrix as a TeX `bmatrix`; beyond `maxShown` rows or columns, `\vdots`, `\cdots` and `\ddots`
 * stand for the entries left out, so a 512 x 512 Jacobian still reads as a matrix.
 */
export function texMatrix(M: Matrix | readonly (readonly number[])[], options: TexMatrixOptions = {}): string {
  const digits = options.digits ?? 4;
  const maxShown = Math.max(3, options.maxShown ?? 6);
  const rows = M instanceof Matrix ? M.rows : M.length;
  const cols = M instanceof Matrix ? M.cols : (M[0]?.length ?? 0);
  const at = (i: number, j: number): number => (M instanceof Matrix ? M.data[i * cols + j] : M[i][j]);
  const shownCols = shownIndices(cols, maxShown);
  const entry = (x: number): string => (options.faintZeros && x === 0 ? `{\\color{${faintZeroColor}}0}` : texNumber(x, digits));
  const body = shownIndices(rows, maxShown).map((i) =>
    shownCols.map((j) => (i === null ? (j === null ? '\\ddots' : '\\vdots') : j === null ? '\\cdots' : entry(at(i, j)))).join(' & '),
  );
  return `\\begin{bmatrix} ${body.join(' \\\\ ')} \\end{bmatrix}`;
}

/** A shape as the lesson writes it: `3 \times 2`. */
export const texShape = (M: Matrix): string => `${M.rows} \\times ${M.cols}`;
