// A batch of B = 4 examples (columns): the panel's X_0 and three seeded ones, with seeded 0/1 targets.
const B = 4;
const batchRng = lesson.mulberry32(2024);
const X0batch = la.fromFunction(c[0], B, (i, b) => (b === 0 ? X0.get(i, 0) : 2 * batchRng() - 1));
const Ybatch = la.fromFunction(c[K], B, () => (batchRng() < 0.5 ? 0 : 1));
const outputAct = { f: sigmoid, df: sigmoid_der }; // the output layer: a sigmoid, whatever the hidden layers use

function forwardBatch(Wn: ByLayer<Matrix>, betan: ByLayer<Matrix>, Xin: Matrix, layers: number) {
  const Xs: ByLayer<Matrix> = { 0: Xin };
  const Zs: ByLayer<Matrix> = {};
  for (let k = 1; k <= layers; k++) {
    Zs[k] = la.add(la.matmul(Wn[k], Xs[k - 1]), betan[k]); // c_k x B: beta_k (a column) is added to every column
    Xs[k] = k === layers ? outputAct.f(Zs[k]) : activation(Zs[k]);
  }
  return { Xs, Zs };
}

// Each loss: its value L(p, y) for the batch, and dL/dp (shaped like p, c_K x B)
const batchLosses: Record<string, { L: (p: Matrix, y: Matrix) => number; dLdp: (p: Matrix, y: Matrix) => Matrix }> = {
  "the original's log": { L: (p) => la.sum(la.log(p)), dLdp: (p) => la.div(1, p) },
  'mean squared error': { L: (p, y) => la.sum(la.mul(la.sub(p, y), la.sub(p, y))) / p.cols, dLdp: (p, y) => la.mul(2 / p.cols, la.sub(p, y)) },
  'binary cross-entropy': {
    L: (p, y) => -la.sum(la.add(la.mul(y, la.log(p)), la.mul(la.sub(1, y), la.log(la.sub(1, p))))) / p.cols,
    dLdp: (p, y) => la.div(la.sub(p, y), la.mul(p.cols, la.mul(p, la.sub(1, p)))),
  },
};

function backwardBatch(Wn: ByLayer<Matrix>, Xs: ByLayer<Matrix>, Zs: ByLayer<Matrix>, layers: number, dLdXK: Matrix) {
  const dW: ByLayer<Matrix> = {};
  const dbeta: ByLayer<Matrix> = {};
  const G: ByLayer<Matrix> = {};
  let dLdX = dLdXK;
  for (let k = layers; k >= 1; k--) {
    G[k] = la.mul(dLdX, k === layers ? outputAct.df(Zs[k]) : activation_der(Zs[k])); // dL/dZ_k, c_k x B
    dW[k] = la.matmul(G[k], Xs[k - 1].T); // the sum over the batch of g_b^T x_b^T
    dbeta[k] = la.sum(G[k], 1).T; // the sum of the columns, as a row
    dLdX = la.matmul(Wn[k].T, G[k]); // dL/dX_{k-1}, c_{k-1} x B
  }
  return { dW, dbeta, G };
}

// TensorFlow.js, for an independent check: the same batch and loss, written as tensors
async function tfBatchGradients(lossName: string) {
  const hidden = tfActivation[lessonNet.activation];
  return tf.tidy(() => {
    const x0 = tf.tensor2d(Array.from(X0batch.data), [c[0], B]);
    const y = tf.tensor2d(Array.from(Ybatch.data), [c[K], B]);
    const loss = (...wb: Tensor[]) => {
      let x: Tensor = x0;
      for (let k = 1; k <= K; k++) {
        const z = tf.add(tf.matMul(wb[k - 1], x), wb[K + k - 1]);
        x = k === K ? tf.sigmoid(z) : hidden(z);
      }
      if (lossName === "the original's log") return tf.sum(tf.log(x));
      if (lossName === 'mean squared error') return tf.div(tf.sum(tf.square(tf.sub(x, y))), B);
      return tf.neg(tf.div(tf.sum(tf.add(tf.mul(y, tf.log(x)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, x))))), B));
    };
    const tensors = [...lessonNet.W.map((w) => tf.tensor2d(w)), ...lessonNet.beta.map((b, k) => tf.tensor2d(b, [c[k + 1], 1]))];
    return tf.grads(loss)(tensors).map((t) => Array.from(t.dataSync()));
  });
}

const { Xs: Xbatch, Zs: Zbatch } = forwardBatch(W, beta, X0batch, K);
print('X_0 (one example per column) =', X0batch);
print('targets y =', Ybatch, '  outputs p = X_K =', Xbatch[K]);
const lossRows = [];
for (const [name, loss] of Object.entries(batchLosses)) {
  const grads = backwardBatch(W, Xbatch, Zbatch, K, loss.dLdp(Xbatch[K], Ybatch));
  const byTf = await tfBatchGradients(name);
  const manualFlat = [...Array.from({ length: K }, (_, i) => Array.from(grads.dW[i + 1].data)), ...Array.from({ length: K }, (_, i) => Array.from(grads.dbeta[i + 1].data))];
  const gap = Math.max(...manualFlat.map((values, i) => Math.max(...values.map((v, j) => Math.abs(v - byTf[i][j])))));
  lossRows.push([name, loss.L(Xbatch[K], Ybatch), la.format(grads.dW[1]), gap]);
}
display.table(['loss', 'L on this batch', 'dL/dW1 (summed over the batch)', 'largest |by hand - TensorFlow.js| over dL/dW, dL/dβ'], lossRows, { caption: `Three losses on a batch of ${B}` });

// The batch gradient is the sum of the examples' gradients: each column alone, then added up
const bce = batchLosses['binary cross-entropy'];
const perExample = Array.from({ length: B }, (_, b) => {
  const column = la.fromFunction(c[0], 1, (i) => X0batch.get(i, b));
  const yb = la.fromFunction(c[K], 1, (i) => Ybatch.get(i, b));
  const one = forwardBatch(W, beta, column, K);
  return backwardBatch(W, one.Xs, one.Zs, K, la.mul(1 / B, bce.dLdp(one.Xs[K], yb))).dW[1]; // 1/B: the batch's mean
});
const bceGrads = backwardBatch(W, Xbatch, Zbatch, K, bce.dLdp(Xbatch[K], Ybatch));
print('cross-entropy: largest |dL/dW1 of the batch - sum of the 4 examples\' dL/dW1| =', la.maxAbsDiff(bceGrads.dW[1], perExample.reduce((a, b) => la.add(a, b))));
print('cross-entropy with a sigmoid output: largest |dL/dZ_K - (p - y)/B| =', la.maxAbsDiff(bceGrads.G[K], la.div(la.sub(Xbatch[K], Ybatch), B)));
