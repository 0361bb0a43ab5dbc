// The closing summary's numbers: what this run of the lesson measured, in a few sentences.
import type { BenchResult } from '../../core/bench';
import type { ComparisonReport } from './agreement';
import { formatDiff } from './agreement';
import { formatUs, isUnavailable, originalTimes, type ScalingSeries, type TimingRow } from './timing';

export interface RecapInput {
  comparison?: Pick<ComparisonReport, 'ok' | 'backend' | 'autogradMaxDiff' | 'fdMaxDiff'>;
  timings?: readonly TimingRow[];
  scaling?: readonly ScalingSeries[];
}

/** Markdown bullets: agreement, time per gradient per method, growth exponents; a part without data is left out. */
export function recapMarkdown({ comparison, timings, scaling }: RecapInput): string {
  const lines: string[] = [];
  if (comparison) {
    const fd = comparison.fdMaxDiff === null ? '' : `, finite differences within ${formatDiff(comparison.fdMaxDiff)}`;
    lines.push(
      comparison.ok
        ? `- **Agreement:** manual and autograd (tfjs ${comparison.backend}) within ${formatDiff(comparison.autogradMaxDiff)} on every entry${fd}.`
        : `- **Agreement:** the methods did **not** agree for this network: see the comparison table.`,
    );
  }
  const timed = (timings ?? []).filter((r): r is BenchResult => !isUnavailable(r));
  if (timed.length > 0) {
    const parts = timed.map((r) => `${r.name} ${formatUs(r.medianUs)}`);
    const original = originalTimes.map((t) => formatUs(t.seconds * 1e6)).join(' and ');
    lines.push(`- **Time per gradient here (median):** ${parts.join('; ')}. The original notebook printed ${original} (NumPy and PyTorch, one cold run each).`);
  }
  const fitted = (scaling ?? []).filter((s) => s.slope !== null);
  if (fitted.length > 0) {
    const parts = fitted.map((s) => `${s.name} like n^${(s.slope as number).toFixed(1)} (fitted on n ≥ ${s.fitFrom})`);
    lines.push(`- **Growth with width n:** ${parts.join(', ')}.`);
  }
  return lines.length > 0 ? lines.join('\n') : 'Run the cells above first: this summary reads their results.';
}
