// A scripted KernelHost for tests and demos: each run calls `behaviour`; interrupt ends what waits.
import type { KernelHost, OutputMessage, RunResult, RunStatus } from '../../kernel/protocol';
import type { NetSpec } from '../../core/types';

export type FakeBehaviour = (cellId: string, code: string, emit: (m: OutputMessage) => void, signal: AbortSignal) => Promise<RunStatus>;

export interface FakeHost extends KernelHost {
  /** What each call did, in order: `run:<id>`, `interrupt`, `restart`, `cancel:<token>`, `params`. */
  calls: string[];
}

/** Resolves after `ms` unless `signal` aborts first (then it never resolves: the run is over). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => clearTimeout(timer));
  });
}

export function createFakeHost(behaviour: FakeBehaviour, backend = 'cpu'): FakeHost {
  const calls: string[] = [];
  const pending = new Set<{ abort: AbortController; resolve: (r: RunResult) => void }>();
  const endAll = (): void => {
    for (const p of pending) {
      p.abort.abort();
      p.resolve({ status: 'interrupted', durationMs: 0 });
    }
    pending.clear();
  };
  return {
    calls,
    ready: async () => ({ backend, notes: [], startMs: 1 }),
    run(cellId, code, onOutput) {
      calls.push(`run:${cellId}`);
      return new Promise<RunResult>((resolve) => {
        const entry = { abort: new AbortController(), resolve };
        pending.add(entry);
        const startMs = performance.now();
        behaviour(cellId, code, onOutput, entry.abort.signal).then(
          (status) => {
            if (!pending.delete(entry)) return;
            resolve({ status, durationMs: performance.now() - startMs });
          },
          (err: unknown) => {
            if (!pending.delete(entry)) return;
            onOutput({ output: { kind: 'error', name: 'Error', message: String(err) } });
            resolve({ status: 'error', durationMs: performance.now() - startMs });
          },
        );
      });
    },
    cancel: (token) => void calls.push(`cancel:${token}`),
    setParams: (_params: NetSpec) => void calls.push('params'),
    interrupt: async () => {
      calls.push('interrupt');
      endAll();
    },
    restart: async () => {
      calls.push('restart');
      endAll();
    },
    dispose: endAll,
  };
}
