// Seeded random networks for property tests and timing sweeps, with a loss that is always defined.
import { forwardLayers } from './forward';
import { prepareNet } from './net';
import { validateNetSpec } from './netspec';
import type { ActivationName, SampleNetSpec } from './types';

/** mulberry32: a tiny seeded generator of uniform numbers in [0, 1); the same seed, the same network. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random network: X0 and beta uniform in [-1, 1) and [-0.5, 0.5), W_k uniform with variance 1/c_{k-1}
 * (so z_k stays of order 1 at any width and sigmoid/tanh do not saturate). The last bias is then set so
 * that every z_K lies in [0.5, 1): every activation gives X_K > 0 and the loss sum log X_K is defined.
 */
export function randomNet(widths: number[], activation: ActivationName, rng: () => number = mulberry32(1)): SampleNetSpec {
  const uniform = (scale: number) => (2 * rng() - 1) * scale;
  const K = widths.length - 1;
  const draft: SampleNetSpec = {
    widths: [...widths],
    activation,
    X0: Array.from({ length: widths[0] }, () => uniform(1)),
    W: widths.slice(1).map((rows, idx) => {
      const scale = Math.sqrt(3 / widths[idx]);
      return Array.from({ length: rows }, () => Array.from({ length: widths[idx] }, () => uniform(scale)));
    }),
    beta: widths.slice(1).map((rows, idx) => Array.from({ length: rows }, () => (idx === K - 1 ? 0 : uniform(0.5)))),
  };
  const net = prepareNet(draft);
  forwardLayers(net);
  draft.beta[K - 1] = Array.from(net.z[K - 1], (zWithoutBias) => 0.5 + 0.5 * rng() - zWithoutBias);
  return validateNetSpec(draft);
}
