// One backward pass as a list of steps, one factor of the chain rule each, computed both ways: the
// original's dense Jacobians and the vector-Jacobian product (what the step-through view shows).
import { activations, type Activation } from './activations';
import { lossGradientInto } from './loss';
import { activationAt } from './net';
import { jacobianWrtBias, jacobianWrtInput, jacobianWrtWeightRow } from './dense';
import { forward } from './forward';
import { la } from './la';
import type { Matrix } from './matrix';
import { validateNetSpec } from './netspec';
import type { NetSpec } from './types';

/**
 * `loss`: dl/dX_K from the loss; `input`: dl/dX_{k-1} = dl/dX_k diag(f'(z_k)) W_k; `bias`:
 * dl/dbeta_k = dl/dX_k diag(f'(z_k)); `weights`: row i of dl/dW_k = dl/dX_k diag(f'(z_k)) E_i.
 */
export type BackpropFactor = 'loss' | 'input' | 'bias' | 'weights';

export interface BackpropStep {
  factor: BackpropFactor;
  /** k: the layer whose Jacobian this step multiplies by (K for the loss step). */
  layer: number;
  /** dl/dX_k, the row vector the step starts from (the loss step starts from X_K itself). */
  from: number[];
  /** f'(z_k), the diagonal of diag(f'(z_k)) (empty for the loss step). */
  dfdz: number[];
  /**
   * The full matrix the dense way multiplies by: diag(f'(z_k)) W_k, diag(f'(z_k)), or for the
   * weights diag(f'(z_k)) E_0 (one of the c_k it builds); for the loss, the 1 x c_K row 1/X_K.
   */
  jacobian: number[][];
  /** What the step yields, computed the dense way: a 1 x n row, or c_k x c_{k-1} for the weights. */
  dense: number[][];
  /** The same, computed as a vector-Jacobian product (never forming diag or E_i). */
  vjp: number[][];
  /** Multiplications each way, counted as dense.ts and structured.ts do them. */
  denseMults: number;
  vjpMults: number;
}

export interface BackpropSteps {
  widths: number[];
  /** X_0..X_K of the forward pass (step 0). */
  X: number[][];
  loss: number;
  /** Factors in the lesson's order: the loss, dl/dX_{K-1}..dl/dX_0, then for k = K..1 beta_k and W_k. */
  steps: BackpropStep[];
  /** Set when the network's input was a batch: the steps follow its first sample. */
  note?: string;
}

/** f of layer k (1-based): one name for every layer, or layer k's own. */
const layerActivation = (spec: NetSpec, k: number): Activation => activations[activationAt(spec, k)];

const column0 = (rows: readonly (number | readonly number[])[]): number[] => rows.map((r) => (Array.isArray(r) ? (r as readonly number[])[0] : (r as number)));

/**
 * The first sample of a batch (X0 as c0 rows x B columns, Y likewise), with a note, or the input
 * itself: the view stays one row vector per step. The sample is a network of its own, so a mean loss
 * (mse, bce) averages over its c_K outputs, not the batch's c_K B.
 */
export function firstSample(spec: NetSpec): { spec: NetSpec; note?: string } {
  const X0 = spec.X0 as readonly (number | readonly number[])[];
  if (!X0.some(Array.isArray)) return { spec };
  const columns = Math.max(...X0.map((r) => (Array.isArray(r) ? r.length : 1)));
  const Y = spec.Y === undefined ? {} : { Y: column0(spec.Y as readonly (number | readonly number[])[]) };
  const mean = (spec.loss ?? 'log') === 'log' ? '' : ' Its loss is the mean over its own outputs.';
  return {
    spec: { ...spec, X0: column0(X0), ...Y },
    note: `The input is a batch of ${columns} samples: these steps follow the first one (column 0 of X0).${mean}`,
  };
}

const column = (v: readonly number[]): Matrix => la.array([...v], v.length, 1);
const rowsOf = (M: Matrix): number[][] => M.toArray();
const times = (row: readonly number[], M: Matrix): number[] => Array.from(la.matmul(la.array([...row], 1, row.length), M).data);

/**
 * Multiplications of one factor of layer k (c_k = rows, c_{k-1} = cols), as dense.ts does them (every
 * product of diag and E_i formed, zeros included) and as structured.ts does them (g = dl/dX_k * f'(z_k)
 * once, then one product per entry of W_k).
 */
export function factorMults(factor: Exclude<BackpropFactor, 'loss'>, rows: number, cols: number): { denseMults: number; vjpMults: number } {
  switch (factor) {
    case 'input':
      return { denseMults: rows * rows * cols + rows * cols, vjpMults: rows + rows * cols };
    case 'bias':
      return { denseMults: rows * rows, vjpMults: rows };
    case 'weights':
      return { denseMults: rows * (rows * rows * cols + rows * cols), vjpMults: rows + rows * cols };
    default: {
      const never: never = factor;
      throw new Error(`factorMults: unknown factor ${String(never)}`);
    }
  }
}

/** Multiplications of every step of a network with these widths, each way (to refuse one that would take long). */
export function backpropMults(widths: readonly number[]): { denseMults: number; vjpMults: number } {
  const total = { denseMults: 0, vjpMults: 0 };
  for (let k = 1; k < widths.length; k++) {
    for (const factor of ['input', 'bias', 'weights'] as const) {
      const m = factorMults(factor, widths[k], widths[k - 1]);
      total.denseMults += m.denseMults;
      total.vjpMults += m.vjpMults;
    }
  }
  return total;
}

/** The loss's own factor: dl/dX_K entry by entry, from loss.ts (1 / X_K for the original's sum log X_K). */
function lossStep(spec: NetSpec, XK: readonly number[]): BackpropStep {
  const K = spec.widths.length - 1;
  const Y = spec.Y === undefined ? null : Float64Array.from(spec.Y as readonly number[]);
  const out = new Float64Array(XK.length);
  lossGradientInto({ loss: spec.loss ?? 'log', XK: Float64Array.from(XK), Y, K, B: 1 }, out);
  const grad = Array.from(out);
  return { factor: 'loss', layer: 0, from: [...XK], dfdz: [], jacobian: [grad], dense: [grad], vjp: [grad], denseMults: 0, vjpMults: 0 };
}

/** The three factors of layer k, from dl/dX_k (`g` = dl/dX_k * f'(z_k) is the VJP's shared product). */
function layerSteps(spec: NetSpec, k: number, X: number[][], z: number[][], dlk: number[]): Record<'input' | 'bias' | 'weights', BackpropStep> {
  const act = layerActivation(spec, k);
  const [rows, cols] = [spec.widths[k], spec.widths[k - 1]];
  const Wk = la.array(spec.W[k - 1]);
  const [x, b] = [column(X[k - 1]), column(spec.beta[k - 1])];
  const dfdz = z[k - 1].map(act.df);
  const g = dlk.map((v, i) => v * dfdz[i]);
  const base = { layer: k, from: [...dlk], dfdz };

  const dXdX = jacobianWrtInput(Wk, x, b, act);
  const back = Array.from({ length: cols }, (_, j) => g.reduce((s, gi, i) => s + Wk.get(i, j) * gi, 0));
  const input: BackpropStep = {
    ...base, factor: 'input', jacobian: rowsOf(dXdX), dense: [times(dlk, dXdX)], vjp: [back],
    ...factorMults('input', rows, cols),
  };

  const D = jacobianWrtBias(Wk, x, b, act);
  const bias: BackpropStep = { ...base, factor: 'bias', jacobian: rowsOf(D), dense: [times(dlk, D)], vjp: [g], ...factorMults('bias', rows, cols) };

  const weightRows = Array.from({ length: rows }, (_, i) => times(dlk, jacobianWrtWeightRow(Wk, x, b, act, i)));
  const weights: BackpropStep = {
    ...base, factor: 'weights', jacobian: rowsOf(jacobianWrtWeightRow(Wk, x, b, act, 0)), dense: weightRows,
    vjp: g.map((gi) => X[k - 1].map((xj) => gi * xj)),
    ...factorMults('weights', rows, cols),
  };
  return { input, bias, weights };
}

/**
 * The backward pass of `spec` step by step. Each step's dense and VJP results agree (up to rounding);
 * the dense one feeds the next step, as in the original. Throws what validateNetSpec and the loss throw.
 */
export function backpropSteps(input: NetSpec): BackpropSteps {
  const { spec: sample, note } = firstSample(input);
  const spec = validateNetSpec(sample);
  const K = spec.widths.length - 1;
  const { X, z, loss } = forward(spec);
  const seed = lossStep(spec, X[K]);
  seed.layer = K;
  const dl: number[][] = [];
  dl[K] = seed.dense[0];
  const layers: ReturnType<typeof layerSteps>[] = [];
  for (let k = K; k >= 1; k--) {
    layers[k] = layerSteps(spec, k, X, z, dl[k]);
    dl[k - 1] = layers[k].input.dense[0];
  }
  const backwards = Array.from({ length: K }, (_, i) => layers[K - i].input);
  const params = Array.from({ length: K }, (_, i) => [layers[K - i].bias, layers[K - i].weights]).flat();
  return { widths: [...spec.widths], X, loss, steps: [seed, ...backwards, ...params], ...(note === undefined ? {} : { note }) };
}
