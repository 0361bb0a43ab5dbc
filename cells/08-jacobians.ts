// The three Jacobians of one layer, as the original's functions (W = W_k, x = X_{k-1}, beta = beta_k,
// act_der = f'). NumPy's np.diag, .ravel() and np.matmul are la.diag, la.ravel and la.matmul.

function dfXdX_func(W: Matrix, x: Matrix, beta: Matrix, act_der: (z: Matrix) => Matrix): Matrix {
  // Derivative of f(X_{k-1}) with respect to X_{k-1}: diag(f'(z_k)) W_k
  return la.reshape(la.matmul(la.diag(la.ravel(act_der(linear(W, x, beta)))), W), W.rows, W.cols);
}

function dfXdbeta_func(W: Matrix, x: Matrix, beta: Matrix, act_der: (z: Matrix) => Matrix): Matrix {
  // Derivative of f(X_{k-1}) with respect to beta_k: diag(f'(z_k))
  const dfXdbeta = la.diag(la.ravel(act_der(la.add(la.matmul(W, x), beta))));
  return dfXdbeta;
}

function dfXdWi_func(W: Matrix, x: Matrix, beta: Matrix, act_der: (z: Matrix) => Matrix, i: number): Matrix {
  // Derivative of f(X_{k-1}) with respect to row i of W_k: diag(f'(z_k)) E_i
  const D = la.diag(la.ravel(act_der(la.add(la.matmul(W, x), beta))));
  const Xi = la.fromFunction(W.rows, W.cols, (r, m) => (r === i ? x.get(m, 0) : 0)); // zeros, but Xi[i,:] = x.T
  return la.matmul(D, Xi);
}

// Layer 1 of this network, with its numbers (unless it is so wide that building them takes long):
const J = lesson.tex.matrix;
const slowJacobians = lesson.tooSlow(lesson.jacobianOpCount(c, 3, [1]), 'The Jacobians of layer 1');
if (slowJacobians) print(slowJacobians);
else {
  const dX1dX0 = dfXdX_func(W[1], X[0], beta[1], activation_der);
  const dX1dbeta1 = dfXdbeta_func(W[1], X[0], beta[1], activation_der);
  const dX1dW1row0 = dfXdWi_func(W[1], X[0], beta[1], activation_der, 0);
  const diagF = String.raw`\operatorname{diag}\bigl(f'(z_1)\bigr)`;
  display.latex(String.raw`\frac{\partial X_1}{\partial X_0} = ${diagF}\, W_1 = ${J(dX1dX0)} \quad (${lesson.tex.shape(dX1dX0)})`);
  display.latex(String.raw`\frac{\partial X_1}{\partial \beta_1} = ${diagF} = ${J(dX1dbeta1)} \quad (${lesson.tex.shape(dX1dbeta1)})`);
  display.latex(String.raw`\frac{\partial X_1}{\partial W_1[0,:]} = ${diagF}\, E_0 = ${J(dX1dW1row0)} \quad (${lesson.tex.shape(dX1dW1row0)})`);
}
