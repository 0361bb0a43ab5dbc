// One cost model for every method: multiplications counted from what each method computes, and a
// time per multiplication. The parameters panel, the cells' guards and the benchmark's refusals all
// read it, so they cannot disagree about what is "too slow".
import type { GradientMethod } from './types';

/** The layers 1..K of these widths. */
const allLayers = (widths: readonly number[]): number[] => widths.slice(1).map((_, i) => i + 1);

/**
 * Multiplications of diag(f'(z_k)) times a c_k x c_{k-1} matrix (c_k^2 c_{k-1}: the dense product,
 * zeros included), `times` times per layer, over `layers` (default all): one Jacobian of the lesson.
 */
export function jacobianOpCount(widths: readonly number[], times = 1, layers: readonly number[] = allLayers(widths)): number {
  return layers.reduce((sum, k) => sum + times * widths[k] * widths[k] * widths[k - 1], 0);
}

/**
 * Floating-point multiplications of the dense (original) method for one sample, counted from the
 * matrices it forms per layer k (c = c_k, p = c_{k-1}): diag(f'(z)) W (c x c by c x p: c^2 p),
 * c row Jacobians diag(f'(z)) E_i (c x c by c x p each: c^3 p), each multiplied by dl/dX_k
 * (1 x c by c x p: c^2 p in all), dl/dX_{k-1} (c p) and dl/dbeta_k (c^2). The c^3 p term is
 * the lesson: width n costs ~n^4 per layer.
 */
export function denseOpCount(widths: readonly number[]): number {
  let ops = 0;
  for (let k = 1; k < widths.length; k++) {
    const c = widths[k];
    const p = widths[k - 1];
    ops += c ** 3 * p + 2 * c ** 2 * p + c * p + c ** 2;
  }
  return ops;
}

/** Multiplications of one forward pass of one sample: W_k X_{k-1} per layer. */
export function forwardOpCount(widths: readonly number[]): number {
  return allLayers(widths).reduce((sum, k) => sum + widths[k] * widths[k - 1], 0);
}

/** Numbers a network holds besides X0: every W_k and beta_k. */
export function parameterCount(widths: readonly number[]): number {
  let count = 0;
  for (let k = 1; k < widths.length; k++) count += widths[k] * widths[k - 1] + widths[k];
  return count;
}

/**
 * Multiplications per gradient of `method` for a batch of B samples: dense runs per sample;
 * structured is the forward pass and, per layer, dW = g X^T and dX = W^T g (3 c p per sample);
 * finite differences run two forward passes per parameter and per activation entry (an upper
 * bound: a pass restarts at the layer it perturbs). tfjs is counted as structured (same products).
 */
export function opCount(method: GradientMethod, widths: readonly number[], B = 1): number {
  switch (method) {
    case 'dense':
      return B * (forwardOpCount(widths) + denseOpCount(widths));
    case 'structured':
    case 'tfjs':
      return B * 3 * forwardOpCount(widths);
    case 'fd': {
      const entries = parameterCount(widths) + B * widths.reduce((a, b) => a + b, 0);
      return 2 * entries * B * forwardOpCount(widths);
    }
    default: {
      const unknown: never = method;
      throw new Error(`opCount: method "${String(unknown)}" is unknown`);
    }
  }
}

/**
 * Nanoseconds per multiplication: `typedArrays` for core's methods (measured in Node on this
 * project's machine at widths 64-96, 1.5-1.9 ns, rounded up: browsers are rarely faster); `la` for
 * the Matrix code of the cells, allocation included (~4 ns, the lesson's backprop at width 128).
 */
export const nsPerOp = { typedArrays: 2, la: 4 } as const;

/** Estimated microseconds per gradient of `method` (B samples), a guard rather than a measurement. */
export function estimateUs(method: GradientMethod, widths: readonly number[], B = 1, rate: keyof typeof nsPerOp = 'typedArrays'): number {
  return (opCount(method, widths, B) * nsPerOp[rate]) / 1e3;
}
