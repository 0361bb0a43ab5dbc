// A small training run: 200 seeded points, label 1 inside the circle x^2 + y^2 < 1; a 2-8-1 network
// trained by full-batch gradient descent on the cross-entropy, with your batch gradients (cell 34)
// and with TensorFlow.js autograd, from the same seeded start.
const dataRng = lesson.mulberry32(7);
const points = la.fromFunction(2, 200, () => 3 * dataRng() - 1.5); // one point per column, in [-1.5, 1.5)^2
const labels = la.fromFunction(1, 200, (_, b) => (points.get(0, b) ** 2 + points.get(1, b) ** 2 < 1 ? 1 : 0));
const start = networkOf(lesson.randomNet([2, 8, 1], lessonNet.activation, 3));
const steps = 300;
const learningRate = lessonNet.activation === 'sigmoid' ? 2 : 1; // sigmoid's slope is at most 1/4: its steps can be larger
const bceLoss = batchLosses['binary cross-entropy'];

// By hand: your forwardBatch and backwardBatch, then theta <- theta - eta grad L
function trainByHand() {
  const Wt: ByLayer<Matrix> = { ...start.W };
  const bt: ByLayer<Matrix> = { ...start.beta };
  const curve: number[] = [];
  for (let step = 0; step <= steps; step++) {
    const { Xs, Zs } = forwardBatch(Wt, bt, points, 2);
    curve.push(bceLoss.L(Xs[2], labels));
    if (step === steps) break;
    const grads = backwardBatch(Wt, Xs, Zs, 2, bceLoss.dLdp(Xs[2], labels));
    for (let k = 1; k <= 2; k++) {
      Wt[k] = la.sub(Wt[k], la.mul(learningRate, grads.dW[k]));
      bt[k] = la.sub(bt[k], la.mul(learningRate, grads.dbeta[k].T));
    }
  }
  return { W: Wt, beta: bt, curve };
}

// By autograd: the same loss in TensorFlow.js, tf.grads for the gradient, the same update
function trainByAutograd() {
  const hidden = tfActivation[lessonNet.activation];
  const x = tf.tensor2d(Array.from(points.data), [2, 200]);
  const y = tf.tensor2d(Array.from(labels.data), [1, 200]);
  let theta: Tensor[] = [start.W[1], start.W[2], start.beta[1], start.beta[2]].map((m) => tf.tensor2d(Array.from(m.data), [m.rows, m.cols]));
  const loss = (W1: Tensor, W2: Tensor, b1: Tensor, b2: Tensor) => {
    const p = tf.sigmoid(tf.add(tf.matMul(W2, hidden(tf.add(tf.matMul(W1, x), b1))), b2));
    return tf.neg(tf.mean(tf.add(tf.mul(y, tf.log(p)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, p))))));
  };
  const curve: number[] = [];
  for (let step = 0; step < steps; step++) {
    const next = tf.tidy(() => {
      const { value, grads } = tf.valueAndGrads((...t: Tensor[]) => loss(t[0], t[1], t[2], t[3]))(theta);
      curve.push(value.dataSync()[0]);
      return theta.map((t, i) => tf.sub(t, tf.mul(learningRate, grads[i])));
    });
    tf.dispose(theta);
    theta = next;
  }
  const last = tf.tidy(() => loss(theta[0], theta[1], theta[2], theta[3]));
  curve.push(last.dataSync()[0]);
  tf.dispose([x, y, last, ...theta]);
  return curve;
}

const byHand = trainByHand();
const byAutograd = trainByAutograd();
const accuracy = (() => {
  const p = forwardBatch(byHand.W, byHand.beta, points, 2).Xs[2];
  return la.sum(la.fromFunction(1, 200, (_, b) => ((p.get(0, b) > 0.5 ? 1 : 0) === labels.get(0, b) ? 1 : 0))) / 200;
})();
print(`loss: ${byHand.curve[0].toFixed(4)} at the start, ${byHand.curve[steps].toFixed(4)} after ${steps} steps (by hand); ${byAutograd[steps].toFixed(4)} by autograd`);
print(`largest |by hand - by autograd| along the curve: ${Math.max(...byHand.curve.map((v, i) => Math.abs(v - byAutograd[i]))).toExponential(1)} (autograd is float32)`);
print(`points classified right after training: ${(100 * accuracy).toFixed(1)}%`);

const stepAxis = Array.from({ length: steps + 1 }, (_, i) => i);
display.plot({
  data: [
    { x: stepAxis, y: byHand.curve, name: 'your gradients (la, float64)', type: 'scatter', mode: 'lines' },
    { x: stepAxis, y: byAutograd, name: 'autograd (tfjs, float32)', type: 'scatter', mode: 'lines', line: { dash: 'dot', width: 3 } },
  ],
  layout: { title: { text: 'Cross-entropy loss during training' }, xaxis: { title: { text: 'gradient step' } }, yaxis: { title: { text: 'loss' } }, height: 300, margin: { t: 40, r: 10 }, legend: { orientation: 'h', y: -0.3 } },
});
