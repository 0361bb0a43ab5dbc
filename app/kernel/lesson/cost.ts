// Rough cost guards for the cells that build Jacobians as matrices: on a network from the parameters
// panel (up to 4096 wide) they would run for minutes, so they say so and step aside instead.
import { jacobianOpCount, nsPerOp } from '../../core/cost';
import { formatUs } from './timing';

/** Seconds per multiply-add of `la` code in a cell: the cost model's rate for Matrix code. */
export const laSecondsPerOp = nsPerOp.la * 1e-9;

/** How long a cell may take before it asks to be spared: Run all must stay a matter of seconds. */
export const cellBudgetSeconds = 3;

export { jacobianOpCount };

/** null when `ops` multiplications fit in the budget; else a sentence saying what is skipped and why. */
export function tooSlow(ops: number, what: string): string | null {
  const seconds = ops * laSecondsPerOp;
  if (seconds <= cellBudgetSeconds) return null;
  return `${what}: skipped, it would take about ${formatUs(seconds * 1e6)} here (${ops.toExponential(1)} multiplications; the cost grows like n^4 for the original's method, n^3 per Jacobian).`;
}
