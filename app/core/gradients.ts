// One door to the manual gradient methods: dense (the original's Jacobians), structured, finite differences.
import { denseGradients } from './dense';
import { finiteDiffGradients } from './finiteDiff';
import { structuredGradients } from './structured';
import type { GradientMethod, Gradients, NetSpec } from './types';

/** The methods computed here; tfjs lives in tfjsGradients.ts (it needs the tf module passed in). */
export type ManualMethod = Exclude<GradientMethod, 'tfjs'>;

export const manualMethods: readonly ManualMethod[] = ['dense', 'structured', 'fd'];

/** Validates the spec (NetSpecError) and computes its gradients (LossUndefinedError where l is undefined). */
export function manualGradients(spec: NetSpec, method: ManualMethod): Gradients {
  switch (method) {
    case 'dense':
      return denseGradients(spec);
    case 'structured':
      return structuredGradients(spec);
    case 'fd':
      return finiteDiffGradients(spec);
    default: {
      const unknown: never = method;
      throw new Error(`manualGradients: method "${String(unknown)}" is unknown (known: ${manualMethods.join(', ')})`);
    }
  }
}
