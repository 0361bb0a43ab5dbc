// The timing study's tables and figures: formatted times, the original's reference rows, fitted slopes.
import { describe, expect, it } from 'vitest';
import seed from '../../../reference/seed-values.json' with { type: 'json' };
import type { BenchResult, SweepRow } from '../../core/bench';
import { formatUs, originalTimes, scalingFigure, scalingSeries, scalingTable, timingColumns, timingFigure, timingTableRows, type TimingRow } from './timing';

const result = (name: string, medianUs: number, minUs = medianUs): BenchResult => ({
  name,
  firstCallUs: 10 * medianUs,
  medianUs,
  minUs,
  maxUs: 2 * medianUs,
  q1Us: medianUs,
  q3Us: medianUs,
  samples: 7,
  samplesUs: [],
  batchSize: 100,
  iterations: 700,
});

describe('originalTimes', () => {
  it('are the times the original notebook printed', () => {
    expect(originalTimes.map((t) => t.seconds)).toEqual([seed.printed.numpy_time_s, seed.printed.pytorch_backward_time_s]);
  });
});

describe('formatUs', () => {
  it.each([
    [0.6409, '0.641 µs'],
    [6, '6 µs'],
    [999.4, '999 µs'],
    [26144.4, '26.1 ms'],
    [2.5e6, '2.5 s'],
    [Infinity, 'Infinity'],
  ])('%d µs reads %s', (us, text) => expect(formatUs(us)).toBe(text));
});

describe('timingTableRows', () => {
  it('gives each method its row, an unavailable one its reason, then the original reference rows', () => {
    const rows: TimingRow[] = [result('dense', 6), { name: 'autograd: tfjs webgl', unavailable: 'no WebGL here' }];
    const table = timingTableRows(rows);
    expect(table.every((r) => r.length === timingColumns.length)).toBe(true);
    expect(table[0]).toEqual(['dense', '6 µs', '6 µs', '12 µs', '60 µs', '7 × 100']);
    expect(table[1].slice(0, 2)).toEqual(['autograd: tfjs webgl', 'unavailable: no WebGL here']);
    expect(table.slice(2).map((r) => r[1])).toEqual(['26.1 ms', '2.72 ms']);
  });
});

describe('timingFigure', () => {
  it('plots medians, first calls and the reference times on a log axis, leaving out unavailable methods', () => {
    const figure = timingFigure([result('dense', 6), { name: 'gone', unavailable: 'why' }], 'title');
    expect(figure.data.map((t) => t.name)).toEqual(['median (steady state)', 'first call', 'original notebook (one cold run)']);
    expect(figure.data[0].y).toEqual(['dense']);
    expect(figure.data[2].x).toEqual([seed.printed.numpy_time_s * 1e6, seed.printed.pytorch_backward_time_s * 1e6]);
    expect((figure.layout?.xaxis as { type: string }).type).toBe('log');
  });
});

/** A sweep whose times follow t = c n^p exactly (fastest samples), medians twice as slow. */
const powerSweep = (name: string, p: number, ns: number[]): SweepRow[] =>
  ns.map((n) => ({ name, widths: [n, n, 1], result: result(`${name} ${n}`, 2 * 0.01 * n ** p, 0.01 * n ** p) }));

describe('scalingSeries', () => {
  it('fits the exponent of each method on the fastest samples from fitFrom on', () => {
    const rows = [...powerSweep('dense', 4, [4, 8, 16, 32]), ...powerSweep('structured', 2, [4, 8, 16, 32, 64])];
    rows[0] = { ...rows[0], result: result('dense 4', 1e6) }; // below fitFrom: ignored by the fit
    const series = scalingSeries(rows, (w) => w[1], 8);
    expect(series.map((s) => s.name)).toEqual(['dense', 'structured']);
    expect(series[0].slope).toBeCloseTo(4, 10);
    expect(series[1].slope).toBeCloseTo(2, 10);
    expect(series[1].coefficient).toBeCloseTo(0.01, 10);
    expect(series[1].points[0]).toEqual({ n: 4, us: 0.16 });
  });

  it('fits each method from its own x when given one per method name', () => {
    const rows = [...powerSweep('dense', 4, [8, 16, 32]), ...powerSweep('autograd', 2, [8, 16, 32, 64])];
    rows[3] = { ...rows[3], result: result('autograd 8', 50, 50) }; // a fixed cost at small n, left out of the fit
    const series = scalingSeries(rows, (w) => w[1], (name) => (name === 'autograd' ? 16 : 8));
    expect(series.map((s) => [s.name, s.fitFrom])).toEqual([['dense', 8], ['autograd', 16]]);
    expect(series[1].slope).toBeCloseTo(2, 10);
    expect(scalingSeries(rows, (w) => w[1], 8)[1].slope).toBeLessThan(1.5); // the fixed cost flattens a fit from 8
  });

  it('has no slope with fewer than two sizes to fit, and skips refused cases', () => {
    const rows: SweepRow[] = [...powerSweep('dense', 4, [16]), { name: 'dense', widths: [512, 512, 1], result: null, skipped: 'refused' }];
    const [dense] = scalingSeries(rows, (w) => w[1], 8);
    expect(dense).toMatchObject({ slope: null, coefficient: null, points: [{ n: 16, us: 0.01 * 16 ** 4 }] });
  });
});

describe('scalingFigure', () => {
  it('draws each method and its dotted fit on log-log axes, the slope in the legend', () => {
    const series = scalingSeries(powerSweep('structured', 2, [8, 16, 32]), (w) => w[1], 8);
    const figure = scalingFigure(series, 'width n', 'title');
    expect(figure.data.map((t) => t.name)).toEqual(['structured: slope 2.00', 'fit n^2.00']);
    expect(figure.data[1].y).toEqual([0.64, 2.56, 10.24].map((y) => expect.closeTo(y, 10)));
    expect((figure.layout?.yaxis as { type: string }).type).toBe('log');
  });
});

describe('scalingTable', () => {
  it('has one row per size and one column per method, refused cases with their reason', () => {
    const rows: SweepRow[] = [...powerSweep('dense', 2, [8]), { name: 'dense', widths: [16, 16, 1], result: null, skipped: 'refused: too slow' }, ...powerSweep('structured', 1, [8, 16])];
    expect(scalingTable(rows, (w) => w[1], 'n')).toEqual({
      columns: ['n', 'dense', 'structured'],
      rows: [
        [8, '1.28 µs (fastest 0.64 µs)', '0.16 µs (fastest 0.08 µs)'],
        [16, 'refused: too slow', '0.32 µs (fastest 0.16 µs)'],
      ],
    });
  });
});
