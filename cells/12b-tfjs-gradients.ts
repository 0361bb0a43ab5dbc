// By autograd: the same network in TensorFlow.js (float32). As with PyTorch in the original, we only
// write the forward pass; tf.valueAndGrads runs it, then the chain rule backwards for every input.
const tfActivation: Record<string, (z: Tensor) => Tensor> = {
  sigmoid: (z) => tf.sigmoid(z),
  tanh: (z) => tf.tanh(z),
  relu: (z) => tf.relu(z),
  leakyRelu: (z) => tf.leakyRelu(z, 0.01), // tfjs's default slope is 0.2; ours (and PyTorch's) 0.01
};
const f = tfActivation[lessonNet.activation];

// The tensors, columns as in the manual code, and a zero "tap" t_k per layer (PyTorch's retain_grad).
const tX0 = tf.tensor2d(lessonNet.X0, [c[0], 1]);
const tW: Tensor[] = [];
const tbeta: Tensor[] = [];
const taps: Tensor[] = [];
for (let k = 1; k <= K; k++) {
  tW.push(tf.tensor2d(lessonNet.W[k - 1]));
  tbeta.push(tf.tensor2d(lessonNet.beta[k - 1], [c[k], 1]));
  taps.push(tf.zeros([c[k], 1]));
}

// The forward pass only: X_k = f(W_k X_{k-1} + beta_k) + t_k, and l = sum_i log X_K[i].
function tfLoss(X0: Tensor, W: Tensor[], beta: Tensor[], t: Tensor[]): Tensor {
  let Xk = X0;
  for (let k = 1; k <= K; k++) Xk = tf.add(f(tf.add(tf.matMul(W[k - 1], Xk), beta[k - 1])), t[k - 1]);
  return tf.sum(tf.log(Xk));
}

const tfStart = performance.now();
const lossAndGrads = tf.valueAndGrads((...a: Tensor[]) => tfLoss(a[0], a.slice(1, K + 1), a.slice(K + 1, 2 * K + 1), a.slice(2 * K + 1)));
const { value: tfL, grads: tfGrads } = lossAndGrads([tX0, ...tW, ...tbeta, ...taps]);
print('Time: ', (performance.now() - tfStart) / 1000); // one cold run of forward and backward (the original timed l.backward() alone)

// Back to float64 matrices, laid out as the manual ones (dl/dX as rows), then every tensor freed.
const asMatrix = (t: Tensor) => la.array(Float64Array.from(t.dataSync()), t.shape[0], t.shape[1] ?? 1);
const tf_dldX: Record<number, Matrix> = { 0: asMatrix(tfGrads[0]).T };
const tf_dldW: Record<number, Matrix> = {};
const tf_dldbeta: Record<number, Float64Array> = {};
for (let k = 1; k <= K; k++) {
  tf_dldW[k] = asMatrix(tfGrads[k]);
  tf_dldbeta[k] = asMatrix(tfGrads[K + k]).data;
  tf_dldX[k] = asMatrix(tfGrads[2 * K + k]).T; // dl/dt_k = dl/dX_k
}
tf.dispose([tfL, ...tfGrads, tX0, ...tW, ...tbeta, ...taps]);

// A network of another kind (cell 02's note): its own gradients, by the app's tfjs code (batch, loss and activations included).
const tfRecords = lessonNote ? await lesson.tfjsRecords(params) : { dldX: tf_dldX, dldW: tf_dldW, dldbeta: tf_dldbeta };
if (lessonNote) print('For this network: tfjs autograd of the network itself (app/core/tfjsGradients.ts), every sample summed.');
print('dl/dX0: ', tfRecords.dldX[0]);
for (let k = K; k >= 1; k--) print(`dl/dX${k}: `, tfRecords.dldX[k]);
for (let k = 1; k <= K; k++) {
  print(`dl/dW${k}:`, tfRecords.dldW[k]);
  print(`dl/dbeta${k}:`, tfRecords.dldbeta[k]);
}
