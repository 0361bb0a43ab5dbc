// Book-keeping both hosts share: runs one at a time in order, and interrupt ending the running and queued ones.
import type { Output, OutputMessage, RunResult, RunStatus } from './protocol';

interface PendingRun {
  runId: number;
  cellId: string;
  code: string;
  onOutput: (m: OutputMessage) => void;
  resolve: (r: RunResult) => void;
  startMs: number;
  /** The page refused a message while this run ran: it ends as an error. */
  refused?: boolean;
}

/** How a host starts one run on its kernel; `finish` is called by the host when the kernel says done. */
export type StartRun = (run: { runId: number; cellId: string; code: string }) => void;

/**
 * The queue of a host: `enqueue` returns the run's result; the host calls `start` for the head run
 * and `finish` when its kernel reports the end. `endAll` resolves the running and every queued run
 * as interrupted (their later outputs are dropped); `outputFor` routes a kernel's outputs, late
 * ones (timers after a run ended) to the run that ran last.
 */
export class HostRuns {
  private queue: PendingRun[] = [];
  private running: PendingRun | null = null;
  private lastRun: PendingRun | null = null;
  private nextRunId = 0;

  constructor(private readonly start: StartRun) {}

  enqueue(cellId: string, code: string, onOutput: (m: OutputMessage) => void): Promise<RunResult> {
    return new Promise<RunResult>((resolve) => {
      this.queue.push({ runId: ++this.nextRunId, cellId, code, onOutput, resolve, startMs: performance.now() });
      this.pump();
    });
  }

  /** The kernel finished run `runId`. */
  finish(runId: number, status: RunStatus, durationMs: number): void {
    if (this.running?.runId !== runId) return; // a run ended by interrupt: already resolved
    const run = this.running;
    this.running = null;
    run.resolve({ status: run.refused ? 'error' : status, durationMs });
    this.pump();
  }

  /** Whether the kernel may speak of run `runId` now: the one running, or (late outputs) the one that ran last. */
  knows(runId: number, finished = false): boolean {
    return this.running?.runId === runId || (!finished && this.lastRun?.runId === runId);
  }

  deliver(runId: number, messages: readonly OutputMessage[]): void {
    const run = this.running?.runId === runId ? this.running : this.lastRun?.runId === runId ? this.lastRun : null;
    for (const m of messages) run?.onOutput(m);
  }

  /**
   * A message of the kernel was refused: the running run shows `why` once and will end as an error.
   * Returns false when no run is running (the host then says it elsewhere).
   */
  refuse(why: Output): boolean {
    const run = this.running;
    if (!run) return false;
    if (!run.refused) run.onOutput({ output: why });
    run.refused = true;
    return true;
  }

  /** The cell that ran last (for kernel-level messages). */
  get lastCellId(): string | undefined {
    return this.lastRun?.cellId;
  }

  /**
   * Resolves the running run and every queued one (as interrupted, or e.g. as errors when the
   * kernel died, each shown `why`); nothing of theirs is delivered later.
   */
  endAll(status: RunStatus = 'interrupted', why?: Output): void {
    const ended = [...(this.running ? [this.running] : []), ...this.queue.splice(0)];
    this.running = null;
    this.lastRun = null;
    for (const run of ended) {
      if (why) run.onOutput({ output: why });
      run.resolve({ status, durationMs: performance.now() - run.startMs });
    }
  }

  private pump(): void {
    if (this.running || this.queue.length === 0) return;
    const run = this.queue.shift() as PendingRun;
    this.running = run;
    this.lastRun = run;
    this.start(run);
  }
}

/** A kernel's verdict as a RunStatus. */
export const statusOf = (ok: boolean, cancelled?: boolean): RunStatus => (ok ? 'ok' : cancelled ? 'cancelled' : 'error');
