// The original notebook's way: every Jacobian built as a full matrix, then row vector times matrix.
//
//   dfXdX  = diag(f'(z_k)) W_k     d f(X_{k-1}) / d X_{k-1}     (jacobianWrtInput)
//   dfXdbeta = diag(f'(z_k))       d f(X_{k-1}) / d beta_k      (jacobianWrtBias)
//   dfXdWi = diag(f'(z_k)) E_i     d f(X_{k-1}) / d row i of W_k, E_i zero but row i = X_{k-1}^T
//                                                                (jacobianWrtWeightRow)
// Loops as in the original: all dfXdX first; dl/dX_K (1/X_K for the log loss); dl/dX_{k-1} = dl/dX_k dfXdX; then per
// layer dl/dbeta_k = dl/dX_k dfXdbeta and row i of dl/dW_k = dl/dX_k dfXdWi. The products with diag
// and E_i are real dense matrix products, as np.matmul does them: n^3 per row of W, n^4 per layer.
// That cost is the lesson; only allocation is avoided (buffers per network, reused).
// A batch runs the same per sample (a column at a time) and sums dl/dW_k and dl/dbeta_k.
// For benchmarks: `denseGradientsPrepared(prepareNet(spec))` (result buffers reused: copy what you keep).
import { activations, type Activation } from './activations';
import { forwardPrepared, lossGradientOf } from './forward';
import { la } from './la';
import { Matrix, shapeText } from './matrix';
import { allocGradients, prepareNet, toGradients, workspaceFor, type PreparedNet, type TypedGradients } from './net';
import type { ActivationName, Gradients, NetSpec } from './types';

/** out (n x n) = diag(d). */
function diagInto(d: Float64Array, out: Float64Array): void {
  const n = d.length;
  out.fill(0);
  for (let i = 0; i < n; i++) out[i * n + i] = d[i];
}

/** out (m x n) = A (m x p) B (p x n), every product formed, zeros included. */
function matmulInto(A: Float64Array, B: Float64Array, out: Float64Array, m: number, p: number, n: number): void {
  out.fill(0);
  for (let i = 0; i < m; i++) {
    const outRow = i * n;
    for (let q = 0; q < p; q++) {
      const a = A[i * p + q];
      const bRow = q * n;
      for (let j = 0; j < n; j++) out[outRow + j] += a * B[bRow + j];
    }
  }
}

/** out[at..at+n) (1 x n) = v (1 x m) M (m x n); `at` writes a row of dl/dW_k without a subarray. */
function vecmatInto(v: Float64Array, M: Float64Array, out: Float64Array, m: number, n: number, at = 0): void {
  out.fill(0, at, at + n);
  for (let q = 0; q < m; q++) {
    const vq = v[q];
    for (let j = 0; j < n; j++) out[at + j] += vq * M[q * n + j];
  }
}

/** Scratch matrices for one layer (rows = c_k, cols = c_{k-1}). */
interface LayerScratch {
  dfdz: Float64Array;
  D: Float64Array;
  E: Float64Array;
  dfXdX: Float64Array;
  dfXdbeta: Float64Array;
  dfXdWi: Float64Array;
}

const layerScratch = (rows: number, cols: number): LayerScratch => ({
  dfdz: new Float64Array(rows),
  D: new Float64Array(rows * rows),
  E: new Float64Array(rows * cols),
  dfXdX: new Float64Array(rows * cols),
  dfXdbeta: new Float64Array(rows * rows),
  dfXdWi: new Float64Array(rows * cols),
});

/** diag(f'(z)) W into s.dfXdX. */
function jacobianWrtInputInto(s: LayerScratch, W: Float64Array, cols: number): void {
  const rows = s.dfdz.length;
  diagInto(s.dfdz, s.D);
  matmulInto(s.D, W, s.dfXdX, rows, rows, cols);
}

/** diag(f'(z)) into s.dfXdbeta. */
function jacobianWrtBiasInto(s: LayerScratch): void {
  diagInto(s.dfdz, s.dfXdbeta);
}

/** diag(f'(z)) E_i into s.dfXdWi, E_i zero but row i = x^T. */
function jacobianWrtWeightRowInto(s: LayerScratch, x: Float64Array, i: number): void {
  const rows = s.dfdz.length;
  const cols = x.length;
  diagInto(s.dfdz, s.D);
  s.E.fill(0);
  s.E.set(x, i * cols);
  matmulInto(s.D, s.E, s.dfXdWi, rows, rows, cols);
}

interface DenseWorkspace {
  layers: LayerScratch[];
  out: TypedGradients;
  /** One sample's gradients, for a batch (whose dW and dbeta are their sums). */
  sample: TypedGradients | null;
}

const workspaces = new WeakMap<PreparedNet, DenseWorkspace>();

const denseWorkspace = (net: PreparedNet): DenseWorkspace => ({
  layers: net.widths.slice(1).map((rows, idx) => layerScratch(rows, net.widths[idx])),
  out: allocGradients(net.widths, net.B),
  sample: net.B === 1 ? null : allocGradients(net.widths),
});

/** One sample's backward pass, the original's way, from grads.dX[K] (already set) and its z, X columns. */
function denseBackward(workspace: DenseWorkspace, net: PreparedNet, z: Float64Array[], X: Float64Array[], grads: TypedGradients): void {
  const { K, widths, W } = net;
  for (let k = 1; k <= K; k++) {
    const s = workspace.layers[k - 1];
    const zk = z[k - 1];
    const df = net.activations[k - 1].df;
    for (let i = 0; i < zk.length; i++) s.dfdz[i] = df(zk[i]);
    jacobianWrtInputInto(s, W[k - 1], widths[k - 1]);
  }

  for (let k = K; k >= 1; k--) {
    vecmatInto(grads.dX[k], workspace.layers[k - 1].dfXdX, grads.dX[k - 1], widths[k], widths[k - 1]);
  }

  for (let k = K; k >= 1; k--) {
    const s = workspace.layers[k - 1];
    const [rows, cols] = [widths[k], widths[k - 1]];
    jacobianWrtBiasInto(s);
    vecmatInto(grads.dX[k], s.dfXdbeta, grads.dbeta[k - 1], rows, rows);
    for (let i = 0; i < rows; i++) {
      jacobianWrtWeightRowInto(s, X[k - 1], i);
      vecmatInto(grads.dX[k], s.dfXdWi, grads.dW[k - 1], rows, cols, i * cols);
    }
  }
}

const addInto = (sum: Float64Array, add: Float64Array): void => {
  for (let i = 0; i < sum.length; i++) sum[i] += add[i];
};

/** Sample b of a buffer holding B samples one after another. */
const sampleOf = (values: Float64Array, b: number, B: number): Float64Array => {
  const c = values.length / B;
  return values.subarray(b * c, (b + 1) * c);
};

/** The batch, one sample at a time: dl/dX_k sample by sample, dl/dW_k and dl/dbeta_k summed. */
function denseBatch(workspace: DenseWorkspace, net: PreparedNet, result: TypedGradients, sample: TypedGradients): void {
  const { B } = net;
  for (const d of [...result.dW, ...result.dbeta]) d.fill(0);
  for (let b = 0; b < B; b++) {
    // dX_k of this sample are views into the batch's; dW and dbeta its own, then added.
    const grads: TypedGradients = { loss: NaN, dX: result.dX.map((d) => sampleOf(d, b, B)), dW: sample.dW, dbeta: sample.dbeta };
    const pick = (values: Float64Array[]) => values.map((v) => sampleOf(v, b, B));
    denseBackward(workspace, net, pick(net.z), pick(net.X), grads);
    sample.dW.forEach((d, k) => addInto(result.dW[k], d));
    sample.dbeta.forEach((d, k) => addInto(result.dbeta[k], d));
  }
}

/** Forward pass and gradients, the original's way, into buffers kept per network (reused by every call). */
export function denseGradientsPrepared(net: PreparedNet, out?: TypedGradients): TypedGradients {
  const workspace = workspaceFor(workspaces, net, () => denseWorkspace(net));
  const result = out ?? workspace.out;
  result.loss = forwardPrepared(net);
  lossGradientOf(net, result.dX[net.K]);
  if (workspace.sample === null) denseBackward(workspace, net, net.z, net.X, result);
  else denseBatch(workspace, net, result, workspace.sample);
  return result;
}

/** Gradients of a NetSpec the original's way, as plain JSON. */
export function denseGradients(spec: NetSpec): Gradients {
  const net = prepareNet(spec);
  return toGradients(denseGradientsPrepared(net, allocGradients(net.widths, net.B)), net.widths);
}

// The three Jacobians as the lesson shows them, on la matrices, with the original's arguments
// (W_k, X_{k-1}, beta_k, activation); they run the same builders as denseGradientsPrepared.

/** f'(z) for z = W x + beta, in a scratch sized for W, after checking the shapes fit together. */
function layerAt(op: string, W: Matrix, x: Matrix, beta: Matrix, activation: Activation | ActivationName): LayerScratch {
  const act = typeof activation === 'string' ? activations[activation] : activation;
  if (!act) throw new Error(`${op}: activation ${JSON.stringify(activation)} is unknown`);
  const z = la.matmul(W, x);
  if (x.cols !== 1) throw new Error(`${op}: x is ${shapeText(x.rows, x.cols)}, expected a column ${shapeText(W.cols, 1)}`);
  if (beta.rows !== W.rows || beta.cols !== 1) {
    throw new Error(`${op}: beta is ${shapeText(beta.rows, beta.cols)}, expected a column ${shapeText(W.rows, 1)}`);
  }
  const s = layerScratch(W.rows, W.cols);
  for (let i = 0; i < W.rows; i++) s.dfdz[i] = act.df(z.data[i] + beta.data[i]);
  return s;
}

/** d f(X_{k-1}) / d X_{k-1} = diag(f'(z_k)) W_k (c_k x c_{k-1}). */
export function jacobianWrtInput(W: Matrix, x: Matrix, beta: Matrix, activation: Activation | ActivationName): Matrix {
  const s = layerAt('jacobianWrtInput', W, x, beta, activation);
  jacobianWrtInputInto(s, W.data, W.cols);
  return new Matrix(W.rows, W.cols, s.dfXdX);
}

/** d f(X_{k-1}) / d beta_k = diag(f'(z_k)) (c_k x c_k). */
export function jacobianWrtBias(W: Matrix, x: Matrix, beta: Matrix, activation: Activation | ActivationName): Matrix {
  const s = layerAt('jacobianWrtBias', W, x, beta, activation);
  jacobianWrtBiasInto(s);
  return new Matrix(W.rows, W.rows, s.dfXdbeta);
}

/** d f(X_{k-1}) / d (row i of W_k) = diag(f'(z_k)) E_i (c_k x c_{k-1}), E_i zero but row i = X_{k-1}^T. */
export function jacobianWrtWeightRow(
  W: Matrix,
  x: Matrix,
  beta: Matrix,
  activation: Activation | ActivationName,
  i: number,
): Matrix {
  const s = layerAt('jacobianWrtWeightRow', W, x, beta, activation);
  if (!(Number.isInteger(i) && i >= 0 && i < W.rows)) {
    throw new Error(`jacobianWrtWeightRow: row ${i} is outside W's ${W.rows} rows ${shapeText(W.rows, W.cols)}`);
  }
  jacobianWrtWeightRowInto(s, x.data, i);
  return new Matrix(W.rows, W.cols, s.dfXdWi);
}
