// Rough cost guards for the cells that build Jacobians as matrices: on a network from the parameters
// panel (up to 4096 wide) they would run for minutes, so they say so and step aside instead.
import { formatUs } from './timing';

/**
 * Seconds per multiply-add of `la` code in a cell (allocation included), measured on the lesson's own
 * backprop at width 128 in Node (~4 ns); browsers on phones are slower, so this errs on the fast side
 * only a little. A guard, not a measurement: the timing cells measure.
 */
export const laSecondsPerOp = 4e-9;

/** How long a cell may take before it asks to be spared: Run all must stay a matter of seconds. */
export const cellBudgetSeconds = 3;

/** Multiplications of diag(f'(z_k)) times a c_k x c_{k-1} matrix, `times` times per layer, over the layers of `widths`. */
export function jacobianOpCount(widths: readonly number[], times = 1, layers: readonly number[] = widths.slice(1).map((_, i) => i + 1)): number {
  return layers.reduce((sum, k) => sum + times * widths[k] * widths[k] * widths[k - 1], 0);
}

/** null when `ops` multiplications fit in the budget; else a sentence saying what is skipped and why. */
export function tooSlow(ops: number, what: string): string | null {
  const seconds = ops * laSecondsPerOp;
  if (seconds <= cellBudgetSeconds) return null;
  return `${what}: skipped, it would take about ${formatUs(seconds * 1e6)} here (${ops.toExponential(1)} multiplications; the cost grows like n^4 for the original's method, n^3 per Jacobian).`;
}
