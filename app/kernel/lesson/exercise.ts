// The ReLU exercise: the points a student's functions are checked on, the verdict on what they
// returned (naming the first point that disagrees with TensorFlow.js), and the hints and solution.
import { Matrix } from '../../core/matrix';
import { mulberry32 } from '../../core/randomNet';
import { withinTolerance, type Tolerance } from './agreement';

/**
 * Points to check an activation on, ascending: a grid over [-5, 5] (0 on it), the kink's close
 * neighbours, large values, and seeded random ones. Each is a float32 number, so TensorFlow.js
 * (float32) sees exactly the x the student's float64 code sees.
 */
export function checkPoints(seed = 7): number[] {
  const grid = Array.from({ length: 41 }, (_, i) => -5 + i * 0.25);
  const near = [-1e-12, -1e-6, -1e-3, 1e-12, 1e-6, 1e-3, -1000, -60, 60, 1000];
  const rng = mulberry32(seed);
  const random = Array.from({ length: 100 }, () => 20 * rng() - 10);
  return [...new Set([...grid, ...near, ...random].map(Math.fround))].sort((a, b) => a - b);
}

/** Float32 results are exact for ReLU; the slack allows a student's float64 formula for smooth ones. */
export const checkTolerance: Tolerance = { abs: 1e-6, rel: 1e-5 };

export type CheckStatus = 'ok' | 'not-implemented' | 'wrong-result' | 'mismatch';

export interface FunctionCheck {
  /** The student's function, e.g. `relu_der`. */
  name: string;
  status: CheckStatus;
  /** A few words for a table cell: `not written yet`, `differs at x = 0`, `agrees at all 151 points`. */
  summary: string;
  /** One sentence saying what came out, and for a mismatch where. */
  message: string;
  /** The first point (ascending) where the student's value and TensorFlow.js's differ. */
  first?: { x: number; yours: number; expected: number };
  /** Points checked. */
  total: number;
}

const describeKind = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? `a ${v.constructor?.name ?? 'object'}` : `a ${typeof v}`);

/**
 * Checks what the student's `name` returned for the column of `xs` against `expected` (TensorFlow.js's
 * values at the same points). Never throws: a wrong answer is a message, not an error.
 */
export function checkValues(name: string, xs: readonly number[], yours: unknown, expected: ArrayLike<number>, t: Tolerance = checkTolerance): FunctionCheck {
  const total = xs.length;
  if (yours === undefined || yours === null) {
    return { name, status: 'not-implemented', summary: 'not written yet', message: `${name} returned ${String(yours)}: it does not return anything yet.`, total };
  }
  if (!(yours instanceof Matrix)) {
    return { name, status: 'wrong-result', summary: 'not a matrix', message: `${name} returned ${describeKind(yours)}, expected a Matrix shaped like its input (${total}x1).`, total };
  }
  if (yours.size !== total) {
    return { name, status: 'wrong-result', summary: 'wrong shape', message: `${name} returned a ${yours.rows}x${yours.cols} matrix for a ${total}x1 input: it should keep the shape.`, total };
  }
  if (yours.data.every(Number.isNaN)) {
    return { name, status: 'not-implemented', summary: 'not written yet', message: `${name} returns NaN everywhere: not written yet (replace the NaN line).`, total };
  }
  const i = xs.findIndex((_, k) => !withinTolerance(expected[k], yours.data[k], t));
  if (i >= 0) {
    const first = { x: xs[i], yours: yours.data[i], expected: expected[i] };
    const message = `${name}(${first.x}) = ${first.yours} by yours, ${first.expected} by TensorFlow.js (the first of ${total} points, in ascending order, that disagrees).`;
    return { name, status: 'mismatch', summary: `differs at x = ${first.x}`, message, first, total };
  }
  return { name, status: 'ok', summary: `agrees at all ${total} points`, message: `${name} agrees with TensorFlow.js at all ${total} points, 0 included.`, total };
}

export interface Exercise {
  /** The functions the student writes, in order. */
  functions: string[];
  hints: string[];
  /** TypeScript the student can paste over their functions. */
  solution: string;
}

export const exercises: Record<'relu', Exercise> = {
  relu: {
    functions: ['relu', 'relu_der'],
    hints: [
      'Work entry by entry, as `sigmoid` does: `la.map(x, (v) => ...)` calls your arrow function on every entry `v` of `x` and returns a matrix of the results, shaped like `x`.',
      '`relu(v)` is `v` when `v > 0` and `0` otherwise (`la.maximum(0, x)` does the whole matrix at once). Its slope is `1` to the right of 0 and `0` to the left.',
      'At exactly `v = 0` there is a kink, and TensorFlow.js and PyTorch both take the slope as `0` there: so test `v > 0`, not `v >= 0`. The checker tries `0` on purpose.',
    ],
    solution: [
      'function relu(x: Matrix): Matrix {',
      '  return la.maximum(0, x); // max(0, x), entry by entry',
      '}',
      '',
      'function relu_der(x: Matrix): Matrix {',
      "  return la.map(x, (v) => (v > 0 ? 1 : 0)); // relu'(0) = 0, as TensorFlow.js and PyTorch",
      '}',
    ].join('\n'),
  },
};

export type ExerciseName = keyof typeof exercises;

/** The exercise called `name`, or an error listing the ones there are. */
export function exerciseNamed(name: string): Exercise {
  if (!Object.hasOwn(exercises, name)) throw new Error(`no exercise called "${name}" (there is: ${Object.keys(exercises).join(', ')})`);
  return exercises[name as ExerciseName];
}
