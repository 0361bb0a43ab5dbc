// Tests of the worker-side kernel's debugging handle (`__kernel.memory()` in the worker): what it reports the kernel holds.
import { describe, expect, it } from 'vitest';
import { initTf } from '../core/tfjsGradients';
import type { KernelToHost } from './protocol';
import { packNet } from './packedNet';
import { createWorkerKernel } from './workerKernel';

describe('createWorkerKernel: memory()', () => {
  it('memory(): null before init, then tfjs\'s live tensors, which a cell keeping a tensor raises by one and disposing brings back', async () => {
    const posted: KernelToHost[] = [];
    const kernel = createWorkerKernel((m) => posted.push(m), () => initTf('cpu'));
    await expect(kernel.memory()).resolves.toBeNull();
    kernel.onMessage({ type: 'init', params: packNet({ widths: [1, 1], activation: 'tanh', X0: [1], W: [[[1]]], beta: [[0]] }) });
    const ran = async (runId: number, code: string): Promise<void> => {
      kernel.onMessage({ type: 'run', runId, cellId: `c${runId}`, code });
      while (!posted.some((m) => m.type === 'done' && m.runId === runId)) await new Promise((r) => setTimeout(r, 5));
    };
    await ran(1, '1');
    await ran(2, 'tf.getBackend()'); // a cell that mentions tf has it loaded
    const before = await kernel.memory();
    expect(before).toMatchObject({ backend: 'cpu', numTensors: expect.any(Number) });
    await ran(3, 'const kept = tf.tensor([1, 2, 3]);');
    const after = await kernel.memory();
    expect(after?.numTensors).toBe((before?.numTensors ?? NaN) + 1);
    expect(after?.numBytes).toBe((before?.numBytes ?? NaN) + 3 * 4); // three float32s
    expect(after?.scopeNames).toBe((before?.scopeNames ?? NaN) + 1);
    await ran(4, 'kept.dispose();');
    expect((await kernel.memory())?.numTensors).toBe(before?.numTensors);
  });
});
