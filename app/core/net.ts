// The network as typed arrays, prepared once from a NetSpec: what the gradient methods and the
// benchmarks run on, so a timed call converts nothing.
import { activations, type Activation } from './activations';
import { validateNetSpec } from './netspec';
import type { Gradients, NetSpec } from './types';

/**
 * A validated network in Float64Arrays. Parameters may be changed in place (finite differences do);
 * `z` and `X` are the forward pass's buffers, filled by `forwardPrepared`.
 */
export interface PreparedNet {
  /** c_0..c_K. */
  readonly widths: readonly number[];
  /** Number of layers. */
  readonly K: number;
  readonly activation: Activation;
  /** W[k-1] is W_k, row-major c_k x c_{k-1}. */
  readonly W: Float64Array[];
  /** beta[k-1] is beta_k (c_k). */
  readonly beta: Float64Array[];
  /** z[k-1] is z_k = W_k X_{k-1} + beta_k. */
  readonly z: Float64Array[];
  /** X[k] is X_k for k = 0..K; X[0] is the input X0 itself. */
  readonly X: Float64Array[];
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

/** Validates the spec (NetSpecError on a problem) and copies it into typed arrays. */
export function prepareNet(spec: NetSpec): PreparedNet {
  const { widths, activation, X0, W, beta } = validateNetSpec(spec);
  return {
    widths,
    K: widths.length - 1,
    activation: activations[activation],
    W: W.map((rows) => Float64Array.from(rows.flat())),
    beta: beta.map((b) => Float64Array.from(b)),
    z: layers(widths, (rows) => new Float64Array(rows)),
    X: [Float64Array.from(X0), ...layers(widths, (rows) => new Float64Array(rows))],
  };
}

/** Zeroed buffers for the gradients of a network with these widths. */
export function allocGradients(widths: readonly number[]): TypedGradients {
  return {
    loss: NaN,
    dX: widths.map((c) => new Float64Array(c)),
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

/** Plain JSON gradients (copies), dW as rows. */
export function toGradients(typed: TypedGradients, widths: readonly number[]): Gradients {
  return {
    loss: typed.loss,
    dX: typed.dX.map((d) => Array.from(d)),
    dW: typed.dW.map((d, idx) => {
      const cols = widths[idx];
      return Array.from({ length: widths[idx + 1] }, (_, i) => Array.from(d.subarray(i * cols, (i + 1) * cols)));
    }),
    dbeta: typed.dbeta.map((d) => Array.from(d)),
  };
}
