// Which outputs are kept for the next visit (bounded per cell and in all), and which kept ones a cell may show again.
import { checkOutput } from '../../kernel/messageCheck';
import type { Output } from '../../kernel/protocol';
import type { CellState, ShownOutput } from '../cellState';
import { contentHash } from '../contentHash';

/** Sizes in characters of the outputs' JSON (about their size in storage). */
export interface KeptLimits {
  perCellChars: number;
  totalChars: number;
}

export const keptLimits: KeptLimits = { perCellChars: 2_000_000, totalChars: 20_000_000 };

export type KeptOutput = Omit<ShownOutput, 'key'>;

/**
 * One cell's last outputs, keyed by its id and the source they came from; or, when they were too
 * large to keep, only their size (the cell says so after a reload too).
 */
export type KeptRecord =
  | { id: string; sourceHash: string; outputs: KeptOutput[]; chars: number }
  | { id: string; sourceHash: string; tooLarge: { chars: number; limit: number } };

/** An output as kept: what the kernel sent, less a cancel token that means nothing after a reload. */
function keptOutput({ output, displayId }: ShownOutput): KeptOutput {
  const kept: Output = output.kind === 'progress' && output.cancelToken !== undefined ? (({ cancelToken: _, ...rest }) => rest)(output) : output;
  return displayId === undefined ? { output: kept } : { output: kept, displayId };
}

const charsOf = (outputs: readonly KeptOutput[]): number => JSON.stringify(outputs).length;

/** What to keep of a code cell whose run ended: its outputs (none is a record too: it clears older ones), or their size when too large. */
export function recordOf(cell: Pick<CellState, 'id' | 'ranSource' | 'outputs'>, limits = keptLimits): KeptRecord | null {
  if (cell.ranSource === null) return null;
  const outputs = cell.outputs.map(keptOutput);
  const chars = charsOf(outputs);
  const sourceHash = contentHash(cell.ranSource);
  if (chars > limits.perCellChars) return { id: cell.id, sourceHash, tooLarge: { chars, limit: limits.perCellChars } };
  return { id: cell.id, sourceHash, outputs, chars };
}

/** Characters a record takes from the total. */
export const recordChars = (r: KeptRecord): number => ('outputs' in r ? r.chars : 0);

/** The same for a record read back from storage (outside input: anything not a size counts 0). */
export function storedChars(record: unknown): number {
  const chars = (record as { outputs?: unknown; chars?: unknown } | null)?.chars;
  return Array.isArray((record as { outputs?: unknown }).outputs) && typeof chars === 'number' && Number.isFinite(chars) && chars > 0 ? chars : 0;
}

/**
 * `record` as it may be stored beside the others (sizes by id): past the total it keeps only its size,
 * the limit named being what was left.
 */
export function withinTotal(record: KeptRecord, others: ReadonlyMap<string, number>, limits = keptLimits): KeptRecord {
  if (!('outputs' in record)) return record;
  let used = 0;
  for (const [id, chars] of others) if (id !== record.id) used += chars;
  const room = Math.max(0, limits.totalChars - used);
  return record.chars <= room ? record : { id: record.id, sourceHash: record.sourceHash, tooLarge: { chars: record.chars, limit: room } };
}

/**
 * The outputs a cell shows again from a stored record: only for the source they came from, and only
 * outputs that pass the page's check of kernel messages (storage is outside input too). Null: none.
 */
export function restorable(record: unknown, cell: Pick<CellState, 'id' | 'source'>): KeptOutput[] | null {
  if (typeof record !== 'object' || record === null) return null;
  const r = record as Partial<Record<'id' | 'sourceHash' | 'outputs', unknown>>;
  if (r.id !== cell.id || r.sourceHash !== contentHash(cell.source) || !Array.isArray(r.outputs)) return null;
  try {
    return r.outputs.map((o: unknown, i) => {
      const { output, displayId } = (o ?? {}) as { output?: unknown; displayId?: unknown };
      const checked = checkOutput(output, `kept outputs of ${cell.id}[${i}]`);
      return typeof displayId === 'string' ? { output: checked, displayId } : { output: checked };
    });
  } catch {
    return null;
  }
}

/** `3.1 MB`, `450 kB` (characters counted as bytes: what a person reads as the size). */
const size = (chars: number): string => (chars >= 1e6 ? `${(chars / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(chars / 1e3))} kB`);

/** The cell's note when its outputs were not kept. */
export function notKeptNote(tooLarge: { chars: number; limit: number }, limits = keptLimits): string {
  const why = tooLarge.limit < limits.perCellChars ? `the room left for kept outputs is ${size(tooLarge.limit)}` : `at most ${size(tooLarge.limit)} of outputs are kept per cell`;
  return `Its outputs (${size(tooLarge.chars)}) are too large to keep for your next visit: ${why}.`;
}
