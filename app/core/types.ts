// The shapes shared by every part of the app: the network as data (NetSpec) and its gradients.

/** Names of the activations the lesson knows (see activations.ts for their records). */
export type ActivationName = 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu';

/**
 * The losses: `log` is the original notebook's l = sum of log X_K over every entry; `mse` and `bce`
 * are PyTorch's mse_loss and binary_cross_entropy with their default mean over every entry.
 */
export type LossName = 'log' | 'mse' | 'bce';

/**
 * The network as plain JSON, the one shape used by the CLI, the URL hash, the parameters panel and
 * tests. `W[k-1]` is W_k as rows (widths[k] x widths[k-1]); `beta[k-1]` is beta_k (widths[k]).
 * `activation` is one name for every layer or K names, one per layer. `X0` is one sample (flat) or
 * a batch as widths[0] rows of B numbers (NumPy's (c0, B)). `loss` defaults to `log`; `Y`, the
 * target, has X_K's shape (flat for one sample) and is required by `mse` and `bce`.
 */
export interface NetSpec {
  widths: number[];
  activation: ActivationName | ActivationName[];
  X0: number[] | number[][];
  W: number[][][];
  beta: number[][];
  loss?: LossName;
  Y?: number[] | number[][];
}

/** The original notebook's kind of network: one sample, one activation, the loss sum log X_K. */
export interface SampleNetSpec extends NetSpec {
  activation: ActivationName;
  X0: number[];
}

/**
 * Gradients in plain JSON: `dX[k]` is dl/dX_k for k = 0..K, `dW[k-1]` is dl/dW_k (rows),
 * `dbeta[k-1]` is dl/dbeta_k (flat). For a batch of B samples `dX[k]` holds c_k x B numbers row
 * by row (entry i*B + b is sample b's), so one sample reads exactly as before; `netShapes` in
 * network.ts gives it back as rows. dl/dW_k and dl/dbeta_k sum over the batch.
 */
export interface Gradients {
  loss: number;
  dX: number[][];
  dW: number[][][];
  dbeta: number[][];
}

/** The ways the app computes gradients; `fd` is central finite differences, the independent check. */
export type GradientMethod = 'dense' | 'structured' | 'tfjs' | 'fd';
