// Run all with code nobody trusted yet: run everything, or ask first (trust it, or run the trusted cells that do not need it).
import type { CellState, ExternalOrigin } from '../cellState';
import type { CellAnalysis } from '../params/paramsDeps';

type PlanCell = Pick<CellState, 'id' | 'type' | 'untrusted' | 'foreign' | 'source'>;

/** The static look at code cells (params/paramsAnalysis.ts's analyseCells, loaded lazily by the caller). */
export type Analyse = (cells: readonly { id: string; source: string }[]) => CellAnalysis[];

/** A cell as the student finds it on the page: its place among all cells, and its first line of code. */
export interface CellRef {
  id: string;
  /** 1-based, counting text and code cells, as the page shows them top to bottom. */
  position: number;
  firstLine: string;
}

export type RunAllPlan =
  | { kind: 'run'; ids: string[] }
  | {
      kind: 'ask';
      /** The code cells waiting for trust, and where their code came from. */
      untrusted: CellRef[];
      origins: ExternalOrigin[];
      /** Trusted code cells that need a name from the untrusted code, directly or through another skipped cell. */
      skipped: CellRef[];
      /** The names from the untrusted cells that skipped cells use, sorted; `direct`: how many skipped cells use one. */
      names: string[];
      direct: number;
      /** Every other trusted code cell, in order: what the second button runs. */
      runnable: string[];
      /** How many cells the page shows, for "cell 5 of 54". */
      total: number;
    };

/** Code this kernel runs: cells in another language never run here, trusted or not, so they are never asked about. */
const runnable = (c: PlanCell): boolean => c.type === 'code' && c.foreign === null;

/** Code cells of ours waiting for trust (an untrusted text cell needs no run; a foreign one never runs). */
export const waitingForTrust = (cells: readonly PlanCell[]): PlanCell[] => cells.filter((c) => runnable(c) && c.untrusted !== null);

/** The first non-empty line of code, trimmed, cut at `max` characters. */
export function firstLine(source: string, max = 40): string {
  const line = source.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * The trusted cells that would fail with "X is not defined" if run without the untrusted code, and
 * the untrusted names each uses. A cell fails when it uses a name the skipped code declares
 * (`missing`: the untrusted names, then what skipped cells declare) and no trusted cell above it
 * that runs declares it too; skipping a cell can make more fail, so repeat until nothing changes
 * (each pass only adds). A function body reads names when called, perhaps after cells below
 * have run: counting its uses like the rest only skips more, the safe side.
 */
export function cellsToSkip(trusted: readonly CellAnalysis[], untrustedNames: ReadonlySet<string>): Map<string, string[]> {
  const skipped = new Map<string, string[]>();
  for (let grew = true; grew; ) {
    grew = false;
    const missing = new Set([...untrustedNames, ...trusted.filter((c) => skipped.has(c.id)).flatMap((c) => c.declared)]);
    const provided = new Set<string>();
    for (const cell of trusted) {
      const lacking = [...cell.uses].filter((n) => missing.has(n) && !provided.has(n));
      if (lacking.length > 0) {
        grew ||= !skipped.has(cell.id);
        skipped.set(cell.id, lacking.filter((n) => untrustedNames.has(n)));
      } else if (!skipped.has(cell.id)) cell.declared.forEach((n) => provided.add(n));
    }
  }
  return skipped;
}

/**
 * Every code cell in order, unless some wait for trust: then asking, with what can run without them.
 * The untrusted names: what the untrusted cells declare, and what they declared before the link
 * or file changed them (`displaced`: that code is not there to run either). `analyse` is only
 * called when asking.
 */
export function runAllPlan(cells: readonly PlanCell[], analyse: Analyse): RunAllPlan {
  const waiting = waitingForTrust(cells);
  const code = cells.filter(runnable);
  if (waiting.length === 0) return { kind: 'run', ids: code.map((c) => c.id) };

  const trusted = code.filter((c) => c.untrusted === null);
  const before = waiting.filter((c) => c.untrusted?.displaced).map((c) => ({ id: `${c.id} before`, source: c.untrusted?.displaced ?? '' }));
  const analyses = analyse([...waiting, ...before, ...trusted].map(({ id, source }) => ({ id, source })));
  const byId = new Map(analyses.map((a) => [a.id, a]));
  const names = new Set(analyses.slice(0, waiting.length + before.length).flatMap((a) => a.declared));
  const skipped = cellsToSkip(trusted.flatMap((c) => byId.get(c.id) ?? []), names);

  const ref = (c: PlanCell): CellRef => ({ id: c.id, position: cells.indexOf(c) + 1, firstLine: firstLine(c.source) });
  const reasons = [...skipped.values()];
  return {
    kind: 'ask',
    untrusted: waiting.map(ref),
    origins: [...new Set(waiting.flatMap((c) => (c.untrusted ? [c.untrusted.origin] : [])))],
    skipped: trusted.filter((c) => skipped.has(c.id)).map(ref),
    names: [...new Set(reasons.flat())].sort(),
    direct: reasons.filter((r) => r.length > 0).length,
    runnable: trusted.filter((c) => !skipped.has(c.id)).map((c) => c.id),
    total: cells.length,
  };
}

/** What runs without asking: every code cell, or, with code waiting for trust, the trusted cells that do not need it. */
export const idsToRun = (plan: RunAllPlan): string[] => (plan.kind === 'run' ? plan.ids : plan.runnable);

/** The notice when the static look at the code could not load (offline, never fetched). */
export const uncheckedRunAllNotice =
  'Run all could not check which cells need the code waiting for trust (part of the page did not load: offline?). Trust it in the banner, or run cells one by one.';

/**
 * The plan for `cells`, loading the static look at the code (sucrase and acorn) only when some code
 * waits for trust. Rejects when that load fails.
 */
export async function planRunAll(cells: readonly PlanCell[]): Promise<RunAllPlan> {
  if (waitingForTrust(cells).length === 0) return runAllPlan(cells, () => []);
  const { analyseCells } = await import('../params/paramsAnalysis');
  return runAllPlan(cells, analyseCells);
}
