// The lesson's exercises: for each, the functions the student writes, graded hints, a solution, and the
// case it is checked on (arguments, and the values TensorFlow.js computes for them on its cpu backend).
import { la } from '../../core/la';
import type { Matrix } from '../../core/matrix';
import { mulberry32 } from '../../core/randomNet';
import type { Tf } from '../../core/tfjsGradients';
import { checkPoints, type CheckTarget } from './exercise';

/** What the student's functions are called with, and what each should return. */
export interface ExerciseCase {
  /** Arguments of each function, in the order of `functions`. */
  args: Matrix[][];
  targets: CheckTarget[];
}

export interface Exercise {
  /** The functions the student writes, in order. */
  functions: string[];
  hints: string[];
  /** TypeScript the student can paste over their functions. */
  solution: string;
  /** What the checker says when every function is right. */
  success: string;
  /** The case, computed with tfjs (float32): the same numbers every run. */
  makeCase(tf: Tf): ExerciseCase;
}

const atX = (xs: readonly number[]) => (k: number) => `x = ${xs[k]}`;
const atEntry = (cols: number) => (k: number) => `[${Math.floor(k / cols)}, ${k % cols}]`;
/** Seeded values in [-2, 2], float32 so tfjs and the student's float64 code see the same numbers. */
const seeded = (n: number, seed: number): number[] => {
  const rng = mulberry32(seed);
  return Array.from({ length: n }, () => Math.fround(4 * rng() - 2));
};

function reluCase(tf: Tf): ExerciseCase {
  const xs = checkPoints();
  const column = la.array(xs, xs.length, 1);
  const [values, slopes] = tf.tidy(() => {
    const x = tf.tensor1d(xs);
    return [tf.relu(x).dataSync(), tf.grad((v) => tf.sum(tf.relu(v)))(x).dataSync()].map((a) => Float32Array.from(a));
  });
  const n = xs.length;
  return {
    args: [[column], [column]],
    targets: [
      { name: 'relu', expected: values, rows: n, cols: 1, at: atX(xs), unit: 'points' },
      {
        name: 'relu_der',
        expected: slopes,
        rows: n,
        cols: 1,
        at: atX(xs),
        unit: 'points',
        alsoRight: {
          test: (k, yours) => xs[k] === 0 && yours >= 0 && yours <= 1,
          note:
            `Your \`relu_der\` takes a value other than 0 at the kink: that is right too, since any slope in [0, 1] ` +
            "is a valid subgradient of the ReLU at 0. TensorFlow.js and PyTorch pick 0; the kink's cell below compares both choices.",
        },
      },
    ],
  };
}

function tanhVjpCase(tf: Tf): ExerciseCase {
  const xs = checkPoints(11).filter((x) => Math.abs(x) <= 20); // tanh is flat beyond: nothing to check there
  const n = xs.length;
  const g = seeded(n, 3);
  const expected = tf.tidy(() => {
    const gz = tf.tensor2d(g, [n, 1]);
    return Float32Array.from(tf.grad((z) => tf.sum(tf.mul(tf.tanh(z), gz)))(tf.tensor2d(xs, [n, 1])).dataSync());
  });
  return {
    args: [[la.array(xs, n, 1), la.array(g, 1, n)]],
    targets: [{ name: 'tanh_vjp', expected, rows: 1, cols: n, at: (k) => `z = ${xs[k]} (entry ${k})`, unit: 'points' }],
  };
}

function batchGradientCase(tf: Tf): ExerciseCase {
  const [ck, cPrev, B] = [3, 4, 5];
  const G = seeded(ck * B, 5);
  const Xprev = seeded(cPrev * B, 6);
  const [dW, dbeta] = tf.tidy(() => {
    const g = tf.tensor2d(G, [ck, B]);
    const x = tf.tensor2d(Xprev, [cPrev, B]);
    // l = sum(G * Z) with Z = W Xprev + beta (beta added to every column): dl/dZ = G, as the exercise says
    const loss = (W: import('@tensorflow/tfjs').Tensor, beta: import('@tensorflow/tfjs').Tensor) => tf.sum(tf.mul(g, tf.add(tf.matMul(W, x), beta)));
    const grads = tf.grads(loss)([tf.zeros([ck, cPrev]), tf.zeros([ck, 1])]);
    return grads.map((t) => Float32Array.from(t.dataSync()));
  });
  return {
    args: [[la.array(G, ck, B), la.array(Xprev, cPrev, B)], [la.array(G, ck, B)]],
    targets: [
      { name: 'batch_dW', expected: dW, rows: ck, cols: cPrev, at: atEntry(cPrev) },
      { name: 'batch_dbeta', expected: dbeta, rows: 1, cols: ck, at: atEntry(ck) }, // a row: the lesson's convention for dl/d(vector)
    ],
  };
}

export const exercises = {
  relu: {
    functions: ['relu', 'relu_der'],
    hints: [
      'Work entry by entry, as `sigmoid` does: `la.map(x, (v) => ...)` calls your arrow function on every entry `v` of `x` and returns a matrix of the results, shaped like `x`.',
      'In words: the ReLU keeps a positive number as it is and turns every other number into 0. Its derivative at `v` is the slope of whichever of those two pieces `v` lies on.',
      'At exactly `v = 0` the two pieces meet in a kink: there is no single slope, and any value in [0, 1] is a valid choice (a subgradient). TensorFlow.js and PyTorch take `0`, so `v > 0 ? 1 : 0`; the checker tries `0` on purpose and accepts any choice in [0, 1].',
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
    success: '**Both right.** The kink\'s cell below uses your functions.',
    makeCase: reluCase,
  },
  tanhVjp: {
    functions: ['tanh_vjp'],
    hints: [
      "For a function applied entry by entry, the Jacobian is diagonal, diag(f'(z)); the VJP is the row `g` times it. You never need the diagonal matrix: multiply entry by entry.",
      "tanh'(z) = 1 - tanh(z)², and `la.tanh` exists. Mind the shapes: `z` is a column (n x 1), `g` and your answer are rows (1 x n); `z.T` is a row.",
      'Put together: `la.mul(g, la.sub(1, la.mul(t, t)))` with `t = la.tanh(z.T)`.',
    ],
    solution: ['function tanh_vjp(z: Matrix, g: Matrix): Matrix {', '  const t = la.tanh(z.T); // a row, like g', '  return la.mul(g, la.sub(1, la.mul(t, t))); // g diag(1 - tanh(z)^2)', '}'].join('\n'),
    success: '**Right.** That is the rule a tape needs for tanh: compare it with the one in the tape cell above.',
    makeCase: tanhVjpCase,
  },
  batchGradient: {
    functions: ['batch_dW', 'batch_dbeta'],
    hints: [
      'One example at a time: its g (a row) gives dl/dW = gᵀ xᵀ, an outer product. The batch gradient is the sum of these over the B examples, that is, over the columns of `G` and `Xprev`.',
      'A sum of outer products of matching columns is one matrix product: (c_k x B) times (B x c_{k-1}). For the bias, each example contributes its g: add up the columns of `G`.',
      '`la.matmul(G, Xprev.T)`; and `la.sum(G, 1).T` (sum along each row gives a column; the lesson writes dl/dβ as a row).',
    ],
    solution: [
      'function batch_dW(G: Matrix, Xprev: Matrix): Matrix {',
      '  return la.matmul(G, Xprev.T); // the sum over the batch of g_b^T x_b^T',
      '}',
      '',
      'function batch_dbeta(G: Matrix): Matrix {',
      '  return la.sum(G, 1).T; // the sum over the batch of g_b, as a row',
      '}',
    ].join('\n'),
    success: '**Both right.** Summing over the batch is one matrix product: that is why frameworks feed examples in batches.',
    makeCase: batchGradientCase,
  },
} satisfies Record<string, Exercise>;

export type ExerciseName = keyof typeof exercises;

/** The exercise called `name`, or an error listing the ones there are. */
export function exerciseNamed(name: string): Exercise {
  if (!Object.hasOwn(exercises, name)) throw new Error(`no exercise called "${name}" (there is: ${Object.keys(exercises).join(', ')})`);
  return exercises[name as ExerciseName];
}
