// Reading one field of the parameters panel: a number, the layer widths or the batch size, with a message a student can act on.
import { estimateUs } from '../../core/cost';
import { netLimits, parameterCount } from '../../core/netspec';
import { classifyNumber, type NumberProblem } from './urlHash';

export type FieldReading<T> = { ok: true; value: T } | { ok: false; message: string };

const problemText: Record<NumberProblem, (label: string, text: string) => string> = {
  empty: (label) => `${label} is empty: type a number`,
  commaDecimal: (label, text) => `${label}: "${text}" has a decimal comma: write ${text.trim().replace(',', '.')}`,
  notANumber: (label, text) => `${label}: "${text}" is not a number`,
  notFinite: (label, text) => `${label}: "${text}" is not allowed, entries must be finite numbers`,
  overflow: (label, text) => `${label}: "${text}" is too large (beyond a float64's range, about 1.8e308)`,
};

/** A number typed into the field `label` (e.g. "W1 row 1 column 2"); `-0` reads as 0. */
export function readNumber(text: string, label: string): FieldReading<number> {
  const read = classifyNumber(text);
  if ('value' in read) return { ok: true, value: read.value };
  return { ok: false, message: problemText[read.problem](label, text) };
}

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * The widths typed as "2, 3, 1" (commas or spaces between them), refused beyond `netLimits` with
 * the reason, so the panel never builds a network that validateNetSpec would refuse.
 */
export function readWidths(text: string): FieldReading<number[]> {
  const entries = text.split(/[\s,]+/).filter((e) => e !== '');
  if (entries.length === 0) return { ok: false, message: 'Widths are empty: type the layer widths, e.g. 2, 3, 1' };
  // "2,,1" is a width left out, not "2, 1": say so rather than drop a layer.
  if (/,\s*,/.test(text)) return { ok: false, message: 'Widths have an empty entry between two commas: type a width there or remove a comma' };
  if (entries.length < 2) return { ok: false, message: `Widths need at least 2 entries (input and output width), got ${entries.length}` };
  const maxEntries = netLimits.maxLayers + 1;
  if (entries.length > maxEntries) {
    return { ok: false, message: `Widths have ${entries.length} entries: at most ${maxEntries} (${netLimits.maxLayers} layers)` };
  }
  const widths: number[] = [];
  for (const [i, entry] of entries.entries()) {
    const label = `Width ${i + 1}`;
    const read = classifyNumber(entry);
    if (!('value' in read)) return { ok: false, message: `${label} ("${entry}") is not a whole number` };
    const w = read.value;
    if (w < 1) return { ok: false, message: `${label} is ${w}: a layer needs at least 1 unit` };
    if (!Number.isInteger(w)) return { ok: false, message: `${label} is ${w}: widths are whole numbers` };
    if (w > netLimits.maxWidth) {
      return { ok: false, message: `${label} is ${count(w)}: at most ${count(netLimits.maxWidth)} units per layer (the dense method's matrices would not fit in memory)` };
    }
    widths.push(w);
  }
  const parameters = parameterCount(widths);
  if (parameters > netLimits.maxParameters) {
    return { ok: false, message: `These widths give ${count(parameters)} parameters: at most ${count(netLimits.maxParameters)} (memory for a browser tab)` };
  }
  return { ok: true, value: widths };
}

/** The batch size typed: a whole number of samples from 1 (one sample) to `netLimits.maxBatch`. */
export function readBatch(text: string): FieldReading<number> {
  const read = classifyNumber(text);
  if (!('value' in read)) return { ok: false, message: `Batch size ("${text.trim()}") is not a whole number: type how many samples, e.g. 4` };
  const B = read.value;
  if (!Number.isInteger(B) || B < 1) return { ok: false, message: `Batch size is ${B}: a batch is a whole number of samples, at least 1` };
  if (B > netLimits.maxBatch) return { ok: false, message: `Batch size is ${count(B)}: at most ${count(netLimits.maxBatch)} samples` };
  return { ok: true, value: B };
}

/** Above this estimated time per dense gradient the panel warns, and nothing re-runs by itself. */
export const slowDenseMs = 1000;

/** Estimated milliseconds for one dense gradient (the original's way) at these widths, for B samples (core's cost model). */
export function estimateDenseMs(widths: readonly number[], B = 1): number {
  return estimateUs('dense', widths, B) / 1000;
}

function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toPrecision(2)} s`;
  if (ms < 3_600_000) return `${(ms / 60_000).toPrecision(2)} minutes`;
  return `${(ms / 3_600_000).toPrecision(2)} hours`;
}

/** A warning when the dense method would be slow at these widths, with the estimate; null when it is fast. */
export function slowDenseWarning(widths: readonly number[], B = 1): string | null {
  const ms = estimateDenseMs(widths, B);
  if (ms < slowDenseMs) return null;
  return `At these widths the dense method (full Jacobian matrices, the original's way) takes about ${formatDuration(ms)} per gradient: its cost grows like n^4 per layer. Cells are not re-run by themselves; run them when you are ready.`;
}
