// The shapes shared by every part of the app: the network as data (NetSpec) and its gradients.

/** Names of the activations the lesson knows (see activations.ts for their records). */
export type ActivationName = 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu';

/**
 * The network as plain JSON, the one shape used by the CLI, the URL hash, the parameters panel and
 * tests. `W[k-1]` is W_k as rows (widths[k] x widths[k-1]); `beta[k-1]` is beta_k (widths[k]).
 */
export interface NetSpec {
  widths: number[];
  activation: ActivationName;
  X0: number[];
  W: number[][][];
  beta: number[][];
}

/**
 * Gradients of the loss l = sum_i log(X_K[i]) in plain JSON: `dX[k]` is dl/dX_k for k = 0..K (flat),
 * `dW[k-1]` is dl/dW_k (rows), `dbeta[k-1]` is dl/dbeta_k (flat).
 */
export interface Gradients {
  loss: number;
  dX: number[][];
  dW: number[][][];
  dbeta: number[][];
}

/** The ways the app computes gradients; `fd` is central finite differences, the independent check. */
export type GradientMethod = 'dense' | 'structured' | 'tfjs' | 'fd';
