// The notebook as a file holds it: cells written out (with outputs) and cells read back (sources only).
import type { Output } from '../../kernel/protocol';
import type { CellState } from '../cellState';
import { contentHash } from '../contentHash';
import type { ForeignCode } from '../structure/cells';

/** A cell as Export writes it. */
export interface ExportCell {
  id: string;
  type: 'markdown' | 'code';
  source: string;
  /** The hash of the lesson's text of this cell (an import can tell an edit of another lesson version); null for a new cell. */
  originalHash: string | null;
  execCount: number | null;
  outputs: Output[];
  /** A cell in another language: written back exactly as it was read. */
  foreign?: ForeignCode | null;
}

/** A cell as Import reads it; outputs are not read back (the code runs again once trusted). */
export interface ImportedCell {
  /** Null when the file gives none (nbformat 4.4 and older). */
  id: string | null;
  type: 'markdown' | 'code';
  source: string;
  originalHash: string | null;
  /** Code in another language (or a raw cell): kept whole, shown read-only, never run. */
  foreign: ForeignCode | null;
}

export type ParsedNotebook = { ok: true; cells: ImportedCell[] } | { ok: false; error: string };

/**
 * The outputs of a cell for export: those on screen. The one place that decides it, so outputs kept
 * from an earlier session can be given here too.
 */
export function exportOutputsOf(cell: CellState): Output[] {
  return cell.outputs.map((o) => o.output);
}

/** What is on screen, in the order shown: the text each cell shows (also untrusted code: it is what the student sees) and its outputs. */
export function exportCellsOf(cells: readonly CellState[]): ExportCell[] {
  return cells.map((c) => ({
    id: c.id,
    type: c.type,
    source: c.source,
    originalHash: c.origin === 'lesson' ? contentHash(c.original) : null,
    execCount: c.execCount,
    outputs: exportOutputsOf(c),
    foreign: c.foreign,
  }));
}

/** `cell 3 ("05-forward-pass")`: 1-based, as a person counts, with the id when there is one. */
export function cellLabel(index: number, id: string | null): string {
  return `cell ${index + 1}${id ? ` ("${id}")` : ''}`;
}
