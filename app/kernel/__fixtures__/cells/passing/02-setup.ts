// The original network's first layer, from the parameters panel.
const W1: Matrix = la.array(params.W[0]);
const X0: Matrix = la.vector(params.X0);
const beta1: Matrix = la.vector(params.beta[0]);
print('W1 =', W1);
