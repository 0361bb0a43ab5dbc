// Tests for the static look at a cell: names used and declared as the kernel's compiler sees them, timing cells.
import { describe, expect, it } from 'vitest';
import { analyseCell, analyseCells } from './paramsAnalysis';
import { dependentCells } from './paramsDeps';

const uses = (source: string): string[] => [...analyseCell('c', source).uses].sort();

describe('analyseCell', () => {
  it('sees params used in code, not in a comment or a string', () => {
    expect(uses('// params is the network\nconst label = "params";')).not.toContain('params');
    expect(uses('const net: NetSpec = params;')).toContain('params');
    expect(uses('function f() { return params.widths.length }')).toContain('params');
  });

  it('does not count a local of the same name, nor a property called params', () => {
    expect(uses('const f = (params: number) => params + 1;\nconst o = { params: 1 };\no.params;')).not.toContain('params');
  });

  it("lists the top-level names it declares and leaves them out of what it uses", () => {
    const analysis = analyseCell('c', 'const { X, z } = forward(params);\nlet dldW: number[] = [];\nfunction show(): void { print(X) }');
    expect(analysis.declared).toEqual(['X', 'z', 'dldW', 'show']);
    expect([...analysis.uses].sort()).toEqual(['forward', 'params', 'print']);
  });

  it.each([
    ['await bench(() => f(params));', true],
    ['const rows = await bench.sweep(cases);', true],
    ['await lesson.timingTable(params);', true],
    ['lesson.scalingStudy();', true],
    ['lesson.gradientTable(params);', false],
    ['const benchmark = 1;', false],
  ])('%s is expensive: %s', (source, expensive) => {
    expect(analyseCell('c', source).expensive).toBe(expensive);
  });

  it('counts every word of a cell that does not compile, so it re-runs and shows its error', () => {
    const analysis = analyseCell('c', 'const x = params.;');
    expect(analysis.uses.has('params')).toBe(true);
    expect(analysis.declared).toEqual([]);
  });
});

describe('analyseCells', () => {
  it('finds what depends on params in cells written like the lesson', () => {
    const cells = [
      { id: '03-activations', source: 'const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));' },
      { id: '05-forward', source: 'const { W, beta, X0 } = params;\nconst X1 = la.array(W[0]);' },
      { id: '05b-tfjs', source: "const tfGrads = lesson.tfjs(W, beta, X0); // uses tf" },
      { id: '07-jacobians', source: 'const J = (x: number) => sigmoid(x) * (1 - sigmoid(x));' },
      { id: '15-timing', source: 'const timings = await bench(() => lesson.tfjs(W, beta, X0));' },
      { id: '15b-plot', source: 'display.plot({ data: [{ y: timings.map((t) => t.medianUs) }] });' },
    ];
    expect(dependentCells(analyseCells(cells))).toEqual([
      { id: '05-forward', slow: false },
      { id: '05b-tfjs', slow: false },
      { id: '15-timing', slow: true },
      { id: '15b-plot', slow: true },
    ]);
  });

  it('re-analyses a cell whose source changed', () => {
    const [before] = analyseCells([{ id: 'x', source: 'print(1)' }]);
    const [after] = analyseCells([{ id: 'x', source: 'print(params)' }]);
    expect(before.uses.has('params')).toBe(false);
    expect(after.uses.has('params')).toBe(true);
  });
});
