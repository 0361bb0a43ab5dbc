// The network of the parameters panel, in the original notebook's names. Nothing is typed in here:
// change the network in the panel (or the link) and every cell below follows it.
function networkOf(spec: NetSpec) {
  const c = spec.widths; // c = [2,3,1] in the original
  const K = c.length - 1; // the number of layers
  const X0 = la.array(spec.X0, c[0], 1); // np.array([0.5,-0.5]).reshape(c[0],1)
  const W: Record<number, Matrix> = {}; // W = {1:W1, 2:W2}: dictionaries by layer, as in the original
  const beta: Record<number, Matrix> = {};
  for (let k = 1; k <= K; k++) {
    W[k] = la.array(spec.W[k - 1]); // c[k] x c[k-1]
    beta[k] = la.array(spec.beta[k - 1], c[k], 1); // c[k] x 1, a column
  }
  return { c, K, X0, W, beta };
}

// A batch, another loss or an activation per layer: these cells show the original kind (the note says how).
const { net: lessonNet, note: lessonNote } = lesson.lessonView(params);
if (lessonNote) print(lessonNote);
const { c, K, X0, W, beta } = networkOf(lessonNet);

print('c =', c, '  activation:', lessonNet.activation, '  K =', K, 'layers');
const T = lesson.tex.matrix; // a Matrix as LaTeX
const shown = [String.raw`X_0 = ${T(X0)}`];
for (let k = 1; k <= K; k++) shown.push(String.raw`W_{${k}} = ${T(W[k])}`, String.raw`\beta_{${k}} = ${T(beta[k])}`);
display.latex(shown.join(String.raw`,\quad `));
display.network(lessonNet, lesson.forwardValues(lessonNet));
