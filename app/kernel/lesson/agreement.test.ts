// Agreement between methods: the tolerance rule, per-gradient differences, the comparison table and its verdict.
import { describe, expect, it } from 'vitest';
import seed from '../../../reference/seed-values.json' with { type: 'json' };
import { la } from '../../core/la';
import type { Gradients } from '../../core/types';
import { agreementOf, comparisonReport, compactValues, formatDiff, fullCells, tableThreshold, formatTolerance, gradientsFromRecords, gradientsSideBySide, withinTolerance, type ComparisonInput } from './agreement';

/** The original's gradients (float64, from the seed), and the same rounded to float32 as tfjs would hold them. */
const exact: Gradients = { loss: seed.float64.loss, dX: seed.float64.dX, dW: seed.float64.dW, dbeta: seed.float64.dbeta };
const map = (g: Gradients, f: (x: number) => number): Gradients => ({
  loss: f(g.loss),
  dX: g.dX.map((v) => v.map(f)),
  dW: g.dW.map((w) => w.map((r) => r.map(f))),
  dbeta: g.dbeta.map((v) => v.map(f)),
});
const float32 = map(exact, Math.fround);
const tolerance = { autograd: { abs: 1e-4, rel: 1e-4 }, fd: { abs: 1e-6, rel: 1e-6 } };
const input = (over: Partial<ComparisonInput> = {}): ComparisonInput => ({ manual: exact, autograd: float32, fd: exact, tolerance, backend: 'cpu', nearKink: false, ...over });
const names = ['dl/dX0', 'dl/dX2', 'dl/dX1', 'dl/dW1', 'dl/dbeta1', 'dl/dW2', 'dl/dbeta2'];

describe('withinTolerance', () => {
  it.each([
    [1, 1 + 1e-5, true],
    [1, 1 + 3e-4, false],
    [100, 100.01, true], // the relative part: 1e-4 + 1e-4 * 100
    [0, 1e-4, true],
    [0, 2e-4, false],
    [1, NaN, false],
    [NaN, NaN, false],
  ])('reference %d, value %d: %s', (reference, value, ok) => {
    expect(withinTolerance(reference, value, { abs: 1e-4, rel: 1e-4 })).toBe(ok);
  });
});

describe('agreementOf', () => {
  it('finds float32 rounding of the seed gradients within 1e-4, with differences below float32 epsilon times the values', () => {
    const agreement = agreementOf(exact, float32, tolerance.autograd);
    expect(agreement.map((a) => a.name)).toEqual(names);
    expect(agreement.every((a) => a.ok)).toBe(true);
    for (const a of agreement) expect(a.maxAbsDiff).toBeLessThan(1.5 * 2 ** -24);
  });

  it('names the first entry outside the tolerance, and a NaN counts as the largest difference', () => {
    const wrong = map(exact, (x) => x);
    wrong.dW[0][1][0] = 0.5; // entry 2 of dl/dW1, row-major
    wrong.dbeta[1][0] = NaN;
    const byName = new Map(agreementOf(exact, wrong, tolerance.autograd).map((a) => [a.name, a]));
    expect(byName.get('dl/dW1')).toMatchObject({ ok: false, worst: { index: 2, value: 0.5, reference: seed.float64.dW[0][1][0] } });
    expect(byName.get('dl/dbeta2')?.ok).toBe(false);
    expect(byName.get('dl/dbeta2')?.maxAbsDiff).toBeNaN();
    expect(byName.get('dl/dX0')?.ok).toBe(true);
  });

  it('refuses gradients of other shapes, naming the gradient', () => {
    const other = map(exact, (x) => x);
    other.dbeta[0] = [1, 2];
    expect(() => agreementOf(exact, other, tolerance.autograd)).toThrow('dl/dbeta1 has shape 3 in the reference but 2 in the other method');
  });
});

describe('comparisonReport', () => {
  it('passes every row of the original network and states both tolerances and the backend', () => {
    const report = comparisonReport(input());
    expect(report.rows.map((r) => r[0])).toEqual(names);
    expect(report.rowOk).toEqual(names.map(() => true));
    expect(report.ok).toBe(true);
    expect(report.columns).toContain('autograd (tfjs cpu, float32)');
    expect(report.verdict).toMatch(/^Verdict: they agree\./);
    expect(report.verdict).toContain('tolerance 1e-4 + 1e-4·|manual|');
    expect(report.verdict).toContain('tolerance 1e-6 + 1e-6·|manual|');
    expect(report.fdMaxDiff).toBe(0);
    // NumPy's print of dl/dW1 with 6 decimals, rows on their own lines; the differences in the last two columns.
    expect(report.rows[3]).toEqual(['dl/dW1', '[[-0.059482  0.059482]\n [ 0.006912 -0.006912]\n [ 0.006841 -0.006841]]', expect.any(String), expect.stringMatching(/e-9$/), '0']);
  });

  it('warns that WebGL may compute in lower precision', () => {
    expect(comparisonReport(input({ backend: 'webgl' })).verdict).toContain('WebGL may compute in lower precision');
  });

  it('fails the row of a wrong gradient and says where', () => {
    const report = comparisonReport(input({ autograd: map(float32, (x) => x * 1.01) }));
    expect(report.ok).toBe(false);
    expect(report.rowOk.every((ok) => !ok)).toBe(true);
    expect(report.verdict).toMatch(/^Verdict: they do NOT agree\. Autograd differs at dl\/dX0: entry 0 is/);
  });

  it('excuses finite differences at a kink only, and says why', () => {
    const fd = map(exact, (x) => x);
    fd.dbeta[0][0] /= 2; // a central difference straddling a kink: the average of the slopes
    const atKink = comparisonReport(input({ fd, nearKink: true }));
    expect(atKink.ok).toBe(true);
    expect(atKink.rows[4][4]).toMatch(/ \(kink\)$/);
    expect(atKink.verdict).toContain('Finite differences agree except at dl/dbeta1');
    const noKink = comparisonReport(input({ fd }));
    expect(noKink.ok).toBe(false);
    expect(noKink.verdict).toContain('Finite differences differ at dl/dbeta1: entry 0');
  });

  it('says why finite differences were skipped', () => {
    const report = comparisonReport(input({ fd: null, fdSkipped: 'too many numbers' }));
    expect(report.ok).toBe(true);
    expect(report.rows[0][4]).toBe('skipped');
    expect(report.fdMaxDiff).toBeNull();
    expect(report.verdict).toContain('Finite differences were skipped: too many numbers.');
  });
});

describe('formatDiff and formatTolerance', () => {
  it.each([
    [1.4e-8, '1.4e-8'],
    [0, '0'],
    [NaN, 'NaN'],
  ])('%d reads %s', (d, text) => expect(formatDiff(d)).toBe(text));

  it('writes abs + rel·|reference|', () => expect(formatTolerance({ abs: 1e-2, rel: 1e-3 }, 'x')).toBe('1e-2 + 1e-3·|x|'));
});

describe('gradientsFromRecords', () => {
  it('reads the lesson dictionaries (rows, columns, 1-D arrays) into Gradients', () => {
    const g = gradientsFromRecords(
      { 0: la.row([1, 2]), 1: la.vector([3]) },
      { 1: la.array([[4, 5]]) },
      { 1: Float64Array.of(6) },
      -0.5,
    );
    expect(g).toEqual({ loss: -0.5, dX: [[1, 2], [3]], dW: [[[4, 5]]], dbeta: [[6]] });
  });

  it('names a missing layer', () => {
    expect(() => gradientsFromRecords({ 0: la.row([1]) }, { 1: la.array([[1]]) }, { 1: [1] })).toThrow('dldX[1] is missing');
  });
});

describe('gradientsSideBySide', () => {
  it('puts each method in a column, one row per gradient', () => {
    const { columns, rows } = gradientsSideBySide({ manual: exact, tfjs: float32 });
    expect(columns).toEqual(['gradient', 'manual', 'tfjs']);
    expect(rows.map((r) => r[0])).toEqual(names);
    expect(rows[0][1]).toBe('[[-0.05247   0.282375]]');
  });
});

/** A rows x cols gradient whose entry i is i + 0.5 (every entry distinct, easy to find in the text). */
const counting = (rows: number, cols: number) => ({ name: 'dl/dW1', values: Array.from({ length: rows * cols }, (_, i) => i + 0.5), shape: [rows, cols] });
/** The numbers a cell's text holds, in order. */
const numbersIn = (text: string): number[] => (text.match(/-?\d+\.\d*(e[-+]?\d+)?/g) ?? []).map(Number);

describe('compactValues', () => {
  it('shows every entry of a 5x4 gradient, one matrix row per line (the old table hid a row)', () => {
    const text = compactValues(counting(5, 4));
    expect(numbersIn(text)).toEqual(Array.from({ length: 20 }, (_, i) => i + 0.5));
    expect(text.split('\n')).toHaveLength(5);
    expect(text).not.toContain('...');
  });

  it('shows all of NumPy threshold (1,000 entries) and summarises past it', () => {
    expect(tableThreshold).toBe(1000);
    expect(numbersIn(compactValues(counting(40, 25)))).toHaveLength(1000);
    const summarised = compactValues(counting(41, 25));
    expect(summarised).toContain('...');
    // NumPy's edge items: 3 rows at each end, 3 columns at each end of those.
    expect(numbersIn(summarised)).toHaveLength(6 * 6);
  });
});

describe('fullCells', () => {
  it('gives every entry of a summarised gradient only, at its place in the table', () => {
    const cells = fullCells([
      { row: 0, col: 1, entry: counting(5, 4) },
      { row: 3, col: 2, entry: counting(41, 25) },
    ]);
    expect(cells.map(({ row, col, entries }) => ({ row, col, entries }))).toEqual([{ row: 3, col: 2, entries: 1025 }]);
    expect(numbersIn(cells[0].text ?? '')).toEqual(Array.from({ length: 1025 }, (_, i) => i + 0.5));
  });

  it('sends null for what no longer fits the budget, in table order', () => {
    const big = { row: 0, col: 1, entry: counting(41, 25) };
    const cells = fullCells([big, { ...big, col: 2 }], 20_000);
    expect(cells[0].text).not.toBeNull();
    expect(cells[1].text).toBeNull();
    expect(cells[1].entries).toBe(1025);
  });
});
