// The exercise checker: what a student's function returned, compared entry by entry with the expected
// values (TensorFlow.js's, see exercises.ts), as a verdict that says how many entries disagree and
// shows the one that differs most. It never throws: a wrong answer is a message, not an error.
import { Matrix } from '../../core/matrix';
import { mulberry32 } from '../../core/randomNet';
import type { TableCell } from '../protocol';
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

/** What one student function should return. */
export interface CheckTarget {
  /** The student's function, e.g. `relu_der`. */
  name: string;
  /** The expected values, row-major, in the shape rows x cols. */
  expected: ArrayLike<number>;
  rows: number;
  cols: number;
  /** Where entry k is, as the student reads it: `x = 0`, or `[1, 2]`. */
  at: (k: number) => string;
  /** What the entries are called in messages (default `entries`). */
  unit?: 'points' | 'entries';
  /** Other answers that are right too (e.g. relu'(0) in [0, 1]), and what to say when one is used. */
  alsoRight?: { test: (k: number, yours: number) => boolean; note: string };
}

/** One entry where the student's value and the expected one differ. */
export interface Disagreement {
  at: string;
  yours: number;
  expected: number;
}

export interface FunctionCheck {
  name: string;
  status: CheckStatus;
  /** A few words for a table cell: `not written yet`, `differs at 3 of 151 points`, `agrees at all 151 points`. */
  summary: string;
  /** One sentence saying what came out, and for a mismatch how many entries and which differs most. */
  message: string;
  /** The entry that differs most (for a mismatch). */
  example?: Disagreement;
  /** How many entries disagree (for a mismatch). */
  disagreeing?: number;
  /** Entries checked. */
  total: number;
  /** Set when the answer is right by another valid convention (see CheckTarget.alsoRight). */
  note?: string;
}

const describeKind = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? `a ${v.constructor?.name ?? 'object'}` : `a ${typeof v}`);

/** Compares what the student's function returned with `target`. */
export function checkAgainst(target: CheckTarget, yours: unknown, t: Tolerance = checkTolerance): FunctionCheck {
  const { name, rows, cols, expected } = target;
  const total = rows * cols;
  const shape = `${rows}x${cols}`;
  if (yours === undefined || yours === null) {
    return { name, status: 'not-implemented', summary: 'not written yet', message: `${name} returned ${String(yours)}: it does not return anything yet.`, total };
  }
  if (!(yours instanceof Matrix)) {
    return { name, status: 'wrong-result', summary: 'not a matrix', message: `${name} returned ${describeKind(yours)}, expected a ${shape} Matrix.`, total };
  }
  if (yours.rows !== rows || yours.cols !== cols) {
    return { name, status: 'wrong-result', summary: 'wrong shape', message: `${name} returned a ${yours.rows}x${yours.cols} matrix, expected ${shape}.`, total };
  }
  if (yours.data.every(Number.isNaN)) {
    return { name, status: 'not-implemented', summary: 'not written yet', message: `${name} returns NaN everywhere: not written yet (replace the NaN line).`, total };
  }
  let worst = -1;
  let worstDiff = -1;
  let disagreeing = 0;
  let usedOther = false;
  for (let k = 0; k < total; k++) {
    const v = yours.data[k];
    if (withinTolerance(expected[k], v, t)) continue;
    if (target.alsoRight?.test(k, v)) {
      usedOther = true;
      continue;
    }
    disagreeing++;
    const diff = Number.isNaN(v) ? Infinity : Math.abs(v - expected[k]);
    if (diff > worstDiff) [worst, worstDiff] = [k, diff];
  }
  if (disagreeing > 0) {
    const example = { at: target.at(worst), yours: yours.data[worst], expected: expected[worst] };
    const message =
      `${name} disagrees at ${disagreeing} of ${total} ${target.unit ?? 'entries'}; ` +
      `the largest difference is at ${example.at}: ${example.yours} by yours, ${example.expected} expected.`;
    return { name, status: 'mismatch', summary: `differs at ${disagreeing} of ${total}`, message, example, disagreeing, total };
  }
  const agrees: FunctionCheck = { name, status: 'ok', summary: `agrees at all ${total}`, message: `${name} agrees at all ${total} ${target.unit ?? 'entries'}.`, total };
  return usedOther && target.alsoRight ? { ...agrees, summary: `agrees at all ${total} (another valid convention)`, note: target.alsoRight.note } : agrees;
}

/** Calls a student's function, turning a throw into what the checker reports. */
export function callStudent(name: string, fn: unknown, args: readonly unknown[]): { value: unknown } | { failed: string } {
  if (typeof fn !== 'function') return { failed: `${name} is ${describeKind(fn)}, not a function.` };
  try {
    return { value: (fn as (...a: unknown[]) => unknown)(...args) };
  } catch (error) {
    return { failed: `${name} threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}` };
  }
}

/** The check of a function that could not be called or threw. */
export const failedCall = (name: string, message: string, total: number): FunctionCheck => ({ name, status: 'wrong-result', summary: 'failed', message, total });

/** The checker's table and verdict, from the checks of every function of an exercise. */
export function checkReport(
  checks: readonly FunctionCheck[],
  words: { success: string; stuck: string },
): { columns: string[]; rows: TableCell[][]; rowOk: (boolean | null)[]; verdict: string; passed: boolean } {
  const passed = checks.every((c) => c.status === 'ok');
  const rows = checks.map((c): TableCell[] => [c.name, c.summary, c.example?.at ?? null, c.example?.yours ?? null, c.example?.expected ?? null]);
  const rowOk = checks.map((c) => (c.status === 'ok' ? true : c.status === 'not-implemented' ? null : false));
  const notes = checks.flatMap((c) => (c.note === undefined ? [] : [c.note]));
  const problems = checks.filter((c) => c.status !== 'ok').map((c) => `- ${c.message}`);
  const verdict = passed
    ? [words.success, ...notes].join(' ')
    : `**Not there yet.**\n\n${problems.join('\n')}\n\nFix one problem at a time and run the cell again. ${words.stuck}`;
  return { columns: ['function', 'result', 'largest difference at', 'yours there', 'expected there'], rows, rowOk, verdict, passed };
}
