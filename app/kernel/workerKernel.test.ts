// When the worker-side kernel loads tfjs: not while runs keep coming, at once for a cell that uses `tf`, and in the quiet after.
import { describe, expect, it } from 'vitest';
import { originalNet } from '../core/netspec';
import type { Tf, TfInit } from '../core/tfjsGradients';
import type { KernelToHost } from './protocol';
import { packNet } from './packedNet';
import { createWorkerKernel } from './workerKernel';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A worker-side kernel with a counting fake tfjs; `done(runId)` resolves when the kernel reports that run done. */
function kernelWithCountingTf(quietMs: number) {
  const sent: KernelToHost[] = [];
  let loads = 0;
  const loadTf = async (): Promise<TfInit> => {
    loads += 1;
    return { tf: { version: 'fake' } as unknown as Tf, backend: 'cpu', notes: [] };
  };
  const kernel = createWorkerKernel((m) => sent.push(m), loadTf, () => 0, quietMs);
  kernel.onMessage({ type: 'init', params: packNet(originalNet()) });
  const done = async (runId: number): Promise<void> => {
    while (!sent.some((m) => m.type === 'done' && m.runId === runId)) await sleep(2);
  };
  const run = (runId: number, code: string) => kernel.onMessage({ type: 'run', runId, cellId: `c${runId}`, code });
  return { sent, run, done, loads: () => loads, readies: () => sent.filter((m) => m.type === 'ready').length };
}

describe('createWorkerKernel', () => {
  it('does not load tfjs while runs follow one another, then loads it once in the quiet after them', async () => {
    const k = kernelWithCountingTf(60);
    for (let id = 1; id <= 4; id++) {
      k.run(id, `let x${id} = ${id}; x${id}`);
      await k.done(id); // the next run comes at once, as Run all sends it
    }
    expect(k.loads()).toBe(0);
    await sleep(150);
    expect(k.loads()).toBe(1);
    expect(k.readies()).toBe(1);
  });

  it('loads tfjs at once for a cell that uses tf, announcing ready before that cell is done', async () => {
    const k = kernelWithCountingTf(60_000);
    k.run(1, 'tf.version');
    await k.done(1);
    expect(k.loads()).toBe(1);
    const order = k.sent.map((m) => m.type).filter((t) => t === 'ready' || t === 'done');
    expect(order).toEqual(['ready', 'done']);
    expect(k.sent.find((m) => m.type === 'outputs')).toMatchObject({ messages: [{ output: { kind: 'text', text: 'fake' } }] });
  });

  it('with no run at all, loads tfjs once the quiet period has passed', async () => {
    const k = kernelWithCountingTf(30);
    expect(k.loads()).toBe(0);
    await sleep(120);
    expect(k.loads()).toBe(1);
    expect(k.readies()).toBe(1);
  });
});
