// Tests of the network diagram's geometry: which nodes show, edge thickness, values and gradients.
import { describe, expect, it } from 'vitest';
import type { SampleNetSpec as NetSpec } from '../core/types';
import { layoutNetwork, shownIndices, strokeFor } from './networkLayout';

// The original notebook's network (seed): widths 2-3-1, sigmoid.
const seed: NetSpec = {
  widths: [2, 3, 1],
  activation: 'sigmoid',
  X0: [0.5, -0.5],
  W: [[[0.5, -2.5], [1.2, 0.1], [-0.7, -1.2]], [[-1.5, 0.2, 0.5]]],
  beta: [[-1.5, -1.3, 2.0], [1.0]],
};

describe('shownIndices', () => {
  it.each<[number, number, (number | null)[]]>([
    [3, 8, [0, 1, 2]],
    [8, 8, [0, 1, 2, 3, 4, 5, 6, 7]],
    [9, 8, [0, 1, 2, 3, null, 6, 7, 8]],
    [512, 8, [0, 1, 2, 3, null, 509, 510, 511]],
    [10, 4, [0, 1, null, 9]],
  ])('width %i, at most %i slots -> %j', (width, maxShown, expected) => {
    expect(shownIndices(width, maxShown)).toEqual(expected);
  });
});

describe('strokeFor', () => {
  it.each<[number, number, number]>([
    [0, 2.5, 0.75],
    [2.5, 2.5, 5],
    [-2.5, 2.5, 5],
    [1.25, 2.5, 2.875],
    [1, 0, 0.75],
  ])('weight %d with largest |w| %d -> %d px', (w, maxAbs, px) => {
    expect(strokeFor(w, maxAbs)).toBeCloseTo(px, 12);
  });
});

describe('layoutNetwork', () => {
  it('draws every node and every weight of the 2-3-1 network', () => {
    const view = layoutNetwork(seed);
    expect(view.nodes).toHaveLength(6);
    expect(view.edges).toHaveLength(2 * 3 + 3 * 1);
    expect(view.layerTitles.map((t) => t.text)).toEqual(['X0 (input)', 'X1 (sigmoid)', 'X2 (output, sigmoid)']);
  });

  it('shows the input values without a forward pass, and leaves the unknown hidden values empty', () => {
    const texts = layoutNetwork(seed).nodes.map((n) => n.text);
    expect(texts).toEqual(['0.5', '-0.5', '', '', '', '']);
  });

  it('gives the largest |weight| (W1[0,1] = -2.5) the thickest edge, marked negative', () => {
    const thickest = layoutNetwork(seed).edges.reduce((a, b) => (b.strokePx > a.strokePx ? b : a));
    expect(thickest.title).toBe('W1[0,1] = -2.5');
    expect(thickest.negative).toBe(true);
  });

  it('shows values and, when given, the gradients from the original notebook', () => {
    // dl/dX1 printed by the seed notebook: [-0.47585847, 0.0634478, 0.15861949].
    const dX = [[-0.05246989, 0.28237541], [-0.47585847, 0.0634478, 0.15861949], [1.46464132]];
    const grads = { loss: 0, dX, dW: [[[0, 0], [0, 0], [0, 0]], [[0.15861949, 0.10177702, 0.28699041]]], dbeta: [[0, 0, 0], [0.31723898]] };
    const view = layoutNetwork(seed, [seed.X0, [0.1, 0.2, 0.3], [0.68275]], grads);
    const hidden0 = view.nodes.find((n) => n.layer === 1 && n.index === 0);
    expect(hidden0?.gradText).toBe('-0.476');
    expect(hidden0?.title).toContain('beta1[0] = -1.5');
    expect(view.nodes.find((n) => n.layer === 2)?.text).toBe('0.683');
    expect(view.edges.find((e) => e.title.startsWith('W2[0,1]'))?.title).toBe('W2[0,1] = 0.2, dl/dW2[0,1] = 0.101777');
  });

  it('summarises a layer wider than maxShown with one "+n" mark and no edges to it', () => {
    const wide: NetSpec = {
      widths: [2, 12, 1],
      activation: 'tanh',
      X0: [1, 2],
      W: [Array.from({ length: 12 }, () => [1, 1]), [Array.from({ length: 12 }, () => 1)]],
      beta: [Array.from({ length: 12 }, () => 0), [0]],
    };
    const view = layoutNetwork(wide);
    const hidden = view.nodes.filter((n) => n.layer === 1);
    expect(hidden).toHaveLength(8);
    expect(hidden.filter((n) => n.index === null).map((n) => n.text)).toEqual(['+5']);
    expect(view.edges).toHaveLength(2 * 7 + 7);
  });

  it('centres short layers on the tallest one', () => {
    const view = layoutNetwork(seed);
    const ys = (k: number) => view.nodes.filter((n) => n.layer === k).map((n) => n.y);
    const mid = (a: number[]) => (Math.min(...a) + Math.max(...a)) / 2;
    expect(mid(ys(0))).toBeCloseTo(mid(ys(1)), 9);
    expect(ys(2)[0]).toBeCloseTo(mid(ys(1)), 9);
  });
});
