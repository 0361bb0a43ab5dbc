// The Worker side of the protocol, apart from the Worker itself: page messages in, kernel messages out.
import type { TfInit } from '../core/tfjsGradients';
import { KernelCore, type KernelMemory } from './cellRunner';
import { unpackNet } from './packedNet';
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
 * How long the kernel waits without a run before it loads tfjs by itself. Loading it (compiling
 * ~1.7 MB of JavaScript, starting WebAssembly) holds this thread for a while: during a Run all the
 * cells before the first that uses `tf` run first (that one loads it at once), and a page left
 * open loads it in the quiet that follows.
 */
export const tfQuietMs = 300;

/**
 * Serves the page: `init` creates the kernel; tfjs loads when a cell first uses `tf`, or once no
 * run has come for `quietMs` (`ready` follows either, with the backend and the time since the
 * worker started); runs go to the kernel in arrival order. `loadTf` gets the backend the page
 * asked for, if any.
 */
export function createWorkerKernel(
  post: (message: KernelToHost) => void,
  loadTf: (requested?: TfBackendName) => Promise<TfInit>,
  nowMs: () => number = () => performance.now(),
  quietMs = tfQuietMs,
): WorkerKernel {
  let core: KernelCore | null = null;
  const pending: HostToKernel[] = [];
  let running = 0;
  let quiet: ReturnType<typeof setTimeout> | null = null;

  /** Loads tfjs once no run has come for `quietMs` (a failure is reported by `ready`, not thrown here). */
  const loadTfWhenQuiet = (): void => {
    if (quiet !== null) clearTimeout(quiet);
    quiet = setTimeout(() => {
      quiet = null;
      if (running === 0) core?.tf().catch(() => undefined);
    }, quietMs);
  };

  /** tfjs for the backend asked for; every load (the first, or a retry after a failure) ends in a `ready`. */
  const loadAndAnnounce = (requested?: TfBackendName): Promise<TfInit> => {
    const loading = loadTf(requested);
    loading.then(
      ({ backend, notes }) => post({ type: 'ready', backend, notes, startMs: nowMs() }),
      (error: unknown) => post({ type: 'ready', backend: 'none', notes: [`tfjs could not start: ${error instanceof Error ? error.message : String(error)}`], startMs: nowMs() }),
    );
    return loading;
  };

  const handle = (message: HostToKernel): void => {
    switch (message.type) {
      case 'init': {
        core = new KernelCore({
          params: unpackNet(message.params),
          send: (runId, messages) => post({ type: 'outputs', runId, messages }),
          loadTf: () => loadAndAnnounce(message.backend),
          onKernelMessage: (m) => post({ type: 'kernel', message: m }),
        });
        loadTfWhenQuiet();
        pending.splice(0).forEach(handle);
        return;
      }
      case 'run': {
        if (!core) {
          pending.push(message);
          return;
        }
        const { runId } = message;
        running += 1;
        void core.run(runId, message.cellId, message.code).then((r) => {
          post({ type: 'done', runId, ok: r.ok, cancelled: r.cancelled, durationMs: r.durationMs });
          running -= 1;
          if (running === 0) loadTfWhenQuiet();
        });
        return;
      }
      case 'cancel':
        core?.cancel(message.token);
        return;
      case 'params':
        if (core) core.setParams(unpackNet(message.params));
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
