// Import: which format a file is, whether it is acceptable, and how its cells map onto the lesson's (by id).
import type { CellState } from '../cellState';
import { contentHash } from '../contentHash';
import { parseIpynb } from './ipynb';
import { markdownHeader, parseMarkdown } from './markdownExport';
import { cellLabel, type ImportedCell, type ParsedNotebook } from './notebookFile';
import type { IncomingCell } from './received';
import { formatBytes } from './words';

/** Larger files are refused before they are read: the lesson exported with every output is well under 1 MB. */
export const maxImportBytes = 5 * 1024 * 1024;

export type ImportPlan =
  | { ok: true; name: string; cells: IncomingCell[]; notes: string[] }
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

/**
 * Maps a file's cells onto the lesson by id: a matching cell's text becomes that cell's text (code
 * untrusted until trusted); cells the lesson does not have are left out, lesson cells the file does
 * not have are left as they are, and each of those is said in a note. A file that matches no lesson
 * cell, or gives a cell another type than the lesson's, is refused whole: nothing changes.
 */
export function planImport(name: string, text: string, lesson: readonly CellState[]): ImportPlan {
  const parsed = parseNotebookFile(name, text);
  if (!parsed.ok) return parsed;
  const duplicate = duplicateProblem(parsed.cells);
  if (duplicate) return { ok: false, error: `${name} is not importable: ${duplicate}.` };
  const cells: IncomingCell[] = [];
  const unknown: string[] = [];
  const otherVersion: string[] = [];
  for (const [i, cell] of parsed.cells.entries()) {
    const target = cell.id === null ? undefined : lesson.find((c) => c.id === cell.id);
    if (!target) {
      unknown.push(cellLabel(i, cell.id));
      continue;
    }
    if (target.type !== cell.type) {
      return { ok: false, error: `${name} is not importable: ${cellLabel(i, cell.id)} is a ${cell.type} cell, but in this lesson it is a ${target.type} cell.` };
    }
    if (cell.originalHash !== null && cell.originalHash !== contentHash(target.original)) otherVersion.push(target.id);
    cells.push({ id: target.id, source: cell.source });
  }
  if (cells.length === 0) {
    return {
      ok: false,
      error: `${name} has no cell of this lesson: none of its ${parsed.cells.length} cells has the id of a lesson cell. Import reads notebooks exported from this lesson (Export).`,
    };
  }
  const notes: string[] = [];
  if (unknown.length > 0) notes.push(`${unknown.length} cell(s) of the file are not in this lesson and were left out: ${listed(unknown)}.`);
  const missing = lesson.filter((c) => !cells.some((m) => m.id === c.id)).map((c) => c.id);
  if (missing.length > 0) notes.push(`${missing.length} lesson cell(s) are not in the file and were left as they are: ${listed(missing)}.`);
  if (otherVersion.length > 0) notes.push(`${otherVersion.length} cell(s) were edited in another version of the lesson: ${listed(otherVersion)}.`);
  return { ok: true, name, cells, notes };
}
