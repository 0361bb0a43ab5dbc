// The chain rule as vector-Jacobian products, never forming diag(f'(z_k)): what reverse-mode autograd
// does inside, in tight Float64Array loops.
//
// Backwards from dl/dX_K = 1 / X_K, for k = K..1:
//   g = dl/dX_k * f'(z_k)        (elementwise: the row vector times diag(f'(z_k)), without the diag)
//   dl/dbeta_k = g
//   dl/dW_k = g X_{k-1}^T         (an outer product: row i is g_i X_{k-1}^T, i.e. times E_i)
//   dl/dX_{k-1} = W_k^T g         (the row vector times W_k)
// For benchmarks: `structuredGradientsPrepared(prepareNet(spec))` converts nothing and allocates
// nothing after its first call (its result buffers are reused: copy what you keep).
import { allocGradients, prepareNet, toGradients, workspaceFor, type PreparedNet, type TypedGradients } from './net';
import { forwardPrepared } from './forward';
import type { Gradients, NetSpec } from './types';

/**
 * One sweep over W (rows x cols) gives both dW = g x^T and dx = W^T g. Four rows at a time, so each
 * dx[j] is loaded and stored once per four rows and each x[j] feeds four products.
 */
export function backpropLayerInto(
  W: Float64Array,
  g: Float64Array,
  x: Float64Array,
  dW: Float64Array,
  dx: Float64Array,
  rows: number,
  cols: number,
): void {
  dx.fill(0);
  let i = 0;
  for (; i + 3 < rows; i += 4) {
    const ga = g[i];
    const gb = g[i + 1];
    const gc = g[i + 2];
    const gd = g[i + 3];
    const oa = i * cols;
    const ob = oa + cols;
    const oc = ob + cols;
    const od = oc + cols;
    for (let j = 0; j < cols; j++) {
      const xj = x[j];
      dW[oa + j] = ga * xj;
      dW[ob + j] = gb * xj;
      dW[oc + j] = gc * xj;
      dW[od + j] = gd * xj;
      dx[j] += W[oa + j] * ga + W[ob + j] * gb + (W[oc + j] * gc + W[od + j] * gd);
    }
  }
  for (; i < rows; i++) {
    const gi = g[i];
    const o = i * cols;
    for (let j = 0; j < cols; j++) {
      dW[o + j] = gi * x[j];
      dx[j] += W[o + j] * gi;
    }
  }
}

const results = new WeakMap<PreparedNet, TypedGradients>();

/** Forward pass and gradients into `out` (by default one buffer per net, reused by every call). */
export function structuredGradientsPrepared(
  net: PreparedNet,
  out: TypedGradients = workspaceFor(results, net, () => allocGradients(net.widths)),
): TypedGradients {
  out.loss = forwardPrepared(net);
  const { K, widths, W, z, X } = net;
  const df = net.activation.df;
  const XK = X[K];
  const dXK = out.dX[K];
  for (let i = 0; i < XK.length; i++) dXK[i] = 1 / XK[i];

  for (let k = K; k >= 1; k--) {
    const rows = widths[k];
    const cols = widths[k - 1];
    const dXk = out.dX[k];
    const zk = z[k - 1];
    const g = out.dbeta[k - 1];
    for (let i = 0; i < rows; i++) g[i] = dXk[i] * df(zk[i]);
    backpropLayerInto(W[k - 1], g, X[k - 1], out.dW[k - 1], out.dX[k - 1], rows, cols);
  }
  return out;
}

/** Gradients of a NetSpec by the structured chain rule, as plain JSON. */
export function structuredGradients(spec: NetSpec): Gradients {
  const net = prepareNet(spec);
  return toGradients(structuredGradientsPrepared(net, allocGradients(net.widths)), net.widths);
}
