// linear and the forward loop, as in the original:
//   def linear(W,x,beta): return np.matmul(W,x).reshape(-1,1)+beta
function linear(W: Matrix, x: Matrix, beta: Matrix): Matrix {
  return la.add(la.reshape(la.matmul(W, x), -1, 1), beta);
}

function forwardPass(X0: Matrix, W: Record<number, Matrix>, beta: Record<number, Matrix>, K: number, activation: (z: Matrix) => Matrix) {
  const X: Record<number, Matrix> = { 0: X0 };
  // compute X
  for (let i = 1; i <= K; i++) {
    X[i] = activation(linear(W[i], X[i - 1], beta[i]));
  }
  return X;
}

const X = forwardPass(X0, W, beta, K, activation);

for (let i = 1; i <= K; i++) print(`X[${i}] =`, X[i]);
print('l = sum(log(X[K])) =', la.sum(la.log(X[K])));
