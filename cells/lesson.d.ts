// The names the lesson's code cells leave in the kernel's shared scope for later cells, declared for
// the type checker (tsconfig.cells.json), which sees each cell as a module of its own.

/** A tfjs tensor (cells reach tfjs as `tf`). */
type Tensor = import('@tensorflow/tfjs').Tensor;
/** An activation or its derivative, entry by entry on a matrix (as the original's NumPy functions). */
type Elementwise = (x: Matrix) => Matrix;
/** One row of the timing study: a method's timings, or why it could not run here. */
type TimingRow = import('../app/kernel/lesson/timing').TimingRow;
/** One value per layer, keyed by layer as the original's dictionaries `{1: W1, 2: W2}`. */
type ByLayer<T> = Record<number, T>;

// 02-the-network
declare function networkOf(spec: NetSpec): { c: number[]; K: number; X0: Matrix; W: ByLayer<Matrix>; beta: ByLayer<Matrix> };
/** The network cells 02-10 show: `params` itself, or for another kind (a batch, a loss, per-layer activations) its original-kind view, with `lessonNote` saying how. */
declare const lessonNet: import('../app/core/types').SampleNetSpec;
declare const lessonNote: string | null;
declare const c: number[];
declare const K: number;
declare const X0: Matrix;
declare const W: ByLayer<Matrix>;
declare const beta: ByLayer<Matrix>;

// 04-activations
declare function sigmoid(x: Matrix): Matrix;
declare function sigmoid_der(x: Matrix): Matrix;
declare const activation: Elementwise;
declare const activation_der: Elementwise;

// 06-forward-pass
declare function linear(W: Matrix, x: Matrix, beta: Matrix): Matrix;
declare function forwardPass(X0: Matrix, W: ByLayer<Matrix>, beta: ByLayer<Matrix>, K: number, activation: Elementwise): ByLayer<Matrix>;
declare const X: ByLayer<Matrix>;

// 08-jacobians
declare function dfXdX_func(W: Matrix, x: Matrix, beta: Matrix, act_der: Elementwise): Matrix;
declare function dfXdbeta_func(W: Matrix, x: Matrix, beta: Matrix, act_der: Elementwise): Matrix;
declare function dfXdWi_func(W: Matrix, x: Matrix, beta: Matrix, act_der: Elementwise, i: number): Matrix;

// 12a-manual-gradients
declare function backprop(
  W: ByLayer<Matrix>,
  beta: ByLayer<Matrix>,
  X: ByLayer<Matrix>,
  K: number,
  activation_der: Elementwise,
): { dldX: ByLayer<Matrix>; dldW: ByLayer<Matrix>; dldbeta: ByLayer<Float64Array> };
declare const dldX: ByLayer<Matrix>;
declare const dldW: ByLayer<Matrix>;
declare const dldbeta: ByLayer<Float64Array>;
/** Why the original's method stepped aside at this size, or null. */
declare const slowByHand: string | null;

// 12b-tfjs-gradients
declare const tf_dldX: ByLayer<Matrix>;
declare const tf_dldW: ByLayer<Matrix>;
declare const tf_dldbeta: ByLayer<Float64Array>;
/** The tfjs gradients cell 14 compares: cell 12b's own, or for another kind of network the app's tfjs code's. */
declare const tfRecords: { dldX: ByLayer<Matrix>; dldW: ByLayer<Matrix>; dldbeta: ByLayer<Float64Array> };

// 14-comparison
declare const comparison: import('../app/kernel/lesson/agreement').ComparisonReport;

// 16-timing
declare const timings: TimingRow[];

// 18-scaling
declare const widthSeries: import('../app/kernel/lesson/timing').ScalingSeries[];
declare const fitFrom: number;
declare const autogradFitFrom: number;

// 20-relu-exercise
declare function relu(x: Matrix): Matrix;
declare function relu_der(x: Matrix): Matrix;
declare const reluCheck: import('../app/kernel/lessonKit').ExerciseCheck;

// 27-whole-matrix
declare const dldz: ByLayer<Matrix>;
/** The gradients by hand of cell 02's network (cell 12a's own unless cell 02 took a view of another kind). */
declare const gradsByHand: { dldX: ByLayer<Matrix>; dldW: ByLayer<Matrix>; dldbeta: ByLayer<Float64Array> };

// 29-forward-reverse
declare function jvp(Wn: ByLayer<Matrix>, betan: ByLayer<Matrix>, x0: Matrix, layers: number, v: Matrix): Matrix;
declare function vjp(Wn: ByLayer<Matrix>, betan: ByLayer<Matrix>, x0: Matrix, layers: number, u: Matrix): Matrix;

// 31-the-tape
declare class TapeNode {
  static count: number;
  readonly id: number;
  grad: Matrix | null;
  readonly value: Matrix;
  readonly op: string;
  readonly inputs: readonly TapeNode[];
  readonly vjp: (grad: Matrix) => Matrix[];
  constructor(value: Matrix, op?: string, inputs?: readonly TapeNode[], vjp?: (grad: Matrix) => Matrix[]);
}
declare const tape: {
  leaf(value: Matrix): TapeNode;
  matmul(a: TapeNode, b: TapeNode): TapeNode;
  add(a: TapeNode, b: TapeNode): TapeNode;
  mul(a: TapeNode, b: TapeNode): TapeNode;
  log(a: TapeNode): TapeNode;
  sum(a: TapeNode): TapeNode;
  sigmoid(a: TapeNode): TapeNode;
  tanh(a: TapeNode): TapeNode;
  relu(a: TapeNode): TapeNode;
  leakyRelu(a: TapeNode): TapeNode;
};
declare function backward(loss: TapeNode): TapeNode[];
declare function tapeGradients(spec: NetSpec): Gradients & { order: TapeNode[] };

// 34-batches
declare const tfActivation: Record<string, (z: Tensor) => Tensor>; // 12b-tfjs-gradients
declare const B: number;
declare const X0batch: Matrix;
declare const Ybatch: Matrix;
declare const outputAct: { f: Elementwise; df: Elementwise };
declare function forwardBatch(Wn: ByLayer<Matrix>, betan: ByLayer<Matrix>, Xin: Matrix, layers: number): { Xs: ByLayer<Matrix>; Zs: ByLayer<Matrix> };
declare const batchLosses: Record<string, { L: (p: Matrix, y: Matrix) => number; dLdp: (p: Matrix, y: Matrix) => Matrix }>;
declare function backwardBatch(
  Wn: ByLayer<Matrix>,
  Xs: ByLayer<Matrix>,
  Zs: ByLayer<Matrix>,
  layers: number,
  dLdXK: Matrix,
): { dW: ByLayer<Matrix>; dbeta: ByLayer<Matrix>; G: ByLayer<Matrix> };
declare const Xbatch: ByLayer<Matrix>;
declare const Zbatch: ByLayer<Matrix>;

// 38-training
declare const points: Matrix;
declare const labels: Matrix;
declare const byHand: { W: ByLayer<Matrix>; beta: ByLayer<Matrix>; curve: number[] };
declare const byAutograd: number[];

// 44-tanh-vjp-exercise, 46-batch-exercise
declare function tanh_vjp(z: Matrix, g: Matrix): Matrix;
declare const tanhCheck: import('../app/kernel/lessonKit').ExerciseCheck;
declare function batch_dW(G: Matrix, Xprev: Matrix): Matrix;
declare function batch_dbeta(G: Matrix): Matrix;
declare const batchCheck: import('../app/kernel/lessonKit').ExerciseCheck;
