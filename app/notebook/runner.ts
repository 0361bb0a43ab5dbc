// Runs code cells one after another through a KernelHost, and handles interrupt and restart.
import type { KernelHost, RunStatus } from '../kernel/protocol';
import { interruptedNotice, type EndCause } from './cellState';
import type { NotebookEvent, NotebookState } from './notebookState';
import type { Store } from './store';

export interface Runner {
  /** Queues the code cells among `ids` (in that order) that are not queued or running already. */
  run(ids: string[]): void;
  /** Stops the running cell (the kernel's state is lost) and cancels the queued ones. */
  interrupt(): Promise<void>;
  /** A fresh kernel with an empty scope; what ran or waited is ended like an interrupt. */
  restart(): Promise<void>;
  /** Resolves when nothing is queued or running (tests, Run all). */
  idle(): Promise<void>;
  /** Waits for the kernel to be ready and shows its status and tfjs backend (or why it did not start). */
  connect(): Promise<void>;
  /**
   * The kernel ended unasked (KernelHost.onDeath): the running cell fails, queued ones are
   * cancelled, and a new kernel starts, as after Interrupt; one that never came up stays stopped
   * (a new one would fail the same way) and a notice offers a restart.
   */
  died(why: string): Promise<void>;
}

export const interruptNoticeId = 'kernel-interrupted';
/** The notice saying the kernel did not start or stopped; a kernel that comes up again removes it. */
export const kernelNoticeId = 'kernel';

const restartAction = [{ label: 'Restart kernel', command: 'restartKernel' as const }];

/**
 * One runner per notebook. Its queue lives here, not in the reducer, because it drives async work;
 * every change a person can see still goes through `store.dispatch`.
 */
export function createRunner(host: KernelHost, store: Store<NotebookState, NotebookEvent>): Runner {
  const queue: string[] = [];
  let running: string | null = null;
  // Bumped by interrupt/restart: a run that resolves after that belongs to a dead kernel.
  let generation = 0;
  let pumping: Promise<void> = Promise.resolve();
  // The current kernel said it was ready: one that dies after that is replaced at once (see died).
  let up = false;

  const dispatch = (event: NotebookEvent): void => store.dispatch(event);
  const finish = (id: string, status: RunStatus, cause?: EndCause): void =>
    dispatch({ type: 'cell', id, event: cause ? { type: 'finish', status, cause } : { type: 'finish', status } });

  async function runOne(id: string, myGeneration: number): Promise<void> {
    const cell = store.getState().cells.find((c) => c.id === id);
    if (!cell) return;
    // Code from a link or a file runs only once the student trusts it: checked here, where every run passes.
    if (cell.untrusted) {
      dispatch({ type: 'cell', id, event: { type: 'block' } });
      return;
    }
    running = id;
    dispatch({ type: 'startRun', id });
    // The code is read when the run starts, as Jupyter does: edits made while queued count.
    const code = cell.source;
    let status: RunStatus;
    try {
      const result = await host.run(id, code, (message) => {
        if (generation === myGeneration) dispatch({ type: 'cell', id, event: { type: 'output', message } });
      });
      status = result.status;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      dispatch({ type: 'cell', id, event: { type: 'output', message: { output: { kind: 'error', name: 'KernelError', message } } } });
      status = 'error';
    }
    // After an interrupt the cell was already ended by interrupt(); the late result changes nothing.
    if (generation !== myGeneration) return;
    running = null;
    finish(id, status);
  }

  async function pump(): Promise<void> {
    const myGeneration = generation;
    dispatch({ type: 'kernel', kernel: { status: 'busy' } });
    while (queue.length > 0 && generation === myGeneration) {
      const id = queue.shift() as string;
      await runOne(id, myGeneration);
    }
    if (generation === myGeneration) dispatch({ type: 'kernel', kernel: { status: 'idle' } });
  }

  async function connect(): Promise<void> {
    const myGeneration = generation;
    try {
      const info = await host.ready();
      if (generation !== myGeneration) return;
      up = true;
      dispatch({ type: 'kernel', kernel: { status: running === null && queue.length === 0 ? 'idle' : 'busy', backend: info.backend, notes: info.notes } });
      dispatch({ type: 'dismissNotice', id: kernelNoticeId });
    } catch (err) {
      if (generation !== myGeneration) return;
      // A kernel that died says so itself (died()); this is one that never came up.
      if (store.getState().kernel.status === 'dead') return;
      dispatch({ type: 'kernel', kernel: { status: 'unavailable', backend: null } });
      const text = `The kernel did not start: ${err instanceof Error ? err.message : String(err)}`;
      dispatch({ type: 'notice', notice: { id: kernelNoticeId, tone: 'error', text, actions: restartAction } });
    }
  }

  function endAll(cause: EndCause): void {
    generation += 1;
    up = false;
    for (const id of queue.splice(0)) finish(id, 'cancelled', cause);
    // A cell the kernel's death cut short failed; one stopped on purpose was interrupted.
    if (running !== null) finish(running, cause === 'death' ? 'error' : 'interrupted', cause);
    running = null;
  }

  return {
    run(ids) {
      const cells = store.getState().cells;
      const fresh = ids.filter((id, at) => {
        const cell = cells.find((c) => c.id === id);
        return cell?.type === 'code' && !cell.foreign && id !== running && !queue.includes(id) && ids.indexOf(id) === at;
      });
      if (fresh.length === 0) return;
      dispatch({ type: 'dismissNotice', id: interruptNoticeId });
      for (const id of fresh) dispatch({ type: 'cell', id, event: { type: 'queue' } });
      if (store.getState().kernel.status === 'dead') {
        // Nothing runs on a stopped kernel: each cell says so where the student looks.
        for (const id of fresh) finish(id, 'cancelled', 'dead');
        return;
      }
      const wasIdle = queue.length === 0 && running === null;
      queue.push(...fresh);
      if (wasIdle) pumping = pump();
    },
    async interrupt() {
      // Interrupting replaces the worker (its state is lost), so an idle kernel is left alone.
      if (running === null && queue.length === 0) return;
      endAll('interrupt');
      dispatch({ type: 'notice', notice: { id: interruptNoticeId, tone: 'warning', text: interruptedNotice } });
      dispatch({ type: 'kernel', kernel: { status: 'restarting' } });
      await host.interrupt();
      await connect();
    },
    async restart() {
      endAll('restart');
      dispatch({ type: 'kernel', kernel: { status: 'restarting' } });
      await host.restart();
      dispatch({ type: 'kernelRestarted' });
      await connect();
    },
    connect,
    async died(why) {
      const wasUp = up;
      endAll('death');
      if (!wasUp) {
        dispatch({ type: 'kernel', kernel: { status: 'dead', backend: null, notes: [] } });
        const text = `The kernel stopped: ${why}. Its state is lost; restart it to run cells again.`;
        dispatch({ type: 'notice', notice: { id: kernelNoticeId, tone: 'error', text, actions: restartAction } });
        return;
      }
      // Like the interrupt's notice, it goes at the next Run: the new kernel's coming up does not remove it.
      const text = `The kernel stopped: ${why}. Its state was lost; a new kernel has started.`;
      dispatch({ type: 'notice', notice: { id: interruptNoticeId, tone: 'error', text } });
      dispatch({ type: 'kernel', kernel: { status: 'restarting', backend: null, notes: [] } });
      await host.restart();
      dispatch({ type: 'kernelRestarted' });
      await connect();
    },
    async idle() {
      // A pump may start another while we wait (Run all during a run): wait until none is left.
      let seen: Promise<void>;
      do {
        seen = pumping;
        await seen;
      } while (seen !== pumping);
    },
  };
}
