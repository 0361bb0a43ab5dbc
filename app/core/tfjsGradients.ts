// Gradients by TensorFlow.js autograd over the same network, and loading tfjs with a chosen backend.
// tfjs is passed in (type-only import here), so importing core never loads tfjs by itself.
import type * as TfModule from '@tensorflow/tfjs';
import { leakySlope } from './activations';
import { LossUndefinedError, lossValue } from './loss';
import { activationAt, batchSize, flatten, rowsToSamples } from './net';
import type { ActivationName, Gradients, LossName, NetSpec } from './types';

export type Tf = typeof TfModule;
type Tensor = TfModule.Tensor;

export type TfBackendName = 'cpu' | 'wasm' | 'webgl';

/**
 * Each activation as tfjs ops, matching activations.ts: leaky slope passed explicitly (tfjs's default
 * is 0.2); tfjs's own gradients give relu'(0) = 0 and leakyRelu'(0) = the slope, as the manual ones do.
 */
const tfActivations: Record<ActivationName, (tf: Tf, z: Tensor) => Tensor> = {
  sigmoid: (tf, z) => tf.sigmoid(z),
  tanh: (tf, z) => tf.tanh(z),
  relu: (tf, z) => tf.relu(z),
  leakyRelu: (tf, z) => tf.leakyRelu(z, leakySlope),
};

/** The network's parameters held as tfjs tensors, ready for repeated gradient calls. */
export interface PreparedTfjsNet {
  /**
   * One forward + backward pass, values downloaded (float32, copies): `[loss, dX0, dW1..dWK (row-major),
   * dbeta1..dbetaK, dX1..dXK]`. What the benchmark times: no upload, every intermediate tensor freed.
   */
  gradientsFlat(): Float32Array[];
  /** The same as plain JSON `Gradients`; throws LossUndefinedError when log(X_K) is undefined in float32. */
  gradients(): Gradients;
  /** Frees the parameter tensors; the object is unusable afterwards. */
  dispose(): void;
}

/** Each loss as tfjs ops on X_K and the target Y (both c_K x B), as loss.ts defines it. */
const tfLosses: Record<LossName, (tf: Tf, X: Tensor, Y: Tensor | null) => Tensor> = {
  log: (tf, X) => tf.sum(tf.log(X)),
  mse: (tf, X, Y) => tf.mean(tf.square(tf.sub(X, Y as Tensor))),
  bce: (tf, X, Y) => {
    const y = Y as Tensor;
    return tf.neg(tf.mean(tf.add(tf.mul(y, tf.log(X)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, X))))));
  },
};

/** What the loss needs besides the tensors: each layer's activation, the loss and its target. */
interface TfLossSetup {
  activations: ActivationName[];
  loss: LossName;
  Y: Tensor | null;
}

/** X_K from `args` = [X0, W_1..W_K, beta_1..beta_K, t_1..t_K] (taps added when given). */
function outputOf(tf: Tf, setup: TfLossSetup, args: Tensor[], taps: boolean): Tensor {
  const depth = setup.activations.length;
  let X = args[0];
  for (let k = 1; k <= depth; k++) {
    const f = tfActivations[setup.activations[k - 1]];
    X = f(tf, tf.add(tf.matMul(args[k], X), args[depth + k]));
    if (taps) X = tf.add(X, args[2 * depth + k]);
  }
  return X;
}

/**
 * The loss of the network whose tensors are `args` = [X0, W_1..W_K, beta_1..beta_K, t_1..t_K].
 * The taps t_k are zeros added to X_k: dl/dt_k = dl/dX_k, so one backward pass gives the gradient
 * w.r.t. every layer's output too, as the manual chain rule does.
 */
function lossWithTaps(tf: Tf, setup: TfLossSetup, args: Tensor[]): Tensor {
  return tfLosses[setup.loss](tf, outputOf(tf, setup, args, true), setup.Y);
}

/** Uploads the parameters of a (valid, see validateNetSpec) network once; see PreparedTfjsNet. */
export function prepareTfjsNet(tf: Tf, spec: NetSpec): PreparedTfjsNet {
  const { widths } = spec;
  const depth = widths.length - 1;
  const B = batchSize(spec);
  const setup: TfLossSetup = {
    activations: widths.slice(1).map((_, idx) => activationAt(spec, idx + 1)),
    loss: spec.loss ?? 'log',
    Y: spec.Y === undefined ? null : tf.tensor2d(Float32Array.from(flatten(spec.Y)), [widths[depth], B], 'float32'),
  };
  // Columns (one per sample), so z_k = W_k X_{k-1} + beta_k reads as in the lesson.
  const args: Tensor[] = [tf.tensor2d(Float32Array.from(flatten(spec.X0)), [widths[0], B], 'float32')];
  for (let k = 1; k <= depth; k++) args.push(tf.tensor2d(spec.W[k - 1], [widths[k], widths[k - 1]], 'float32'));
  for (let k = 1; k <= depth; k++) args.push(tf.tensor2d(spec.beta[k - 1], [widths[k], 1], 'float32'));
  for (let k = 1; k <= depth; k++) args.push(tf.zeros([widths[k], B], 'float32'));
  const valueAndGrads = tf.valueAndGrads((...xs: Tensor[]) => lossWithTaps(tf, setup, xs));
  let disposed = false;

  const gradientsFlat = (): Float32Array[] => {
    if (disposed) throw new Error('prepareTfjsNet: gradients() called after dispose()');
    // tidy frees every intermediate, the value and the grads. The copies leave through a variable,
    // not as tidy's result: tidy walks what it returns key by key, looking for tensors (~1 s for a
    // 512 x 512 array).
    let flat: Float32Array[] = [];
    tf.tidy(() => {
      const { value, grads } = valueAndGrads(args);
      const [dX0, ...rest] = grads;
      const dW = rest.slice(0, depth);
      const dbeta = rest.slice(depth, 2 * depth);
      const dTaps = rest.slice(2 * depth);
      // Copies (a typed-array copy, not an element-wise one): the cpu backend hands out its own buffers.
      flat = [value, dX0, ...dW, ...dbeta, ...dTaps].map((t) => new Float32Array(t.dataSync()));
    });
    return flat;
  };

  const gradients = (): Gradients => {
    const flat = gradientsFlat();
    const loss = flat[0][0];
    if (!Number.isFinite(loss)) throw lossUndefined(tf, setup, args);
    const at = (i: number): number[] => Array.from(flat[i]);
    const dW: number[][][] = [];
    const dbeta: number[][] = [];
    const dX: number[][] = [at(1)];
    for (let k = 1; k <= depth; k++) {
      const flatW = at(1 + k);
      const cols = widths[k - 1];
      dW.push(Array.from({ length: widths[k] }, (_, i) => flatW.slice(i * cols, (i + 1) * cols)));
      dbeta.push(at(1 + depth + k));
      dX.push(at(1 + 2 * depth + k));
    }
    return { loss, dX, dW, dbeta };
  };

  const dispose = (): void => {
    if (disposed) return;
    disposed = true;
    tf.dispose(setup.Y === null ? args : [...args, setup.Y]);
  };

  return { gradientsFlat, gradients, dispose };
}

/** Names the first entry of X_K (float32 here) where the loss is undefined; only runs on the error path. */
function lossUndefined(tf: Tf, setup: TfLossSetup, args: Tensor[]): LossUndefinedError {
  const K = setup.activations.length;
  let XK: Float64Array = new Float64Array(0);
  let Y: Float64Array | null = null;
  tf.tidy(() => {
    const X = outputOf(tf, setup, args, false);
    // tfjs holds c_K x B; the loss reads sample after sample.
    const B = X.shape[1] ?? 1;
    XK = rowsToSamples(X.dataSync(), B);
    if (setup.Y !== null) Y = rowsToSamples(setup.Y.dataSync(), B);
  });
  const B = args[0].shape[1] ?? 1;
  try {
    lossValue({ loss: setup.loss, XK, Y, K, B });
  } catch (error) {
    if (error instanceof LossUndefinedError) return error;
    throw error;
  }
  // Finite in float64 but not in float32 (an overflow in the sum, say): name the first entry anyway.
  return new LossUndefinedError(K, 0, XK[0], { loss: setup.loss, B, rows: XK.length / B });
}

/** dl/dX_k, dl/dW_k, dl/dbeta_k of the spec's loss by tfjs autograd (float32); every tensor freed. */
export function tfjsGradients(tf: Tf, spec: NetSpec): Gradients {
  const net = prepareTfjsNet(tf, spec);
  try {
    return net.gradients();
  } finally {
    net.dispose();
  }
}

export interface TfInit {
  tf: Tf;
  /** The backend actually in use (may differ from the one requested, see notes). */
  backend: string;
  /** Why the requested backend was not used, if it was not. */
  notes: string[];
}

export interface InitTfOptions {
  /** Where the wasm binaries are served (browser builds); Node finds them in node_modules. */
  wasmPaths?: string | Record<string, string>;
}

/**
 * Why a registered backend did not start: tfjs swallows the error (prod mode logs nothing), so its
 * factory is asked once more, only on this failure path.
 */
async function whyNotStarted(tf: Tf, backend: TfBackendName): Promise<string> {
  const factory = tf.findBackendFactory(backend);
  if (!factory) return 'not in this build';
  try {
    (await factory()).dispose();
    return 'it failed to start, then started on a second try';
  } catch (error) {
    const message = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
    // tfjs-backend-wasm's abort message is a paragraph about bundlers: what happened is that its binary did not load.
    return /\.wasm/.test(message) ? 'its .wasm binary could not be loaded' : message;
  }
}

/**
 * Loads tfjs (and the wasm backend when asked), selects the backend, falls back to cpu with a
 * note when the requested one cannot start. Prod mode: keeps tfjs's console hints (e.g. the
 * tfjs-node one in Node) off stdout/stderr; failures are reported through `notes` instead.
 */
export async function initTf(requested: TfBackendName, options: InitTfOptions = {}): Promise<TfInit> {
  const tf: Tf = await import('@tensorflow/tfjs');
  tf.enableProdMode();
  const notes: string[] = [];
  try {
    if (requested === 'wasm') {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      if (options.wasmPaths !== undefined) wasm.setWasmPaths(options.wasmPaths);
    }
    if (await tf.setBackend(requested)) {
      await tf.ready();
      return { tf, backend: tf.getBackend(), notes };
    }
    notes.push(`tfjs backend "${requested}" is unavailable (${await whyNotStarted(tf, requested)}); using cpu`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    notes.push(`tfjs backend "${requested}" is unavailable (${reason}); using cpu`);
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return { tf, backend: tf.getBackend(), notes };
}
