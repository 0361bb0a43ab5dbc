// The notebook as one Markdown file: a comment before each cell, code in ```ts blocks, outputs in ```output blocks.
import { outputAsText } from '../../kernel/textOutput';
import { outputLabel } from './exportOutputs';
import type { ForeignCode } from '../structure/cells';
import { nbLines } from './exportOutputs';
import { jupyterOutputText, readJupyterOutputs } from './foreign/jupyterOutputs';
import { type ExportCell, type ImportedCell, type ParsedNotebook } from './notebookFile';

/** A foreign cell read from Markdown, as nbformat: its source, without the outputs Markdown keeps only as text. */
const foreignCellJson = (id: string, source: string): Record<string, unknown> => ({
  cell_type: 'code',
  execution_count: null,
  id,
  metadata: {},
  outputs: [],
  source: nbLines(source),
});

export const markdownHeader =
  '<!-- Jacobian Notebook export, format 1. Each cell follows a "jn-cell" comment; code sits in ```ts blocks, outputs in ```output blocks (not read back by Import). -->';

const markerPattern = /^<!-- jn-cell id="([^"]*)" type="([^"]*)"(?: original="([^"]*)")?(?: language="([^"]*)")? -->$/;

/** A language name as a fence's info string and a marker's attribute can hold it. */
const languageName = (language: string): string => language.replace(/[^A-Za-z0-9+#._-]/g, '-') || 'text';

/** Whether a line would be read as a cell marker (a markdown cell holding one cannot round-trip). */
export const isMarkerLine = (line: string): boolean => markerPattern.test(line);

/** A fence longer than any run of backticks in `text`, so the text can never close it early. */
function fenceFor(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(Math.max(3, longest + 1));
}

function fenced(info: string, text: string): string {
  const fence = fenceFor(text);
  return `${fence}${info}\n${text}\n${fence}`;
}

/** A cell of another language: its code in a block named after the language, its saved outputs as text. */
function foreignBlock(cell: ExportCell, foreign: ForeignCode): string {
  const language = languageName(foreign.language);
  const marker = `<!-- jn-cell id="${cell.id}" type="code" language="${language}" -->`;
  const outputs = readJupyterOutputs(foreign.raw).map((o) => fenced(`output ${o.kind}`, jupyterOutputText(o).replace(/\n$/, '')));
  return [`${marker}\n${fenced(language, cell.source)}`, ...outputs].join('\n\n');
}

function cellBlock(cell: ExportCell): string {
  if (cell.foreign) return foreignBlock(cell, cell.foreign);
  const original = cell.originalHash === null ? '' : ` original="${cell.originalHash}"`;
  const marker = `<!-- jn-cell id="${cell.id}" type="${cell.type}"${original} -->`;
  if (cell.type === 'markdown') return `${marker}\n${cell.source}`;
  const outputs = cell.outputs.map((o) => fenced(`output ${outputLabel(o)}`, outputAsText(o).replace(/\n$/, '')));
  return [`${marker}\n${fenced('ts', cell.source)}`, ...outputs].join('\n\n');
}

/** The notebook as Markdown: reads well on GitHub (markers are comments) and imports back exactly. */
export function toMarkdown(cells: readonly ExportCell[]): string {
  return [markdownHeader, ...cells.map(cellBlock)].join('\n\n') + '\n';
}

const fenceOpen = /^(`{3,})(.*)$/;

interface CodeSection {
  source: string | null;
  error: string | null;
}

/** A code cell's lines: one ```ts block, then only blank lines and ```output blocks. */
function readCodeSection(lines: readonly string[], firstLine: number, id: string, language: string | null): CodeSection {
  let source: string | null = null;
  for (let i = 0; i < lines.length; i += 1) {
    if (lines[i].trim() === '') continue;
    const open = fenceOpen.exec(lines[i]);
    const info = open?.[2].trim() ?? '';
    const isCode = language === null ? info === 'ts' || info === 'typescript' : info === language;
    if (open && source === null && !isCode && info !== '' && !info.startsWith('output')) {
      return { source: null, error: `line ${firstLine + i}: code cell "${id}" is a \`\`\`${info} block: only TypeScript (\`\`\`ts) code can be imported` };
    }
    if (!open || (!isCode && !info.startsWith('output')) || (isCode && source !== null)) {
      const what = source === null ? 'where its ```ts block should start' : 'after its code, outside an ```output block';
      return { source: null, error: `line ${firstLine + i}: code cell "${id}" has text ${what}` };
    }
    const close = new RegExp(`^${open[1]}\`*\\s*$`);
    const end = lines.findIndex((line, j) => j > i && close.test(line));
    if (end < 0) return { source: null, error: `line ${firstLine + i}: the block opened here in cell "${id}" is never closed` };
    if (isCode) source = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  if (source === null) return { source: null, error: `code cell "${id}" (line ${firstLine - 1}) has no \`\`\`ts block` };
  return { source, error: null };
}

/** Reads a Markdown export back; `name` is the file's name, used in every message. Never throws. */
export function parseMarkdown(text: string, name: string): ParsedNotebook {
  const fail = (why: string): ParsedNotebook => ({ ok: false, error: `${name} ${why}` });
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first < 0 || lines[first] !== markdownHeader) {
    return fail('is not a Markdown export of this notebook: its first line should be the "Jacobian Notebook export" comment that Export writes.');
  }
  const markers = lines.flatMap((line, i) => (markerPattern.test(line) ? [i] : []));
  if (markers.length === 0) return fail('has no cells: there is nothing to import.');
  const cells: ImportedCell[] = [];
  for (const [n, at] of markers.entries()) {
    const [, id, type, original, language] = markerPattern.exec(lines[at]) as (string | undefined)[] as [string, string, string, string | undefined, string | undefined];
    if (type !== 'markdown' && type !== 'code') {
      return fail(`is not importable: line ${at + 1}: cell "${id}" is of type "${type}": this notebook has only markdown and code cells.`);
    }
    // A cell's lines run to the blank line before the next marker (or the file's final newline).
    const body = lines.slice(at + 1, markers[n + 1] ?? lines.length);
    if (body.length > 0 && body[body.length - 1] === '') body.pop();
    let source = body.join('\n');
    if (type === 'code') {
      const section = readCodeSection(body, at + 2, id, language ?? null);
      if (section.error !== null) return fail(`is not importable: ${section.error}.`);
      source = section.source as string;
    }
    // Code of another language comes back with its source; its outputs were written as text only.
    const foreign = type === 'code' && language !== undefined ? { language, raw: foreignCellJson(id, source) } : null;
    cells.push({ id: id === '' ? null : id, type, source, originalHash: original ?? null, foreign });
  }
  return { ok: true, cells };
}
