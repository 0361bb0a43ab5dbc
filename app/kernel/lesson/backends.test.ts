// Switching tfjs backends in Node: wasm and back, an unavailable one reported, the original always restored.
import { beforeAll, describe, expect, it } from 'vitest';
import { initTf, type Tf } from '../../core/tfjsGradients';
import { offeredBackends, tfPrecision, withBackend } from './backends';

let tf: Tf;
beforeAll(async () => {
  ({ tf } = await initTf('cpu'));
});

describe('offeredBackends', () => {
  it('offers cpu and wasm in Node (no canvas, so no WebGL)', () => expect(offeredBackends()).toEqual(['cpu', 'wasm']));
});

describe('withBackend', () => {
  it('runs the work on wasm, then restores cpu', async () => {
    const seen = await withBackend(tf, 'wasm', 'w', async () => {
      // The backend really computes: a tensor made now lives on wasm.
      const sum = tf.tidy(() => tf.sum(tf.tensor1d([1, 2, 3])).dataSync()[0]);
      return { backend: tf.getBackend(), sum };
    });
    expect(seen).toEqual({ backend: 'wasm', sum: 6 });
    expect(tf.getBackend()).toBe('cpu');
  });

  it('reports a backend that cannot start as unavailable, still on cpu', async () => {
    const row = await withBackend(tf, 'webgl', 'autograd: tfjs webgl', async () => 'ran');
    expect(row).toMatchObject({ name: 'autograd: tfjs webgl' });
    expect(row).toHaveProperty('unavailable');
    expect(tf.getBackend()).toBe('cpu');
  });

  it('restores the original backend when the work throws', async () => {
    await expect(withBackend(tf, 'wasm', 'w', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(tf.getBackend()).toBe('cpu');
  });
});

describe('tfPrecision', () => {
  it('says cpu computes in float32', () => expect(tfPrecision(tf)).toEqual({ backend: 'cpu', float32: true }));
});
