// The original's activation and its derivative, on matrices, entry by entry (its NumPy in the comments).
function sigmoid(x: Matrix): Matrix {
  return la.div(1, la.add(1, la.exp(la.mul(-1, x)))); // 1/(1+np.exp(-x))
}
function sigmoid_der(x: Matrix): Matrix {
  return la.mul(sigmoid(x), la.sub(1, sigmoid(x))); // sigmoid(x)*(1-sigmoid(x))
}

// The app keeps each activation in one record: the function, its derivative and the formulas shown
// below. Check the original's pair against the record on a grid of 241 points.
const grid = la.array(Array.from({ length: 241 }, (_, i) => -6 + i * 0.05)); // a 1 x 241 row
const sigmoidRecord = lesson.activations.sigmoid;
print('largest |sigmoid - record|    :', la.maxAbsDiff(sigmoid(grid), la.map(grid, sigmoidRecord.f)));
print('largest |sigmoid_der - record|:', la.maxAbsDiff(sigmoid_der(grid), la.map(grid, sigmoidRecord.df)));

// The network's own activation (the parameters panel chooses it): the original's sigmoid, or the
// record's f and f' for the others.
const chosen = lesson.activations[lessonNet.activation];
const activation = lessonNet.activation === 'sigmoid' ? sigmoid : (x: Matrix) => la.map(x, chosen.f);
const activation_der = lessonNet.activation === 'sigmoid' ? sigmoid_der : (x: Matrix) => la.map(x, chosen.df);

display.latex(String.raw`${chosen.tex}, \qquad ${chosen.dtex}`);
display.plot({
  data: [
    { x: Array.from(grid.data), y: Array.from(activation(grid).data), name: `f = ${chosen.label}`, type: 'scatter', mode: 'lines' },
    { x: Array.from(grid.data), y: Array.from(activation_der(grid).data), name: "f'", type: 'scatter', mode: 'lines', line: { dash: 'dash' } },
  ],
  layout: { title: { text: `${chosen.label} and its derivative` }, xaxis: { title: { text: 'z' } }, height: 300, margin: { t: 40, r: 10 } },
});
chosen.note ?? ''
