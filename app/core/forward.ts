// The forward pass z_k = W_k X_{k-1} + beta_k, X_k = f(z_k), and the loss l = sum_i log(X_K[i]).
import { prepareNet, type PreparedNet } from './net';
import type { NetSpec } from './types';

/** The loss is not a finite number: some X_K[i] <= 0 (log undefined) or not finite. */
export class LossUndefinedError extends Error {
  /** K, i and X_K[i]: which output broke the loss. */
  readonly layer: number;
  readonly index: number;
  readonly value: number;
  constructor(layer: number, index: number, value: number) {
    const problem = Number.isFinite(value) ? 'is undefined' : 'is not finite';
    super(`log(X_K) ${problem}: X_${layer}[${index}] = ${value}`);
    this.name = 'LossUndefinedError';
    this.layer = layer;
    this.index = index;
    this.value = value;
  }
}

/**
 * Recomputes layers from+1..K in the net's buffers (from = 0: the whole pass). Finite differences
 * start higher up after changing a parameter of layer from+1 or the activations X_from.
 */
export function forwardLayers(net: PreparedNet, from = 0): void {
  const { widths, W, beta, z, X } = net;
  const f = net.activation.f;
  for (let k = from + 1; k <= net.K; k++) {
    const rows = widths[k];
    const cols = widths[k - 1];
    const Wk = W[k - 1];
    const bk = beta[k - 1];
    const zk = z[k - 1];
    const x = X[k - 1];
    const out = X[k];
    for (let i = 0; i < rows; i++) {
      const offset = i * cols;
      // Four partial sums: the add latency, not the multiplies, bounds a single-accumulator dot product.
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let j = 0;
      for (; j + 3 < cols; j += 4) {
        s0 += Wk[offset + j] * x[j];
        s1 += Wk[offset + j + 1] * x[j + 1];
        s2 += Wk[offset + j + 2] * x[j + 2];
        s3 += Wk[offset + j + 3] * x[j + 3];
      }
      for (; j < cols; j++) s0 += Wk[offset + j] * x[j];
      const zi = s0 + s1 + (s2 + s3) + bk[i];
      zk[i] = zi;
      out[i] = f(zi);
    }
  }
}

/** l = sum_i log(X_K[i]) from the net's buffers; LossUndefinedError names the first output that breaks it. */
export function lossOf(net: PreparedNet): number {
  const XK = net.X[net.K];
  let loss = 0;
  for (let i = 0; i < XK.length; i++) {
    const x = XK[i];
    if (!(x > 0 && x < Infinity)) throw new LossUndefinedError(net.K, i, x);
    loss += Math.log(x);
  }
  return loss;
}

/** Forward pass from layer from+1 on, then the loss. */
export function forwardPrepared(net: PreparedNet, from = 0): number {
  forwardLayers(net, from);
  return lossOf(net);
}

/** z_k (z[k-1]) and X_k (X[k], X[0] = X0) as plain arrays. */
export interface Activations {
  z: number[][];
  X: number[][];
}

const plainActivations = (net: PreparedNet): Activations => ({
  z: net.z.map((v) => Array.from(v)),
  X: net.X.map((v) => Array.from(v)),
});

/** The forward pass of a NetSpec without the loss (for showing a network whose loss is undefined). */
export function forwardActivations(spec: NetSpec): Activations {
  const net = prepareNet(spec);
  forwardLayers(net);
  return plainActivations(net);
}

/** The forward pass and the loss; throws LossUndefinedError where the loss is undefined. */
export function forward(spec: NetSpec): Activations & { loss: number } {
  const net = prepareNet(spec);
  const loss = forwardPrepared(net);
  return { ...plainActivations(net), loss };
}
