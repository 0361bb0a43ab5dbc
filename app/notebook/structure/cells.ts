// Cells the lesson does not have: made in the notebook (Insert, paste, split) or imported from a file.
import { newCellState, type CellState } from '../cellState';

/** A code cell of another language (a Python notebook's): what the file said, kept whole for export. */
export interface ForeignCode {
  /** The notebook's language (`metadata.kernelspec.language` or `language_info.name`), e.g. `python`. */
  language: string;
  /** The nbformat cell exactly as read (source, outputs, metadata, execution_count), written back unchanged. */
  raw: Record<string, unknown>;
}

/** The language a raw cell (nbformat's `raw`, for nbconvert) is kept under: it is shown, never run. */
export const rawLanguage = 'raw';

/** New cells are numbered apart from the lesson's files (whose ids start with digits), so the two never collide. */
export const newIdPrefix = 'new-';

/** A fresh id: random, so two tabs or a pasted link never hand out the same one. */
export function newCellId(random: () => number = Math.random): string {
  let id = newIdPrefix;
  while (id.length < newIdPrefix.length + 10) id += Math.floor(random() * 36).toString(36);
  return id;
}

/** A cell the lesson does not have. It has no original to revert to (`original` is empty). */
export function newCell(id: string, type: CellState['type'], source = '', foreign: ForeignCode | null = null): CellState {
  // New cells sort with no lesson group (-1); only lesson cells pair up side by side.
  return { ...newCellState({ id, type, source: '', group: -1 }), origin: 'new', foreign, source };
}
