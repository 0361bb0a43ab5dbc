// Your turn: fill in the two functions, entry by entry on a matrix (like sigmoid in cell 4), then run
// this cell. NaN stands for "not written yet".
function relu(x: Matrix): Matrix {
  // Fill code here for relu(x) = max(0,x)
  return la.map(x, () => NaN);
}

function relu_der(x: Matrix): Matrix {
  // Fill code here for derivative of relu
  return la.map(x, () => NaN);
}

// Compares yours with TensorFlow.js (tf.relu and its autograd derivative) at 151 points, 0 among them.
const reluCheck = await lesson.checkExercise('relu', relu, relu_der);
