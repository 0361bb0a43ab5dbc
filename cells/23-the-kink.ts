// The original network with a ReLU (your functions if they passed the check, else the app's own).
const reluSpec: NetSpec = { ...lesson.originalNet(), activation: 'relu' };
const reluRecord = lesson.activations.relu;
const reluF = reluCheck.passed ? relu : (x: Matrix) => la.map(x, reluRecord.f);
const reluDer = reluCheck.passed ? relu_der : (x: Matrix) => la.map(x, reluRecord.df);
// The two choices at the kink, the same everywhere else: your relu_der's slopes, with 0 or 1 at exactly 0
const reluAtZeroIs0 = (x: Matrix) => la.map(reluDer(x), (d, i, j) => (x.get(i, j) === 0 ? 0 : d));
const reluAtZeroIs1 = (x: Matrix) => la.map(reluDer(x), (d, i, j) => (x.get(i, j) === 0 ? 1 : d));
print(
  reluCheck.passed
    ? `using your relu and relu_der (yours takes relu'(0) = ${reluDer(la.array([[0]])).get(0, 0)})`
    : "using the lesson's own relu (yours has not passed the check yet)",
);

const orig = networkOf(reluSpec);
const Xr = forwardPass(orig.X0, orig.W, orig.beta, orig.K, reluF);
print('z_1 =', linear(orig.W[1], orig.X0, orig.beta[1]).T, '  <- z_1[0] is exactly 0');

const gradientsWith = (der: (x: Matrix) => Matrix) => {
  const g = backprop(orig.W, orig.beta, Xr, orig.K, der);
  return lesson.asGradients(g.dldX, g.dldW, g.dldbeta);
};
const withZero = gradientsWith(reluAtZeroIs0);
const withOne = gradientsWith(reluAtZeroIs1);
const byDifferences = lesson.finiteDifferences(reluSpec) as Gradients; // small network: never null
lesson.gradientTable(
  {
    "by hand, relu'(0) = 0": withZero,
    "by hand, relu'(0) = 1": withOne,
    'autograd (tfjs cpu)': await lesson.tfjsGradients(reluSpec, 'cpu'), // cpu: tfjs's reference backend
    'finite differences': byDifferences,
  },
  'The original network with ReLU: the choice at the kink changes dl/dX0, dl/dW1 (row 0) and dl/dbeta1[0]',
);

// Finite differences land halfway between the two choices, e.g. at dl/dbeta1[0]:
const at0 = withZero.dbeta[0][0];
const at1 = withOne.dbeta[0][0];
print(`dl/dbeta1[0]: ${at0} with relu'(0) = 0, ${at1} with relu'(0) = 1; finite differences ${byDifferences.dbeta[0][0].toFixed(6)}, halfway is ${(at0 + at1) / 2}`);
