// Tests for seeded random networks: reproducible, valid, and with a defined loss for every activation.
import { describe, expect, it } from 'vitest';
import { activationNames } from './activations';
import { forward } from './forward';
import { validateNetSpec } from './netspec';
import { mulberry32, randomNet } from './randomNet';

describe('mulberry32', () => {
  it('is reproducible from its seed and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    // Roughly uniform: the mean of 1000 draws is within 5 standard errors (0.0913) of 1/2.
    expect(Math.abs(values.reduce((s, v) => s + v, 0) / 1000 - 0.5)).toBeLessThan(0.05);
    expect(mulberry32(43)()).not.toBe(mulberry32(42)());
  });
});

describe('randomNet', () => {
  it.each(activationNames)('%s: a valid network whose outputs have z_K in [0.5, 1), so the loss is defined', (name) => {
    for (const widths of [[1, 1], [3, 5, 2], [8, 2, 7, 4, 3]]) {
      const spec = randomNet(widths, name, mulberry32(widths.length));
      expect(validateNetSpec(spec)).toEqual(spec);
      const { z, loss } = forward(spec);
      expect(z[z.length - 1].every((v) => v >= 0.5 - 1e-12 && v < 1 + 1e-12)).toBe(true);
      expect(Number.isFinite(loss)).toBe(true);
    }
  });

  it('gives the same network for the same seed, another for another', () => {
    expect(randomNet([2, 3, 1], 'tanh', mulberry32(5))).toEqual(randomNet([2, 3, 1], 'tanh', mulberry32(5)));
    expect(randomNet([2, 3, 1], 'tanh', mulberry32(5))).not.toEqual(randomNet([2, 3, 1], 'tanh', mulberry32(6)));
  });

  it('scales W_k to variance 1/c_{k-1}, so wide layers do not saturate', () => {
    const W = randomNet([512, 4, 1], 'sigmoid').W[0].flat();
    const variance = W.reduce((s, w) => s + w * w, 0) / W.length;
    expect(variance).toBeGreaterThan(0.9 / 512);
    expect(variance).toBeLessThan(1.1 / 512);
  });
});
