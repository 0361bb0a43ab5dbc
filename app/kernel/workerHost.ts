// The browser's KernelHost: the kernel in a Web Worker, replaced on interrupt so a runaway cell stops at once.
import { originalNet } from '../core/netspec';
import type { NetSpec } from '../core/types';
import { HostRuns, statusOf } from './hostRuns';
import { BadMessage, checkKernelMessage } from './messageCheck';
import { packNet } from './packedNet';
import type { HostToKernel, KernelHost, KernelMessage, KernelToHost, OutputMessage, RunResult, TfBackendName } from './protocol';

/** What the host needs of a Worker (a fake one in tests). */
export interface KernelWorker {
  postMessage(message: HostToKernel, transfer?: Transferable[]): void;
  terminate(): void;
  /** Messages posted on the worker itself (`self.postMessage`): never the kernel's, which use the init's port. */
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  /** The worker is gone without an error event, `why` says how (the kernel frame stopped answering); a plain Worker never calls it. */
  onlost?: ((why: string) => void) | null;
}

export interface WorkerHostOptions {
  params?: NetSpec;
  /** Force a tfjs backend (tests, `?backend=` links); default: wasm, else cpu (see browserBackendOrder). */
  backend?: TfBackendName;
  /** Makes the worker (browserWorker.ts in the page, a fake in tests). */
  createWorker: () => KernelWorker;
  /**
   * Resolves once the lock `name` is free, i.e. once the worker holding it has ended (see the
   * `lifeline` of the init message). Default: Web Locks; null where the browser has none (a worker
   * that ends silently is then noticed only through its `error` event).
   */
  whenReleased?: ((name: string) => Promise<void>) | null;
}

/** Web Locks, where the browser has them (secure contexts: https and localhost). */
const webLocks = (): ((name: string) => Promise<void>) | null => {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? (name) => locks.request(name, () => undefined) : null;
};

let lifelines = 0;
/** A lock name no other worker, tab or page load uses. */
const lifelineName = (): string => `jacobian-notebook/kernel-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${++lifelines}`;

const stoppedWhy = 'its worker stopped (a cell may have called close(), or the browser ended it, e.g. out of memory)';

type ReadyInfo = { backend: string; notes: string[]; startMs: number };

/**
 * Runs cells one at a time in a Worker. `interrupt` terminates the worker at once (a `while (true)`
 * cell included), resolves the running and queued runs as 'interrupted' and starts a fresh worker
 * (empty scope; the page says state was lost); `ready()` then reports the new worker's backend.
 * A worker that ends unasked (its `error` event, or its lifeline lock coming free) is reported
 * through `onDeath`; runs then fail with a message saying so until `restart()`.
 */
export class WorkerHost implements KernelHost {
  private worker!: KernelWorker;
  /** The page's end of the current worker's private channel. */
  private port: MessagePort | null = null;
  /** A refused message was already reported while no cell ran (reset when a run starts). */
  private refusedIdle = false;
  private readyInfo!: Promise<ReadyInfo>;
  private params: NetSpec | undefined;
  private readonly runs: HostRuns;
  private readonly listeners = new Set<(m: KernelMessage) => void>();
  private readonly deathListeners = new Set<(why: string) => void>();
  private readonly whenReleased: ((name: string) => Promise<void>) | null;
  private disposed = false;
  /** Why the current worker died, if it did. */
  private failure: string | null = null;

  constructor(private readonly options: WorkerHostOptions) {
    this.params = options.params;
    this.whenReleased = options.whenReleased === undefined ? webLocks() : options.whenReleased;
    this.runs = new HostRuns(({ runId, cellId, code }) => {
      this.refusedIdle = false;
      this.send({ type: 'run', runId, cellId, code });
    });
    this.spawn();
  }

  private spawn(): void {
    const worker = this.options.createWorker();
    this.worker = worker;
    let settle!: { resolve: (info: ReadyInfo) => void; reject: (error: Error) => void };
    this.readyInfo = new Promise<ReadyInfo>((resolve, reject) => (settle = { resolve, reject }));
    // A page that never asks for ready() must not see an unhandled rejection.
    this.readyInfo.catch(() => undefined);
    const lifeline = this.whenReleased ? lifelineName() : undefined;
    const died = (why: string): void => {
      if (worker !== this.worker || this.failure !== null || this.disposed) return;
      this.died(why);
      settle.reject(new Error(why));
    };
    const channel = new MessageChannel();
    this.closePort();
    this.port = channel.port1;
    channel.port1.onmessage = (event: MessageEvent<unknown>) => {
      if (worker !== this.worker) return;
      let message: KernelToHost;
      try {
        message = checkKernelMessage(event.data);
      } catch (error) {
        if (!(error instanceof BadMessage)) throw error;
        return this.refuse(error.message);
      }
      // The worker holds its lifeline now: the lock comes free when it ends, however it ends.
      if (message.type === 'lifeline' && lifeline && this.whenReleased) void this.whenReleased(lifeline).then(() => died(stoppedWhy));
      else if (message.type === 'closing') died(stoppedWhy);
      else this.handle(message, settle.resolve);
    };
    worker.onmessage = () => {
      if (worker === this.worker) this.refuse('it came through the worker itself, not the kernel\'s channel');
    };
    worker.onerror = (event) => died(`its worker failed: ${event.message || 'it could not start (see the browser console)'}`);
    worker.onlost = died;
    this.failure = null;
    const backend = this.options.backend;
    const params = packNet(this.params ?? originalNet());
    worker.postMessage({ type: 'init', params, port: channel.port2, ...(backend ? { backend } : {}), ...(lifeline ? { lifeline } : {}) }, [params.values.buffer, channel.port2]);
  }

  /** After the init, the page speaks to the kernel through its channel only. */
  private send(message: HostToKernel, transfer: Transferable[] = []): void {
    this.port?.postMessage(message, transfer);
  }

  private closePort(): void {
    if (this.port) this.port.onmessage = null;
    this.port?.close();
    this.port = null;
  }

  /**
   * A message that does not match the protocol (a cell may have forged it): dropped, and said once
   * as an error of the running cell (which then ends in error), or as a kernel message if none runs.
   */
  private refuse(why: string): void {
    const text = `the page refused a message from the kernel (${why}); a cell may have sent it. It was dropped.`;
    if (this.runs.refuse({ kind: 'error', name: 'KernelError', message: text })) return;
    if (this.refusedIdle) return;
    this.refusedIdle = true;
    for (const listener of this.listeners) listener({ level: 'error', text, ...(this.runs.lastCellId ? { cellId: this.runs.lastCellId } : {}) });
  }

  /** The worker ended unasked: listeners hear first (the page ends its cells), then the runs end as errors saying why. */
  private died(why: string): void {
    const message = `the kernel stopped: ${why}`;
    this.failure = `${message}. Press Restart kernel to start a new one.`;
    this.worker.terminate();
    this.closePort();
    for (const listener of this.deathListeners) listener(why);
    this.runs.endAll('error', { kind: 'error', name: 'KernelError', message });
  }

  private handle(message: KernelToHost, resolveReady: (info: ReadyInfo) => void): void {
    switch (message.type) {
      case 'ready':
        resolveReady({ backend: message.backend, notes: message.notes, startMs: message.startMs });
        return;
      case 'lifeline':
      case 'closing':
        return; // handled in onmessage, where the worker's own lock name is known
      case 'outputs':
        if (!this.runs.knows(message.runId)) return this.refuse(`outputs of run ${message.runId}, which is not running`);
        this.runs.deliver(message.runId, message.messages);
        return;
      case 'kernel':
        for (const listener of this.listeners) listener(message.message);
        return;
      case 'done':
        if (!this.runs.knows(message.runId, true)) return this.refuse(`the end of run ${message.runId}, which is not running`);
        this.runs.finish(message.runId, statusOf(message.ok, message.cancelled), message.durationMs);
        return;
      default: {
        const never: never = message;
        this.refuse(`unknown type ${JSON.stringify(never).slice(0, 80)}`);
      }
    }
  }

  ready(): Promise<ReadyInfo> {
    return this.readyInfo;
  }

  run(cellId: string, code: string, onOutput: (m: OutputMessage) => void): Promise<RunResult> {
    if (this.disposed) return Promise.resolve({ status: 'interrupted', durationMs: 0 });
    if (this.failure !== null) {
      // A worker that could not start will not run this either; restart() tries a new one.
      onOutput({ output: { kind: 'error', name: 'KernelError', message: this.failure } });
      return Promise.resolve({ status: 'error', durationMs: 0 });
    }
    return this.runs.enqueue(cellId, code, onOutput);
  }

  cancel(token: string): void {
    this.send({ type: 'cancel', token });
  }

  setParams(params: NetSpec): void {
    // The network the worker already has (the page gives the link's at start, then again once
    // mounted): copying a wide one into the worker again would hold the page for a second.
    if (params === this.params) return;
    this.params = params;
    const packed = packNet(params);
    this.send({ type: 'params', params: packed }, [packed.values.buffer]);
  }

  /** Resolves once the old worker is gone and a new one is starting (await ready() for its backend). */
  async interrupt(): Promise<void> {
    this.worker.terminate();
    this.closePort();
    this.runs.endAll();
    if (!this.disposed) this.spawn();
  }

  async restart(): Promise<void> {
    await this.interrupt();
  }

  dispose(): void {
    this.disposed = true;
    this.worker.terminate();
    this.closePort();
    this.runs.endAll();
    this.listeners.clear();
    this.deathListeners.clear();
  }

  onKernelMessage(listener: (m: KernelMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onDeath(listener: (why: string) => void): () => void {
    this.deathListeners.add(listener);
    return () => this.deathListeners.delete(listener);
  }
}
