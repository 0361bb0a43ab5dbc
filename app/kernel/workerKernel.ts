// The Worker side of the protocol, apart from the Worker itself: page messages in, kernel messages out.
import type { TfInit } from '../core/tfjsGradients';
import { KernelCore, type KernelMemory } from './core';
import type { HostToKernel, KernelToHost, TfBackendName } from './protocol';

export interface WorkerKernel {
  /** Handles one message from the page. */
  onMessage(message: HostToKernel): void;
  /** An error nobody caught in this worker (its unhandledrejection / error events). */
  reportUncaught(reason: unknown, origin: 'rejection' | 'exception'): void;
  /** What the kernel holds (null before `init`): the worker's `__kernel.memory()`. */
  memory(): Promise<KernelMemory | null>;
}

/**
 * Serves the page: `init` creates the kernel and starts loading tfjs (`ready` follows, with the
 * backend and the time since the worker started); runs go to the kernel in arrival order.
 * `loadTf` gets the backend the page asked for, if any.
 */
export function createWorkerKernel(post: (message: KernelToHost) => void, loadTf: (requested?: TfBackendName) => Promise<TfInit>, nowMs: () => number = () => performance.now()): WorkerKernel {
  let core: KernelCore | null = null;
  const pending: HostToKernel[] = [];

  const handle = (message: HostToKernel): void => {
    switch (message.type) {
      case 'init': {
        core = new KernelCore({
          params: message.params,
          send: (runId, messages) => post({ type: 'outputs', runId, messages }),
          loadTf: () => loadTf(message.backend),
          onKernelMessage: (m) => post({ type: 'kernel', message: m }),
        });
        core.tf().then(
          ({ backend, notes }) => post({ type: 'ready', backend, notes, startMs: nowMs() }),
          (error: unknown) => post({ type: 'ready', backend: 'none', notes: [`tfjs could not start: ${error instanceof Error ? error.message : String(error)}`], startMs: nowMs() }),
        );
        pending.splice(0).forEach(handle);
        return;
      }
      case 'run': {
        if (!core) {
          pending.push(message);
          return;
        }
        const { runId } = message;
        void core.run(runId, message.cellId, message.code).then((r) => post({ type: 'done', runId, ok: r.ok, cancelled: r.cancelled, durationMs: r.durationMs }));
        return;
      }
      case 'cancel':
        core?.cancel(message.token);
        return;
      case 'params':
        if (core) core.setParams(message.params);
        else pending.push(message);
        return;
      default: {
        const never: never = message;
        throw new Error(`unknown message ${JSON.stringify(never)}`);
      }
    }
  };

  return {
    onMessage: handle,
    reportUncaught: (reason, origin) => core?.reportUncaught(reason, origin),
    memory: async () => (core ? core.memory() : null),
  };
}
