// Tests the network's trip to the Worker in one buffer: order of the numbers, the round trip, and shapes that do not add up.
import { describe, expect, it } from 'vitest';
import { originalNet } from '../core/netspec';
import { randomNet } from '../core/randomNet';
import type { NetSpec } from '../core/types';
import { packNet, unpackNet } from './packedNet';

describe('packNet / unpackNet', () => {
  it('lays the numbers out as X0, then each layer W_k row by row and beta_k', () => {
    const spec: NetSpec = { widths: [1, 2, 1], activation: 'tanh', X0: [1], W: [[[2], [3]], [[6, 7]]], beta: [[4, 5], [8]] };
    const packed = packNet(spec);
    expect([...packed.values]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(packed.widths).toEqual([1, 2, 1]);
    expect(packed.activation).toBe('tanh');
  });

  it('gives back the same network, number for number (-0 included), for the original and random ones', () => {
    const withNegativeZero: NetSpec = { ...originalNet(), X0: [-0, 0.5] };
    for (const spec of [originalNet(), withNegativeZero, randomNet([3, 5, 4, 2], 'relu'), randomNet([16, 1], 'sigmoid')]) {
      const back = unpackNet(structuredClone(packNet(spec)));
      expect(back).toEqual(spec);
      expect(Object.is(back.X0[0], spec.X0[0])).toBe(true);
    }
  });

  it('moves the numbers without copying them: the sent buffer is the one the Worker gets', () => {
    const packed = packNet(randomNet([4, 4, 1], 'tanh'));
    const arrived = structuredClone(packed, { transfer: [packed.values.buffer] });
    expect(packed.values.length).toBe(0); // detached here
    expect(arrived.values.length).toBe(4 + 16 + 4 + 4 + 1);
  });

  it('carries a batch, its target, the loss and per-layer activations: X0 rows, layers, then Y', () => {
    const spec: NetSpec = { widths: [1, 1], activation: ['relu'], X0: [[1, 2]], W: [[[3]]], beta: [[4]], loss: 'bce', Y: [[0, 1]] };
    const packed = packNet(spec);
    expect([...packed.values]).toEqual([1, 2, 3, 4, 0, 1]);
    expect(unpackNet(structuredClone(packed))).toEqual(spec);
  });

  it('refuses numbers that do not fit the widths, saying how many', () => {
    expect(() => packNet({ ...originalNet(), X0: [1, 2, 3] })).toThrow(/holds 16 numbers, its widths 2,3,1 need 15/);
    expect(() => unpackNet({ widths: [2, 3, 1], activation: 'sigmoid', batch: 0, hasY: false, values: new Float64Array(14) })).toThrow(/14 numbers arrived for widths 2,3,1, which need 15/);
  });
});
