// Tests of the rich exports: a table as GFM, the network diagram as SVG with nothing active in it.
import { describe, expect, it } from 'vitest';
import type { SampleNetSpec as NetSpec } from '../../core/types';
import { networkToSvg, tableToGfm } from './exportRich';

describe('tableToGfm', () => {
  it('writes the header, the alignment row (numbers right) and the rows, the caption in bold above', () => {
    expect(tableToGfm(['gradient', 'difference'], [['dl/dX0', 4.5e-8], ['dl/dW1', null]], 'Every gradient')).toBe(
      '**Every gradient**\n\n| gradient | difference |\n| --- | ---: |\n| dl/dX0 | 4.5e-8 |\n| dl/dW1 |  |\n',
    );
  });
  it('keeps a cell on one line and escapes the characters that would end it', () => {
    expect(tableToGfm(['m'], [['[[1 2]\n [3 4]]'], ['a|b'], ['c\\d']])).toBe('| m |\n| --- |\n| [[1 2] [3 4]] |\n| a\\|b |\n| c\\\\d |\n');
  });
});

describe('networkToSvg', () => {
  const spec: NetSpec = {
    widths: [2, 3, 1],
    X0: [0.5, -0.5],
    W: [
      [[0.5, -2.5], [1.2, 0.1], [-0.7, -1.2]],
      [[-1.5, 0.2, 0.5]],
    ],
    beta: [[-1.5, -1.3, 2], [1]],
    activation: 'sigmoid',
  };

  it('is one SVG element with a node per neuron and an edge per weight', () => {
    const svg = networkToSvg(spec);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<circle /g)?.length).toBe(6);
    expect(svg.match(/<line /g)?.length).toBe(2 * 3 + 3 * 1);
  });
  it('has nothing a reader would run or fetch', () => {
    const svg = networkToSvg(spec);
    for (const active of [/<script/i, /href/i, /\son[a-z]+=/i, /<foreignObject/i, /url\(/i]) expect(svg).not.toMatch(active);
  });
});
