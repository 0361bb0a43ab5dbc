// Your turn: the gradient of one layer over a batch. G: dL/dZ (3 x 5), Xprev: the input (4 x 5).
function batch_dW(G: Matrix, Xprev: Matrix): Matrix {
  // Fill code here: 3 x 4, summed over the 5 examples
  return la.map(la.zeros(G.rows, Xprev.rows), () => NaN);
}

function batch_dbeta(G: Matrix): Matrix {
  // Fill code here: 1 x 3, a row
  return la.map(la.zeros(1, G.rows), () => NaN);
}

const batchCheck = await lesson.checkExercise('batchGradient', batch_dW, batch_dbeta);
