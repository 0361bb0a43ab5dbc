// The lesson helpers as cells use them, through the in-process kernel: what each shows and returns.
import { describe, expect, it } from 'vitest';
import { originalNet } from '../core/netspec';
import { NodeHost } from './nodeHost';
import type { Output } from './protocol';
import { exercises } from './lesson/exercises';
import { runCell } from './testing';

const tolerance = '{ autograd: { abs: 1e-4, rel: 1e-4 }, fd: { abs: 1e-6, rel: 1e-6 } }';
const ofKind = <K extends Output['kind']>(outputs: Output[], kind: K) => outputs.filter((o): o is Extract<Output, { kind: K }> => o.kind === kind);

describe('lesson.compareGradients', () => {
  it('shows the comparison table (testid, one checked row per gradient) and a verdict, for autograd against finite differences', async () => {
    const run = await runCell(new NodeHost(), `const fd = lesson.finiteDifferences(params);\nconst r = await lesson.compareGradients({ manual: fd!, autograd: await lesson.tfjsGradients(params), fd }, ${tolerance});\nprint(r.ok)`);
    expect(run.status).toBe('ok');
    const [table] = ofKind(run.outputs, 'table');
    expect(table).toMatchObject({ testid: 'gradient-comparison', rowOk: Array(7).fill(true) });
    expect(table.rows.map((r) => r[0])).toEqual(['dl/dX0', 'dl/dX2', 'dl/dX1', 'dl/dW1', 'dl/dbeta1', 'dl/dW2', 'dl/dbeta2']);
    expect(ofKind(run.outputs, 'markdown')[0].source).toMatch(/^Verdict: they agree\. Autograd \(tfjs, cpu\)/);
    expect(run.text).toBe('true\n');
  });

  it('excuses finite differences on the ReLU kink of the original weights, and says so', async () => {
    const host = new NodeHost({ params: { ...originalNet(), activation: 'relu' } });
    const code = `const g = lesson.asGradients({ 0: la.row([-0.16470588235294117, -0.2823529411764706]), 1: la.row([-0.7058823529411764, 0.09411764705882353, 0.23529411764705882]), 2: la.row([0.47058823529411764]) }, { 1: la.array([[0, 0], [0, 0], [0.11764705882352941, -0.11764705882352941]]), 2: la.array([[0, 0, 1.0588235294117647]]) }, { 1: [0, 0, 0.23529411764705882], 2: [0.47058823529411764] });
const r = await lesson.compareGradients({ manual: g, autograd: await lesson.tfjsGradients(params), fd: lesson.finiteDifferences(params) }, ${tolerance});
print(r.ok)`;
    const run = await runCell(host, code);
    expect(run.text).toBe('true\n');
    expect(ofKind(run.outputs, 'markdown')[0].source).toContain('Finite differences agree except at dl/dX0, dl/dW1, dl/dbeta1: there the network sits on a kink');
  });
});

describe('lesson.checkExercise', () => {
  it.each(Object.entries(exercises))('passes the solution of %s', async (name, exercise) => {
    const run = await runCell(new NodeHost(), `${exercise.solution}\nconst c = await lesson.checkExercise('${name}', ${exercise.functions.join(', ')});\nprint(c.passed)`);
    expect(run.text).toBe('true\n');
    expect(ofKind(run.outputs, 'table')[0].rowOk).toEqual(exercise.functions.map(() => true));
    expect(ofKind(run.outputs, 'markdown')[0].source).toBe(exercise.success);
  });

  it("accepts relu'(0) = 1 as a subgradient, with a note on conventions", async () => {
    const code = "const c = await lesson.checkExercise('relu', (x: Matrix) => la.maximum(0, x), (x: Matrix) => la.map(x, (v) => (v >= 0 ? 1 : 0)));\nprint(c.passed)";
    const run = await runCell(new NodeHost(), code);
    expect(run.text).toBe('true\n');
    expect(ofKind(run.outputs, 'markdown')[0].source).toContain('any slope in [0, 1] is a valid subgradient');
  });

  it.each([
    // tanh'(z) = 1 - tanh(z) without the square: wrong almost everywhere
    ['tanhVjp', ['(z: Matrix, g: Matrix) => la.mul(g, la.sub(1, la.tanh(z.T)))'], /^tanh_vjp disagrees at \d+ of \d+ points; the largest difference is at z = /],
    // the bias gradient as a column, not the lesson's row
    ['batchGradient', ['(G: Matrix, X: Matrix) => la.matmul(G, X.T)', '(G: Matrix) => la.sum(G, 1)'], /^batch_dbeta returned a 3x1 matrix, expected 1x3\.$/],
    // one example's gradient only (the first column), not the sum over the batch
    ['batchGradient', ['(G: Matrix, X: Matrix) => la.outer(la.fromFunction(3, 1, (i) => G.get(i, 0)), la.fromFunction(4, 1, (j) => X.get(j, 0)))', '(G: Matrix) => la.sum(G, 1).T'], /^batch_dW disagrees at 12 of 12 entries; the largest difference is at \[\d, \d\]/],
    // a function that throws is a failed check, not a failed cell
    ['relu', ['(x: Matrix) => la.maximum(0, x)', '() => { throw new Error("not yet") }'], /^relu_der threw Error: not yet$/],
  ])('names what is wrong in %s without failing the cell', async (name, fns, message) => {
    const run = await runCell(new NodeHost(), `const c = await lesson.checkExercise('${name}', ${fns.join(', ')});\nprint(c.passed)`);
    expect(run.status).toBe('ok');
    expect(run.text).toBe('false\n');
    const verdict = ofKind(run.outputs, 'markdown')[0].source;
    expect(verdict).toContain("lesson.hint('" + name + "', n)");
    const failing = verdict.split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(2));
    expect(failing.some((l) => message.test(l))).toBe(true);
  });
});

describe('lesson.hint and lesson.showSolution', () => {
  it('shows hint n of 3, refuses hint 4 naming the range, and shows the solution as code', async () => {
    const host = new NodeHost();
    expect(ofKind((await runCell(host, "lesson.hint('relu', 3)")).outputs, 'markdown')[0].source).toMatch(/^\*\*Hint 3 of 3\.\*\* At exactly `v = 0`/);
    const bad = await runCell(host, "lesson.hint('relu', 4)");
    expect(ofKind(bad.outputs, 'error')[0].message).toBe('hint: "relu" has hints 1 to 3, not 4');
    const solutionShown = ofKind((await runCell(host, "lesson.showSolution('relu')")).outputs, 'markdown')[0].source;
    expect(solutionShown).toContain('```ts\nfunction relu(x: Matrix): Matrix {');
  });
});

describe('lesson.benchTfjs and lesson.showTimings', () => {
  it('times autograd on wasm, back on cpu afterwards, and shows the table with the reference rows and a chart', async () => {
    const code = "const r = await lesson.benchTfjs(params, 'wasm', lesson.quickBench);\nlesson.showTimings([r]);\nprint(r.name, tf.getBackend(), 'medianUs' in r && r.medianUs > 0)";
    const run = await runCell(new NodeHost(), code);
    expect(run.text).toBe('autograd (tfjs wasm) cpu true\n');
    const [table] = ofKind(run.outputs, 'table');
    expect(table.rows.map((r) => r[0])).toEqual(['autograd (tfjs wasm)', 'NumPy (original notebook)', 'PyTorch backward() (original)']);
    expect(ofKind(run.outputs, 'plot')).toHaveLength(1);
  });
});

describe('lesson.showScaling', () => {
  it('shows the sweep as a table and a log-log plot and returns the fitted series', async () => {
    const code = "const s = await bench.sweep(lesson.sweepCases([[8, 8, 1], [16, 16, 1], [32, 32, 1]]), lesson.quickBench);\nconst series = lesson.showScaling(s.rows, 'width', 8);\nprint(series.map((x) => x.name + ' ' + Number.isFinite(x.slope)).join(', '))";
    const run = await runCell(new NodeHost(), code);
    expect(run.text).toBe('dense (Jacobians) true, structured (VJPs) true\n');
    expect(ofKind(run.outputs, 'table')[0].rows.map((r) => r[0])).toEqual([8, 16, 32]);
    expect(ofKind(run.outputs, 'plot')).toHaveLength(1);
  });
});

describe('lesson.structuredRecords', () => {
  it("gives the lesson's dictionaries (rows, matrices, 1-D arrays) with finite differences' values", async () => {
    const code = [
      'const r = lesson.structuredRecords(params);',
      'const fd = lesson.finiteDifferences(params)!;',
      'print(r.dldX[0], r.dldW[1].shape, r.dldbeta[2]);',
      'print(la.maxAbsDiff(r.dldW[1], la.array(fd.dW[0])) < 1e-9, la.maxAbsDiff(r.dldX[1], la.row(fd.dX[1])) < 1e-9)',
    ].join('\n');
    const run = await runCell(new NodeHost(), code);
    expect(run.text).toBe('[[-0.05246989  0.28237541]] [3, 2] [0.31723898]\ntrue true\n');
  });
});

describe('lesson.lessonView', () => {
  it('is the network itself, without a note, for the original kind', async () => {
    const run = await runCell(new NodeHost(), 'const v = lesson.lessonView(params);\nprint(v.note === null, v.net.activation, v.net.X0)');
    expect(run.text).toBe('true sigmoid [0.5, -0.5]\n');
  });

  it('shows a batch with per-layer activations and another loss as its first sample, layer 1 activation, log loss, and says so', async () => {
    const params = { ...originalNet(), activation: ['relu', 'sigmoid'] as const, loss: 'mse' as const, X0: [[0.5, 1], [-0.5, 0]], Y: [[0.2, 0.8]] };
    const run = await runCell(new NodeHost({ params: { ...params, activation: [...params.activation] } }), 'const v = lesson.lessonView(params);\nprint(v.net.activation, v.net.X0, v.net.loss, v.net.Y)\nprint(v.note)');
    const [shown, note] = run.text.trim().split('\n');
    expect(shown).toBe('relu [0.5, -0.5] undefined undefined');
    expect(note).toBe(
      "This network has a batch of 2 samples, the loss mse, an activation per layer (relu, sigmoid). The step-by-step cells up to the chain rule follow the original notebook (one sample, one activation, the loss sum log X_K): they show its first sample, layer 1's activation (relu) in all 2 layers, the log loss. The gradients from cell 12 on are this network's own, every sample, loss and activation included.",
    );
  });
});
