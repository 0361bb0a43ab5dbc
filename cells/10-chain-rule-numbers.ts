// The chain rule with this network's numbers, from the loss backwards. Every matrix below is computed
// here, by the functions of the cells above, and then typeset: change the network and they change.
const M = lesson.tex.matrix; // a Matrix as LaTeX (4 significant digits; large ones cut, with dots)
const dl_dX = (k: number) => String.raw`\frac{\partial l}{\partial X_{${k}}}`;
const diagOf = (k: number) => String.raw`\operatorname{diag}\bigl(f'(z_{${k}})\bigr)`;
// symbol = formula, then = the numbers, then = the result, one line each
const steps = (...lines: string[]) => display.latex(String.raw`\begin{aligned} ${lines[0]} ${lines.slice(1).map((l) => String.raw`\\ &= ${l}`).join(' ')} \end{aligned}`);

function chainRuleWithNumbers() {
  // dl/dX_K = 1 / X_K, entry by entry, written as a row vector
  const dl: Record<number, Matrix> = { [K]: la.div(1, X[K]).T };
  steps(String.raw`${dl_dX(K)} &= 1 / X_{${K}}^\top`, String.raw`1 / ${M(X[K].T)}`, M(dl[K]));

  for (let k = K; k >= 1; k--) {
    const D = dfXdbeta_func(W[k], X[k - 1], beta[k], activation_der); // diag(f'(z_k))
    dl[k - 1] = la.matmul(dl[k], dfXdX_func(W[k], X[k - 1], beta[k], activation_der));
    steps(String.raw`${dl_dX(k - 1)} &= ${dl_dX(k)}\, ${diagOf(k)}\, W_{${k}}`, String.raw`${M(dl[k])}\, ${M(D)}\, ${M(W[k])}`, M(dl[k - 1]));
  }

  // Then each layer's parameters, from the row vector dl/dX_k the backward pass left there:
  for (let k = K; k >= 1; k--) {
    const D = dfXdbeta_func(W[k], X[k - 1], beta[k], activation_der);
    const E0 = la.fromFunction(W[k].rows, W[k].cols, (r, m) => (r === 0 ? X[k - 1].get(m, 0) : 0)); // row 0 = X_{k-1}^T
    const dbeta = la.matmul(dl[k], D);
    const dWrow0 = la.matmul(dl[k], dfXdWi_func(W[k], X[k - 1], beta[k], activation_der, 0));
    steps(String.raw`\frac{\partial l}{\partial \beta_{${k}}} &= ${dl_dX(k)}\, ${diagOf(k)}`, String.raw`${M(dl[k])}\, ${M(D)}`, M(dbeta));
    steps(String.raw`\frac{\partial l}{\partial W_{${k}}[0,:]} &= ${dl_dX(k)}\, ${diagOf(k)}\, E_0`, String.raw`${M(dl[k])}\, ${M(D)}\, ${M(E0)}`, M(dWrow0));
  }
}

// Each layer builds a few Jacobians as matrices: on a very wide network that would take long.
const slowChain = lesson.tooSlow(lesson.jacobianOpCount(c, 4), 'The chain rule with numbers');
if (slowChain) print(slowChain, 'Make the network narrower in the parameters panel to see it.');
else chainRuleWithNumbers();
