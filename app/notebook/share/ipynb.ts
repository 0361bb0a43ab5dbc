// The notebook as a Jupyter file (nbformat 4.5, TypeScript): written with outputs and slides, read back (any language) with every problem named.
import { ipynbOutput, nbLines } from './exportOutputs';
import { speakerNotes } from '../present/notes';
import { cutAtSlideBreaks } from '../present/slides';
import { joinSlideParts, slideTypes } from './ipynbSlides';
import { describeJsonBreak, locateJsonError } from '../../core/jsonLocation';
import { multiline } from './foreign/jupyterOutputs';
import { cellLabel, type ExportCell, type ImportedCell, type ParsedNotebook } from './notebookFile';
import { rawLanguage } from '../structure/cells';

/** Our keys inside Jupyter's metadata (Jupyter keeps unknown metadata as it is). */
const ourKey = 'jacobian_notebook';

/** Deno's Jupyter kernel (`deno jupyter`) answers to this kernelspec: a real TypeScript kernel to open the file with. */
export const notebookMetadata = {
  kernelspec: { name: 'deno', display_name: 'Deno', language: 'typescript' },
  language_info: { name: 'typescript', file_extension: '.ts', mimetype: 'text/x.typescript', pygments_lexer: 'typescript', codemirror_mode: 'typescript' },
  [ourKey]: { format: 1 },
};

/** The first cell of an export: what the code needs that a Jupyter kernel does not have. Import skips it. */
export const helpersCellId = 'jacobian-notebook-helpers';
export const helpersText = [
  '*Exported from Jacobian Notebook.* The code cells use names the notebook app puts in scope, which a',
  'TypeScript kernel (Deno\'s, for example) does not have: `la` (float64 matrices), `tf` (TensorFlow.js),',
  '`params` (the network), `print`, `display` (tables, plots, LaTeX), `bench` (timing) and `lesson`',
  '(the lesson\'s helpers). Run the notebook in the app to run its code; here the outputs are those of',
  'the last run there.',
].join('\n');

const helpersCell = {
  cell_type: 'markdown',
  id: helpersCellId,
  metadata: { [ourKey]: { generated: 'helpers' }, slideshow: { slide_type: 'skip' } },
  source: nbLines(helpersText),
};

/** Speaker notes (`<!-- notes: … -->`, notes.ts) also as the cell's `metadata.notes`, where slide tools look. */
function withNotes<T extends Record<string, unknown>>(metadata: T, markdown: string): T & { notes?: string } {
  const notes = speakerNotes(markdown);
  return notes.length > 0 ? { ...metadata, notes: notes.join('\n\n') } : metadata;
}

/**
 * The notebook as `.ipynb` text (one-space indent, as Jupyter writes it). A markdown cell with slide
 * breaks becomes one Jupyter cell per part (RISE and nbconvert's slides start a slide at a cell);
 * every cell says in `metadata.slideshow.slide_type` whether it starts a slide. New cells carry no
 * `originalHash`; cells of another language (and raw cells) are written exactly as they were read.
 */
export function toIpynb(cells: readonly ExportCell[]): string {
  const types = slideTypes(cells);
  const nbCells = cells.flatMap((cell) => {
    // A cell of another language goes back exactly as it came (its id is the one the notebook knows it by).
    if (cell.foreign) return [cell.foreign.raw];
    const metadata = (part: number, extra: Record<string, unknown> = {}) => ({
      [ourKey]: { ...(cell.originalHash === null ? {} : { originalHash: cell.originalHash }), ...extra },
      slideshow: { slide_type: types.get(`${cell.id}#${part}`) ?? '-' },
    });
    if (cell.type === 'markdown') {
      const parts = cutAtSlideBreaks(cell.source);
      // Blank lines around a marker at a cell's edge do not survive the cut: the whole text rides along, for Import.
      const whole = parts.length > 1 ? { whole: cell.source } : {};
      return parts.map((text, part) => ({
        cell_type: 'markdown',
        // nbformat's ids are at most 64 characters.
        id: part === 0 ? cell.id : `${cell.id.slice(0, 56)}-part${part + 1}`,
        metadata: withNotes(part === 0 ? metadata(0, whole) : metadata(part, { partOf: cell.id }), text),
        source: nbLines(text),
      }));
    }
    return [{
      cell_type: 'code',
      execution_count: cell.execCount,
      id: cell.id,
      metadata: metadata(0),
      source: nbLines(cell.source),
      outputs: cell.outputs.map((o) => ipynbOutput(o, cell.execCount)),
    }];
  });
  return JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: metadataFor(cells), cells: [helpersCell, ...nbCells] }, null, 1) + '\n';
}

/** The notebook's metadata; cells of another language are listed by id, so Import knows them again. */
function metadataFor(cells: readonly ExportCell[]): Record<string, unknown> {
  const foreign = Object.fromEntries(cells.flatMap((c) => (c.foreign && c.foreign.language !== rawLanguage ? [[c.id, c.foreign.language]] : [])));
  if (Object.keys(foreign).length === 0) return notebookMetadata;
  return { ...notebookMetadata, [ourKey]: { ...notebookMetadata[ourKey], foreign } };
}

/** Where the JSON breaks, as a person finds it in an editor (JSON.parse's own message is the fallback). */
function jsonProblem(text: string, err: unknown): string {
  const problem = locateJsonError(text);
  if (problem) return describeJsonBreak(problem);
  return err instanceof Error ? err.message : String(err);
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The language the file's kernel runs, if it says. */
function languageOf(metadata: unknown): string | null {
  if (!isRecord(metadata)) return null;
  const fromKernel = isRecord(metadata.kernelspec) ? metadata.kernelspec.language : undefined;
  const fromInfo = isRecord(metadata.language_info) ? metadata.language_info.name : undefined;
  const language = typeof fromKernel === 'string' ? fromKernel : typeof fromInfo === 'string' ? fromInfo : null;
  return language?.trim().toLowerCase() || null;
}

const typescriptNames = new Set(['typescript', 'ts']);


/** Cells our export listed as another language's (`metadata.jacobian_notebook.foreign`: id -> language). */
function foreignIds(metadata: unknown): Map<string, string> {
  const ours = isRecord(metadata) ? metadata[ourKey] : undefined;
  const listed = isRecord(ours) && isRecord(ours.foreign) ? ours.foreign : {};
  return new Map(Object.entries(listed).filter((e): e is [string, string] => typeof e[1] === 'string' && !typescriptNames.has(e[1].toLowerCase())));
}

/** What our metadata says of a cell: generated by the export, or a later part of another cell. */
function ourMark(raw: unknown): { generated: boolean; partOf: string | null; whole: string | null } {
  const ours = isRecord(raw) && isRecord(raw.metadata) ? raw.metadata[ourKey] : undefined;
  const text = (key: string): string | null => (isRecord(ours) && typeof ours[key] === 'string' ? ours[key] : null);
  return { generated: isRecord(ours) && ours.generated !== undefined, partOf: text('partOf'), whole: text('whole') };
}

/**
 * A cell the export cut at its slide breaks, from its parts as read: exactly the text it was if the
 * parts are as exported (`whole`), else the parts joined (someone edited them in Jupyter).
 */
function rejoin(parts: readonly string[], whole: string | null): string {
  const joined = joinSlideParts(parts);
  return whole !== null && joinSlideParts(cutAtSlideBreaks(whole)) === joined ? whole : joined;
}

/**
 * One cell. Code is ours (TypeScript) unless the notebook's language (or our export's list) says
 * another: then the cell is kept whole, as `foreign`. Raw cells are kept the same way.
 */
function readCell(raw: unknown, index: number, foreignLanguage: string | null): ImportedCell | string {
  if (!isRecord(raw)) return `${cellLabel(index, null)} is not an object`;
  const id = typeof raw.id === 'string' && raw.id !== '' ? raw.id : null;
  const label = cellLabel(index, id);
  if (raw.cell_type === undefined) return `${label} has no "cell_type"`;
  if (raw.cell_type !== 'markdown' && raw.cell_type !== 'code' && raw.cell_type !== 'raw') {
    return `${label} is of type ${JSON.stringify(raw.cell_type)}: a Jupyter notebook has only markdown, code and raw cells`;
  }
  const source = multiline(raw.source);
  if (source === null) return `${label} has a "source" that is not text`;
  const ours = isRecord(raw.metadata) ? raw.metadata[ourKey] : undefined;
  const originalHash = isRecord(ours) && typeof ours.originalHash === 'string' ? ours.originalHash : null;
  const language = raw.cell_type === 'raw' ? rawLanguage : raw.cell_type === 'code' ? foreignLanguage : null;
  if (language !== null) return { id, type: 'code', source, originalHash: null, foreign: { language, raw } };
  return { id, type: raw.cell_type === 'markdown' ? 'markdown' : 'code', source, originalHash, foreign: null };
}

/** Reads `.ipynb` text; `name` is the file's name, used in every message. Never throws. */
export function parseIpynb(text: string, name: string): ParsedNotebook {
  const fail = (why: string): ParsedNotebook => ({ ok: false, error: `${name} ${why}` });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return fail(`is not valid JSON: ${jsonProblem(text, err)}.`);
  }
  if (!isRecord(data) || data.nbformat === undefined) return fail('is not a Jupyter notebook: it has no "nbformat" field.');
  if (data.nbformat !== 4) {
    return fail(`is in nbformat ${JSON.stringify(data.nbformat)}; this notebook reads nbformat 4 (Jupyter 4 and later). Open it in Jupyter and save it again to convert it.`);
  }
  const language = languageOf(data.metadata);
  const notebookForeign = language !== null && !typescriptNames.has(language) ? language : null;
  const listedForeign = foreignIds(data.metadata);
  if (!Array.isArray(data.cells)) return fail('has no list of "cells".');
  if (data.cells.length === 0) return fail('has no cells: there is nothing to import.');
  const cells: ImportedCell[] = [];
  // The cell being put back together from its parts, if the last one read was cut at slide breaks.
  let cut: { parts: string[]; whole: string | null } | null = null;
  for (const [index, raw] of data.cells.entries()) {
    const mark = ourMark(raw);
    if (mark.generated) continue;
    const rawId = isRecord(raw) && typeof raw.id === 'string' ? raw.id : '';
    const cell = readCell(raw, index, listedForeign.get(rawId) ?? notebookForeign);
    if (typeof cell === 'string') return fail(`is not importable: ${cell}.`);
    const previous = cells.at(-1);
    if (cut && previous && mark.partOf !== null && previous.id === mark.partOf && cell.type === 'markdown' && !cell.foreign) {
      cut.parts.push(cell.source);
      cells[cells.length - 1] = { ...previous, source: rejoin(cut.parts, cut.whole) };
      continue;
    }
    cut = cell.type === 'markdown' && !cell.foreign ? { parts: [cell.source], whole: mark.whole } : null;
    cells.push(cell);
  }
  if (cells.length === 0) return fail('has no cells: there is nothing to import.');
  return { ok: true, cells };
}
