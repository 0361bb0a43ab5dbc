// The scaling study's cases: one per method and size, the same network for every method, dense refused by its cost model.
import { beforeAll, describe, expect, it } from 'vitest';
import { sweep, type SweepRow } from '../../core/bench';
import { finiteDiffGradients } from '../../core/finiteDiff';
import { prepareTfjsNet, initTf, type Tf } from '../../core/tfjsGradients';
import { sweepCases, sweepMethodNames, tfjsMethodName } from './sweepCases';

let tf: Tf;
beforeAll(async () => {
  ({ tf } = await initTf('cpu'));
});

/** dl/dbeta1 from a case's run: typed gradients, or tfjs's flat list [loss, dX0, dW1..dWK, dbeta1..dbetaK, dX1..dXK]. */
const flatGradient = (run: () => unknown): number[] => {
  const out = run() as { dbeta: ArrayLike<number>[] } | Float32Array[];
  if (!Array.isArray(out)) return Array.from(out.dbeta[0]);
  const K = (out.length - 2) / 3;
  return Array.from(out[2 + K]);
};

describe('sweepCases', () => {
  it('makes dense, structured and autograd cases per widths list, on the active backend', () => {
    const cases = sweepCases([[4, 4, 1], [8, 8, 1]], { tf });
    expect(cases.map((c) => `${c.name} ${c.widths.join('-')}`)).toEqual([
      `${sweepMethodNames.dense} 4-4-1`,
      `${sweepMethodNames.structured} 4-4-1`,
      `${tfjsMethodName('cpu')} 4-4-1`,
      `${sweepMethodNames.dense} 8-8-1`,
      `${sweepMethodNames.structured} 8-8-1`,
      `${tfjsMethodName('cpu')} 8-8-1`,
    ]);
    expect(sweepCases([[4, 4, 1]])).toHaveLength(2);
  });

  it('times the same network with every method: their dl/dbeta1 agree with each other', () => {
    const [dense, structured, autograd] = sweepCases([[5, 3, 2]], { tf }).map((c) => c.setup());
    const byDense = flatGradient(dense.run);
    expect(flatGradient(structured.run)).toEqual(byDense.map((x) => expect.closeTo(x, 12)));
    expect(flatGradient(autograd.run)).toEqual(byDense.map((x) => expect.closeTo(x, 5)));
    autograd.dispose?.();
    expect(tf.memory().numTensors).toBe(0);
  });

  it('estimates dense from the dense cases done, so the sweep refuses sizes whose estimate is too long', async () => {
    const cases = sweepCases([[8, 8, 1], [16, 16, 1], [256, 256, 1]]).filter((c) => c.name === sweepMethodNames.dense);
    expect(cases[0].estimateUs?.([])).toBeUndefined();
    const { rows } = await sweep(cases, { samples: 3, minSamples: 2, minBatchMs: 1, warmupMs: 0, budgetMs: 50, maxEstimateUs: 1e5 });
    const [, measured16, refused] = rows as [SweepRow, SweepRow, SweepRow];
    expect(measured16.result).not.toBeNull();
    expect(refused.result).toBeNull();
    expect(refused.skipped).toMatch(/^refused: estimated [\d.]+ (ms|s) per gradient \(limit 100 ms\)$/);
    expect(refused.estimateUs).toBeGreaterThan(1e5);
  });
});

describe('tfjs case', () => {
  it('computes the gradients of the network it was given (checked against finite differences)', () => {
    const spec = { widths: [2, 3, 1], activation: 'tanh' as const, X0: [0.3, -0.2], W: [[[0.1, 0.2], [0.3, -0.4], [0.5, 0.6]], [[0.7, -0.8, 0.9]]], beta: [[0.1, 0.2, 0.3], [1]] };
    const net = prepareTfjsNet(tf, spec);
    const g = net.gradients();
    net.dispose();
    expect(g.dbeta[1][0]).toBeCloseTo(finiteDiffGradients(spec).dbeta[1][0], 5);
  });
});
