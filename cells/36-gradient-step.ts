// One gradient step of several sizes on the batch of cell 34, with the cross-entropy loss.
const stepLoss = batchLosses['binary cross-entropy'];
const lossAt = (Wn: ByLayer<Matrix>, betan: ByLayer<Matrix>) => stepLoss.L(forwardBatch(Wn, betan, X0batch, K).Xs[K], Ybatch);
const stepGrads = backwardBatch(W, Xbatch, Zbatch, K, stepLoss.dLdp(Xbatch[K], Ybatch));
let squaredNorm = 0; // |grad L|^2 over every weight and bias
for (let k = 1; k <= K; k++) squaredNorm += la.sum(la.mul(stepGrads.dW[k], stepGrads.dW[k])) + la.sum(la.mul(stepGrads.dbeta[k], stepGrads.dbeta[k]));
const L0 = lossAt(W, beta);

const stepRows = [0.1, 1, 10, 100].map((eta) => {
  const Wn: ByLayer<Matrix> = {};
  const betan: ByLayer<Matrix> = {};
  for (let k = 1; k <= K; k++) {
    Wn[k] = la.sub(W[k], la.mul(eta, stepGrads.dW[k]));
    betan[k] = la.sub(beta[k], la.mul(eta, stepGrads.dbeta[k].T)); // the row gradient, as a column like beta
  }
  const L1 = lossAt(Wn, betan);
  return [eta, L1, L1 - L0, -eta * squaredNorm];
});
print(`L before the step: ${L0};  |grad L|^2 = ${squaredNorm}`);
display.table(['step size η', 'L after one step', 'change of L', 'first-order prediction −η|∇L|²'], stepRows, { caption: 'One gradient step on the batch, cross-entropy loss' });
