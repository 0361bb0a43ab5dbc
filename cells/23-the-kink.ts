// The original network with a ReLU (your functions if they passed the check, else the app's own).
const reluSpec: NetSpec = { ...lesson.originalNet(), activation: 'relu' };
const reluRecord = lesson.activations.relu;
const reluF = reluCheck.passed ? relu : (x: Matrix) => la.map(x, reluRecord.f);
const reluAtZeroIs0 = reluCheck.passed ? relu_der : (x: Matrix) => la.map(x, reluRecord.df);
const reluAtZeroIs1 = (x: Matrix) => la.map(x, (v) => (v >= 0 ? 1 : 0));
print(reluCheck.passed ? 'using your relu and relu_der' : 'using the app\'s relu (yours has not passed the check yet)');

const orig = networkOf(reluSpec);
const Xr = forwardPass(orig.X0, orig.W, orig.beta, orig.K, reluF);
print('z_1 =', linear(orig.W[1], orig.X0, orig.beta[1]).T, '  <- z_1[0] is exactly 0');

const grads = (der: (x: Matrix) => Matrix) => {
  const g = backprop(orig.W, orig.beta, Xr, orig.K, der);
  return lesson.asGradients(g.dldX, g.dldW, g.dldbeta);
};
lesson.gradientTable(
  {
    "by hand, relu'(0) = 0": grads(reluAtZeroIs0),
    "by hand, relu'(0) = 1": grads(reluAtZeroIs1),
    'autograd (tfjs cpu)': await lesson.tfjsGradients(reluSpec, 'cpu'), // cpu: tfjs's reference backend
    'finite differences': lesson.finiteDifferences(reluSpec) as Gradients,
  },
  'The original network with ReLU: the choice at the kink changes dl/dX0, dl/dW1 (row 0) and dl/dbeta1[0]',
);

// Finite differences land halfway between the two choices, e.g. at dl/dbeta1[0]:
const at0 = grads(reluAtZeroIs0).dbeta[0][0];
const at1 = grads(reluAtZeroIs1).dbeta[0][0];
const byFd = (lesson.finiteDifferences(reluSpec) as Gradients).dbeta[0][0];
print(`dl/dbeta1[0]: ${at0} with relu'(0) = 0, ${at1} with relu'(0) = 1; finite differences ${byFd.toFixed(6)}, halfway is ${(at0 + at1) / 2}`);
