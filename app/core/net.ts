// The network as typed arrays, prepared once from a NetSpec: what the gradient methods and the
// benchmarks run on, so a timed call converts nothing.
import { activations, type Activation } from './activations';
import { validateNetSpec } from './netspec';
import type { LossInput } from './loss';
import type { ActivationName, Gradients, LossName, NetSpec } from './types';

/**
 * A validated network in Float64Arrays. Parameters may be changed in place (finite differences do);
 * `z` and `X` are the forward pass's buffers, filled by `forwardPrepared`.
 */
export interface PreparedNet {
  /** c_0..c_K. */
  readonly widths: readonly number[];
  /** Number of layers. */
  readonly K: number;
  /**
   * Samples in the batch (1 for one sample). X_k, z_k, Y and the typed gradients' dX_k hold the
   * samples one after another (B x c_k: sample b's c_k numbers at b c_k), so every per-sample step
   * runs on a contiguous vector, as for one sample; `samplesToRows` gives NumPy's c_k x B.
   */
  readonly B: number;
  /** activations[k-1] is layer k's. */
  readonly activations: readonly Activation[];
  readonly loss: LossName;
  /** The target, laid out as X_K, when the spec gives one. */
  readonly Y: Float64Array | null;
  /** W[k-1] is W_k, row-major c_k x c_{k-1}. */
  readonly W: Float64Array[];
  /** beta[k-1] is beta_k (c_k). */
  readonly beta: Float64Array[];
  /** z[k-1] is z_k = W_k X_{k-1} + beta_k. */
  readonly z: Float64Array[];
  /** X[k] is X_k for k = 0..K; X[0] is the input X0 itself. */
  readonly X: Float64Array[];
  /** What the loss reads (X_K is X[K] itself), made once: a timed call allocates nothing for it. */
  readonly output: LossInput;
}

/** Gradients as typed arrays, keyed as `Gradients`: dX[k] (k = 0..K), dW[k-1] row-major, dbeta[k-1]. */
export interface TypedGradients {
  loss: number;
  dX: Float64Array[];
  dW: Float64Array[];
  dbeta: Float64Array[];
}

const layers = <T>(widths: readonly number[], make: (rows: number, cols: number) => T): T[] =>
  widths.slice(1).map((rows, idx) => make(rows, widths[idx]));

/** The batch size of a spec: X0's columns when it is rows, 1 for one flat sample. */
export function batchSize(spec: Pick<NetSpec, 'X0'>): number {
  const first = spec.X0[0];
  return Array.isArray(first) ? first.length : 1;
}

/** Layer k's activation name (k = 1..K), whether the spec names one for all or one per layer. */
export function activationAt(spec: Pick<NetSpec, 'activation'>, k: number): ActivationName {
  return typeof spec.activation === 'string' ? spec.activation : spec.activation[k - 1];
}

/** Rows (or one flat row) into one row-major Float64Array, without the copies `flat()` makes. */
export function flatten(rows: readonly number[] | readonly (readonly number[])[]): Float64Array {
  const first = rows[0];
  if (!Array.isArray(first)) return Float64Array.from(rows as readonly number[]);
  const cols = first.length;
  const out = new Float64Array(rows.length * cols);
  (rows as readonly (readonly number[])[]).forEach((row, i) => out.set(row, i * cols));
  return out;
}

/** Samples given as c rows of B (or one flat sample) into B x c: sample after sample. */
export function samplesFrom(samples: readonly number[] | readonly (readonly number[])[]): Float64Array {
  const first = samples[0];
  if (!Array.isArray(first)) return Float64Array.from(samples as readonly number[]);
  const [c, B] = [samples.length, first.length];
  const out = new Float64Array(c * B);
  (samples as readonly (readonly number[])[]).forEach((row, i) => row.forEach((v, b) => (out[b * c + i] = v)));
  return out;
}

/** B x c sample after sample back to c rows of B, flat row-major (entry i B + b); one sample unchanged. */
export function samplesToRows(values: Float64Array, B: number): number[] {
  if (B === 1) return Array.from(values);
  const c = values.length / B;
  const out = new Array<number>(values.length);
  for (let b = 0; b < B; b++) for (let i = 0; i < c; i++) out[i * B + b] = values[b * c + i];
  return out;
}

/** c rows of B, flat row-major, into B x c sample after sample: the inverse of samplesToRows. */
export function rowsToSamples(values: ArrayLike<number>, B: number): Float64Array {
  const c = values.length / B;
  const out = new Float64Array(values.length);
  for (let b = 0; b < B; b++) for (let i = 0; i < c; i++) out[b * c + i] = values[i * B + b];
  return out;
}

/**
 * Copies a spec into typed arrays without checking it: for a spec valid by construction (the
 * panel's draft), where validateNetSpec's checks and copies would take seconds near the size limit.
 */
export function prepareTrusted(spec: NetSpec): PreparedNet {
  const { widths } = spec;
  const K = widths.length - 1;
  const B = batchSize(spec);
  const loss = spec.loss ?? 'log';
  const Y = spec.Y === undefined ? null : samplesFrom(spec.Y);
  const X = [samplesFrom(spec.X0), ...layers(widths, (rows) => new Float64Array(rows * B))];
  return {
    widths,
    K,
    B,
    activations: widths.slice(1).map((_, idx) => activations[activationAt(spec, idx + 1)]),
    loss,
    Y,
    W: spec.W.map(flatten),
    beta: spec.beta.map((b) => Float64Array.from(b)),
    z: layers(widths, (rows) => new Float64Array(rows * B)),
    X,
    output: { loss, XK: X[K], Y, K, B },
  };
}

/** Validates the spec (NetSpecError on a problem) and copies it into typed arrays. */
export function prepareNet(spec: NetSpec): PreparedNet {
  return prepareTrusted(validateNetSpec(spec));
}

/** Zeroed buffers for the gradients of a network with these widths (dX_k: B samples of c_k). */
export function allocGradients(widths: readonly number[], B = 1): TypedGradients {
  return {
    loss: NaN,
    dX: widths.map((c) => new Float64Array(c * B)),
    dW: layers(widths, (rows, cols) => new Float64Array(rows * cols)),
    dbeta: layers(widths, (rows) => new Float64Array(rows)),
  };
}

/** One result buffer per network and method, so repeated (timed) calls allocate nothing. */
export function workspaceFor<T>(cache: WeakMap<PreparedNet, T>, net: PreparedNet, make: () => T): T {
  let workspace = cache.get(net);
  if (workspace === undefined) {
    workspace = make();
    cache.set(net, workspace);
  }
  return workspace;
}

/** Plain JSON gradients (copies), dW as rows, a batch's dX_k as c_k x B row-major (see Gradients). */
export function toGradients(typed: TypedGradients, widths: readonly number[]): Gradients {
  const B = typed.dX[0].length / widths[0];
  return {
    loss: typed.loss,
    dX: typed.dX.map((d) => samplesToRows(d, B)),
    dW: typed.dW.map((d, idx) => {
      const cols = widths[idx];
      return Array.from({ length: widths[idx + 1] }, (_, i) => Array.from(d.subarray(i * cols, (i + 1) * cols)));
    }),
    dbeta: typed.dbeta.map((d) => Array.from(d)),
  };
}
