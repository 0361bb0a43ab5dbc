// Run all with code nobody trusted yet: run everything, or ask first (trust it, or run only what comes before it).
import type { CellState } from '../cellState';

export type RunAllPlan =
  | { kind: 'run'; ids: string[] }
  /**
   * `untrusted`: the code cells waiting for trust; `before`: the trusted code cells above the first
   * of them, which cannot need anything it defines.
   */
  | { kind: 'ask'; untrusted: string[]; before: string[] };

/**
 * Every code cell in order, unless some wait for trust: then asking. Running the trusted ones past
 * the first untrusted cell would end in a cascade of "X is not defined" from the names it defines.
 */
export function runAllPlan(cells: readonly Pick<CellState, 'id' | 'type' | 'untrusted'>[]): RunAllPlan {
  const code = cells.filter((c) => c.type === 'code');
  const first = code.findIndex((c) => c.untrusted !== null);
  if (first < 0) return { kind: 'run', ids: code.map((c) => c.id) };
  return { kind: 'ask', untrusted: code.filter((c) => c.untrusted !== null).map((c) => c.id), before: code.slice(0, first).map((c) => c.id) };
}
