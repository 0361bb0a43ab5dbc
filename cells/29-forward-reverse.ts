// Forward mode (JVPs, columns of J) and reverse mode (VJPs, rows of J) on the map X_0 -> X_K, with
// the activation of the parameters panel. Both walk the layers; neither builds diag(f'(z_k)).
function jvp(Wn: ByLayer<Matrix>, betan: ByLayer<Matrix>, x0: Matrix, layers: number, v: Matrix): Matrix {
  let x = x0;
  let dx = v; // a column, like X_0
  for (let k = 1; k <= layers; k++) {
    const z = linear(Wn[k], x, betan[k]);
    dx = la.mul(activation_der(z), la.matmul(Wn[k], dx)); // diag(f'(z_k)) W_k dX_{k-1}
    x = activation(z);
  }
  return dx; // J v, c_K x 1
}

function vjp(Wn: ByLayer<Matrix>, betan: ByLayer<Matrix>, x0: Matrix, layers: number, u: Matrix): Matrix {
  const Xs = forwardPass(x0, Wn, betan, layers, activation);
  for (let k = layers; k >= 1; k--) {
    u = la.matmul(la.mul(u, activation_der(linear(Wn[k], Xs[k - 1], betan[k])).T), Wn[k]); // u diag(f'(z_k)) W_k
  }
  return u; // u J, 1 x c_0
}

// The Jacobian of a seeded 4-6-3 network, by columns (4 JVPs) and by rows (3 VJPs)
const net463 = networkOf(lesson.randomNet([4, 6, 3], lessonNet.activation, 5));
const unit = (n: number, j: number) => la.fromFunction(n, 1, (i) => (i === j ? 1 : 0));
const byColumns = la.fromFunction(3, 4, () => 0);
for (let j = 0; j < 4; j++) {
  const column = jvp(net463.W, net463.beta, net463.X0, net463.K, unit(4, j));
  for (let i = 0; i < 3; i++) byColumns.data[i * 4 + j] = column.get(i, 0);
}
const byRows = la.array(Array.from({ length: 3 }, (_, i) => Array.from(vjp(net463.W, net463.beta, net463.X0, net463.K, unit(3, i).T).data)));
display.latex(String.raw`J = \frac{\partial X_2}{\partial X_0} = ${lesson.tex.matrix(byColumns)} \quad (\text{4 JVPs, column by column})`);
print('largest |J by JVPs - J by VJPs| =', la.maxAbsDiff(byColumns, byRows));

// On this lesson's network: one VJP from u = dl/dX_K = 1/X_K^T gives dl/dX_0, as cell 12a did
print('largest |VJP from 1/X_K - dl/dX0 of cell 12a| =', la.maxAbsDiff(vjp(W, beta, X0, K, la.div(1, X[K]).T), gradsByHand.dldX[0]));

// Forward mode for dl/dW and dl/dbeta: one JVP per parameter, each a full pass from its layer up.
function forwardModeGradient(Wn: ByLayer<Matrix>, betan: ByLayer<Matrix>, x0: Matrix, layers: number) {
  const Xs = forwardPass(x0, Wn, betan, layers, activation);
  const dldXK = la.div(1, Xs[layers]).T;
  const slopes: ByLayer<Matrix> = {}; // f'(z_k), once: every JVP reuses the forward pass
  for (let k = 1; k <= layers; k++) slopes[k] = activation_der(linear(Wn[k], Xs[k - 1], betan[k]));
  const tangentOut = (p: number, dz: Matrix) => {
    let dx = la.mul(slopes[p], dz); // dX_p
    for (let k = p + 1; k <= layers; k++) dx = la.mul(slopes[k], la.matmul(Wn[k], dx));
    return la.matmul(dldXK, dx).get(0, 0); // dl/dθ = dl/dX_K dX_K/dθ
  };
  const dW: ByLayer<Matrix> = {};
  const dbeta: ByLayer<Matrix> = {};
  for (let p = 1; p <= layers; p++) {
    const [rows, cols] = Wn[p].shape;
    dW[p] = la.fromFunction(rows, cols, (i, m) => tangentOut(p, la.matmul(la.fromFunction(rows, cols, (r, q) => (r === i && q === m ? 1 : 0)), Xs[p - 1])));
    dbeta[p] = la.fromFunction(1, rows, (_, i) => tangentOut(p, unit(rows, i)));
  }
  return { dW, dbeta };
}
// One JVP per parameter, each about a forward pass: on a wide network that is the n^4 of the table below
const forwardPassOps = c.slice(1).reduce((sum, ck, i) => sum + ck * c[i], 0);
const slowForwardMode = lesson.tooSlow(lesson.parameterCount(c) * (forwardPassOps + 100), 'Forward mode on this network');
if (slowForwardMode) print(slowForwardMode);
else {
  const forwardMode = forwardModeGradient(W, beta, X0, K);
  print('largest |forward-mode dl/dW1 - cell 12a| =', la.maxAbsDiff(forwardMode.dW[1], gradsByHand.dldW[1]), '  dl/dbeta1:', la.maxAbsDiff(forwardMode.dbeta[1], la.array(gradsByHand.dldbeta[1])));
}

// What each way costs on an n-n-1 network (multiplications in the matrix products), and how its time grows here
const costRows: [string, string, (n: number) => number][] = [
  ['forward pass', 'n² + n', (n) => n * n + n],
  ['reverse mode: one VJP, every gradient (forward + backward)', '3n² + 3n', (n) => 3 * n * n + 3 * n],
  ['dense Jacobians, as the original (forward + backward)', '≈ n⁴', (n) => lesson.denseOpCount([n, n, 1]) + n * n + n],
  ['forward mode: one JVP per parameter', '≈ n⁴', (n) => n * n * (n * n + n) + 2 * n * n + n * n + n],
  ['finite differences: two forward passes per parameter', '≈ 2n⁴', (n) => 2 * (n * n + 2 * n + 1) * (n * n + n)],
];
const timedSizes = [8, 16, 32];
// One sweep (one progress bar): forward mode in la, and finite differences, on seeded n-n-1 networks
const timedCases = timedSizes.flatMap((n) => {
  const spec = lesson.randomNet([n, n, 1], 'sigmoid', n);
  const net = networkOf(spec);
  return [
    { name: 'forward mode (la)', widths: [n, n, 1], setup: () => ({ run: () => forwardModeGradient(net.W, net.beta, net.X0, net.K) }) },
    { name: 'finite differences', widths: [n, n, 1], setup: () => ({ run: () => lesson.finiteDifferences(spec) }) },
  ];
});
const timedRows = (await bench.sweep(timedCases, lesson.quickBench)).rows;
const slopeOf = (name: string) => {
  const points = timedRows.filter((r) => r.name === name && r.result).map((r) => ({ n: r.widths[0], t: r.result?.minUs ?? NaN }));
  return points.length >= 2 ? lesson.fitSlope(points).slope : null;
};
const jvpSlope = slopeOf('forward mode (la)');
const fdSlope = slopeOf('finite differences');
const sweptSlope = (start: string) => widthSeries.find((s) => s.name.startsWith(start))?.slope;
const measured = [null, sweptSlope('structured'), sweptSlope('dense'), jvpSlope, fdSlope];
display.table(
  ['method', 'multiplications', 'at n = 256', 'measured slope here'],
  costRows.map(([name, formula, count], i) => [name, formula, count(256).toExponential(2), measured[i] == null ? '' : measured[i].toFixed(2)]),
  { caption: `Cost of a gradient on an n-n-1 network; slopes: reverse and dense from the sweep above, forward mode and finite differences timed now at n = ${timedSizes.join(', ')}` },
);
