// The chain rule with this network's numbers, one factor at a time, from the loss backwards: press
// Next (or →, Page Down) to take a step. Each step is typeset with its live numbers, lit up on the
// diagram, and named in the code that computes it. "Dense Jacobians" shows the full matrices the
// original builds (cell 12a's loops, zeros faded); "Vector-Jacobian products" does only the work
// that is needed, as autograd does. Change the network in the panel and every step follows it.
const slowSteps = lesson.backpropTooSlow(params, 'The chain rule step by step');
if (slowSteps) print(slowSteps, 'Make the network narrower in the parameters panel to see it.');
else display.backprop(params);
