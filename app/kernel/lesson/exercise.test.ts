// The exercise checker: its points, its verdict on what a student's function returned, and the exercise's texts.
import { describe, expect, it } from 'vitest';
import { la } from '../../core/la';
import { checkPoints, checkValues, exerciseNamed, exercises } from './exercise';

const xs = checkPoints();
const column = la.array(xs, xs.length, 1);
// ReLU and its derivative from first principles (relu'(0) = 0, as TensorFlow.js and PyTorch).
const reluValues = xs.map((x) => Math.max(0, x));
const reluSlopes = xs.map((x) => (x > 0 ? 1 : 0));

describe('checkPoints', () => {
  it('are ascending, distinct float32 numbers with 0, its close neighbours and large values among them', () => {
    expect(xs.length).toBeGreaterThan(100);
    expect(xs.every((x, i) => i === 0 || x > xs[i - 1])).toBe(true);
    expect(xs.every((x) => Math.fround(x) === x)).toBe(true);
    for (const x of [0, Math.fround(1e-12), Math.fround(-1e-6), -1000, 1000]) expect(xs).toContain(x);
  });

  it('are the same for the same seed', () => expect(checkPoints(7)).toEqual(xs));
});

describe('checkValues', () => {
  it('passes a correct function', () => {
    const check = checkValues('relu', xs, la.map(column, (v) => Math.max(0, v)), reluValues);
    expect(check).toMatchObject({ status: 'ok', total: xs.length, summary: `agrees at all ${xs.length} points` });
    expect(check.message).toContain(`at all ${xs.length} points, 0 included`);
  });

  it.each([
    [undefined, 'not-implemented', 'relu returned undefined: it does not return anything yet.'],
    [la.map(column, () => NaN), 'not-implemented', 'relu returns NaN everywhere: not written yet (replace the NaN line).'],
    [3, 'wrong-result', `relu returned a number, expected a Matrix shaped like its input (${xs.length}x1).`],
    [[1, 2], 'wrong-result', `relu returned an array, expected a Matrix shaped like its input (${xs.length}x1).`],
    [la.zeros(2, 2), 'wrong-result', `relu returned a 2x2 matrix for a ${xs.length}x1 input: it should keep the shape.`],
  ])('says what is wrong with %j', (returned, status, message) => {
    expect(checkValues('relu', xs, returned, reluValues)).toMatchObject({ status, message });
  });

  it('names the kink when relu_der takes slope 1 at 0, and no other point', () => {
    const check = checkValues('relu_der', xs, la.map(column, (v) => (v >= 0 ? 1 : 0)), reluSlopes);
    expect(check.status).toBe('mismatch');
    expect(check.first).toEqual({ x: 0, yours: 1, expected: 0 });
    expect(check.summary).toBe('differs at x = 0');
    expect(check.message).toMatch(/^relu_der\(0\) = 1 by yours, 0 by TensorFlow\.js \(the first of \d+ points, in ascending order, that disagrees\)\.$/);
  });

  it('names the smallest point that disagrees', () => {
    const check = checkValues('relu', xs, la.map(column, (v) => Math.abs(v)), reluValues);
    expect(check.first).toEqual({ x: -1000, yours: 1000, expected: 0 });
  });
});

describe('exerciseNamed', () => {
  it('gives the ReLU exercise, its three hints and a solution defining both functions', () => {
    const relu = exerciseNamed('relu');
    expect(relu.functions).toEqual(['relu', 'relu_der']);
    expect(relu.hints).toHaveLength(3);
    expect(relu.solution).toMatch(/function relu\(x: Matrix\): Matrix[\s\S]*function relu_der\(x: Matrix\): Matrix/);
  });

  it('lists the exercises there are for an unknown name', () => {
    expect(() => exerciseNamed('tanh')).toThrow(`no exercise called "tanh" (there is: ${Object.keys(exercises).join(', ')})`);
    expect(() => exerciseNamed('toString')).toThrow('no exercise called "toString"');
  });
});
