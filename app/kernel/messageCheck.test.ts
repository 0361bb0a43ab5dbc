// The page's check of kernel messages: what the kernel really sends passes unchanged, anything else is refused with where.
import { describe, expect, it } from 'vitest';
import { hostileCellCode } from '../notebook/testing/hostile';
import { BadMessage, checkKernelMessage, messageLimits } from './messageCheck';
import { NodeHost } from './nodeHost';
import { runCell } from './testing';

const refusal = (data: unknown): string => {
  try {
    checkKernelMessage(data);
  } catch (error) {
    if (error instanceof BadMessage) return error.message;
    throw error;
  }
  return 'accepted';
};

describe('checkKernelMessage', () => {
  it('passes, unchanged, every output the real kernel makes for the hostile cell and for plain values', async () => {
    const host = new NodeHost();
    const runs = [
      await runCell(host, hostileCellCode()),
      await runCell(host, 'print(1); display.matrix([[1, NaN]]); display.table(["a"], [[null], [2]], { rowOk: [true, null] }); display.latex("x", { display: false }); bench(() => 1, { runs: 1 }); new Date(0)'),
    ];
    host.dispose();
    const messages = runs.flatMap((r) => r.messages);
    expect(messages.length).toBeGreaterThan(10);
    expect(checkKernelMessage({ type: 'outputs', runId: 3, messages })).toEqual({ type: 'outputs', runId: 3, messages });
  });

  it('passes, unchanged, the step-through view the kernel makes (display.backprop) for a batch with per-layer activations', async () => {
    const host = new NodeHost();
    const run = await runCell(host, 'display.backprop({ ...lesson.originalNet(), activation: ["tanh", "sigmoid"], X0: [[0.5, 1], [-0.5, 0]], loss: "mse", Y: [[1, 0]] })');
    host.dispose();
    const kinds = run.messages.map((m) => m.output.kind);
    expect(kinds).toContain('backprop');
    expect(checkKernelMessage({ type: 'outputs', runId: 3, messages: run.messages })).toEqual({ type: 'outputs', runId: 3, messages: run.messages });
  });

  it.each<[string, unknown, string]>([
    ['an empty output', { type: 'outputs', runId: 1, messages: [{ output: {} }] }, 'message.messages[0].output.kind is not one of text, matrix'],
    ['no object', 'ready', 'the message is not a plain object'],
    ['an unknown type', { type: 'html', html: '<b>' }, 'message.type is not one of'],
    ['a fractional run id', { type: 'done', runId: 1.5, ok: true, durationMs: 1 }, 'message.runId is not a whole number'],
    ['a text that is a number', { type: 'outputs', runId: 1, messages: [{ output: { kind: 'text', text: 5 } }] }, 'message.messages[0].output.text is not a string'],
    ['a smuggled key', { type: 'outputs', runId: 1, messages: [{ output: { kind: 'text', text: 'a', dangerouslySetInnerHTML: { __html: '<img>' } } }] }, 'unknown key "dangerouslySetInnerHTML"'],
    ['a table cell that is an object', { type: 'outputs', runId: 1, messages: [{ output: { kind: 'table', columns: ['a'], rows: [[{}]] } }] }, 'rows[0][0] is not a string'],
    ['a summarised cell with a key of its own', { type: 'outputs', runId: 1, messages: [{ output: { kind: 'table', columns: ['a'], rows: [['x']], full: [{ row: 0, col: 0, entries: 2, text: 'x', html: '<b>' }] } }] }, 'full[0] has an unknown key "html"'],
    ['a summarised cell at a fractional row', { type: 'outputs', runId: 1, messages: [{ output: { kind: 'table', columns: ['a'], rows: [['x']], full: [{ row: 0.5, col: 0, entries: 2, text: null }] } }] }, 'full[0].row is not a whole number'],
    ['a network of the wrong shape', { type: 'outputs', runId: 1, messages: [{ output: { kind: 'network', spec: { widths: [2, 1] } } }] }, 'output.spec: missing key "activation"'],
    ['a plot holding a function-like class', { type: 'outputs', runId: 1, messages: [{ output: { kind: 'plot', figure: { data: [{ x: new Map() }] } } }] }, 'figure.data[0].x is not plain data'],
    ['a progress bar with an endless total', { type: 'outputs', runId: 1, messages: [{ output: { kind: 'progress', label: 'p', done: 1, total: Infinity, state: 'running' } }] }, 'total is not a finite number'],
    ['a step-through view whose step lights a layer the network has not', { type: 'outputs', runId: 1, messages: [{ output: { kind: 'backprop', view: { spec: { widths: [1, 1], activation: 'sigmoid', X0: [1], W: [[[1]]], beta: [[0]] }, X: [[1], [0.5]], loss: 0, steps: [{ title: { dense: 'a', vjp: 'a' }, tex: { dense: 'a', vjp: 'a' }, code: { dense: { where: 'w', line: 'l' }, vjp: { where: 'w', line: 'l' } }, nodes: [7], edges: null, carried: null, mults: null }] } } }] }, 'output.view: steps[0].nodes must list layers 0..1'],
    ['a diagram of a batch (it draws one sample)', { type: 'outputs', runId: 1, messages: [{ output: { kind: 'network', spec: { widths: [1, 1], activation: 'sigmoid', X0: [[1, 2]], W: [[[1]]], beta: [[0]] } } }] }, 'the diagram draws one sample'],
    ['a kernel message with a level of its own', { type: 'kernel', message: { level: 'html', text: 'x' } }, 'message.message.level is not one of error, warning'],
  ])('refuses %s, saying where', (_what, data, why) => {
    expect(refusal(data)).toContain(why);
  });

  it('refuses a message past the size budget, and one nested past the depth limit', () => {
    const big = 'x'.repeat(messageLimits.maxUnits / 2 + 1);
    expect(refusal({ type: 'outputs', runId: 1, messages: [{ output: { kind: 'text', text: big } }, { output: { kind: 'text', text: big } }] })).toContain('larger than 4,000,000 units');
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(refusal({ type: 'outputs', runId: 1, messages: [{ output: { kind: 'plot', figure: { data: [{ x: deep }] } } }] })).toContain('nested deeper than 32');
    expect(refusal({ type: 'outputs', runId: 1, messages: Array.from({ length: messageLimits.maxOutputs + 1 }, () => ({ output: { kind: 'text', text: '' } })) })).toContain('more than 4000 outputs');
  });
});
