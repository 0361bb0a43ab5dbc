// What a link says of the notebook's structure, from the sender's cells, and how it lands in the receiver's notebook.
import type { CellState } from '../cellState';
import { newCell, newCellId } from '../structure/cells';
import { idFor } from './newIds';
import { linkEditsOf, type LinkContent } from './linkEdits';
import type { IncomingCell, StructureChange } from './received';

/** A lesson cell as first loaded: its id and its own type. */
export interface LessonCellShape {
  id: string;
  type: CellState['type'];
}

/** The link's content for `cells`: format 1 (edits only) while the notebook is the lesson's cells, in the lesson's order and types. */
export function linkContentOf(cells: readonly CellState[], lesson: readonly LessonCellShape[]): LinkContent {
  const edits = linkEditsOf(cells, new Map(lesson.map((c) => [c.id, c.type])));
  const ids = cells.map((c) => c.id);
  // A retyped cell needs format 2 (its row carries the type).
  const asLesson = cells.length === lesson.length && cells.every((c, i) => c.origin === 'lesson' && c.id === lesson[i].id) && edits.every((e) => !e.type);
  if (asLesson) return { edits, structure: null };
  const here = new Set(ids);
  const added = cells.filter((c) => c.origin === 'new').map((c) => ({ id: c.id, type: c.type, source: c.source, foreign: c.foreign }));
  return { edits, structure: { order: ids, added, deleted: lesson.filter((c) => !here.has(c.id)).map((c) => c.id) } };
}

/** The empty code cell a notebook opens with when it has no cells (Notebook.tsx): new, never typed in, never run. */
function isPlaceholder(c: CellState): boolean {
  return c.origin === 'new' && c.type === 'code' && c.source === '' && c.execCount === null && c.outputs.length === 0 && !c.foreign && !c.untrusted;
}

export interface LinkPlan {
  incoming: IncomingCell[];
  structure: StructureChange | undefined;
  /** Cells the link edits that this notebook does not have (another lesson version): left out. */
  unknown: string[];
}

/**
 * The link's cells in this notebook: an id it has gets the link's text; a new cell it lacks comes in
 * (a fresh id if its own could be mistaken for a lesson cell's); an edited lesson cell it lacks is
 * left out. The link's deleted lesson cells go; cells here the link does not name stay in place,
 * except the one empty cell a blank notebook opens with.
 */
export function planLink(cells: readonly CellState[], content: LinkContent, freshId: () => string = newCellId): LinkPlan {
  const here = new Map(cells.map((c) => [c.id, c]));
  const incoming: IncomingCell[] = content.edits.filter((e) => here.has(e.id)).map((e) => ({ id: e.id, source: e.source, ...(e.type ? { type: e.type } : {}) }));
  const unknown = content.edits.filter((e) => !here.has(e.id)).map((e) => e.id);
  if (!content.structure) return { incoming, structure: undefined, unknown };
  const { order, added, deleted } = content.structure;
  const renamed = new Map<string, string>();
  const made: CellState[] = [];
  const taken = new Set(here.keys());
  const inLink = new Set(order);
  for (const cell of added) {
    const existing = here.get(cell.id);
    if (existing && !existing.foreign && !cell.foreign) {
      incoming.push({ id: cell.id, source: cell.source, type: cell.type });
      continue;
    }
    const id = idFor(cell.id, taken, inLink, freshId);
    if (id !== cell.id) renamed.set(cell.id, id);
    const foreign = cell.foreign && id !== cell.id ? { ...cell.foreign, raw: { ...cell.foreign.raw, id } } : cell.foreign;
    made.push(newCell(id, cell.type, cell.source, foreign));
  }
  const known = new Set([...here.keys(), ...made.map((c) => c.id)]);
  // A notebook of nothing but the empty cell it opens with (a blank one): the link's cells replace it.
  const placeholders = cells.every(isPlaceholder) ? cells.filter((c) => !inLink.has(c.id)).map((c) => c.id) : [];
  const removed = [...deleted.filter((id) => here.get(id)?.origin === 'lesson'), ...placeholders];
  const finalOrder = order.map((id) => renamed.get(id) ?? id).filter((id) => known.has(id));
  return { incoming, structure: { order: finalOrder, added: made, removed }, unknown };
}
