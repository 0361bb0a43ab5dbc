// The cost guards of the Jacobian cells: multiplication counts from first principles, and when a cell steps aside.
import { describe, expect, it } from 'vitest';
import { cellBudgetSeconds, jacobianOpCount, laSecondsPerOp, tooSlow } from './cost';

describe('jacobianOpCount', () => {
  it('counts c_k * c_k * c_{k-1} per layer: diag (c_k x c_k) times a c_k x c_{k-1} matrix', () => {
    expect(jacobianOpCount([2, 3, 1])).toBe(3 * 3 * 2 + 1 * 1 * 3);
    expect(jacobianOpCount([2, 3, 1], 3, [1])).toBe(3 * 18);
    expect(jacobianOpCount([512, 512, 1], 1, [1])).toBe(512 ** 3);
  });
});

describe('tooSlow', () => {
  it('lets through what fits in the budget', () => {
    expect(tooSlow(cellBudgetSeconds / laSecondsPerOp, 'x')).toBeNull();
    expect(tooSlow(1e6, 'x')).toBeNull();
  });

  it('says what is skipped, how long it would take and how many multiplications', () => {
    expect(tooSlow(6.9e10, "The original's method")).toBe(
      "The original's method: skipped, it would take about 276 s here (6.9e+10 multiplications; the cost grows like n^4 for the original's method, n^3 per Jacobian).",
    );
  });
});
