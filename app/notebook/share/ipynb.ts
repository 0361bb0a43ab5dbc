// The notebook as a Jupyter file (nbformat 4.5, TypeScript): written with outputs, read back with every problem named.
import { ipynbOutput, nbLines } from './exportOutputs';
import { describeJsonBreak, locateJsonError } from '../../core/jsonLocation';
import { cellLabel, type ExportCell, type ImportedCell, type ParsedNotebook } from './notebookFile';

/** Our keys inside Jupyter's metadata (Jupyter keeps unknown metadata as it is). */
const ourKey = 'jacobian_notebook';

export const notebookMetadata = {
  kernelspec: { name: 'typescript', display_name: 'TypeScript (Jacobian Notebook)', language: 'typescript' },
  language_info: { name: 'typescript', file_extension: '.ts', mimetype: 'text/typescript' },
  [ourKey]: { format: 1 },
};

/** The notebook as `.ipynb` text (one-space indent, as Jupyter writes it). */
export function toIpynb(cells: readonly ExportCell[]): string {
  const nbCells = cells.map((cell) => {
    const common = { id: cell.id, metadata: { [ourKey]: { originalHash: cell.originalHash } }, source: nbLines(cell.source) };
    if (cell.type === 'markdown') return { cell_type: 'markdown', ...common };
    return {
      cell_type: 'code',
      execution_count: cell.execCount,
      ...common,
      outputs: cell.outputs.map((o) => ipynbOutput(o, cell.execCount)),
    };
  });
  return JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: notebookMetadata, cells: nbCells }, null, 1) + '\n';
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

function readCell(raw: unknown, index: number): ImportedCell | string {
  if (!isRecord(raw)) return `${cellLabel(index, null)} is not an object`;
  const id = typeof raw.id === 'string' && raw.id !== '' ? raw.id : null;
  const label = cellLabel(index, id);
  if (raw.cell_type === undefined) return `${label} has no "cell_type"`;
  if (raw.cell_type !== 'markdown' && raw.cell_type !== 'code') {
    return `${label} is of type ${JSON.stringify(raw.cell_type)}: this notebook has only markdown and code cells`;
  }
  const source = typeof raw.source === 'string' ? raw.source : Array.isArray(raw.source) && raw.source.every((s) => typeof s === 'string') ? raw.source.join('') : null;
  if (source === null) return `${label} has a "source" that is not text`;
  const ours = isRecord(raw.metadata) ? raw.metadata[ourKey] : undefined;
  const originalHash = isRecord(ours) && typeof ours.originalHash === 'string' ? ours.originalHash : null;
  return { id, type: raw.cell_type, source, originalHash };
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
  if (language !== null && !typescriptNames.has(language)) {
    return fail(`is a ${language} notebook: its code cells cannot run here (only TypeScript does), so it is not imported.`);
  }
  if (!Array.isArray(data.cells)) return fail('has no list of "cells".');
  if (data.cells.length === 0) return fail('has no cells: there is nothing to import.');
  const cells: ImportedCell[] = [];
  for (const [index, raw] of data.cells.entries()) {
    const cell = readCell(raw, index);
    if (typeof cell === 'string') return fail(`is not importable: ${cell}.`);
    cells.push(cell);
  }
  return { ok: true, cells };
}
