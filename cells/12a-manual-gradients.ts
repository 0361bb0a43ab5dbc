// By hand: the original notebook's loops, line for line (its Python in the comments where it differs).
function backprop(W: Record<number, Matrix>, beta: Record<number, Matrix>, X: Record<number, Matrix>, K: number, activation_der: (z: Matrix) => Matrix) {
  // compute df(X)/d(X)
  const dfXdX: Record<number, Matrix> = {};
  for (let i = 0; i < K; i++) { // for i in range(2)  (2 was K)
    dfXdX[i] = dfXdX_func(W[i + 1], X[i], beta[i + 1], activation_der);
  }

  // compute dl/dX
  const dldX: Record<number, Matrix> = { [K]: la.div(1, X[K]).T }; // {2:1/X[2]}, as a row (.T) for any width
  for (let i = K - 1; i >= 0; i--) { // for i in range(K-1,-1,-1)
    dldX[i] = la.matmul(dldX[i + 1], dfXdX[i]);
  }

  // compute dl/dW and dl/dbeta
  const dldW: Record<number, Matrix> = {};
  const dldbeta: Record<number, Float64Array> = {};
  for (let i = K; i > 0; i--) { // for i in range(K,0,-1)
    dldbeta[i] = la.matmul(dldX[i], dfXdbeta_func(W[i], X[i - 1], beta[i], activation_der)).data; // .ravel(): 1-D
    const rows: number[][] = [];
    for (let j = 0; j < W[i].rows; j++) { // for j in range(W[i].shape[0])
      rows.push(Array.from(la.matmul(dldX[i], dfXdWi_func(W[i], X[i - 1], beta[i], activation_der, j)).data));
    }
    dldW[i] = la.array(rows);
  }
  return { dldX, dldW, dldbeta };
}

// At large widths the original's way runs for minutes (its cost grows like n^4): then the structured
// method (cell 16) gives the same numbers, and the cell says so.
const slowByHand = lesson.tooSlow(lesson.denseOpCount(c), "The original's method");
if (slowByHand) print(slowByHand, 'These numbers come from the structured method instead.');

const start = performance.now(); // timeit.default_timer()
// A network of another kind (cell 02's note): its own gradients, by the structured method.
if (lessonNote) print('This network has a batch, another loss or an activation per layer: these are its gradients by the structured method (the same chain rule as vector-Jacobian products), every sample summed.');
const { dldX, dldW, dldbeta } = slowByHand || lessonNote ? lesson.structuredRecords(params) : backprop(W, beta, X, K, activation_der);
print('Time: ', (performance.now() - start) / 1000); // seconds, one cold run (cell 16 times it properly)

print('dl/dX0: ', dldX[0]);
for (let k = K; k >= 1; k--) print(`dl/dX${k}: `, dldX[k]);
for (let k = 1; k <= K; k++) {
  print(`dl/dW${k}:`, dldW[k]);
  print(`dl/dbeta${k}:`, dldbeta[k]);
}
