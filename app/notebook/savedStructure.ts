// The notebook's structure in the saved edits (order, new cells, deleted and retyped lesson cells), and how it comes back on a lesson that may have changed.
import { lessonText, type CellState } from './cellState';
import { contentHash } from './contentHash';
import type { NotebookState } from './notebookState';
import type { ForeignCode } from './structure/cells';
import type { SourceCell } from './types';

export type CellType = CellState['type'];

/** A cell the lesson does not have. Its text is kept in `edits`, like any cell's (written against an empty original). */
export interface SavedNewCell {
  type: CellType;
  foreign?: ForeignCode;
}

/**
 * Saved only when the notebook's cells are not the lesson's as they are (see storage.ts for the whole
 * record). `lesson` is the lesson's ids when this was saved: it tells a cell the student deleted from
 * one the lesson added since, and whether the student moved lesson cells or the lesson reordered them.
 */
export interface SavedStructure {
  /** The lesson's cell ids, in the lesson's order, at the time of saving. */
  lesson: string[];
  /** Every cell on screen, in order: lesson cells and new ones. */
  order: string[];
  /** The new cells in `order`. */
  cells: Record<string, SavedNewCell>;
  /** Lesson cells the student deleted, with the content hash of the lesson text they had then. */
  deleted: Record<string, string>;
  /** Lesson cells turned into the other type. */
  retyped: Record<string, CellType>;
}

const has = (record: object, key: string): boolean => Object.prototype.hasOwnProperty.call(record, key);

/** The new cell `id` of `structure`, if it is one (never a property every object has). */
export function savedNewCell(structure: SavedStructure, id: string): SavedNewCell | undefined {
  return has(structure.cells, id) ? structure.cells[id] : undefined;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The hash `deleted` keeps, of a lesson cell's text as the notebook shows it. */
export const lessonHash = (cell: SourceCell): string => contentHash(lessonText(cell.source));

/** What to save of the notebook's shape; null when it is the lesson's own (then nothing is saved for it, as before). */
export function snapshotStructure(cells: readonly CellState[], lesson: readonly SourceCell[]): SavedStructure | null {
  const byId = new Map(lesson.map((c) => [c.id, c]));
  const structure: SavedStructure = { lesson: lesson.map((c) => c.id), order: cells.map((c) => c.id), cells: {}, deleted: {}, retyped: {} };
  for (const cell of cells) {
    const fromLesson = cell.origin === 'lesson' ? byId.get(cell.id) : undefined;
    if (!fromLesson) structure.cells[cell.id] = cell.foreign ? { type: cell.type, foreign: cell.foreign } : { type: cell.type };
    else if (cell.type !== fromLesson.type) structure.retyped[cell.id] = cell.type;
  }
  const shown = new Set(structure.order);
  for (const cell of lesson) if (!shown.has(cell.id)) structure.deleted[cell.id] = lessonHash(cell);
  const asLesson = Object.keys(structure.cells).length === 0 && Object.keys(structure.retyped).length === 0 && sameList(structure.order, structure.lesson);
  return asLesson ? null : structure;
}

/** The ids a saved record shows, in order: its structure's, or the lesson's when it has none. */
export function shownIds(structure: SavedStructure | undefined, lessonIds: readonly string[]): string[] {
  return structure ? structure.order : [...lessonIds];
}

const maxIdLength = 200;
export const isCellType = (x: unknown): x is CellType => x === 'code' || x === 'markdown';
const isId = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= maxIdLength;
export const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Distinct cell ids, each a non-empty string of at most 200 characters. */
export function isIdList(x: unknown): x is string[] {
  return Array.isArray(x) && x.every(isId) && new Set(x).size === x.length;
}

export function isForeign(x: unknown): x is ForeignCode {
  return isRecord(x) && typeof x.language === 'string' && isRecord(x.raw);
}

function isNewCell(x: unknown): x is SavedNewCell {
  return isRecord(x) && isCellType(x.type) && (x.foreign === undefined || isForeign(x.foreign));
}

/** Why `x` is not a usable saved structure, or null if it is: each part well formed, and the parts agreeing. */
export function structureProblem(x: unknown): string | null {
  if (!isRecord(x)) return 'it is not an object';
  const { lesson, order, cells, deleted, retyped } = x;
  if (!isIdList(lesson)) return '"lesson" is not a list of distinct cell ids';
  if (!isIdList(order)) return '"order" is not a list of distinct cell ids';
  if (!isRecord(cells) || !Object.values(cells).every(isNewCell)) return '"cells" is not a map of new cells (a type, and code of another language if any)';
  if (!isRecord(deleted) || !Object.values(deleted).every((h) => typeof h === 'string')) return '"deleted" is not a map of cell ids to hashes';
  if (!isRecord(retyped) || !Object.values(retyped).every(isCellType)) return '"retyped" is not a map of cell ids to cell types';
  const inLesson = new Set(lesson);
  const shown = new Set(order);
  // Lesson ids start with a digit (their file names' number): a new cell never takes one.
  const badNew = Object.keys(cells).find((id) => !shown.has(id) || inLesson.has(id) || /^\d/.test(id));
  if (badNew !== undefined) return `new cell ${JSON.stringify(badNew)} is not in "order", or has a lesson cell's id`;
  const stray = order.find((id) => !inLesson.has(id) && !has(cells, id));
  if (stray !== undefined) return `cell ${JSON.stringify(stray)} in "order" is neither the lesson's nor a new cell`;
  const missing = lesson.filter((id) => !shown.has(id));
  if (!sameList([...missing].sort(), Object.keys(deleted).sort())) return '"deleted" does not list exactly the lesson cells missing from "order"';
  const badRetype = Object.keys(retyped).find((id) => !inLesson.has(id) || !shown.has(id));
  if (badRetype !== undefined) return `retyped cell ${JSON.stringify(badRetype)} is not a lesson cell on screen`;
  return null;
}

export interface Arranged {
  /** The cells to show, in order: ids of the lesson as it is now, and of the saved new cells. */
  ids: string[];
  /** Lesson cells the student had deleted that have changed since: back in their place, so no change of the lesson goes unseen. */
  returned: string[];
}

/** `sequence` with each of `added` placed after the cell that precedes it in `lesson` (at the start if none does). */
function placeAdded(sequence: string[], added: readonly string[], lesson: readonly string[]): string[] {
  const out = [...sequence];
  for (const id of added) {
    const before = lesson.slice(0, lesson.indexOf(id)).reverse().find((p) => out.includes(p));
    out.splice(before === undefined ? 0 : out.indexOf(before) + 1, 0, id);
  }
  return out;
}

/**
 * The saved structure laid over the lesson as it is now. New cells stay after the lesson cell they
 * followed (after the one before it, if the lesson dropped that cell). Lesson cells keep the order the
 * student gave them if they moved any, else they take the lesson's current order. Cells the lesson
 * added since come in after their predecessor in the lesson; a deleted cell stays deleted unless the
 * lesson changed it since, in which case it comes back like an added one (and is named in `returned`).
 */
export function arrangeCells(structure: SavedStructure, lesson: readonly SourceCell[]): Arranged {
  const lessonIds = lesson.map((c) => c.id);
  const now = new Set(lessonIds);
  const isNew = (id: string): boolean => has(structure.cells, id);
  const order = structure.order.filter((id) => isNew(id) || now.has(id));
  const kept = order.filter((id) => !isNew(id));
  const savedRank = new Map(structure.lesson.map((id, i) => [id, i]));
  const rank = (id: string): number => savedRank.get(id) ?? -1;
  const moved = kept.some((id, i) => i > 0 && rank(kept[i - 1]) > rank(id));
  const returned = lesson.filter((c) => has(structure.deleted, c.id) && structure.deleted[c.id] !== lessonHash(c)).map((c) => c.id);
  const added = lessonIds.filter((id) => !savedRank.has(id) || returned.includes(id));
  const keep = new Set([...kept, ...added]);
  const sequence = moved ? placeAdded(kept, added, lessonIds) : lessonIds.filter((id) => keep.has(id));
  // The new cells that follow each lesson cell in the saved order (`head`: those before any).
  const head: string[] = [];
  const after = new Map<string, string[]>();
  let run = head;
  for (const id of order) {
    if (isNew(id)) run.push(id);
    else after.set(id, (run = []));
  }
  return { ids: [...head, ...sequence.flatMap((id) => [id, ...(after.get(id) ?? [])])], returned };
}

/**
 * The notebook with another tab's structure: cells already here keep their state (outputs, runs,
 * what is typed) under the new order and type; cells new to this tab come from `restored` (the saved
 * record read as at a reload). The selection stays, or goes to the cell now where it was.
 */
export function adoptCells(live: Pick<NotebookState, 'cells' | 'selectedId' | 'anchorId'>, restored: readonly CellState[]): Pick<NotebookState, 'cells' | 'selectedId' | 'anchorId'> {
  const byId = new Map(live.cells.map((c) => [c.id, c]));
  const cells = restored.map((r) => {
    const cell = byId.get(r.id);
    if (!cell) return r;
    return cell.type === r.type ? cell : { ...cell, type: r.type, editing: false };
  });
  const here = (id: string | null): boolean => cells.some((c) => c.id === id);
  const at = live.cells.findIndex((c) => c.id === live.selectedId);
  const selectedId = here(live.selectedId) ? live.selectedId : (cells[Math.min(Math.max(at, 0), cells.length - 1)]?.id ?? null);
  return { cells, selectedId, anchorId: here(live.anchorId) && selectedId === live.selectedId ? live.anchorId : null };
}
