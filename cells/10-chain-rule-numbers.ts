// The chain rule with this network's numbers, one factor at a time: Next (→, Page Down) takes a step.
// "Dense Jacobians": full matrices, as the original (cell 12a); "Vector-Jacobian products": as autograd.
const slowSteps = lesson.backpropTooSlow(params, 'The chain rule step by step');
if (slowSteps) print(slowSteps, 'Make the network narrower in the parameters panel to see it.');
else display.backprop(params);
