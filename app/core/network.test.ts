// Tests of Net's own parts: reshaping to new widths or batch size, telling the original kind apart, counts.
import { describe, expect, it } from 'vitest';
import { isSampleNet, Net, packedCount, reshapeNet, type FreshValue } from './network';
import { originalNet } from './netspec';
import type { NetSpec } from './types';

/** A marker per new place, so the test sees which values were kept and which were asked for. */
const fresh: FreshValue = (block, k, i, j) => -(1000 * ['X0', 'W', 'beta', 'Y'].indexOf(block) + 100 * k + 10 * i + j) - 1;

describe('reshapeNet', () => {
  it('keeps every value whose place still exists and asks for the new ones', () => {
    const grown = reshapeNet(originalNet(), [2, 4, 1], fresh);
    expect(grown.widths).toEqual([2, 4, 1]);
    expect(grown.W[0].slice(0, 3)).toEqual(originalNet().W[0]);
    expect(grown.W[0][3]).toEqual([fresh('W', 1, 3, 0), fresh('W', 1, 3, 1)]);
    expect(grown.W[1]).toEqual([[-1.5, 0.2, 0.5, fresh('W', 2, 0, 3)]]);
    expect(grown.beta).toEqual([[-1.5, -1.3, 2, fresh('beta', 1, 3, 0)], [1]]);
    expect(grown.X0).toEqual([0.5, -0.5]);
    expect(Net.validate(grown)).toEqual(grown);
  });

  it('turns one sample into a batch (the sample first) and follows the layers with per-layer activations and Y', () => {
    const spec: NetSpec = { ...originalNet(), activation: ['tanh', 'sigmoid'], loss: 'mse', Y: [0.25] };
    const batch = reshapeNet(spec, [2, 3, 1], fresh, 2);
    expect(batch.X0).toEqual([[0.5, fresh('X0', 0, 0, 1)], [-0.5, fresh('X0', 0, 1, 1)]]);
    expect(batch.Y).toEqual([[0.25, fresh('Y', 2, 0, 1)]]);
    const deeper = reshapeNet(spec, [2, 3, 2, 1], fresh);
    expect(deeper.activation).toEqual(['tanh', 'sigmoid', 'sigmoid']);
    expect(deeper.Y).toEqual([fresh('Y', 3, 0, 0)]);
    expect(reshapeNet(batch, [2, 3, 1], fresh, 0).X0).toEqual([0.5, -0.5]);
  });
});

describe('isSampleNet and packedCount', () => {
  it('tells the original kind from a batch, a list of activations or another loss', () => {
    expect(isSampleNet(originalNet())).toBe(true);
    expect(isSampleNet({ ...originalNet(), X0: [[0.5], [-0.5]] })).toBe(false);
    expect(isSampleNet({ ...originalNet(), activation: ['tanh', 'sigmoid'] })).toBe(false);
    expect(isSampleNet({ ...originalNet(), loss: 'mse', Y: [1] })).toBe(false);
    expect(isSampleNet({ ...originalNet(), loss: 'log' })).toBe(true);
  });

  it('counts X0 (and Y) per sample plus every W_k and beta_k', () => {
    // 2-3-1: X0 2, W 6 + 3, beta 3 + 1 = 15; a batch of 4 with Y: 8 + 13 + 4.
    expect(packedCount([2, 3, 1])).toBe(15);
    expect(packedCount([2, 3, 1], 4, true)).toBe(25);
  });
});
