// The page against a kernel that says anything (fast-check): the host never throws, and what reaches the page renders as text.
import fc from 'fast-check';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { HostToKernel, OutputMessage } from '../kernel/protocol';
import { WorkerHost, type KernelWorker } from '../kernel/workerHost';
import { OutputView } from './Outputs';
import { hostileStrings, hostileTex, unsafeMarkup } from './testing/hostile';

vi.mock('./richText', () => import('./richTextChunk'));

const kinds = ['text', 'matrix', 'latex', 'markdown', 'plot', 'table', 'network', 'progress', 'error', 'html', '__proto__'];
const hostile = fc.constantFrom(...hostileStrings, ...hostileTex);
const anyValue = fc.oneof(fc.anything({ maxDepth: 3 }), hostile, fc.array(fc.array(fc.oneof(fc.double(), hostile, fc.constant(null)), { maxLength: 3 }), { maxLength: 3 }));
const output = fc.record(
  {
    kind: fc.constantFrom(...kinds),
    text: anyValue,
    stream: fc.constantFrom('stdout', 'stderr', 'x'),
    rows: anyValue,
    columns: fc.oneof(fc.array(hostile, { maxLength: 3 }), anyValue),
    as: fc.constantFrom('table', 'latex', 'html'),
    tex: fc.oneof(hostile, anyValue),
    display: fc.oneof(fc.boolean(), anyValue),
    source: fc.oneof(hostile, anyValue),
    figure: fc.oneof(fc.record({ data: fc.array(fc.dictionary(fc.string(), anyValue), { maxLength: 2 }), layout: fc.dictionary(fc.string(), anyValue) }), anyValue),
    label: fc.oneof(hostile, anyValue),
    done: fc.oneof(fc.double(), anyValue),
    total: fc.oneof(fc.double(), anyValue),
    state: fc.constantFrom('running', 'done', 'cancelled', 'other'),
    name: fc.oneof(hostile, anyValue),
    message: fc.oneof(hostile, anyValue),
    spec: anyValue,
    dangerouslySetInnerHTML: fc.constant({ __html: hostileStrings[1] }),
  },
  { requiredKeys: ['kind'] },
);
const message = (runId: number) =>
  fc.oneof(
    fc.anything({ maxDepth: 4 }),
    fc.record({ type: fc.constantFrom('outputs'), runId: fc.oneof(fc.constant(runId), fc.integer()), messages: fc.array(fc.record({ output, displayId: fc.oneof(fc.string(), anyValue) }, { requiredKeys: ['output'] }), { maxLength: 4 }) }),
    fc.record({ type: fc.constantFrom('done', 'ready', 'kernel', 'lifeline', 'nope'), runId: fc.oneof(fc.constant(runId), anyValue), ok: anyValue, durationMs: anyValue, backend: anyValue, notes: anyValue, message: anyValue }),
  );

/** A worker that says whatever the test gives it, on the channel and on itself, once the page asked for run `runId`. */
function sayingWorker(say: (post: (data: unknown, onSelf: boolean) => void, runId: number) => void): () => KernelWorker {
  return () => {
    let port: MessagePort | undefined;
    const worker: KernelWorker = {
      onmessage: null,
      onerror: null,
      postMessage(init) {
        if (init.type !== 'init' || !init.port) return;
        port = init.port;
        port.onmessage = (event: MessageEvent<HostToKernel>) => {
          if (event.data.type !== 'run') return;
          const post = (data: unknown, onSelf: boolean): void => (onSelf ? worker.onmessage?.({ data } as MessageEvent<unknown>) : port?.postMessage(data));
          say(post, event.data.runId);
          port?.postMessage({ type: 'done', runId: event.data.runId, ok: true, durationMs: 1 });
        };
      },
      terminate: () => port?.close(),
    };
    return worker;
  };
}

describe('a kernel sending forged or malformed messages', () => {
  it('never makes the page throw, and everything that reaches a cell renders without markup that could run or load', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(message(1), fc.boolean()), { minLength: 1, maxLength: 8 }), async (said) => {
        const host = new WorkerHost({ createWorker: sayingWorker((post) => said.forEach(([data, onSelf]) => post(data, onSelf))), whenReleased: null });
        const shown: OutputMessage[] = [];
        const kernelSaid: string[] = [];
        host.onKernelMessage((m) => kernelSaid.push(m.text));
        const result = await host.run('cell', 'x', (m) => shown.push(m));
        host.dispose();
        expect(['ok', 'error']).toContain(result.status);
        const refusals = shown.filter((m) => m.output.kind === 'error' && m.output.name === 'KernelError');
        expect(refusals.length).toBeLessThanOrEqual(1);
        if (refusals.length === 1) expect(result.status).toBe('error');
        for (const m of shown) {
          const html = renderToStaticMarkup(<OutputView output={m.output} actions={{ cancel: () => undefined }} />);
          expect(unsafeMarkup(html)).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('turns the `{}` output that blanked the page into one error on the running cell', async () => {
    const host = new WorkerHost({ createWorker: sayingWorker((post, runId) => post({ type: 'outputs', runId, messages: [{ output: {} }] }, true)), whenReleased: null });
    const shown: OutputMessage[] = [];
    const result = await host.run('cell', 'x', (m) => shown.push(m));
    host.dispose();
    expect(result.status).toBe('error');
    expect(shown).toEqual([{ output: { kind: 'error', name: 'KernelError', message: expect.stringContaining('the page refused a message from the kernel') } }]);
  });
});
