// The losses and their derivatives dl/dX_K, side by side, written from their definitions:
//   log: l = sum_i log X_K[i]                                   dl/dX_K[i] = 1 / X_K[i]
//   mse: l = (1/N) sum_i (X_K[i] - Y[i])^2                       dl/dX_K[i] = 2 (X_K[i] - Y[i]) / N
//   bce: l = -(1/N) sum_i [Y log X_K + (1 - Y) log(1 - X_K)]     dl/dX_K[i] = (-Y/X_K + (1 - Y)/(1 - X_K)) / N
// i runs over every entry of X_K (c_K x B), N = c_K B: PyTorch's mse_loss and binary_cross_entropy
// with their default reduction, the mean. A bce term whose weight (Y or 1 - Y) is 0 is 0, log or not.
// Where a needed log is of 0, PyTorch clamps it at -100; here the loss is refused, naming the entry.
import type { LossName } from './types';

/** KaTeX of each loss, for the page: the formula shown is the one computed here. */
export const lossTex: Record<LossName, string> = {
  log: String.raw`l = \sum_{i} \log X_K[i]`,
  mse: String.raw`l = \frac{1}{N} \sum_{i} \bigl(X_K[i] - Y[i]\bigr)^2`,
  bce: String.raw`l = -\frac{1}{N} \sum_{i} \bigl[Y[i] \log X_K[i] + (1 - Y[i]) \log(1 - X_K[i])\bigr]`,
};

/** The loss is not a finite number at the network's output; names the entry that breaks it. */
export class LossUndefinedError extends Error {
  /** K, the index (sample after sample: b c_K + i) and the value: which output broke the loss. */
  readonly layer: number;
  readonly index: number;
  readonly value: number;
  constructor(layer: number, index: number, value: number, how: { loss?: LossName; B?: number; rows?: number; target?: number } = {}) {
    // For a batch, entry [i][b] as NumPy's (c_K, B) reads: row i, sample b.
    const rows = how.rows ?? 1;
    const at = (how.B ?? 1) === 1 ? `[${index}]` : `[${index % rows}][${Math.floor(index / rows)}]`;
    const problem = Number.isFinite(value) ? 'is undefined' : 'is not finite';
    const term = { log: 'log(X_K)', mse: '(X_K - Y)^2', bce: value >= 1 ? 'log(1 - X_K)' : 'log(X_K)' }[how.loss ?? 'log'];
    const target = how.target === undefined ? '' : ` (target Y${at} = ${how.target})`;
    super(`${term} ${problem}: X_${layer}${at} = ${value}${target}`);
    this.name = 'LossUndefinedError';
    this.layer = layer;
    this.index = index;
    this.value = value;
  }
}

/** The output of a network, for the loss: X_K and Y (sample after sample), with K and B for messages. */
export interface LossInput {
  readonly loss: LossName;
  readonly XK: Float64Array;
  readonly Y: Float64Array | null;
  readonly K: number;
  readonly B: number;
}

const targetOf = (out: LossInput): Float64Array => {
  if (out.Y === null || out.Y.length !== out.XK.length) throw new Error(`loss "${out.loss}" needs a target Y with X_K's ${out.XK.length} entries`);
  return out.Y;
};

function logLoss({ XK, K, B }: LossInput): number {
  let loss = 0;
  for (let i = 0; i < XK.length; i++) {
    const x = XK[i];
    if (!(x > 0 && x < Infinity)) throw new LossUndefinedError(K, i, x, { B, rows: XK.length / B });
    loss += Math.log(x);
  }
  return loss;
}

function mseLoss(out: LossInput): number {
  const { XK, K, B } = out;
  const Y = targetOf(out);
  let sum = 0;
  for (let i = 0; i < XK.length; i++) {
    const x = XK[i];
    if (!Number.isFinite(x)) throw new LossUndefinedError(K, i, x, { loss: 'mse', B, rows: XK.length / B });
    const d = x - Y[i];
    sum += d * d;
  }
  return sum / XK.length;
}

function bceLoss(out: LossInput): number {
  const { XK, K, B } = out;
  const Y = targetOf(out);
  let sum = 0;
  for (let i = 0; i < XK.length; i++) {
    const [x, y] = [XK[i], Y[i]];
    // log X_K is needed where y > 0, log(1 - X_K) where y < 1: each must be finite there.
    const needsLogX = y > 0 && !(x > 0 && x <= 1);
    const needsLog1mX = y < 1 && !(x >= 0 && x < 1);
    if (needsLogX || needsLog1mX) throw new LossUndefinedError(K, i, x, { loss: 'bce', B, rows: XK.length / B, target: y });
    if (y > 0) sum += y * Math.log(x);
    if (y < 1) sum += (1 - y) * Math.log(1 - x);
  }
  return -sum / XK.length;
}

/** The loss at the network's output; LossUndefinedError names the first entry where it is undefined. */
export function lossValue(out: LossInput): number {
  switch (out.loss) {
    case 'log':
      return logLoss(out);
    case 'mse':
      return mseLoss(out);
    case 'bce':
      return bceLoss(out);
    default: {
      const unknown: never = out.loss;
      throw new Error(`loss "${String(unknown)}" is unknown`);
    }
  }
}

/** dl/dX_K into `dXK` (same layout as X_K), at an output where the loss is defined (lossValue first). */
export function lossGradientInto(out: LossInput, dXK: Float64Array): void {
  const { XK } = out;
  const N = XK.length;
  if (out.loss === 'log') {
    for (let i = 0; i < N; i++) dXK[i] = 1 / XK[i];
    return;
  }
  const Y = targetOf(out);
  if (out.loss === 'mse') {
    for (let i = 0; i < N; i++) dXK[i] = (2 * (XK[i] - Y[i])) / N;
    return;
  }
  for (let i = 0; i < N; i++) {
    const [x, y] = [XK[i], Y[i]];
    dXK[i] = ((y < 1 ? (1 - y) / (1 - x) : 0) - (y > 0 ? y / x : 0)) / N;
  }
}
