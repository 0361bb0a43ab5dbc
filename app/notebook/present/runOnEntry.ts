// A slide opened before its cells ran (a `?present=N` link, a fresh page) runs them, with every cell before them it may need.
import type { Slide } from './slides';

export interface RunnableCell {
  id: string;
  type: 'markdown' | 'code';
  /** Null until the cell first runs in this page. */
  execCount: number | null;
  status: string;
  /** It shows the outputs kept from the previous session (see kept/). */
  fromPrevious?: boolean;
}

const neverRan = (c: RunnableCell): boolean => c.type === 'code' && c.execCount === null && c.status === 'idle';
/** A slide with this cell would show nothing of it: kept outputs count as shown (re-running may take long, a sweep). */
const showsNothing = (c: RunnableCell): boolean => neverRan(c) && !c.fromPrevious;

/**
 * The code cells to run so that `slide` shows outputs: none if each of its code cells has run, is
 * queued or shows kept outputs; else every code cell up to the slide's last one that has not run yet, in order (a
 * lesson's cells use what the cells above them define).
 */
export function cellsToRunFor(cells: readonly RunnableCell[], slide: Slide): string[] {
  const onSlide = new Set(slide.parts.map((p) => p.cellId));
  const slideCode = cells.filter((c) => c.type === 'code' && onSlide.has(c.id));
  if (!slideCode.some(showsNothing)) return [];
  const last = cells.indexOf(slideCode[slideCode.length - 1]);
  return cells.slice(0, last + 1).filter(neverRan).map((c) => c.id);
}
