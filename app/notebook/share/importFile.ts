// Import: which format a file is, whether it is acceptable, and how its cells map onto the notebook's (by id, in the file's order).
import type { CellState } from '../cellState';
import { contentHash } from '../contentHash';
import { newCell, newCellId, type ForeignCode } from '../structure/cells';
import { rawLanguage } from '../structure/cells';
import { parseIpynb } from './ipynb';
import { idFor } from './newIds';
import { markdownHeader, parseMarkdown } from './markdownExport';
import { cellLabel, type ImportedCell, type ParsedNotebook } from './notebookFile';
import type { IncomingCell, StructureChange } from './received';
import { cellsCount, formatBytes } from './words';

/** Larger files are refused before they are read: the lesson exported with every output is well under 1 MB. */
export const maxImportBytes = 5 * 1024 * 1024;

export type ImportPlan =
  | { ok: true; name: string; cells: IncomingCell[]; structure: StructureChange; notes: string[] }
  | { ok: false; error: string };

/** The size check comes first, so a huge file is refused without reading it. */
export function sizeProblem(name: string, sizeBytes: number): string | null {
  if (sizeBytes <= maxImportBytes) return null;
  const limit = formatBytes(maxImportBytes);
  // Just over the limit, rounded sizes would read "5 MB, over 5 MB": then bytes say it.
  const size = formatBytes(sizeBytes) === limit ? `${sizeBytes.toLocaleString('en')} bytes` : formatBytes(sizeBytes);
  return `${name} is too large to import: ${size}, over the limit of ${limit}${size.endsWith('bytes') ? ` (${maxImportBytes.toLocaleString('en')} bytes)` : ''}.`;
}

/** `.ipynb` and `.md` by name; otherwise by content (a JSON object, or our Markdown header). */
export function parseNotebookFile(name: string, text: string): ParsedNotebook {
  const lower = name.toLowerCase();
  if (lower.endsWith('.ipynb') || lower.endsWith('.json')) return parseIpynb(text, name);
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return parseMarkdown(text, name);
  const start = text.trimStart();
  if (start.startsWith('{')) return parseIpynb(text, name);
  if (start.startsWith(markdownHeader)) return parseMarkdown(text, name);
  return { ok: false, error: `${name} is neither a Jupyter notebook (.ipynb) nor a Markdown export of this notebook (.md).` };
}

const listed = (ids: readonly string[]): string => (ids.length <= 4 ? ids.join(', ') : `${ids.slice(0, 4).join(', ')} and ${ids.length - 4} more`);

/** Two cells of a file claiming the same lesson cell: which text would win is not ours to guess. */
function duplicateProblem(cells: readonly ImportedCell[]): string | null {
  const seen = new Map<string, number>();
  for (const [i, cell] of cells.entries()) {
    if (cell.id === null) continue;
    const first = seen.get(cell.id);
    if (first !== undefined) return `cells ${first + 1} and ${i + 1} both have the id "${cell.id}"`;
    seen.set(cell.id, i);
  }
  return null;
}

/** A file's cell the notebook does not have, as a new cell; a foreign cell's JSON carries the id it is known by here. */
function newFromFile(cell: ImportedCell, id: string): CellState {
  const foreign = cell.foreign && cell.foreign.raw.id !== id ? { ...cell.foreign, raw: { ...cell.foreign.raw, id } } : cell.foreign;
  return newCell(id, cell.type, cell.source, foreign);
}

/** Same JSON text: a foreign cell imported again unchanged stays the cell it is. */
const sameForeign = (a: ForeignCode, b: ForeignCode): boolean => a.language === b.language && JSON.stringify(a.raw) === JSON.stringify(b.raw);

/**
 * Maps a file's cells onto the notebook, keeping every cell in the file's order: a cell with the id
 * of one here (a lesson cell, or one made before) gives that cell its text (code untrusted until
 * trusted); every other cell comes in as a new cell, code of another language read-only with its
 * outputs. Cells here that the file does not have stay, after the cell they followed. A file that
 * gives a cell another type than the one here is refused whole: nothing changes.
 */
export function planImport(name: string, text: string, current: readonly CellState[], freshId: () => string = newCellId): ImportPlan {
  const parsed = parseNotebookFile(name, text);
  if (!parsed.ok) return parsed;
  const duplicate = duplicateProblem(parsed.cells);
  if (duplicate) return { ok: false, error: `${name} is not importable: ${duplicate}.` };
  const cells: IncomingCell[] = [];
  const added: CellState[] = [];
  const order: string[] = [];
  const otherVersion: string[] = [];
  const renamed: string[] = [];
  const taken = new Set(current.map((c) => c.id));
  const inFile = new Set(parsed.cells.flatMap((c) => (c.id === null ? [] : [c.id])));
  for (const [i, cell] of parsed.cells.entries()) {
    const target = cell.id === null ? undefined : current.find((c) => c.id === cell.id);
    if (target && !target.foreign && !cell.foreign) {
      if (target.type !== cell.type) {
        return { ok: false, error: `${name} is not importable: ${cellLabel(i, cell.id)} is a ${cell.type} cell, but in this notebook it is a ${target.type} cell.` };
      }
      if (target.origin === 'lesson' && cell.originalHash !== null && cell.originalHash !== contentHash(target.original)) otherVersion.push(target.id);
      cells.push({ id: target.id, source: cell.source });
      order.push(target.id);
    } else if (target?.foreign && cell.foreign && sameForeign(target.foreign, cell.foreign)) {
      order.push(target.id);
    } else {
      const made = newFromFile(cell, idFor(target ? null : cell.id, taken, inFile, freshId));
      if (cell.id !== null && made.id !== cell.id) renamed.push(cellLabel(i, cell.id));
      added.push(made);
      order.push(made.id);
    }
  }
  const notes: string[] = [];
  if (added.length > 0) {
    const foreign = added.filter((c) => c.foreign && c.foreign.language !== rawLanguage);
    const languages = [...new Set(foreign.map((c) => c.foreign?.language))].join(', ');
    notes.push(`${cellsCount(added.length)} of the file ${added.length === 1 ? 'is' : 'are'} new here and came in as new cells${foreign.length > 0 ? ` (${foreign.length} of them ${languages} code: shown with their saved outputs, not runnable here)` : ''}.`);
  }
  if (renamed.length > 0) notes.push(`${cellsCount(renamed.length)} got a new id here (the file's is taken, not allowed by nbformat or shaped like a lesson cell's): ${listed(renamed)}.`);
  const kept = current.filter((c) => !order.includes(c.id)).map((c) => c.id);
  if (added.length > 0 && added.length === order.length && current.length > 0) {
    notes.push('The file has no cell of this notebook: its cells follow the notebook\'s, at the end.');
  } else if (kept.length > 0) {
    notes.push(`${cellsCount(kept.length)} of the notebook ${kept.length === 1 ? 'is' : 'are'} not in the file and stayed where ${kept.length === 1 ? 'it was' : 'they were'}: ${listed(kept)}.`);
  }
  if (otherVersion.length > 0) notes.push(`${cellsCount(otherVersion.length)} ${otherVersion.length === 1 ? 'was' : 'were'} edited in another version of the lesson: ${listed(otherVersion)}.`);
  return { ok: true, name, cells, structure: { order, added, removed: [] }, notes };
}
