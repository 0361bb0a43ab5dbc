// What `display.backprop` sends: the backward pass's steps (app/core/backpropSteps.ts) with their
// formulas (backpropTex.ts), the code that computes each, and what the diagram highlights.
import { backpropMults, backpropSteps, firstSample, type BackpropStep } from '../../core/backpropSteps';
import { validateNetSpec } from '../../core/netspec';
import type { LossName, NetSpec } from '../../core/types';
import type { BackpropView, BackpropViewStep } from '../protocol';
import { denseTex, dl_dW, lossDefinitionTex, lossGradientTex, vjpTex } from './backpropTex';
import { tooSlow } from './cost';
import { texMatrix, texNumber } from '../../core/tex';

const original = 'cell 12a, with i = k';
const structured = 'app/core/structured.ts';

/**
 * The line that computes each factor, each way. A test checks that each line is in the file it names,
 * so a change there cannot leave the view naming code that is gone.
 */
export const backpropCode: Record<BackpropStep['factor'], BackpropViewStep['code']> = {
  loss: {
    dense: { where: original, line: 'const dldX: Record<number, Matrix> = { [K]: la.div(1, X[K]).T };' },
    vjp: { where: 'app/core/loss.ts', line: 'for (let i = 0; i < N; i++) dXK[i] = 1 / XK[i];' },
  },
  input: {
    dense: { where: original, line: 'dldX[i] = la.matmul(dldX[i + 1], dfXdX[i]);' },
    vjp: { where: structured, line: 'dx[j] += W[o + j] * gi;' },
  },
  bias: {
    dense: { where: original, line: 'dldbeta[i] = la.matmul(dldX[i], dfXdbeta_func(W[i], X[i - 1], beta[i], activation_der)).data;' },
    vjp: { where: structured, line: 'for (let i = 0; i < rows; i++) g[i] = dXk[i] * df(zk[i]);' },
  },
  weights: {
    dense: { where: original, line: 'rows.push(Array.from(la.matmul(dldX[i], dfXdWi_func(W[i], X[i - 1], beta[i], activation_der, j)).data));' },
    vjp: { where: structured, line: 'dW[o + j] = gi * x[j];' },
  },
};

/** The loss step's code for a loss other than the original's: cell 12a has only the log; both ways start from loss.ts. */
export const otherLossCode: Record<Exclude<LossName, 'log'>, BackpropViewStep['code']['dense']> = {
  mse: { where: 'app/core/loss.ts', line: 'for (let i = 0; i < N; i++) dXK[i] = (2 * (XK[i] - Y[i])) / N;' },
  bce: { where: 'app/core/loss.ts', line: 'dXK[i] = ((y < 1 ? (1 - y) / (1 - x) : 0) - (y > 0 ? y / x : 0)) / N;' },
};

const codeOf = (factor: BackpropStep['factor'], loss: LossName): BackpropViewStep['code'] =>
  factor === 'loss' && loss !== 'log' ? { dense: otherLossCode[loss], vjp: otherLossCode[loss] } : backpropCode[factor];

const column = (v: readonly number[]): number[][] => v.map((x) => [x]);

/** Step 0: the forward pass, every X_k and the loss. */
function forwardStep(X: number[][], loss: number, lossName: LossName): BackpropViewStep {
  const K = X.length - 1;
  const forward = `Forward pass: X_k = f(W_k X_(k-1) + beta_k) for k = 1..${K}, then the loss l = ${lossWords(lossName, K)} = ${texNumber(loss)}`;
  const layers = X.slice(1).map((x, i) => String.raw`X_{${i + 1}} &= f(W_{${i + 1}} X_{${i}} + \beta_{${i + 1}}) = ${texMatrix(column(x))}`);
  const tex = String.raw`\begin{aligned} ${[...layers, String.raw`${lossDefinitionTex(lossName, K)} = ${texNumber(loss)}`].join(' \\\\ ')} \end{aligned}`;
  return {
    title: { dense: forward, vjp: forward },
    tex: { dense: tex, vjp: tex },
    code: {
      dense: { where: 'cell 06', line: 'X[i] = activation(linear(W[i], X[i - 1], beta[i]));' },
      vjp: { where: 'cell 06', line: 'X[i] = activation(linear(W[i], X[i - 1], beta[i]));' },
    },
    nodes: X.map((_, k) => k),
    edges: null,
    carried: null,
    mults: null,
  };
}

/** E_0 of layer k: zero but row 0, which holds X_{k-1}^T. */
const E0 = (rows: number, x: readonly number[]): number[][] => Array.from({ length: rows }, (_, r) => (r === 0 ? [...x] : x.map(() => 0)));

function factorTex(s: BackpropStep, spec: NetSpec, X: number[][]): BackpropViewStep['tex'] {
  const k = s.layer;
  const D = s.dfdz.map((d, i) => s.dfdz.map((_, j) => (i === j ? d : 0)));
  const dfdzT = [s.dfdz];
  const g = s.from.map((v, i) => v * s.dfdz[i]);
  switch (s.factor) {
    case 'loss': {
      const tex = lossGradientTex(spec.loss ?? 'log', k, X[k], (spec.Y as number[] | undefined) ?? null, s.dense);
      return { dense: tex, vjp: tex };
    }
    case 'input':
      return { dense: denseTex.input(k, [s.from], D, spec.W[k - 1], s.dense), vjp: vjpTex.input(k, [s.from], dfdzT, [g], spec.W[k - 1], s.vjp) };
    case 'bias':
      return { dense: denseTex.bias(k, [s.from], D, s.dense), vjp: vjpTex.bias(k, [s.from], dfdzT, s.vjp) };
    case 'weights': {
      const row0 = denseTex.weightRow0(k, [s.from], D, E0(spec.widths[k], X[k - 1]), [s.dense[0]]);
      const all = String.raw`\text{and so for each row } i\text{, with } E_i\text{:}\quad ${dl_dW(k)} = ${texMatrix(s.dense)}`;
      return { dense: String.raw`\begin{gathered} ${row0} \\ ${all} \end{gathered}`, vjp: vjpTex.weights(k, column(g), [X[k - 1]], s.vjp) };
    }
    default: {
      const never: never = s.factor;
      throw new Error(`backprop view: unknown factor ${String(never)}`);
    }
  }
}

/** The loss in words, as the titles and exports read it. */
const lossWords = (loss: LossName, K: number): string =>
  ({ log: `sum log X_${K}`, mse: `mean (X_${K} - Y)^2`, bce: `mean -[Y log X_${K} + (1 - Y) log(1 - X_${K})]` })[loss];

const lossGradientWords = (loss: LossName, K: number): string =>
  ({ log: `1 / X${K}`, mse: `2 (X${K} - Y) / N`, bce: `(-Y / X${K} + (1 - Y) / (1 - X${K})) / N` })[loss];

function factorTitle(s: BackpropStep, lossName: LossName): BackpropViewStep['title'] {
  const k = s.layer;
  const g = `g${k} = dl/dX${k} * f'(z${k})`;
  switch (s.factor) {
    case 'loss': {
      const title = `dl/dX${k} = ${lossGradientWords(lossName, k)}, entry by entry`;
      return { dense: title, vjp: title };
    }
    case 'input':
      return { dense: `dl/dX${k - 1} = dl/dX${k} diag(f'(z${k})) W${k}`, vjp: `dl/dX${k - 1} = g${k} W${k}, with ${g} entry by entry` };
    case 'bias':
      return { dense: `dl/dbeta${k} = dl/dX${k} diag(f'(z${k}))`, vjp: `dl/dbeta${k} = ${g}, entry by entry` };
    case 'weights':
      return { dense: `dl/dW${k}[i,:] = dl/dX${k} diag(f'(z${k})) E_i, for each row i of W${k}`, vjp: `dl/dW${k} = g${k}^T X${k - 1}^T, one outer product` };
    default: {
      const never: never = s.factor;
      throw new Error(`backprop view: unknown factor ${String(never)}`);
    }
  }
}

/** Which layers' nodes and edges a factor involves, and the row vector it leaves (or starts from). */
function factorPlace(s: BackpropStep): Pick<BackpropViewStep, 'nodes' | 'edges' | 'carried'> {
  const k = s.layer;
  switch (s.factor) {
    case 'loss':
      return { nodes: [k], edges: null, carried: { layer: k, values: s.dense[0] } };
    case 'input':
      return { nodes: [k - 1, k], edges: k, carried: { layer: k - 1, values: s.dense[0] } };
    case 'bias':
      return { nodes: [k], edges: null, carried: { layer: k, values: s.from } };
    case 'weights':
      return { nodes: [k - 1, k], edges: k, carried: { layer: k, values: s.from } };
    default: {
      const never: never = s.factor;
      throw new Error(`backprop view: unknown factor ${String(never)}`);
    }
  }
}

/**
 * null when the steps of `spec` build fast enough here, else why not: the dense way forms every
 * Jacobian in full (n^4 for a layer's W rows), and the view shows that way too.
 */
export function backpropTooSlow(spec: NetSpec, what: string): string | null {
  return tooSlow(backpropMults(validateNetSpec(firstSample(spec).spec).widths).denseMults, what);
}

/** The step-through view of `spec`: the forward pass, then one step per factor of the chain rule. */
export function backpropView(spec: NetSpec): BackpropView {
  const { X, loss, steps, note } = backpropSteps(spec);
  const sample = note === undefined ? spec : firstSample(spec).spec;
  const factors = steps.map(
    (s): BackpropViewStep => ({
      title: factorTitle(s, sample.loss ?? 'log'),
      tex: factorTex(s, sample, X),
      code: codeOf(s.factor, sample.loss ?? 'log'),
      ...factorPlace(s),
      mults: { dense: s.denseMults, vjp: s.vjpMults },
    }),
  );
  return { spec: sample, X, loss, steps: [forwardStep(X, loss, sample.loss ?? 'log'), ...factors], ...(note === undefined ? {} : { note }) };
}
