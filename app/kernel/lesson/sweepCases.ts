// The cases of the scaling study: each method on random networks of growing width (or depth), with
// the dense method refused where its fitted cost model says one gradient would take too long.
import { estimateDenseFromMeasured, type SweepCase, type SweepRow } from '../../core/bench';
import { denseGradientsPrepared } from '../../core/dense';
import { prepareNet } from '../../core/net';
import { mulberry32, randomNet } from '../../core/randomNet';
import { structuredGradientsPrepared } from '../../core/structured';
import { prepareTfjsNet, type Tf } from '../../core/tfjsGradients';
import type { ActivationName } from '../../core/types';

/** Short names: they label the plots' lines and bars, on phones too. VJP: vector-Jacobian product. */
export const sweepMethodNames = { dense: 'dense (Jacobians)', structured: 'structured (VJPs)' } as const;

/** The name of the tfjs method in sweeps and tables, with its backend. */
export const tfjsMethodName = (backend: string): string => `autograd (tfjs ${backend})`;

export interface SweepCasesOptions {
  activation?: ActivationName;
  /** Include autograd, on tf's active backend. */
  tf?: Tf;
}

/**
 * For every widths list (e.g. [n, n, 1]), one case per method, same random network (seeded by its
 * widths) for all of them. Network set-up (conversion, tensor upload) happens outside the timing.
 */
export function sweepCases(widthsList: readonly (readonly number[])[], options: SweepCasesOptions = {}): SweepCase[] {
  const activation = options.activation ?? 'sigmoid';
  const cases: SweepCase[] = [];
  for (const widths of widthsList) {
    const spec = () => randomNet([...widths], activation, mulberry32(widths.reduce((h, w) => h * 31 + w, 17)));
    cases.push({
      name: sweepMethodNames.dense,
      widths: [...widths],
      setup: () => {
        const net = prepareNet(spec());
        return { run: () => denseGradientsPrepared(net) };
      },
      estimateUs: (done: readonly SweepRow[]) => estimateDenseFromMeasured(widths, measuredDense(done)),
    });
    cases.push({
      name: sweepMethodNames.structured,
      widths: [...widths],
      setup: () => {
        const net = prepareNet(spec());
        return { run: () => structuredGradientsPrepared(net) };
      },
    });
    const tf = options.tf;
    if (tf) {
      cases.push({
        name: tfjsMethodName(tf.getBackend()),
        widths: [...widths],
        setup: () => {
          const net = prepareTfjsNet(tf, spec());
          return { run: () => net.gradientsFlat(), dispose: () => net.dispose() };
        },
      });
    }
  }
  return cases;
}

/** The dense cases timed so far, for the cost model that refuses the ones too large. */
const measuredDense = (done: readonly SweepRow[]): { widths: number[]; us: number }[] =>
  done.filter((r) => r.name === sweepMethodNames.dense && r.result).map((r) => ({ widths: r.widths, us: (r.result as NonNullable<SweepRow['result']>).medianUs }));
