// Gradient checking: the relative error of every gradient of cell 12a against finite differences,
// then one entry, dl/dW1[0,0], by central differences in float64 and in float32 over a sweep of steps h.
const relativeError = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

const checked = lesson.finiteDifferences(lessonNet);
if (checked === null) print('This network has too many numbers for finite differences of every entry; the sweep below still runs.');
else {
  const manualG = lesson.asGradients(gradsByHand.dldX, gradsByHand.dldW, gradsByHand.dldbeta);
  const flatten = (gr: Gradients) => [...gr.dW.flat(2), ...gr.dbeta.flat()];
  const errors = flatten(manualG).map((v, i) => relativeError(v, flatten(checked)[i]));
  print(`largest relative error over every dl/dW and dl/dbeta, cell 12a against finite differences: ${Math.max(...errors).toExponential(2)}`);
}

// The loss of the network with W1[0,0] replaced by w, in float64 (cell 06's forward pass) ...
const lossWith64 = (w: number) => {
  const W1 = la.map(W[1], (v, i, j) => (i === 0 && j === 0 ? w : v));
  return la.sum(la.log(forwardPass(X0, { ...W, 1: W1 }, beta, K, activation)[K]));
};
// ... and in float32: every number rounded to float32 after every operation, as float32 hardware does
const f32 = (m: Matrix) => la.map(m, Math.fround);
const lossWith32 = (w: number) => {
  let x = f32(X0);
  for (let k = 1; k <= K; k++) {
    const Wk = f32(k === 1 ? la.map(W[1], (v, i, j) => (i === 0 && j === 0 ? w : v)) : W[k]);
    x = f32(activation(f32(la.add(f32(la.matmul(Wk, x)), f32(beta[k])))));
  }
  return Math.fround(la.sum(f32(la.log(x))));
};

const w00 = W[1].get(0, 0);
const exact = gradsByHand.dldW[1].get(0, 0); // by hand, float64
const steps_h = Array.from({ length: 25 }, (_, i) => 10 ** (-1 - i / 2)); // h = 1e-1 ... 1e-13
const central = (lossOf: (w: number) => number, h: number) => (lossOf(w00 + h) - lossOf(w00 - h)) / (2 * h);
const err64 = steps_h.map((h) => relativeError(central(lossWith64, h), exact));
const err32 = steps_h.map((h) => relativeError(central(lossWith32, Math.fround(h)), exact));
const best = (errs: number[]) => errs.reduce((b, e, i) => (e < errs[b] ? i : b), 0);
const [b64, b32] = [best(err64), best(err32)];
print(`dl/dW1[0,0] by hand: ${exact}`);
print(`float64: smallest relative error ${err64[b64].toExponential(1)} at h = ${steps_h[b64].toExponential(0)}`);
print(`float32: smallest relative error ${err32[b32].toExponential(1)} at h = ${steps_h[b32].toExponential(0)}; at h = 1e-6 it is ${err32[10].toExponential(1)}`);
display.plot({
  data: [
    { x: steps_h, y: err64.map((e) => Math.max(e, 1e-17)), name: 'float64', type: 'scatter', mode: 'lines+markers' },
    { x: steps_h, y: err32.map((e) => Math.max(e, 1e-17)), name: 'float32', type: 'scatter', mode: 'lines+markers' },
  ],
  layout: {
    title: { text: 'Central difference for dl/dW1[0,0]: relative error against h' },
    xaxis: { type: 'log', title: { text: 'step h' } },
    yaxis: { type: 'log', title: { text: 'relative error' } },
    height: 280,
    margin: { t: 40, r: 10 },
    legend: { x: 0.99, xanchor: 'right', y: 0.99 }, // inside the plot, top right, where neither line goes
  },
});
