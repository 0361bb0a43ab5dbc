// The in-process KernelHost (Node: `npm run notebook`, tests): the kernel core without a Worker.
import { initTf, type TfBackendName } from '../core/tfjsGradients';
import type { NetSpec } from '../core/types';
import { KernelCore } from './cellRunner';
import { HostRuns, statusOf } from './hostRuns';
import type { OutputLimits } from './outputs';
import type { KernelHost, KernelMessage, OutputMessage, RunResult } from './protocol';

export interface NodeHostOptions {
  params?: NetSpec;
  /** tfjs backend for cells that use `tf` (loaded on first use). Default 'cpu'. */
  tfBackend?: TfBackendName;
  limits?: Partial<OutputLimits>;
  /**
   * Listen to the process's unhandledRejection / uncaughtException and report them as the cell's
   * errors (the CLI does). Off by default: a test runner has its own listeners.
   */
  captureProcessErrors?: boolean;
}

/**
 * Runs cells in this process, one at a time. Interrupt and restart replace the kernel (its scope is
 * lost) and end the running and queued runs as 'interrupted', as the Worker host does; but code
 * that never yields (`while (true) {}`) cannot be stopped in-process: it keeps the thread until it
 * returns. Only the Worker host can stop a runaway cell.
 */
export class NodeHost implements KernelHost {
  private core: KernelCore;
  private params: NetSpec | undefined;
  private readonly runs: HostRuns;
  private readonly listeners = new Set<(m: KernelMessage) => void>();
  private readonly createdMs = performance.now();
  private readonly detach: () => void;

  constructor(private readonly options: NodeHostOptions = {}) {
    this.params = options.params;
    this.runs = new HostRuns((run) => {
      const core = this.core;
      void core.run(run.runId, run.cellId, run.code).then((r) => {
        if (core === this.core) this.runs.finish(run.runId, statusOf(r.ok, r.cancelled), r.durationMs);
      });
    });
    this.core = this.makeCore();
    this.detach = options.captureProcessErrors ? this.captureProcessErrors() : () => undefined;
  }

  private makeCore(): KernelCore {
    const core: KernelCore = new KernelCore({
      send: (runId, messages) => {
        if (core === this.core) this.runs.deliver(runId, messages);
      },
      loadTf: () => initTf(this.options.tfBackend ?? 'cpu'),
      onKernelMessage: (message) => {
        if (core === this.core) for (const listener of this.listeners) listener(message);
      },
      ...(this.params ? { params: this.params } : {}),
      ...(this.options.limits ? { limits: this.options.limits } : {}),
    });
    return core;
  }

  private captureProcessErrors(): () => void {
    const onRejection = (reason: unknown): void => this.core.reportUncaught(reason, 'rejection');
    const onException = (error: unknown): void => this.core.reportUncaught(error, 'exception');
    process.on('unhandledRejection', onRejection);
    process.on('uncaughtException', onException);
    return () => {
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtException', onException);
    };
  }

  async ready(): Promise<{ backend: string; notes: string[]; startMs: number }> {
    const { backend, notes } = await this.core.tf();
    return { backend, notes, startMs: performance.now() - this.createdMs };
  }

  run(cellId: string, code: string, onOutput: (m: OutputMessage) => void): Promise<RunResult> {
    return this.runs.enqueue(cellId, code, onOutput);
  }

  cancel(token: string): void {
    this.core.cancel(token);
  }

  setParams(params: NetSpec): void {
    this.params = params;
    this.core.setParams(params);
  }

  async interrupt(): Promise<void> {
    this.runs.endAll();
    this.core = this.makeCore();
  }

  async restart(): Promise<void> {
    await this.interrupt();
  }

  dispose(): void {
    this.runs.endAll();
    this.detach();
    this.listeners.clear();
  }

  onKernelMessage(listener: (m: KernelMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** For tests: report an uncaught error as the process listeners would. */
  reportUncaught(reason: unknown, origin: 'rejection' | 'exception'): void {
    this.core.reportUncaught(reason, origin);
  }
}
