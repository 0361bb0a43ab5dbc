// dl/dW_k as one outer product, checked against cell 12a's row-by-row dl/dW_k; then the Jacobian of
// z = W x with respect to W (flattened row by row), built for layer 1 and multiplied by g_1.
// From here on the lesson follows cell 02's network: for a network of another kind (cell 02's note),
// its original-kind view, with that view's own gradients by hand (cell 12a's function).
const gradsByHand = !lessonNote ? { dldX, dldW, dldbeta } : slowByHand ? lesson.structuredRecords(lessonNet) : backprop(W, beta, X, K, activation_der);
const dldz: Record<number, Matrix> = {}; // g_k = dl/dz_k, a row (the convention of cell 09)
for (let k = 1; k <= K; k++) dldz[k] = la.mul(gradsByHand.dldX[k], activation_der(linear(W[k], X[k - 1], beta[k])).T);

for (let k = 1; k <= K; k++) {
  const outerW = la.matmul(dldz[k].T, X[k - 1].T); // c_k x 1 times 1 x c_{k-1}
  print(`layer ${k}: largest |g_${k}^T X_${k - 1}^T - dl/dW${k} of cell 12a| =`, la.maxAbsDiff(outerW, gradsByHand.dldW[k]));
}
display.latex(String.raw`\frac{\partial l}{\partial W_1} = g_1^\top X_0^\top = ${lesson.tex.matrix(dldz[1].T)}\, ${lesson.tex.matrix(X[0].T)} = ${lesson.tex.matrix(la.matmul(dldz[1].T, X[0].T))}`);
if (c[0] === 2 && X[0].get(1, 0) === -X[0].get(0, 0)) print('X_0 =', X[0].T, 'has entries of opposite sign and equal size: every row of dl/dW1 is a +/- pair');

// dz_1/dW_1 has c_1 x c_1 c_0 entries: on a wide network, too many to build here (that is the point)
const tensorEntries = c[1] * c[1] * c[0];
if (tensorEntries > 1e6) print(`dz_1/dW_1 would have ${tensorEntries.toExponential(1)} entries (${((tensorEntries * 8) / 2 ** 20).toFixed(0)} MiB): not built here.`);
else {
  // dz_1/dW_1 with W_1 read row by row: dz[j]/dW[i,m] = (i === j ? x[m] : 0), that is I ⊗ x^T (c_1 x c_1 c_0)
  const dzdW = la.fromFunction(c[1], c[1] * c[0], (j, col) => (Math.floor(col / c[0]) === j ? X[0].get(col % c[0], 0) : 0));
  const dWviaTensor = la.reshape(la.matmul(dldz[1], dzdW), c[1], c[0]); // 1 x (c_1 c_0), back into W_1's shape
  print('largest |g_1 (I ⊗ X_0^T), reshaped - outer product| =', la.maxAbsDiff(dWviaTensor, la.matmul(dldz[1].T, X[0].T)));
  const nonZero = dzdW.data.filter((v) => v !== 0).length;
  print(`dz_1/dW_1 here: ${dzdW.rows} x ${dzdW.cols}, ${nonZero} of ${dzdW.size} entries non-zero`);
  if (dzdW.size <= 60) print(dzdW);
}

// What the 3-tensor would cost for one 512 x 512 layer, against the outer product it stands for
const n512 = 512;
print(`a 512 x 512 layer: dz/dW has ${(n512 * n512 * n512).toExponential(2)} entries (${((n512 ** 3 * 8) / 2 ** 30).toFixed(1)} GiB in float64); the outer product, ${(n512 * n512).toExponential(2)} (${((n512 ** 2 * 8) / 2 ** 20).toFixed(1)} MiB)`);
