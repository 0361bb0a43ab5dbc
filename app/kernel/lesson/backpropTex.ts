// The chain rule's steps as TeX, one builder per factor: the derivation cell (cells/10) and the
// step-through view both write their formulas with these, so the two can never disagree.
import type { Matrix } from '../../core/matrix';
import { texMatrix } from '../../core/tex';
import type { LossName } from '../../core/types';

type Rows = Matrix | readonly (readonly number[])[];

const M = (m: Rows): string => texMatrix(m);
/** A Jacobian full of structural zeros: the zeros faded, so what the dense way multiplies by nothing shows. */
const J = (m: Rows): string => texMatrix(m, { faintZeros: true });

export const dl_dX = (k: number): string => String.raw`\frac{\partial l}{\partial X_{${k}}}`;
export const dl_dbeta = (k: number): string => String.raw`\frac{\partial l}{\partial \beta_{${k}}}`;
export const dl_dW = (k: number, row?: number): string => String.raw`\frac{\partial l}{\partial W_{${k}}${row === undefined ? '' : `[${row},:]`}}`;
export const diagOf = (k: number): string => String.raw`\operatorname{diag}\bigl(f'(z_{${k}})\bigr)`;

/** symbol = formula, then = the numbers, then = the result: one line each, aligned on the `=`. */
export const texLines = (first: string, ...rest: string[]): string =>
  String.raw`\begin{aligned} ${first} ${rest.map((l) => String.raw`\\ &= ${l}`).join(' ')} \end{aligned}`;

/** The loss of X_K as the forward step shows it (aligned on its `=`), each as loss.ts computes it. */
export const lossDefinitionTex = (loss: LossName, K: number): string =>
  ({
    log: String.raw`l &= \textstyle\sum_i \log X_{${K}}[i]`,
    mse: String.raw`l &= \tfrac{1}{N} \textstyle\sum_i \bigl(X_{${K}}[i] - Y[i]\bigr)^2`,
    bce: String.raw`l &= -\tfrac{1}{N} \textstyle\sum_i \bigl[Y[i] \log X_{${K}}[i] + (1 - Y[i]) \log(1 - X_{${K}}[i])\bigr]`,
  })[loss];

/** dl/dX_K of each loss as a row, with its numbers (N = c_K: the mean is over one sample's outputs). */
export const lossGradientTex = (loss: LossName, K: number, XK: readonly number[], Y: readonly number[] | null, result: Rows): string => {
  const N = XK.length;
  switch (loss) {
    case 'log':
      return texLines(String.raw`${dl_dX(K)} &= 1 / X_{${K}}^\top`, String.raw`1 / ${M([XK])}`, M(result));
    case 'mse':
      return texLines(String.raw`${dl_dX(K)} &= \tfrac{2}{N} \bigl(X_{${K}} - Y\bigr)^\top`, String.raw`\tfrac{2}{${N}} \bigl(${M([XK])} - ${M([Y ?? []])}\bigr)`, M(result));
    case 'bce':
      return texLines(
        String.raw`${dl_dX(K)} &= \tfrac{1}{N} \bigl(-Y / X_{${K}} + (1 - Y) / (1 - X_{${K}})\bigr)^\top`,
        String.raw`\tfrac{1}{${N}} \bigl(-${M([Y ?? []])} / ${M([XK])} + (1 - ${M([Y ?? []])}) / (1 - ${M([XK])})\bigr)`,
        M(result),
      );
    default: {
      const never: never = loss;
      throw new Error(`backprop view: unknown loss ${String(never)}`);
    }
  }
};

/** The derivation's lines, the dense way: the full Jacobians of each factor, with their numbers. */
export const denseTex = {
  input: (k: number, dlk: Rows, D: Rows, Wk: Rows, result: Rows): string =>
    texLines(String.raw`${dl_dX(k - 1)} &= ${dl_dX(k)}\, ${diagOf(k)}\, W_{${k}}`, String.raw`${M(dlk)}\, ${J(D)}\, ${M(Wk)}`, M(result)),
  bias: (k: number, dlk: Rows, D: Rows, result: Rows): string =>
    texLines(String.raw`${dl_dbeta(k)} &= ${dl_dX(k)}\, ${diagOf(k)}`, String.raw`${M(dlk)}\, ${J(D)}`, M(result)),
  /** Row 0 of dl/dW_k, as the derivation writes it; every row i is the same product with E_i. */
  weightRow0: (k: number, dlk: Rows, D: Rows, E0: Rows, result: Rows): string =>
    texLines(String.raw`${dl_dW(k, 0)} &= ${dl_dX(k)}\, ${diagOf(k)}\, E_0`, String.raw`${M(dlk)}\, ${J(D)}\, ${J(E0)}`, M(result)),
};

const g = (k: number): string => String.raw`g_{${k}}`;
const hadamardDf = (k: number): string => String.raw`${dl_dX(k)} \odot f'(z_{${k}})^\top`;

/** The same factors as vector-Jacobian products: g_k = dl/dX_k * f'(z_k) once, never a diag or an E_i. */
export const vjpTex = {
  input: (k: number, dlk: Rows, dfdzT: Rows, gk: Rows, Wk: Rows, result: Rows): string =>
    texLines(
      String.raw`${dl_dX(k - 1)} &= \bigl(${hadamardDf(k)}\bigr)\, W_{${k}} = ${g(k)}\, W_{${k}}`,
      String.raw`\bigl(${M(dlk)} \odot ${M(dfdzT)}\bigr)\, ${M(Wk)}`,
      String.raw`${M(gk)}\, ${M(Wk)}`,
      M(result),
    ),
  bias: (k: number, dlk: Rows, dfdzT: Rows, result: Rows): string =>
    texLines(String.raw`${dl_dbeta(k)} &= ${hadamardDf(k)} = ${g(k)}`, String.raw`${M(dlk)} \odot ${M(dfdzT)}`, M(result)),
  /** The whole dl/dW_k at once: an outer product, g_k as a column times X_{k-1} as a row. */
  weights: (k: number, gkT: Rows, XT: Rows, result: Rows): string =>
    texLines(String.raw`${dl_dW(k)} &= ${g(k)}^\top X_{${k - 1}}^\top`, String.raw`${M(gkT)}\, ${M(XT)}`, M(result)),
};
