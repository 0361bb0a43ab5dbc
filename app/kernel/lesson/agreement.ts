// Do two ways of computing the gradients agree? Entry-by-entry tolerance checks, the comparison table
// of the lesson (manual, autograd, finite differences) and its verdict, in words a student can act on.
import { gradientEntries, type GradientEntry } from '../../core/compare';
import { Matrix } from '../../core/matrix';
import { formatNumpy } from '../../core/numpyFormat';
import type { Gradients } from '../../core/types';
import type { FullCell, TableCell } from '../protocol';

/** An entry passes when |value - reference| <= abs + rel * |reference|. */
export interface Tolerance {
  abs: number;
  rel: number;
}

/** Whether `value` is within `t` of `reference`; NaN never is. */
export function withinTolerance(reference: number, value: number, t: Tolerance): boolean {
  return Math.abs(value - reference) <= t.abs + t.rel * Math.abs(reference);
}

/** How one gradient of a method compares with the reference: its largest difference and its worst entry. */
export interface GradientAgreement {
  name: string;
  maxAbsDiff: number;
  ok: boolean;
  /** The first entry outside the tolerance (or the entry of the largest difference when all pass). */
  worst: { index: number; reference: number; value: number };
}

/** Per gradient (in the lesson's order), how `other` agrees with `reference`; shapes must match. */
export function agreementOf(reference: Gradients, other: Gradients, t: Tolerance): GradientAgreement[] {
  const others = new Map(gradientEntries(other).map((e) => [e.name, e]));
  return gradientEntries(reference).map((entry) => {
    const match = others.get(entry.name);
    if (!match || match.values.length !== entry.values.length) {
      const size = (e?: GradientEntry): string => (e ? e.shape.join('x') : 'missing');
      throw new Error(`${entry.name} has shape ${size(entry)} in the reference but ${size(match)} in the other method`);
    }
    let maxAbsDiff = 0;
    let largest = 0;
    let firstBad = -1;
    entry.values.forEach((r, i) => {
      const d = Math.abs(match.values[i] - r);
      // A NaN is the largest difference of all: it must never hide behind a finite one.
      if (!Number.isNaN(maxAbsDiff) && (Number.isNaN(d) || d > maxAbsDiff)) {
        maxAbsDiff = d;
        largest = i;
      }
      if (firstBad < 0 && !withinTolerance(r, match.values[i], t)) firstBad = i;
    });
    const index = firstBad >= 0 ? firstBad : largest;
    return { name: entry.name, maxAbsDiff, ok: firstBad < 0, worst: { index, reference: entry.values[index], value: match.values[index] } };
  });
}

/** A difference for a table: `3.2e-8`, `0`, `NaN`. */
export const formatDiff = (d: number): string => (Number.isNaN(d) ? 'NaN' : d === 0 ? '0' : d.toExponential(1));

/** A tolerance in words: `1e-4 + 1e-4·|manual|`. */
export const formatTolerance = (t: Tolerance, reference = 'manual'): string => `${t.abs.toExponential(0)} + ${t.rel.toExponential(0)}·|${reference}|`;

/** NumPy's own threshold: a table cell shows every entry of a gradient up to this many. */
export const tableThreshold = 1000;

/** Characters of every-entry text one table may carry for its summarised cells (a run sends at most 1M). */
export const fullTextBudget = 300_000;

/** A gradient's values as NumPy prints them, 6 decimals, a matrix row per line (the cell scrolls sideways). */
const valuesText = (e: GradientEntry, threshold: number): string => {
  const [rows, cols] = e.shape.length === 2 ? e.shape : [1, e.shape[0]];
  return formatNumpy(e.values, rows, cols, e.shape.length === 2 ? 2 : 1, { precision: 6, threshold, edgeitems: 3, linewidth: Infinity });
};

/**
 * A gradient's values for a table: every entry up to NumPy's threshold (the differences column tells
 * what the hidden digits hold), summarised with `...` beyond it.
 */
export const compactValues = (e: GradientEntry): string => valuesText(e, tableThreshold);

/** A gradient placed in a table: its row and column. */
export interface PlacedGradient {
  row: number;
  col: number;
  entry: GradientEntry;
}

/**
 * Every entry of each gradient that `compactValues` summarises, while the texts fit `budget`
 * characters in all (a later one past it gets null: the page says it is too large to show).
 */
export function fullCells(placed: readonly PlacedGradient[], budget = fullTextBudget): FullCell[] {
  let room = budget;
  return placed
    .filter((p) => p.entry.values.length > tableThreshold)
    .map(({ row, col, entry }) => {
      const entries = entry.values.length;
      // Each entry takes two characters at least: skip formatting what cannot fit.
      const text = 2 * entries <= room ? valuesText(entry, Infinity) : null;
      const fits = text !== null && text.length <= room;
      if (fits) room -= text.length;
      return { row, col, entries, text: fits ? text : null };
    });
}

/** Several methods' gradients side by side: one row per gradient, one column per method. */
export function gradientsSideBySide(methods: Record<string, Gradients>): { columns: string[]; rows: TableCell[][]; full: FullCell[] } {
  const names = Object.keys(methods);
  if (names.length === 0) throw new Error('gradientsSideBySide: give at least one method, e.g. { manual: grads }');
  const entries = names.map((n) => gradientEntries(methods[n]));
  const placed = entries[0].flatMap((_, i) => entries.flatMap((list, m) => (list[i] ? [{ row: i, col: m + 1, entry: list[i] }] : [])));
  return {
    columns: ['gradient', ...names],
    rows: entries[0].map((e, i) => [e.name, ...entries.map((list) => (list[i] ? compactValues(list[i]) : null))]),
    full: fullCells(placed),
  };
}

export interface ComparisonInput {
  manual: Gradients;
  autograd: Gradients;
  /** null when the network is too large for finite differences (they cost two forward passes per number). */
  fd: Gradients | null;
  tolerance: { autograd: Tolerance; fd: Tolerance };
  /** The tfjs backend that computed `autograd` (named in the column and the verdict). */
  backend: string;
  /** Some z_k sits (almost) on a kink of the activation: finite differences may straddle it there. */
  nearKink: boolean;
  /** Why fd is null, when it is. */
  fdSkipped?: string;
}

export interface ComparisonReport {
  /** gradient, manual, autograd, largest |manual - autograd|, largest |manual - finite differences|. */
  columns: string[];
  rows: TableCell[][];
  /** The cells summarised with `...`, with every entry when it fits. */
  full: FullCell[];
  /** Per row: autograd within tolerance, and finite differences too (or explained by a kink). */
  rowOk: boolean[];
  ok: boolean;
  /** One paragraph: what was compared, against which tolerance, and what came out. */
  verdict: string;
  backend: string;
  /** Largest |manual - autograd| and |manual - finite differences| over every entry (null: skipped). */
  autogradMaxDiff: number;
  fdMaxDiff: number | null;
}

/** The comparison table of the lesson, one row per gradient (dl/dX0, dl/dX2, dl/dX1, dl/dW1, dl/dbeta1, ...). */
export function comparisonReport(input: ComparisonInput): ComparisonReport {
  const { manual, autograd, fd, tolerance, backend, nearKink } = input;
  const entries = gradientEntries(manual);
  const auto = agreementOf(manual, autograd, tolerance.autograd);
  const byFd = fd ? agreementOf(manual, fd, tolerance.fd) : null;
  const autoEntries = new Map(gradientEntries(autograd).map((e) => [e.name, e]));
  const kinkRows = new Set(byFd && nearKink ? byFd.filter((a) => !a.ok).map((a) => a.name) : []);

  // Finite differences appear through their difference only: a third column of values would push the
  // differences and the checks off a laptop's screen, and it would read the same as the manual one.
  const rows: TableCell[][] = entries.map((e, i) => {
    const fdDiff = byFd ? formatDiff(byFd[i].maxAbsDiff) + (kinkRows.has(e.name) ? ' (kink)' : '') : 'skipped';
    return [e.name, compactValues(e), compactValues(autoEntries.get(e.name) as GradientEntry), formatDiff(auto[i].maxAbsDiff), fdDiff];
  });
  const full = fullCells(entries.flatMap((e, i) => [{ row: i, col: 1, entry: e }, { row: i, col: 2, entry: autoEntries.get(e.name) as GradientEntry }]));
  const rowOk = entries.map((e, i) => auto[i].ok && (!byFd || byFd[i].ok || kinkRows.has(e.name)));
  const ok = rowOk.every(Boolean);

  const largest = (list: GradientAgreement[]): number => list.reduce((m, a) => (Number.isNaN(a.maxAbsDiff) || Number.isNaN(m) ? NaN : Math.max(m, a.maxAbsDiff)), 0);
  const precision = backend === 'webgl' ? ', and WebGL may compute in lower precision on some GPUs' : '';
  const parts: string[] = [];
  const badAuto = auto.find((a) => !a.ok);
  parts.push(
    badAuto
      ? `Autograd differs at ${badAuto.name}: entry ${badAuto.worst.index} is ${badAuto.worst.value} by autograd and ${badAuto.worst.reference} by hand, outside the tolerance ${formatTolerance(tolerance.autograd)}.`
      : `Autograd (tfjs, ${backend}) agrees with the manual chain rule on all ${entries.length} gradients: largest |difference| ${formatDiff(largest(auto))}, tolerance ${formatTolerance(tolerance.autograd)} per entry (tfjs computes in float32, about 7 significant digits${precision}).`,
  );
  if (!byFd) {
    parts.push(`Finite differences were skipped${input.fdSkipped ? `: ${input.fdSkipped}` : ''}.`);
  } else {
    const badFd = byFd.find((a) => !a.ok && !kinkRows.has(a.name));
    if (badFd) {
      parts.push(
        `Finite differences differ at ${badFd.name}: entry ${badFd.worst.index} is ${badFd.worst.value} by differences and ${badFd.worst.reference} by hand, outside ${formatTolerance(tolerance.fd)}.`,
      );
    } else if (kinkRows.size > 0) {
      parts.push(
        `Finite differences agree except at ${[...kinkRows].join(', ')}: there the network sits on a kink of its activation (some z_k = 0), and a central difference averages the slopes on both sides, while the manual code and autograd both use the derivative's value at the kink.`,
      );
    } else {
      parts.push(`Finite differences (float64) agree too: largest |difference| ${formatDiff(largest(byFd))}, tolerance ${formatTolerance(tolerance.fd)}.`);
    }
  }
  return {
    // Two-line headers (tables keep line breaks): the checks column must fit a laptop's width too.
    columns: ['gradient', 'manual (float64)', `autograd (tfjs ${backend}, float32)`, 'largest |difference|\nto autograd', 'largest |difference|\nto finite diff.'],
    rows,
    full,
    rowOk,
    ok,
    backend,
    autogradMaxDiff: largest(auto),
    fdMaxDiff: byFd ? largest(byFd) : null,
    verdict: (ok ? 'Verdict: they agree. ' : 'Verdict: they do NOT agree. ') + parts.join(' '),
  };
}

/** The values of a matrix, a typed array or a plain array, flat (row-major). */
function flat(value: Matrix | ArrayLike<number>, what: string): number[] {
  if (value instanceof Matrix) return Array.from(value.data);
  if (value && typeof value.length === 'number') return Array.from(value);
  throw new Error(`${what} is not a matrix or an array of numbers`);
}

/** Entry k of a record keyed by layer (the lesson's `{1: W1, 2: W2}`), naming it when missing. */
function layer<T>(record: Record<number, T>, k: number, what: string): T {
  const value = record[k];
  if (value === undefined) throw new Error(`${what}[${k}] is missing`);
  return value;
}

/**
 * The lesson's gradient dictionaries (dldX[0..K], dldW[1..K], dldbeta[1..K], as the original keeps
 * them) as `Gradients`; K is read from dldW.
 */
export function gradientsFromRecords(
  dldX: Record<number, Matrix | ArrayLike<number>>,
  dldW: Record<number, Matrix>,
  dldbeta: Record<number, Matrix | ArrayLike<number>>,
  loss = NaN,
): Gradients {
  const K = Object.keys(dldW).length;
  const layers = Array.from({ length: K }, (_, i) => i + 1);
  return {
    loss,
    dX: [0, ...layers].map((k) => flat(layer(dldX, k, 'dldX'), `dldX[${k}]`)),
    dW: layers.map((k) => layer(dldW, k, 'dldW').toArray()),
    dbeta: layers.map((k) => flat(layer(dldbeta, k, 'dldbeta'), `dldbeta[${k}]`)),
  };
}
