// The Worker host against the real worker-side kernel over a fake, message-cloning Worker: queue, interrupt, ready, failures.
import { describe, expect, it } from 'vitest';
import type { Tf, TfBackendName, TfInit } from '../core/tfjsGradients';
import type { HostToKernel, KernelToHost } from './protocol';
import { runCell } from './testing';
import { chooseTfBackend } from './tfBackend';
import { WorkerHost, type KernelWorker } from './workerHost';
import { createWorkerKernel, type WorkerKernel } from './workerKernel';

const fakeTf = (backend: string, notes: string[] = []): TfInit => ({ tf: {} as Tf, backend, notes });

/**
 * Workers that run the worker-side kernel in this process, as worker.ts does: the init comes on the
 * worker, with the port of the kernel's channel; everything after goes through that port.
 */
function fakeWorkers(loadTf: (requested?: TfBackendName) => Promise<TfInit> = async () => fakeTf('cpu')) {
  const made: { worker: KernelWorker; kernel: WorkerKernel; received: HostToKernel[]; alive: () => boolean; port: () => MessagePort | undefined }[] = [];
  const create = (): KernelWorker => {
    let alive = true;
    let port: MessagePort | undefined;
    const received: HostToKernel[] = [];
    const receive = (message: HostToKernel): void => {
      if (!alive) return;
      received.push(message);
      kernel.onMessage(message);
    };
    const worker: KernelWorker = {
      onmessage: null,
      onerror: null,
      postMessage(message) {
        if (message.type !== 'init' || !message.port) throw new Error('the page spoke on the worker after the init');
        const { port: channel, ...rest } = message;
        const copy = structuredClone(rest);
        port = channel;
        // As in worker.ts: the port is listened to once the init arrives (it holds what came before).
        setTimeout(() => {
          channel.onmessage = (event: MessageEvent<HostToKernel>) => receive(event.data);
          receive(copy);
        });
      },
      terminate() {
        alive = false;
        port?.close();
      },
    };
    const kernel = createWorkerKernel((message: KernelToHost) => {
      if (alive) port?.postMessage(message);
    }, loadTf);
    made.push({ worker, kernel, received, alive: () => alive, port: () => port });
    return worker;
  };
  return { create, made };
}

describe('WorkerHost', () => {
  it('runs cells in a worker with a shared scope and reports the backend when ready', async () => {
    const { create } = fakeWorkers(async () => fakeTf('cpu', ['WebGL unavailable: using cpu']));
    const host = new WorkerHost({ createWorker: create });
    const info = await host.ready();
    expect(info).toMatchObject({ backend: 'cpu', notes: ['WebGL unavailable: using cpu'] });
    expect(info.startMs).toBeGreaterThanOrEqual(0);
    await runCell(host, 'const a = [1, 2];');
    const run = await runCell(host, 'print(a.length); a');
    expect(run.status).toBe('ok');
    expect(run.outputs).toEqual([
      { kind: 'text', text: '2\n', stream: 'stdout' },
      { kind: 'text', text: '[1, 2]' },
    ]);
    host.dispose();
  });

  it('passes the forced backend and the network to the worker', async () => {
    let asked: TfBackendName | undefined;
    const { create, made } = fakeWorkers(async (requested) => {
      asked = requested;
      return fakeTf(requested ?? 'cpu');
    });
    const host = new WorkerHost({ createWorker: create, backend: 'wasm' });
    expect((await host.ready()).backend).toBe('wasm');
    expect(asked).toBe('wasm');
    host.setParams({ widths: [1, 1], activation: 'tanh', X0: [2], W: [[[1]]], beta: [[0]] });
    expect((await runCell(host, 'params.X0[0] * 21')).outputs).toEqual([{ kind: 'text', text: '42' }]);
    expect(made[0].received.map((m) => m.type)).toEqual(['init', 'params', 'run']);
    host.dispose();
  });

  it('sends a network the worker already has only once (a wide one takes a second to copy)', async () => {
    const { create, made } = fakeWorkers();
    const spec = { widths: [1, 1], activation: 'tanh' as const, X0: [2], W: [[[1]]], beta: [[0]] };
    const host = new WorkerHost({ createWorker: create, params: spec });
    host.setParams(spec);
    expect((await runCell(host, 'params.X0[0] * 21')).outputs).toEqual([{ kind: 'text', text: '42' }]);
    host.setParams({ ...spec, X0: [3] });
    expect((await runCell(host, 'params.X0[0] * 21')).outputs).toEqual([{ kind: 'text', text: '63' }]);
    expect(made[0].received.map((m) => m.type)).toEqual(['init', 'run', 'params', 'run']);
    host.dispose();
  });

  it('on interrupt ends the stuck run and the queued ones, and starts an empty worker', async () => {
    const { create, made } = fakeWorkers();
    const host = new WorkerHost({ createWorker: create });
    await runCell(host, 'const state = 1;');
    const stuck = host.run('stuck', 'await new Promise(() => {}); // never ends, as a while(true) would not', () => undefined);
    const queued = host.run('queued', 'print("never")', () => undefined);
    await new Promise((r) => setTimeout(r, 20));
    await host.interrupt();
    expect(await stuck).toMatchObject({ status: 'interrupted' });
    expect(await queued).toMatchObject({ status: 'interrupted' });
    expect(made.map((m) => m.alive())).toEqual([false, true]);
    expect(made[0].received.filter((m) => m.type === 'run')).toHaveLength(2); // 'queued' never reached the worker
    expect((await host.ready()).backend).toBe('cpu');
    expect((await runCell(host, 'typeof state')).outputs).toEqual([{ kind: 'text', text: 'undefined' }]);
    host.dispose();
  });

  it('forwards cancel tokens to the worker', async () => {
    const { create } = fakeWorkers();
    const host = new WorkerHost({ createWorker: create });
    const code = 'const bar = display.progress("wait", 100, { cancellable: true });\nwhile (!bar.cancelled) await new Promise((r) => setTimeout(r, 1));\nthrow new DOMException("stopped", "AbortError");';
    const result = await host.run('long', code, (m) => {
      if (m.output.kind === 'progress' && m.output.cancelToken && m.output.state === 'running') host.cancel(m.output.cancelToken);
    });
    expect(result.status).toBe('cancelled');
    host.dispose();
  });

  it('ends runs as errors and rejects ready when the worker cannot start', async () => {
    const broken = (): KernelWorker => {
      const worker: KernelWorker = {
        onmessage: null,
        onerror: null,
        postMessage: () => undefined,
        terminate: () => undefined,
      };
      setTimeout(() => worker.onerror?.({ message: 'SyntaxError in worker.js' } as ErrorEvent), 5);
      return worker;
    };
    const host = new WorkerHost({ createWorker: broken });
    const deaths: string[] = [];
    host.onDeath((why) => deaths.push(why));
    const run = await runCell(host, '1');
    expect(run.status).toBe('error');
    expect(run.outputs).toEqual([{ kind: 'error', name: 'KernelError', message: 'the kernel stopped: its worker failed: SyntaxError in worker.js' }]);
    await expect(host.ready()).rejects.toThrow('SyntaxError in worker.js');
    expect(deaths).toEqual(['its worker failed: SyntaxError in worker.js']);
    const again = await runCell(host, '2');
    expect(again).toMatchObject({
      status: 'error',
      outputs: [{ kind: 'error', name: 'KernelError', message: 'the kernel stopped: its worker failed: SyntaxError in worker.js. Press Restart kernel to start a new one.' }],
    });
  });

  it('notices a worker that ends unasked through its lifeline lock, ends its runs, and restarts', async () => {
    const { create, made } = fakeWorkers();
    // The lock of each worker comes free when the test says so (the worker ended).
    const locks = new Map<string, () => void>();
    const whenReleased = (name: string) => new Promise<void>((free) => locks.set(name, free));
    const host = new WorkerHost({ createWorker: create, whenReleased });
    const deaths: string[] = [];
    host.onDeath((why) => deaths.push(why));
    await host.ready();
    const lifeline = made[0].received[0].type === 'init' ? made[0].received[0].lifeline : undefined;
    expect(lifeline).toMatch(/^jacobian-notebook\/kernel-/);
    // What worker.ts says once it holds the lock:
    made[0].port()?.postMessage({ type: 'lifeline' } satisfies KernelToHost);
    await new Promise((r) => setTimeout(r, 5));
    const stuck = host.run('stuck', 'await new Promise(() => {});', () => undefined);
    const queued = runCell(host, 'print("never")', 'queued');
    await new Promise((r) => setTimeout(r, 20));
    locks.get(lifeline as string)?.();
    expect(await stuck).toMatchObject({ status: 'error' });
    expect(await queued).toMatchObject({ status: 'error', outputs: [{ kind: 'error', name: 'KernelError', message: expect.stringMatching(/^the kernel stopped: its worker stopped/) }] });
    expect(deaths).toHaveLength(1);
    expect(made[0].alive()).toBe(false);
    await host.restart();
    expect((await host.ready()).backend).toBe('cpu');
    expect((await runCell(host, '6 * 7')).outputs).toEqual([{ kind: 'text', text: '42' }]);
    // A worker the host ended itself (interrupt) frees its lock too: that is not a death.
    const second = made[1].received[0];
    made[1].port()?.postMessage({ type: 'lifeline' } satisfies KernelToHost);
    await new Promise((r) => setTimeout(r, 5));
    await host.interrupt();
    locks.get(second.type === 'init' ? (second.lifeline as string) : '')?.();
    await new Promise((r) => setTimeout(r, 5));
    expect(deaths).toHaveLength(1);
    expect((await runCell(host, '6 * 7')).status).toBe('ok');
    host.dispose();
  });

  it('a worker lost without an error event (its kernel frame stopped answering): the running and queued runs fail saying why, and a restart runs cells again', async () => {
    const { create, made } = fakeWorkers();
    const host = new WorkerHost({ createWorker: create, whenReleased: null });
    const deaths: string[] = [];
    host.onDeath((why) => deaths.push(why));
    await host.ready();
    const stuck = runCell(host, 'await new Promise(() => {});', 'stuck');
    const queued = runCell(host, 'print("never")', 'queued');
    await new Promise((r) => setTimeout(r, 20));
    made[0].worker.onlost?.('the browser ended it');
    const stopped = { kind: 'error', name: 'KernelError', message: 'the kernel stopped: the browser ended it' };
    expect(await stuck).toMatchObject({ status: 'error', outputs: [stopped] });
    expect(await queued).toMatchObject({ status: 'error', outputs: [stopped] });
    expect(deaths).toEqual(['the browser ended it']);
    expect(made[0].alive()).toBe(false);
    // A second word of the same loss, or a late one, is not a second death.
    made[0].worker.onlost?.('the browser ended it');
    expect(deaths).toHaveLength(1);
    await host.restart();
    expect((await runCell(host, '6 * 7')).outputs).toEqual([{ kind: 'text', text: '42' }]);
    made[0].worker.onlost?.('late');
    expect(deaths).toHaveLength(1);
    host.dispose();
  });

  it('refuses what a cell posts on the worker itself and malformed messages on the channel: the running cell says so once and ends in error', async () => {
    const { create, made } = fakeWorkers();
    const host = new WorkerHost({ createWorker: create });
    await host.ready();
    const running = runCell(host, 'await new Promise((r) => setTimeout(r, 40)); print("after")', 'forger');
    await new Promise((r) => setTimeout(r, 10));
    const started = made[0].received.find((m) => m.type === 'run');
    const runId = started?.type === 'run' ? started.runId : -1;
    expect(runId).toBeGreaterThan(0);
    // What `self.postMessage(...)` in a cell reaches: the worker's own message event.
    made[0].worker.onmessage?.({ data: { type: 'outputs', runId, messages: [{ output: { kind: 'text', text: 'forged' } }] } } as MessageEvent<unknown>);
    made[0].worker.onmessage?.({ data: { type: 'done', runId, ok: true, durationMs: 0 } } as MessageEvent<unknown>);
    // A message bent on its way (a cell patching the kernel's own objects): an output of no kind.
    made[0].port()?.postMessage({ type: 'outputs', runId, messages: [{ output: {} }] });
    const run = await running;
    expect(run.status).toBe('error');
    expect(run.text).toBe('after\n');
    const errors = run.outputs.filter((o) => o.kind === 'error');
    expect(errors).toEqual([{ kind: 'error', name: 'KernelError', message: expect.stringMatching(/^the page refused a message from the kernel \(it came through the worker itself/) }]);
    // The next run starts clean.
    expect(await runCell(host, '6 * 7')).toMatchObject({ status: 'ok', outputs: [{ kind: 'text', text: '42' }] });
    host.dispose();
  });

  it('refuses the end or outputs of a run that is not running, said once as a kernel message between runs', async () => {
    const { create, made } = fakeWorkers();
    const host = new WorkerHost({ createWorker: create });
    const seen: string[] = [];
    host.onKernelMessage((m) => seen.push(m.text));
    await runCell(host, '1', '01-first');
    made[0].port()?.postMessage({ type: 'done', runId: 99, ok: true, durationMs: 0 } satisfies KernelToHost);
    made[0].port()?.postMessage({ type: 'outputs', runId: 98, messages: [] } satisfies KernelToHost);
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual(['the page refused a message from the kernel (the end of run 99, which is not running); a cell may have sent it. It was dropped.']);
    host.dispose();
  });

  it('delivers kernel-level messages to listeners', async () => {
    const { create, made } = fakeWorkers();
    const host = new WorkerHost({ createWorker: create });
    const seen: string[] = [];
    host.onKernelMessage((m) => seen.push(m.text));
    await runCell(host, '1', '01-first');
    // What the worker's unhandledrejection listener does once the cell has finished:
    made[0].kernel.reportUncaught(new Error('late'), 'rejection');
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toEqual(['Unhandled promise rejection after cell 01-first finished: Error: late']);
    host.dispose();
  });
});

describe('chooseTfBackend', () => {
  it.each([
    [['webgl'], 'webgl', []],
    [['wasm'], 'wasm', ['WebGL unavailable: using wasm']],
    [[], 'cpu', ['WebGL unavailable: using cpu', 'WebAssembly unavailable (no wasm): using cpu']],
    [['no-webgl-context'], 'cpu', ['WebGL unavailable (no context): using cpu', 'WebAssembly unavailable (no wasm): using cpu']],
  ])('with %j working picks %s', async (working, backend, notes) => {
    const init = async (b: TfBackendName): Promise<TfInit> => {
      if (working.includes(b) || b === 'cpu') return fakeTf(b);
      if (b === 'wasm') throw new Error('no wasm');
      if (working.includes('no-webgl-context')) return fakeTf('cpu', [`tfjs backend "${b}" is unavailable (no context); using cpu`]);
      return fakeTf('cpu', [`tfjs backend "${b}" failed to initialise; using cpu`]);
    };
    const chosen = await chooseTfBackend(['webgl', 'wasm', 'cpu'], init);
    expect(chosen.backend).toBe(backend);
    expect(chosen.notes).toEqual(notes);
  });
});
