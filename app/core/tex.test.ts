// LaTeX of live values: numbers to a few digits, matrices cut with dots, both readable by KaTeX.
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { la } from './la';
import { shownIndices, texMatrix, texNumber, texShape } from './tex';

const renders = (tex: string): boolean => {
  katex.renderToString(tex, { throwOnError: true, displayMode: true });
  return true;
};

describe('texNumber', () => {
  it.each([
    [0.28237541, 4, '0.2824'],
    [-1.5, 4, '-1.5'],
    [2, 4, '2'],
    [0, 4, '0'],
    [1.5e-7, 4, '1.5 \\times 10^{-7}'],
    [1e-9, 3, '10^{-9}'],
    [-1e6, 3, '-10^{6}'],
    [123456, 4, '1.235 \\times 10^{5}'],
    [NaN, 4, '\\text{NaN}'],
    [-Infinity, 4, '-\\infty'],
  ])('%d to %d digits is %s', (x, digits, tex) => {
    expect(texNumber(x, digits)).toBe(tex);
    expect(renders(tex)).toBe(true);
  });
});

describe('shownIndices', () => {
  it.each([
    [3, 6, [0, 1, 2]],
    [6, 6, [0, 1, 2, 3, 4, 5]],
    [7, 6, [0, 1, 2, null, 5, 6]],
    [512, 5, [0, 1, null, 510, 511]],
  ])('%d indices, at most %d shown: %j', (n, max, expected) => {
    expect(shownIndices(n, max)).toEqual(expected);
  });
});

describe('texMatrix', () => {
  it('writes every entry of a small matrix, rows split by \\\\ and entries by &', () => {
    expect(texMatrix(la.array([[0.5, -2.5], [1.2, 0.1]]))).toBe('\\begin{bmatrix} 0.5 & -2.5 \\\\ 1.2 & 0.1 \\end{bmatrix}');
    expect(texMatrix([[1 / 3]], { digits: 2 })).toBe('\\begin{bmatrix} 0.33 \\end{bmatrix}');
  });

  it('cuts a large matrix to maxShown rows and columns with vertical, horizontal and diagonal dots', () => {
    const big = la.fromFunction(512, 512, (i, j) => i * 1000 + j);
    const tex = texMatrix(big, { maxShown: 3 });
    expect(tex).toBe('\\begin{bmatrix} 0 & \\cdots & 511 \\\\ \\vdots & \\ddots & \\vdots \\\\ 5.11 \\times 10^{5} & \\cdots & 5.115 \\times 10^{5} \\end{bmatrix}');
    expect(renders(tex)).toBe(true);
  });
});

describe('texShape', () => {
  it('writes rows times columns', () => {
    expect(texShape(la.zeros(3, 2))).toBe('3 \\times 2');
  });
});

describe('texMatrix with faintZeros', () => {
  it("fades exact zeros only when asked (a Jacobian's structural zeros), and KaTeX reads the colour", () => {
    const D = [[0.25, 0], [0, -1e-20]];
    expect(texMatrix(D)).toBe('\\begin{bmatrix} 0.25 & 0 \\\\ 0 & -10^{-20} \\end{bmatrix}');
    const faint = texMatrix(D, { faintZeros: true });
    expect(faint).toBe('\\begin{bmatrix} 0.25 & {\\color{#6e7781}0} \\\\ {\\color{#6e7781}0} & -10^{-20} \\end{bmatrix}');
    expect(katex.renderToString(faint, { throwOnError: true })).toContain('color:#6e7781');
  });
});
