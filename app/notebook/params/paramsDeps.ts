// Which code cells depend on the network (`params`), and which of them re-run or are marked stale when it changes.
import type { CellStatus } from '../cellState';
import { cellById, type NotebookEvent, type NotebookState } from '../notebookState';
import type { Runner } from '../runner';
import type { Store } from '../store';

/** What a static look at one code cell found (see paramsAnalysis.ts). */
export interface CellAnalysis {
  id: string;
  /** Top-level names the cell declares (visible to later cells). */
  declared: readonly string[];
  /** Names from the shared scope the cell reads or writes, its own declarations left out. */
  uses: ReadonlySet<string>;
  /** The cell times things (`bench`, `bench.sweep`, `lesson.timing...`): never re-run by itself. */
  expensive: boolean;
}

export interface DependentCell {
  id: string;
  /** Expensive, or uses a name declared by an expensive dependent (its results would be stale). */
  slow: boolean;
}

const meets = (uses: ReadonlySet<string>, names: ReadonlySet<string>): boolean => [...uses].some((n) => names.has(n));

/**
 * The cells that depend on the scope name `changed`, in notebook order: a cell depends on it if it
 * uses it, or uses a top-level name a dependent cell declares (to a fixed point, so order does not
 * matter: the kernel looks names up when code runs). A dependent cell is slow if it is expensive or
 * uses a name a slow one declares: re-running it would show results computed before the change.
 */
export function dependentCells(cells: readonly CellAnalysis[], changed = 'params'): DependentCell[] {
  const tainted = new Set([changed]);
  const slowNames = new Set<string>();
  const dependent = new Set<string>();
  const slow = new Set<string>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const cell of cells) {
      if (!dependent.has(cell.id) && meets(cell.uses, tainted)) {
        dependent.add(cell.id);
        for (const name of cell.declared) tainted.add(name);
        grew = true;
      }
      if (dependent.has(cell.id) && !slow.has(cell.id) && (cell.expensive || meets(cell.uses, slowNames))) {
        slow.add(cell.id);
        for (const name of cell.declared) slowNames.add(name);
        grew = true;
      }
    }
  }
  return cells.filter((c) => dependent.has(c.id)).map((c) => ({ id: c.id, slow: slow.has(c.id) }));
}

export const staleNotice = 'The network changed: run again';

export interface RerunPlan {
  /** Re-run now, in notebook order. */
  rerun: string[];
  /** Marked stale (their outputs were computed from the old network); run by hand. */
  stale: string[];
  /** Running now with the old network: marked stale when they finish. */
  staleWhenDone: string[];
}

/**
 * What to do after the network changed, for the dependent cells that already ran in this kernel
 * (`ran`): cells queued will read the new network anyway; running ones finish with the old one;
 * slow ones, or all of them when `holdAll` (the dense method would be slow), are only marked stale.
 */
export function planRerun(
  dependents: readonly DependentCell[],
  ran: ReadonlySet<string>,
  status: (id: string) => CellStatus | undefined,
  holdAll = false,
): RerunPlan {
  const plan: RerunPlan = { rerun: [], stale: [], staleWhenDone: [] };
  for (const cell of dependents) {
    const now = status(cell.id);
    if (!ran.has(cell.id) || now === 'queued' || now === undefined) continue;
    if (now === 'running') plan.staleWhenDone.push(cell.id);
    else if (cell.slow || holdAll) plan.stale.push(cell.id);
    else plan.rerun.push(cell.id);
  }
  return plan;
}

/**
 * Watches the store for the cells that started a run in the current kernel; an interrupt or a
 * restart (the kernel goes 'restarting': its scope is lost) forgets them all. Cells that already
 * have an `In [n]` when it starts count as run: it starts as the page's panel mounts, and a cell
 * can run before that (a click right after the first render, before effects run).
 */
export function trackRuns(store: Store<NotebookState, NotebookEvent>): { ran(): ReadonlySet<string>; dispose(): void } {
  const ran = new Set<string>();
  const look = (): void => {
    const state = store.getState();
    if (state.kernel.status === 'restarting') ran.clear();
    for (const cell of state.cells) if (cell.status === 'running') ran.add(cell.id);
  };
  for (const cell of store.getState().cells) if (cell.execCount !== null) ran.add(cell.id);
  look();
  const dispose = store.subscribe(look);
  return { ran: () => ran, dispose };
}

/** Calls `then` once the cell is no longer queued or running (at once if it is not). */
export function whenCellSettles(store: Store<NotebookState, NotebookEvent>, id: string, then: () => void): () => void {
  const busy = (): boolean => {
    const status = store.getState().cells.find((c) => c.id === id)?.status;
    return status === 'queued' || status === 'running';
  };
  if (!busy()) {
    then();
    return () => undefined;
  }
  const stop = store.subscribe(() => {
    if (busy()) return;
    stop();
    then();
  });
  return stop;
}

/** What happened after a change, for the panel's status line. */
export interface RerunReport {
  rerun: number;
  stale: number;
}

export interface RerunOptions {
  runner: Runner;
  store: Store<NotebookState, NotebookEvent>;
  /** Cells that ran in the current kernel (see trackRuns). */
  ran(): ReadonlySet<string>;
  /** The static look at the code cells (paramsAnalysis's analyseCells, loaded lazily). */
  analyse(cells: readonly { id: string; source: string }[]): readonly CellAnalysis[];
  /** Mark instead of re-run, every one (the dense method would be slow). */
  holdAll: boolean;
  /** False once a newer network was applied: that one re-runs instead. */
  stillCurrent(): boolean;
}

/**
 * After the network changed: waits for what runs now (Run all, say) to end, since its later cells
 * would read names computed from the old network by earlier ones; then re-runs every dependent
 * cell that ran, in notebook order, and marks the slow ones stale. Null when a newer change took over.
 */
export async function rerunAfterChange(options: RerunOptions): Promise<RerunReport | null> {
  const { runner, store } = options;
  await runner.idle();
  if (!options.stillCurrent()) return null;
  const state = store.getState();
  const dependents = dependentCells(options.analyse(state.cells.filter((c) => c.type === 'code')));
  const plan = planRerun(dependents, options.ran(), (id) => cellById(state, id)?.status, options.holdAll);
  const markStale = (id: string): void => store.dispatch({ type: 'cell', id, event: { type: 'stale', notice: staleNotice } });
  runner.run(plan.rerun);
  plan.stale.forEach(markStale);
  for (const id of plan.staleWhenDone) whenCellSettles(store, id, () => markStale(id));
  return { rerun: plan.rerun.length, stale: plan.stale.length + plan.staleWhenDone.length };
}
