// How numbers, matrices and table cells read on screen (plain text and TeX).
import type { TableCell } from '../kernel/protocol';

/**
 * `x` with `digits` significant digits, trailing zeros dropped; exponent form outside
 * [1e-4, 1e6) so tiny gradients (1e-9) and huge timings stay readable.
 */
export function formatNumber(x: number, digits = 6): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e-4 && abs < 1e6) return String(Number(x.toPrecision(digits)));
  const [mantissa, exponent] = x.toExponential(digits - 1).split('e');
  const trimmed = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
  return `${trimmed}e${exponent.replace('+', '')}`;
}

export function formatTableCell(cell: TableCell, digits = 6): string {
  if (cell === null) return '';
  return typeof cell === 'number' ? formatNumber(cell, digits) : cell;
}

/** A number as TeX: `1.5e-7` becomes `1.5 \times 10^{-7}`. */
export function texNumber(x: number, digits = 6): string {
  const text = formatNumber(x, digits);
  if (text === 'NaN') return '\\text{NaN}';
  if (text.endsWith('Infinity')) return text.startsWith('-') ? '-\\infty' : '\\infty';
  const [mantissa, exponent] = text.split('e');
  return exponent === undefined ? text : `${mantissa} \\times 10^{${exponent}}`;
}

/** A matrix as a TeX `bmatrix` (rows split by `\\`, entries by `&`). */
export function matrixToTex(rows: number[][], digits = 6): string {
  const body = rows.map((row) => row.map((x) => texNumber(x, digits)).join(' & ')).join(' \\\\ ');
  return `\\begin{bmatrix} ${body} \\end{bmatrix}`;
}
