// Random generalised networks for property tests: a batch or one sample, per-layer activations, every loss.
import fc from 'fast-check';
import { activations } from '../activations';
import { lossNames, validateNetSpec } from '../netspec';
import { mulberry32 } from '../randomNet';
import type { ActivationName, LossName, NetSpec } from '../types';

const allActivations = Object.keys(activations) as ActivationName[];

export interface Shape {
  widths: number[];
  /** 0: one flat sample; else a batch of B. */
  batch: number;
  loss: LossName;
  perLayer: boolean;
  seed: number;
}

/**
 * A random network of this shape. log and bce need X_K in (0, 1) (or > 0): their output layer is
 * sigmoid. bce targets include exact 0 and 1 (each drops one log term).
 */
export function netOf({ widths, batch, loss, perLayer, seed }: Shape): NetSpec {
  const rng = mulberry32(seed);
  const uniform = (scale: number) => (2 * rng() - 1) * scale;
  const K = widths.length - 1;
  const names = widths.slice(1).map((_, idx): ActivationName => {
    if (idx === K - 1 && loss !== 'mse') return 'sigmoid';
    return allActivations[Math.floor(rng() * allActivations.length)];
  });
  const samples = (rows: number, value: () => number): number[] | number[][] =>
    batch === 0 ? Array.from({ length: rows }, value) : Array.from({ length: rows }, () => Array.from({ length: batch }, value));
  const target = loss === 'bce' ? () => [0, 1, rng()][Math.floor(rng() * 3)] : () => uniform(1);
  const spec: NetSpec = {
    widths,
    activation: perLayer ? names : names[K - 1],
    X0: samples(widths[0], () => uniform(1)),
    W: widths.slice(1).map((rows, idx) => Array.from({ length: rows }, () => Array.from({ length: widths[idx] }, () => uniform(Math.sqrt(3 / widths[idx]))))),
    beta: widths.slice(1).map((rows) => Array.from({ length: rows }, () => uniform(0.5))),
    loss,
  };
  if (loss !== 'log') spec.Y = samples(widths[K], target);
  return validateNetSpec(spec);
}

export const shapeArb: fc.Arbitrary<Shape> = fc.record({
  widths: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 4 }),
  batch: fc.integer({ min: 0, max: 8 }),
  loss: fc.constantFrom(...lossNames),
  perLayer: fc.boolean(),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});

