// Run all with code nobody trusted yet: run everything, or ask first (trust it, or run the trusted cells that do not need it).
import type { CellState, ExternalOrigin } from '../cellState';
import { dependentCells, type CellAnalysis } from '../params/paramsDeps';

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
      /** Trusted code cells that use a name from the untrusted code, directly or through another skipped cell. */
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
 * A name no identifier can be: the untrusted cells "use" it, so `dependentCells` (the one owner of
 * "which cells depend on a name, through the cells that declare what they use") starts from them.
 */
const fromUntrusted = ' untrusted code';

/**
 * Every code cell in order, unless some wait for trust: then asking, with what can run without them.
 * A skipped cell is one that would fail with "X is not defined": it uses a name an untrusted cell
 * declares, or declared before the link or file changed it (`displaced`: that code is not there
 * either), or a name another skipped cell declares. The kernel looks names up when code runs
 * (a function declared above may read a name only defined below), so order is not considered: the
 * safe side. `analyse` is only called when asking.
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
  const seeds: CellAnalysis[] = [{ id: fromUntrusted, declared: [...names], uses: new Set([fromUntrusted]), expensive: false }];
  const trustedAnalyses = trusted.flatMap((c) => byId.get(c.id) ?? []);
  const dependent = new Set(dependentCells([...seeds, ...trustedAnalyses], fromUntrusted).map((d) => d.id));

  const ref = (c: PlanCell): CellRef => ({ id: c.id, position: cells.indexOf(c) + 1, firstLine: firstLine(c.source) });
  const skipped = trusted.filter((c) => dependent.has(c.id));
  const usesByCell = trustedAnalyses.filter((a) => dependent.has(a.id)).map((a) => [...a.uses].filter((n) => names.has(n)));
  return {
    kind: 'ask',
    untrusted: waiting.map(ref),
    origins: [...new Set(waiting.flatMap((c) => (c.untrusted ? [c.untrusted.origin] : [])))],
    skipped: skipped.map(ref),
    names: [...new Set(usesByCell.flat())].sort(),
    direct: usesByCell.filter((u) => u.length > 0).length,
    runnable: trusted.filter((c) => !dependent.has(c.id)).map((c) => c.id),
    total: cells.length,
  };
}
