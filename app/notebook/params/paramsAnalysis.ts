// A static look at a code cell: what it declares, which scope names it uses, whether it times things.
// Loaded lazily (it brings the kernel's compiler, sucrase and acorn), the first time the network changes.
import { compileCell } from '../../kernel/compile';
import type { CellAnalysis } from './paramsDeps';

/** Every name counts as a scope name, so the compiler reports every free identifier the cell uses. */
class EveryName extends Set<string> {
  override has(): boolean {
    return true;
  }
}

const everyName = new EveryName();

/**
 * Helpers that time things: `lesson.timing...`, `lesson.bench...`, `lesson.sweep...`, `lesson.scaling...`.
 * Read from the source text, so a mention in a comment counts too: such a cell is then marked
 * stale instead of re-run, the safe side.
 */
const timingHelper = /\blesson\s*(?:\?\.|\.)\s*(?:timing|bench|sweep|scaling)/i;

const identifier = /[A-Za-z_$][\w$]*/g;

/**
 * What the cell declares and uses, as the kernel's compiler sees it. A cell that does not compile
 * (a student's half-typed edit) counts every word of its text as used and declares nothing: it is
 * re-run if it mentions a dependent name, and then shows its own syntax error.
 */
export function analyseCell(id: string, source: string): CellAnalysis {
  let declared: string[] = [];
  let used: ReadonlySet<string>;
  try {
    const compiled = compileCell(source, { cellId: id, known: everyName, isGlobal: () => false });
    declared = compiled.declared;
    used = compiled.used;
  } catch {
    used = new Set(source.match(identifier) ?? []);
  }
  const uses = new Set([...used].filter((name) => !declared.includes(name)));
  return { id, declared, uses, expensive: uses.has('bench') || timingHelper.test(source) };
}

/** The last analysis of each cell, by id: the network changes far more often than the cells. */
const cache = new Map<string, { source: string; analysis: CellAnalysis }>();

/** analyseCell for each cell, reusing the last result while a cell's source is unchanged. */
export function analyseCells(cells: readonly { id: string; source: string }[]): CellAnalysis[] {
  return cells.map(({ id, source }) => {
    const hit = cache.get(id);
    if (hit?.source === source) return hit.analysis;
    const analysis = analyseCell(id, source);
    cache.set(id, { source, analysis });
    return analysis;
  });
}
