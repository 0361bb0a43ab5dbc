// Tests for the step-through view's data: one step per factor plus the forward pass, formulas from the
// derivation's builders with the derivation's numbers, code lines that exist, highlights per factor.
import { readFileSync } from 'node:fs';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import seed from '../../../reference/seed-values.json' with { type: 'json' };
import { jacobianWrtBias, jacobianWrtInput } from '../../core/dense';
import { la } from '../../core/la';
import { originalNet } from '../../core/netspec';
import type { NetSpec } from '../../core/types';
import { randomNet } from '../../core/randomNet';
import { createDisplay } from '../display';
import type { OutputMessage } from '../protocol';
import { backpropAsText } from '../textOutput';
import { denseTex } from './backpropTex';
import { backpropCode, otherLossCode, backpropTooSlow, backpropView } from './backpropView';

const read = (path: string): string => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

describe('backpropView on the original network', () => {
  const view = backpropView(originalNet());

  it('is the forward pass, then one step per factor (3K + 1)', () => {
    expect(view.steps).toHaveLength(8);
    expect(view.steps.map((s) => s.title.dense.split(' =')[0])).toEqual([
      'Forward pass: X_k',
      'dl/dX2',
      'dl/dX1',
      'dl/dX0',
      'dl/dbeta2',
      'dl/dW2[i,:]',
      'dl/dbeta1',
      'dl/dW1[i,:]',
    ]);
  });

  it("writes each dense step with the derivation's builders and the derivation's own numbers", () => {
    // The derivation's way (the cells' functions are these builders): dl/dX1 = dl/dX2 diag(f'(z2)) W2.
    const net = originalNet();
    const x1 = la.array(view.X[1], 3, 1);
    const W2 = la.array(net.W[1]);
    const b2 = la.array(net.beta[1], 1, 1);
    const dl2 = la.array([seed.float64.dX[2]]);
    const dl1 = la.matmul(dl2, jacobianWrtInput(W2, x1, b2, 'sigmoid'));
    expect(view.steps[2].tex.dense).toBe(denseTex.input(2, dl2, jacobianWrtBias(W2, x1, b2, 'sigmoid'), W2, dl1));
    expect(view.steps[2].tex.dense).toContain('-0.4759'); // dl/dX1[0] as the original printed it, to 4 digits
  });

  it('every formula typesets, both ways', () => {
    for (const s of view.steps) for (const tex of Object.values(s.tex)) expect(() => katex.renderToString(tex, { throwOnError: true, displayMode: true })).not.toThrow();
  });

  it.each(['log', 'mse', 'bce'] as const)('a batch with per-layer activations and the %s loss: every formula typesets, the loss step is that loss\'s', (loss) => {
    const spec: NetSpec = { ...originalNet(), activation: ['tanh', 'sigmoid'], X0: [[0.5, 1], [-0.5, 0.25]], loss, ...(loss === 'log' ? {} : { Y: [[1, 0]] }) };
    const v = backpropView(spec);
    expect(v.note).toMatch(/batch of 2 samples/);
    expect(v.steps[0].title.dense).toContain({ log: 'sum log X_2', mse: 'mean (X_2 - Y)^2', bce: 'mean -[Y log X_2' }[loss]);
    for (const s of v.steps) for (const tex of Object.values(s.tex)) expect(() => katex.renderToString(tex, { throwOnError: true, displayMode: true })).not.toThrow();
    // dl/dX_2 of the first sample (X0 = [0.5, -0.5], Y = 1), from the loss's definition.
    const x = v.X[2][0];
    const want = { log: 1 / x, mse: 2 * (x - 1), bce: -1 / x }[loss];
    expect(v.steps[1].carried!.values[0]).toBeCloseTo(want, 12);
  });

  it('fades the structural zeros of the dense Jacobians only', () => {
    const weights1 = view.steps[7];
    expect(weights1.tex.dense).toContain('\\color{#6e7781}0');
    expect(weights1.tex.vjp).not.toContain('\\color');
  });

  it('lights the layer a factor involves and carries dl/dX backwards', () => {
    const byTitle = (start: string) => view.steps.find((s) => s.title.dense.startsWith(start))!;
    expect(byTitle('dl/dX1 ')).toMatchObject({ nodes: [1, 2], edges: 2, carried: { layer: 1 } });
    expect(byTitle('dl/dX0 ')).toMatchObject({ nodes: [0, 1], edges: 1, carried: { layer: 0 } });
    expect(byTitle('dl/dbeta1')).toMatchObject({ nodes: [1], edges: null });
    expect(byTitle('dl/dW2')).toMatchObject({ nodes: [1, 2], edges: 2 });
    byTitle('dl/dX0 ').carried!.values.forEach((v, i) => expect(v).toBeCloseTo(seed.float64.dX[0][i], 14));
  });

  // `where` is a path, or the cell it names; either way the line must be in that file.
  const fileOf = (where: string): string => (where.startsWith('app/') ? where : 'cells/12a-manual-gradients.ts');
  it.each(Object.entries(backpropCode))('the %s step names code lines that are where it says', (_, code) => {
    expect(read(fileOf(code.dense.where))).toContain(code.dense.line);
    expect(read(fileOf(code.vjp.where))).toContain(code.vjp.line);
  });
  it.each(Object.entries(otherLossCode))('the %s loss step names a line of loss.ts', (_, code) => {
    expect(read(code.where)).toContain(code.line);
  });

  it('prints as its final state and every step with its formula', () => {
    const text = backpropAsText(view);
    expect(text).toMatch(/^\[backprop: widths 2-3-1, sigmoid: the forward pass, then 7 steps/);
    // dl/dX as the original printed them, to 4 digits.
    expect(text).toContain('Final state: dl/dX2 = [1.465]; dl/dX1 = [-0.4759, 0.06345, 0.1586]; dl/dX0 = [-0.05247, 0.2824]\n');
    view.steps.forEach((s, i) => expect(text).toContain(`Step ${i} of 7: ${s.title.dense}\n$$ ${s.tex.dense} $$`));
  });
});

describe('display.backprop', () => {
  const emitted = () => {
    const messages: OutputMessage[] = [];
    const { display } = createDisplay({ emit: (m) => messages.push(m), cancelToken: () => 't', nextId: (p) => p });
    return { display, messages };
  };

  it('sends a backprop output for a 3-4-2-1 network: the forward pass and 10 factors', () => {
    const { display, messages } = emitted();
    display.backprop(randomNet([3, 4, 2, 1], 'tanh'));
    expect(messages).toHaveLength(1);
    const { output } = messages[0];
    expect(output.kind).toBe('backprop');
    if (output.kind === 'backprop') expect(output.view.steps).toHaveLength(11);
  });

  it('refuses a network too wide to build the dense way, saying so', () => {
    const { display, messages } = emitted();
    const wide = randomNet([2, 1000, 1], 'sigmoid');
    expect(backpropTooSlow(wide, 'x')).toMatch(/^x: skipped/);
    expect(() => display.backprop(wide)).toThrow(/display\.backprop: skipped.*narrower/);
    expect(messages).toEqual([]);
  });

  it('names a bad network', () => {
    const { display } = emitted();
    expect(() => display.backprop({ ...originalNet(), X0: [1] })).toThrow(/X0/);
  });
});
