// The timing study's tables and charts: per-method timings with the original's printed times as
// reference rows, and the scaling sweep as a log-log plot with fitted slopes (the exponent of n).
import { fitLogLogSlope, type BenchOptions, type BenchResult, type SweepRow } from '../../core/bench';
import type { TableCell, PlotFigure } from '../protocol';

/**
 * The original notebook's printed times (reference/seed-notebook.txt): one cold run each, timed with
 * timeit on the original author's machine (unknown hardware), so they are landmarks, not measurements
 * comparable with the medians here.
 */
export const originalTimes = [
  { name: 'NumPy (original notebook)', seconds: 0.02614442699996289, source: 'one cold run, as printed' },
  { name: 'PyTorch backward() (original)', seconds: 0.0027164640050614253, source: 'one cold run, as printed' },
] as const;

/** Short timings for Run all and tests (~0.15 s per method; the clock's 0.1 ms steps are <= 5% of a batch). */
export const quickBench: Readonly<Omit<BenchOptions, 'name'>> = { samples: 7, minSamples: 3, minBatchMs: 2, warmupMs: 30, budgetMs: 120 };

/** A method that could not be timed here (e.g. a tfjs backend this browser lacks), and why. */
export interface Unavailable {
  name: string;
  unavailable: string;
}

export type TimingRow = BenchResult | Unavailable;

export const isUnavailable = (row: TimingRow): row is Unavailable => 'unavailable' in row;

/** Microseconds as a person reads them: `0.84 µs`, `12.3 µs`, `4.56 ms`, `1.23 s`. */
export function formatUs(us: number): string {
  if (!Number.isFinite(us)) return String(us);
  if (us < 1000) return `${Number(us.toPrecision(3))} µs`;
  if (us < 1e6) return `${Number((us / 1e3).toPrecision(3))} ms`;
  return `${Number((us / 1e6).toPrecision(3))} s`;
}

export const timingColumns = ['method', 'median per gradient', 'fastest', 'slowest', 'first call', 'samples × calls'];

/** One table row per method (medians of many calls), then the original's printed times as reference rows. */
export function timingTableRows(rows: readonly TimingRow[]): TableCell[][] {
  const measured = rows.map((r): TableCell[] =>
    isUnavailable(r)
      ? [r.name, `unavailable: ${r.unavailable}`, null, null, null, null]
      : [r.name, formatUs(r.medianUs), formatUs(r.minUs), formatUs(r.maxUs), formatUs(r.firstCallUs), `${r.samples} × ${r.batchSize}`],
  );
  const reference = originalTimes.map((t): TableCell[] => [t.name, formatUs(t.seconds * 1e6), null, null, null, t.source]);
  return [...measured, ...reference];
}

/**
 * The legend in a row at the plot's very bottom, below the x axis' title: placed on the whole figure
 * (not a share of the plotting area, whose height changes with the screen), Plotly keeps the room it
 * takes out of the plotting area, so the legend never lands on the axis' title.
 */
const legendBelow = { orientation: 'h', yref: 'container', y: 0, yanchor: 'bottom' } as const;

/** Horizontal bars on a log axis: each method's median (whiskers from fastest to slowest sample), its first call, and the original's times. */
export function timingFigure(rows: readonly TimingRow[], title: string): PlotFigure {
  const timed = rows.filter((r): r is BenchResult => !isUnavailable(r));
  const names = timed.map((r) => r.name);
  return {
    data: [
      {
        type: 'bar',
        orientation: 'h',
        name: 'median (steady state)',
        y: names,
        x: timed.map((r) => r.medianUs),
        error_x: { type: 'data', symmetric: false, array: timed.map((r) => r.maxUs - r.medianUs), arrayminus: timed.map((r) => r.medianUs - r.minUs) },
      },
      { type: 'scatter', mode: 'markers', name: 'first call', y: names, x: timed.map((r) => r.firstCallUs), marker: { symbol: 'diamond', size: 9 } },
      {
        type: 'bar',
        orientation: 'h',
        name: 'original notebook (one cold run)',
        y: originalTimes.map((t) => t.name),
        x: originalTimes.map((t) => t.seconds * 1e6),
        marker: { color: '#9a9a9a' },
      },
    ],
    layout: {
      title: { text: title },
      xaxis: { type: 'log', title: { text: 'microseconds per gradient (log scale)' } },
      yaxis: { automargin: true, autorange: 'reversed' },
      barmode: 'overlay',
      height: 140 + 34 * (names.length + originalTimes.length),
      legend: legendBelow,
      margin: { t: 40, r: 10 },
    },
  };
}

/**
 * One method's times along the sweep: x is the width or the depth, us the fastest sample per gradient
 * (the one least disturbed by other work on the machine: slopes from medians wander on a busy one).
 */
export interface ScalingSeries {
  name: string;
  points: { n: number; us: number }[];
  /** t ~ n^slope, fitted on the points with n >= fitFrom; null with fewer than two of them. */
  slope: number | null;
  coefficient: number | null;
  /** The smallest x the slope was fitted on. */
  fitFrom: number;
}

/** Where each method's slope is fitted from: one x for all, or one per method name. */
export type FitFrom = number | ((method: string) => number);

const fitStart = (fitFrom: FitFrom, method: string): number => (typeof fitFrom === 'number' ? fitFrom : fitFrom(method));

/**
 * The sweep's rows grouped by method, with log-log slopes fitted on x >= fitFrom (at small sizes the
 * fixed cost of a call hides the growth).
 */
export function scalingSeries(rows: readonly SweepRow[], x: (widths: readonly number[]) => number, fitFrom: FitFrom): ScalingSeries[] {
  const byName = new Map<string, { n: number; us: number }[]>();
  for (const row of rows) {
    const points = byName.get(row.name) ?? [];
    if (row.result) points.push({ n: x(row.widths), us: row.result.minUs });
    byName.set(row.name, points);
  }
  return [...byName].map(([name, points]) => {
    const from = fitStart(fitFrom, name);
    const fitted = points.filter((p) => p.n >= from);
    const distinct = new Set(fitted.map((p) => p.n)).size;
    const fit = distinct >= 2 ? fitLogLogSlope(fitted.map((p) => ({ n: p.n, t: p.us }))) : null;
    return { name, points, slope: fit?.slope ?? null, coefficient: fit?.coefficient ?? null, fitFrom: from };
  });
}

/** Log-log lines with markers, one per method, and each fitted power law dashed; the slope is in the legend. */
export function scalingFigure(series: readonly ScalingSeries[], xTitle: string, title: string): PlotFigure {
  const data: Record<string, unknown>[] = [];
  for (const s of series) {
    const label = s.slope === null ? s.name : `${s.name}: slope ${s.slope.toFixed(2)}`;
    data.push({ type: 'scatter', mode: 'lines+markers', name: label, legendgroup: s.name, x: s.points.map((p) => p.n), y: s.points.map((p) => p.us) });
    if (s.slope !== null && s.coefficient !== null) {
      const xs = s.points.map((p) => p.n).filter((n) => n >= s.fitFrom);
      const { slope, coefficient } = s;
      data.push({
        type: 'scatter',
        mode: 'lines',
        name: `fit n^${slope.toFixed(2)}`,
        legendgroup: s.name,
        showlegend: false,
        x: xs,
        y: xs.map((n) => coefficient * n ** slope),
        line: { dash: 'dot', width: 1 },
        hoverinfo: 'skip',
      });
    }
  }
  return {
    data,
    layout: {
      title: { text: title },
      xaxis: { type: 'log', title: { text: xTitle } },
      yaxis: { type: 'log', title: { text: 'µs per gradient (fastest sample)' } },
      height: 420,
      legend: legendBelow,
      margin: { t: 40, r: 10 },
    },
  };
}

/** The sweep as a table: one row per size, one column per method (median and fastest per gradient, or why there is none). */
export function scalingTable(rows: readonly SweepRow[], x: (widths: readonly number[]) => number, xName: string): { columns: string[]; rows: TableCell[][] } {
  const methods = [...new Set(rows.map((r) => r.name))];
  const sizes = [...new Set(rows.map((r) => x(r.widths)))].sort((a, b) => a - b);
  const cell = (name: string, n: number): TableCell => {
    const row = rows.find((r) => r.name === name && x(r.widths) === n);
    if (!row) return null;
    return row.result ? `${formatUs(row.result.medianUs)} (fastest ${formatUs(row.result.minUs)})` : (row.skipped ?? 'skipped');
  };
  return { columns: [xName, ...methods], rows: sizes.map((n) => [n, ...methods.map((m) => cell(m, n))]) };
}
