// How the notebook differs from the lesson: what `Revert to original` would undo, counted for its confirmation.
import type { CellState } from '../cellState';

export interface LessonDiff {
  /** Lesson cells whose text or type the student changed. */
  edited: number;
  /** Cells the lesson does not have (inserted, pasted, split off, imported): Revert removes them. */
  added: number;
  /** Lesson cells deleted: Revert brings them back. */
  deleted: number;
  /** The lesson's cells are in another order. */
  moved: boolean;
}

/** A lesson cell whose text or type is not the lesson's (`lesson`: that cell as first loaded): Revert cell has something to do. */
export function differsFromLesson(cell: Pick<CellState, 'source' | 'original' | 'type'>, lesson: Pick<CellState, 'type'>): boolean {
  return cell.source !== cell.original || cell.type !== lesson.type;
}

/** `lesson`: the lesson's cells as first loaded (newCellState), in order. */
export function lessonDiff(cells: readonly CellState[], lesson: readonly CellState[]): LessonDiff {
  const lessonById = new Map(lesson.map((c) => [c.id, c]));
  const kept = cells.filter((c) => c.origin === 'lesson' && lessonById.has(c.id));
  const edited = kept.filter((c) => differsFromLesson(c, lessonById.get(c.id) as CellState)).length;
  const order = lesson.filter((l) => kept.some((c) => c.id === l.id)).map((l) => l.id);
  return {
    edited,
    added: cells.length - kept.length,
    deleted: lesson.length - kept.length,
    moved: kept.some((c, i) => c.id !== order[i]),
  };
}

/** How many cells a revert changes: the toolbar's count (0 disables Revert to original). */
export function changeCount(diff: LessonDiff): number {
  return diff.edited + diff.added + diff.deleted + (diff.moved && diff.edited + diff.added + diff.deleted === 0 ? 1 : 0);
}

const cells = (n: number): string => `${n} ${n === 1 ? 'cell' : 'cells'}`;

/** The confirmation's text: each kind of change that would be lost, by its count. */
export function revertDescription(diff: LessonDiff): string {
  const parts: string[] = [];
  if (diff.edited > 0) parts.push(`${cells(diff.edited)} you edited go${diff.edited === 1 ? 'es' : ''} back to the lesson's version`);
  if (diff.added > 0) parts.push(`${diff.added} new ${diff.added === 1 ? 'cell is' : 'cells are'} removed`);
  if (diff.deleted > 0) parts.push(`${cells(diff.deleted)} you deleted come${diff.deleted === 1 ? 's' : ''} back`);
  if (diff.moved) parts.push("the cells return to the lesson's order");
  if (parts.length === 0) return 'The notebook is the lesson already.';
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `${list[0].toUpperCase()}${list.slice(1)}. This cannot be undone.`;
}
