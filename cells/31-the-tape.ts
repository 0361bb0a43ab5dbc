// A reverse-mode tape, small enough to read. A TapeNode is a value, the nodes it was computed from, and
// its VJP rule: from dl/d(this) (grad, shaped like value) to dl/d(each input).
class TapeNode {
  static count = 0; // numbers the nodes in the order they are made
  readonly id = TapeNode.count++;
  grad: Matrix | null = null;
  constructor(
    readonly value: Matrix,
    readonly op = 'leaf',
    readonly inputs: readonly TapeNode[] = [],
    readonly vjp: (grad: Matrix) => Matrix[] = () => [],
  ) {}
}

// la broadcasts a c x 1 bias over the columns of a batch; the gradient of a stretched dimension is
// the sum along it (what add's VJP must undo).
function unbroadcast(grad: Matrix, like: Matrix): Matrix {
  let out = grad;
  if (like.rows === 1 && out.rows > 1) out = la.sum(out, 0);
  if (like.cols === 1 && out.cols > 1) out = la.sum(out, 1);
  return out;
}

const logistic = (v: number) => 1 / (1 + Math.exp(-v));

// An activation applied entry by entry: value f(a), VJP grad * f'(a)
const entrywise = (name: string, f: (v: number) => number, df: (v: number) => number) => (a: TapeNode) =>
  new TapeNode(la.map(a.value, f), name, [a], (grad) => [la.mul(grad, la.map(a.value, df))]);

// Each operation: its forward step, and beside it its VJP rule
const tape = {
  leaf: (value: Matrix) => new TapeNode(value),
  matmul: (a: TapeNode, b: TapeNode) => new TapeNode(la.matmul(a.value, b.value), 'matmul', [a, b], (grad) => [la.matmul(grad, b.value.T), la.matmul(a.value.T, grad)]),
  add: (a: TapeNode, b: TapeNode) => new TapeNode(la.add(a.value, b.value), 'add', [a, b], (grad) => [unbroadcast(grad, a.value), unbroadcast(grad, b.value)]),
  mul: (a: TapeNode, b: TapeNode) => new TapeNode(la.mul(a.value, b.value), 'mul', [a, b], (grad) => [unbroadcast(la.mul(grad, b.value), a.value), unbroadcast(la.mul(grad, a.value), b.value)]),
  log: (a: TapeNode) => new TapeNode(la.log(a.value), 'log', [a], (grad) => [la.div(grad, a.value)]),
  sum: (a: TapeNode) => new TapeNode(la.array([[la.sum(a.value)]]), 'sum', [a], (grad) => [la.full(a.value.rows, a.value.cols, grad.get(0, 0))]),
  sigmoid: entrywise('sigmoid', logistic, (v) => logistic(v) * (1 - logistic(v))),
  tanh: entrywise('tanh', Math.tanh, (v) => 1 - Math.tanh(v) ** 2),
  relu: entrywise('relu', (v) => Math.max(0, v), (v) => (v > 0 ? 1 : 0)),
  leakyRelu: entrywise('leakyRelu', (v) => (v > 0 ? v : 0.01 * v), (v) => (v > 0 ? 1 : 0.01)),
};

// Every node reachable from `loss`, in the order they were made (so each comes after its inputs)
function tapeOrder(loss: TapeNode): TapeNode[] {
  const order: TapeNode[] = [];
  const seen = new Set<TapeNode>();
  const visit = (node: TapeNode) => {
    if (seen.has(node)) return;
    seen.add(node);
    node.inputs.forEach(visit);
    order.push(node);
  };
  visit(loss);
  return order.sort((a, b) => a.id - b.id);
}

// Walks the tape backwards from a 1 x 1 loss, leaving dl/d(node) in every node's grad
function backward(loss: TapeNode): TapeNode[] {
  const order = tapeOrder(loss);
  for (const node of order) node.grad = null; // a second backward starts from zero, not from the last one
  loss.grad = la.ones(1, 1);
  for (const node of [...order].reverse()) {
    if (node.grad === null) continue;
    const inputGrads = node.vjp(node.grad);
    node.inputs.forEach((input, i) => {
      input.grad = input.grad === null ? inputGrads[i] : la.add(input.grad, inputGrads[i]); // used twice: add up
    });
  }
  return order;
}

// The lesson's network on the tape: l = sum(log X_K), X_k = f(W_k X_{k-1} + beta_k)
function tapeGradients(spec: SampleNetSpec): Gradients & { order: TapeNode[] } {
  const layers = spec.widths.length - 1;
  const x0 = tape.leaf(la.array(spec.X0, spec.widths[0], 1));
  const Ws = spec.W.map((w) => tape.leaf(la.array(w)));
  const betas = spec.beta.map((b, k) => tape.leaf(la.array(b, spec.widths[k + 1], 1)));
  const Xs = [x0];
  for (let k = 0; k < layers; k++) Xs.push(tape[spec.activation](tape.add(tape.matmul(Ws[k], Xs[k]), betas[k])));
  const loss = tape.sum(tape.log(Xs[layers]));
  const order = backward(loss);
  const gradOf = (node: TapeNode): Matrix => node.grad ?? la.zeros(node.value.rows, node.value.cols);
  return {
    loss: loss.value.get(0, 0),
    dX: Xs.map((node) => Array.from(gradOf(node).data)),
    dW: Ws.map((node) => gradOf(node).toArray()),
    dbeta: betas.map((node) => Array.from(gradOf(node).data)),
    order,
  };
}
