// Your turn: dl/dz for X = tanh(z), from the row g = dl/dX. z is a column (n x 1), g and the answer are
// rows (1 x n). NaN stands for "not written yet".
function tanh_vjp(z: Matrix, g: Matrix): Matrix {
  // Fill code here
  return la.fromFunction(g.rows, z.rows, () => NaN); // 1 x n
}

const tanhCheck = await lesson.checkExercise('tanhVjp', tanh_vjp);
