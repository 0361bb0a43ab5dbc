// Gradients side by side: one entry per gradient named as in the lesson (dl/dX0, dl/dW1, ...), and
// the largest |difference| between two methods.
import { formatNumpy } from './numpyFormat';
import type { Gradients } from './types';

/** One gradient: its lesson name, its values row-major, and its shape as the original printed it. */
export interface GradientEntry {
  name: string;
  values: number[];
  /** [1, n] for dl/dX_k (a row), [rows, cols] for dl/dW_k, [n] for dl/dbeta_k (1-D, as the original's ravel). */
  shape: number[];
}

/**
 * Entries in the original's print order, generalised to K layers: dl/dX0, then dl/dX_K down to
 * dl/dX1, then dl/dW_k and dl/dbeta_k for k = 1..K.
 */
export function gradientEntries(g: Gradients): GradientEntry[] {
  const K = g.dX.length - 1;
  const dX = (k: number): GradientEntry => ({ name: `dl/dX${k}`, values: [...g.dX[k]], shape: [1, g.dX[k].length] });
  const entries = [dX(0)];
  for (let k = K; k >= 1; k--) entries.push(dX(k));
  for (let k = 1; k <= K; k++) {
    const W = g.dW[k - 1];
    entries.push({ name: `dl/dW${k}`, values: W.flat(), shape: [W.length, W[0]?.length ?? 0] });
    entries.push({ name: `dl/dbeta${k}`, values: [...g.dbeta[k - 1]], shape: [g.dbeta[k - 1].length] });
  }
  return entries;
}

/** The entry printed as NumPy printed it in the original (`[[..]]` for rows and matrices, `[..]` 1-D). */
export function formatGradientEntry(entry: GradientEntry): string {
  const [rows, cols] = entry.shape.length === 2 ? entry.shape : [1, entry.shape[0]];
  return formatNumpy(entry.values, rows, cols, entry.shape.length === 2 ? 2 : 1);
}

/** Per gradient, max |a - b| (NaN if either holds NaN); the shapes must agree. */
export function gradientDiffs(a: Gradients, b: Gradients): { name: string; maxAbsDiff: number }[] {
  const bEntries = new Map(gradientEntries(b).map((e) => [e.name, e]));
  return gradientEntries(a).map((entry) => {
    const other = bEntries.get(entry.name);
    const shape = (e: GradientEntry | undefined) => (e ? e.shape.join('x') : 'none');
    if (!other || shape(other) !== shape(entry)) {
      throw new Error(`maxAbsDiff: ${entry.name} has shape ${shape(entry)} in the first and ${shape(other)} in the second`);
    }
    let max = 0;
    entry.values.forEach((v, i) => {
      const d = Math.abs(v - other.values[i]);
      max = Number.isNaN(d) || Number.isNaN(max) ? NaN : Math.max(max, d);
    });
    return { name: entry.name, maxAbsDiff: max };
  });
}

/** The largest |difference| over every gradient of two methods (loss excluded). */
export function maxAbsDiff(a: Gradients, b: Gradients): number {
  return gradientDiffs(a, b).reduce((max, d) => (Number.isNaN(d.maxAbsDiff) || Number.isNaN(max) ? NaN : Math.max(max, d.maxAbsDiff)), 0);
}
