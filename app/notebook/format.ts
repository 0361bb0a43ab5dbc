// How numbers, matrices and table cells read on screen (plain text and TeX).
import { texMatrix } from '../core/tex';
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

/** A matrix output as a TeX `bmatrix`, every entry shown, by core's one TeX formatter (6 significant digits). */
export function matrixToTex(rows: number[][], digits = 6): string {
  return texMatrix(rows, { digits, maxShown: Infinity });
}
