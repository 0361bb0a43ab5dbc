// The tape on this lesson's network: what it recorded, and its gradients against cell 12a (by hand)
// and cell 12b (TensorFlow.js). The tape keeps dl/dX_k as columns; the lesson's rows are their transposes.
// TensorFlow.js on the same network (cell 12b's own numbers unless cell 02 took a view of another kind).
const byTf = lessonNote ? await lesson.tfjsRecords(lessonNet) : { dldX: tf_dldX, dldW: tf_dldW, dldbeta: tf_dldbeta };
const taped = tapeGradients(lessonNet);
print('the tape, in the order its nodes were made:', taped.order.map((node) => `${node.op} ${node.value.rows}x${node.value.cols}`).join(', '));

const byTape = lesson.asGradients(
  Object.fromEntries(taped.dX.map((v, k) => [k, la.row(v)])),
  Object.fromEntries(taped.dW.map((w, k) => [k + 1, la.array(w)])),
  Object.fromEntries(taped.dbeta.map((b, k) => [k + 1, Float64Array.from(b)])),
);
lesson.gradientTable({ 'the tape (float64)': byTape, 'by hand (cell 12a)': lesson.asGradients(gradsByHand.dldX, gradsByHand.dldW, gradsByHand.dldbeta), 'TensorFlow.js (cell 12b)': lesson.asGradients(byTf.dldX, byTf.dldW, byTf.dldbeta) }, 'Every gradient: the tape, by hand, and by TensorFlow.js');
const largestGap = (other: ByLayer<Matrix>, otherW: ByLayer<Matrix>) =>
  Math.max(...taped.dX.map((v, k) => la.maxAbsDiff(la.row(v), other[k])), ...taped.dW.map((w, k) => la.maxAbsDiff(la.array(w), otherW[k + 1])));
print('largest |tape - by hand| over dl/dX and dl/dW =', largestGap(gradsByHand.dldX, gradsByHand.dldW), '  |tape - TensorFlow.js| =', largestGap(byTf.dldX, byTf.dldW));

// Accumulation: x is used twice in sum(x * x), so its gradient is the sum of two contributions, 2x
const xTwice = tape.leaf(la.vector([1, -2, 3]));
backward(tape.sum(tape.mul(xTwice, xTwice)));
print('x =', xTwice.value.T, '  d sum(x*x)/dx by the tape =', xTwice.grad?.T, '  (2x: both uses add up)');
