// The exercise checker: its points, its verdict on what a student's function returned, and its report.
import { describe, expect, it } from 'vitest';
import { la } from '../../core/la';
import { callStudent, checkAgainst, checkPoints, checkReport, type CheckTarget } from './exercise';

const xs = checkPoints();
const column = la.array(xs, xs.length, 1);
// ReLU and its derivative from first principles (relu'(0) = 0, as TensorFlow.js and PyTorch).
const reluTarget: CheckTarget = { name: 'relu', expected: xs.map((x) => Math.max(0, x)), rows: xs.length, cols: 1, at: (k) => `x = ${xs[k]}`, unit: 'points' };
const slopeTarget: CheckTarget = {
  name: 'relu_der',
  expected: xs.map((x) => (x > 0 ? 1 : 0)),
  rows: xs.length,
  cols: 1,
  at: (k) => `x = ${xs[k]}`,
  unit: 'points',
  alsoRight: { test: (k, v) => xs[k] === 0 && v >= 0 && v <= 1, note: 'another convention' },
};

describe('checkPoints', () => {
  it('are ascending, distinct float32 numbers with 0, its close neighbours and large values among them', () => {
    expect(xs.length).toBeGreaterThan(100);
    expect(xs.every((x, i) => i === 0 || x > xs[i - 1])).toBe(true);
    expect(xs.every((x) => Math.fround(x) === x)).toBe(true);
    for (const x of [0, Math.fround(1e-12), Math.fround(-1e-6), -1000, 1000]) expect(xs).toContain(x);
  });

  it('are the same for the same seed', () => expect(checkPoints(7)).toEqual(xs));
});

describe('checkAgainst', () => {
  it('passes a correct function', () => {
    const check = checkAgainst(reluTarget, la.map(column, (v) => Math.max(0, v)));
    expect(check).toMatchObject({ status: 'ok', total: xs.length, summary: `agrees at all ${xs.length}` });
    expect(check.note).toBeUndefined();
  });

  it.each([
    [undefined, 'not-implemented', 'relu returned undefined: it does not return anything yet.'],
    [la.map(column, () => NaN), 'not-implemented', 'relu returns NaN everywhere: not written yet (replace the NaN line).'],
    [3, 'wrong-result', `relu returned a number, expected a ${xs.length}x1 Matrix.`],
    [[1, 2], 'wrong-result', `relu returned an array, expected a ${xs.length}x1 Matrix.`],
    [la.zeros(2, 2), 'wrong-result', `relu returned a 2x2 matrix, expected ${xs.length}x1.`],
  ])('says what is wrong with %j', (returned, status, message) => {
    expect(checkAgainst(reluTarget, returned)).toMatchObject({ status, message });
  });

  it("accepts relu'(0) = 1 or 0.5 (subgradients) with the target's note, and refuses 2 at 0, naming x = 0", () => {
    for (const at0 of [1, 0.5]) {
      const check = checkAgainst(slopeTarget, la.map(column, (v) => (v > 0 ? 1 : v === 0 ? at0 : 0)));
      expect(check).toMatchObject({ status: 'ok', note: 'another convention' });
    }
    const wrong = checkAgainst(slopeTarget, la.map(column, (v) => (v > 0 ? 1 : v === 0 ? 2 : 0)));
    expect(wrong).toMatchObject({ status: 'mismatch', disagreeing: 1, example: { at: 'x = 0', yours: 2, expected: 0 } });
  });

  it('counts every disagreeing point and shows the one that differs most, not the first in order', () => {
    // |x| instead of max(0, x): wrong at every negative point; the largest difference is at x = -1000
    const check = checkAgainst(reluTarget, la.map(column, (v) => Math.abs(v)));
    const negatives = xs.filter((x) => -x > 1e-6).length; // beyond the tolerance (abs 1e-6)
    expect(check).toMatchObject({ status: 'mismatch', disagreeing: negatives, example: { at: 'x = -1000', yours: 1000, expected: 0 } });
    expect(check.message).toBe(`relu disagrees at ${negatives} of ${xs.length} points; the largest difference is at x = -1000: 1000 by yours, 0 expected.`);
    // wrong only between 1 and 2 (by 0.1), and by 0.3 at x = 4.5: that point is shown, not the first one
    const small = checkAgainst(reluTarget, la.map(column, (v) => (v > 1 && v < 2 ? v + 0.1 : v === 4.5 ? v + 0.3 : Math.max(0, v))));
    expect(small.example).toMatchObject({ at: 'x = 4.5' });
  });

  it('names entries of a matrix result and counts them', () => {
    const target: CheckTarget = { name: 'batch_dW', expected: [1, 2, 3, 4, 5, 6], rows: 2, cols: 3, at: (k) => `[${Math.floor(k / 3)}, ${k % 3}]` };
    const check = checkAgainst(target, la.array([[1, 2, 3], [4, 9, 6]]));
    expect(check.message).toBe('batch_dW disagrees at 1 of 6 entries; the largest difference is at [1, 1]: 9 by yours, 5 expected.');
  });
});

describe('callStudent', () => {
  it('returns the value, or says what went wrong when the function throws or is not one', () => {
    expect(callStudent('f', (a: number) => a + 1, [1])).toEqual({ value: 2 });
    expect(callStudent('f', () => { throw new TypeError('x is undefined'); }, [])).toEqual({ failed: 'f threw TypeError: x is undefined' });
    expect(callStudent('f', 42, [])).toEqual({ failed: 'f is a number, not a function.' });
  });
});

describe('checkReport', () => {
  const words = { success: '**Right.**', stuck: 'Hints: lesson.hint(...)' };
  it('passes only when every function passes, with the notes of other conventions', () => {
    const ok = checkAgainst(reluTarget, la.map(column, (v) => Math.max(0, v)));
    const other = checkAgainst(slopeTarget, la.map(column, (v) => (v >= 0 ? 1 : 0)));
    const report = checkReport([ok, other], words);
    expect(report).toMatchObject({ passed: true, verdict: '**Right.** another convention', rowOk: [true, true] });
  });

  it('lists each problem, not-written functions as neither passed nor failed', () => {
    const missing = checkAgainst(reluTarget, undefined);
    const wrong = checkAgainst(reluTarget, la.map(column, (v) => Math.abs(v)));
    const report = checkReport([missing, wrong], words);
    expect(report.passed).toBe(false);
    expect(report.rowOk).toEqual([null, false]);
    expect(report.rows[1]).toEqual(['relu', `differs at ${xs.filter((x) => -x > 1e-6).length} of ${xs.length}`, 'x = -1000', 1000, 0]);
    expect(report.verdict).toContain(`- ${missing.message}\n- ${wrong.message}`);
    expect(report.verdict).toContain('Hints: lesson.hint(...)');
  });
});
