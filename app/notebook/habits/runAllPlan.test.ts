// Run all's plan: everything when all code is trusted; else a question, with the trusted cells that do not need the untrusted code.
import { describe, expect, it } from 'vitest';
import type { CellState } from '../cellState';
import { analyseCells } from '../params/paramsAnalysis';
import { firstLine, idsToRun, planRunAll, runAllPlan, type Analyse } from './runAllPlan';

type Shape = Pick<CellState, 'id' | 'type' | 'untrusted' | 'foreign' | 'source'>;
const code = (id: string, source = '', untrusted: { displaced: string } | null = null): Shape => ({
  id,
  type: 'code',
  source,
  foreign: null,
  untrusted: untrusted ? { origin: 'link', ...untrusted } : null,
});
const fromLink = (id: string, source: string, displaced = ''): Shape => code(id, source, { displaced });
const text = (id: string, untrusted = false): Shape => ({ ...code(id, '', untrusted ? { displaced: '' } : null), type: 'markdown' });
const python = (id: string, untrusted = true): Shape => ({ ...code(id, 'x = 1', untrusted ? { displaced: '' } : null), foreign: { language: 'python', raw: {} } });

const noAnalysis: Analyse = () => {
  throw new Error('analysed although nothing waits for trust');
};

const ask = (cells: Shape[]) => {
  const plan = runAllPlan(cells, analyseCells);
  if (plan.kind !== 'ask') throw new Error('expected a question');
  return plan;
};

describe('runAllPlan', () => {
  it('runs every code cell in order when all are trusted (text cells are not run), without analysing anything', () => {
    expect(runAllPlan([text('01'), code('02'), text('03'), code('04')], noAnalysis)).toEqual({ kind: 'run', ids: ['02', '04'] });
  });

  it('does not ask about an untrusted text cell: Run all runs code only', () => {
    expect(runAllPlan([text('01', true), code('02')], noAnalysis)).toEqual({ kind: 'run', ids: ['02'] });
  });

  it('does not ask about cells in another language, trusted or not: they never run here', () => {
    expect(runAllPlan([python('01'), code('02', 'const a = 1'), python('03', false)], noAnalysis)).toEqual({ kind: 'run', ids: ['02'] });
  });

  it('runs every trusted cell when none uses a name the untrusted cell declares', () => {
    const plan = ask([text('01'), code('02', 'const a = 1;'), fromLink('03', 'const x = 2;'), code('04', 'print(a + 1);'), code('05', 'const y = a * 2;')]);
    expect(plan.untrusted).toEqual([{ id: '03', position: 3, firstLine: 'const x = 2;' }]);
    expect(plan.skipped).toEqual([]);
    expect(plan.names).toEqual([]);
    expect(plan.runnable).toEqual(['02', '04', '05']);
    expect(plan.total).toBe(5);
  });

  it('skips the cells that use its names, directly or through a skipped cell, and runs the rest in order', () => {
    const plan = ask([
      code('a', 'const w = 3;'),
      fromLink('b', 'function f(v: number) { return v * w; }\nconst k = 2;'),
      code('c', 'const y = f(1);'), // uses f
      code('d', 'print(w);'), // w is a trusted cell's name
      code('e', 'const z = y + 1;'), // uses y, from the skipped c
      code('g', 'print(z, k);'), // k directly, z through e
      code('h', 'const f2 = (f: number) => f * 2; print(f2(w));'), // its own parameter f, not b's
    ]);
    expect(plan.skipped.map((c) => c.id)).toEqual(['c', 'e', 'g']);
    expect(plan.names).toEqual(['f', 'k']);
    expect(plan.direct).toBe(2);
    expect(plan.runnable).toEqual(['a', 'd', 'h']);
  });

  it('counts a use inside a function declared above the untrusted cell: the kernel looks names up when the function is called', () => {
    const plan = ask([code('a', 'function show() { print(x); }'), fromLink('b', 'const x = 1;'), code('c', 'show();')]);
    expect(plan.skipped.map((c) => c.id)).toEqual(['a', 'c']);
    expect(plan.runnable).toEqual([]);
  });

  it('skips the cells that need what the cell declared before the link changed it: that code does not run either', () => {
    const plan = ask([fromLink('a', 'const x = 1;', 'const W1 = 2;'), code('b', 'print(W1);'), code('c', 'print(3);')]);
    expect(plan.skipped.map((c) => c.id)).toEqual(['b']);
    expect(plan.names).toEqual(['W1']);
    expect(plan.runnable).toEqual(['c']);
  });

  it('runs a cell whose name a trusted cell above declares too (the lesson\'s own W), not one where only a cell below does', () => {
    const plan = ask([code('a', 'const W = 1;'), code('b', 'print(W);'), fromLink('u', 'const W = 5; const q = 2;'), code('c', 'print(q);'), code('d', 'print(q + 1);'), code('e', 'const q = 3;')]);
    expect(plan.skipped.map((c) => c.id)).toEqual(['c', 'd']);
    expect(plan.names).toEqual(['q']);
    expect(plan.runnable).toEqual(['a', 'b', 'e']);
  });

  it('does not count a declaring cell above that is skipped itself', () => {
    const plan = ask([fromLink('u', 'const x = 1;'), code('a', 'const y = x + 1;'), code('b', 'const z = 2;'), code('c', 'const y = 5;'), code('d', 'print(y, z);')]);
    // d finds y from c (above it, not skipped) and z from b: it runs.
    expect(plan.skipped.map((c) => c.id)).toEqual(['a']);
    expect(plan.runnable).toEqual(['b', 'c', 'd']);
    const chain = ask([fromLink('u', 'const x = 1;'), code('a', 'const y = x + 1;'), code('d', 'print(y);'), code('c', 'const y = 5;')]);
    expect(chain.skipped.map((c) => c.id)).toEqual(['a', 'd']);
    expect(chain.direct).toBe(1);
  });

  it('counts a trusted cell that does not compile as using every word in it', () => {
    const plan = ask([fromLink('a', 'const x = 1;'), code('b', 'print(x'), code('c', 'print(2);')]);
    expect(plan.skipped.map((c) => c.id)).toEqual(['b']);
    expect(plan.runnable).toEqual(['c']);
  });

  it('leaves cells in another language out of the question and out of the run', () => {
    const plan = ask([python('p'), fromLink('a', 'const x = 1;'), code('b', 'print(2);')]);
    expect(plan.untrusted.map((c) => c.id)).toEqual(['a']);
    expect(plan.runnable).toEqual(['b']);
  });

  it('names where the untrusted code came from, once per origin', () => {
    const imported: Shape = { ...code('c', 'const q = 1;'), untrusted: { origin: 'import', displaced: '' } };
    expect(ask([fromLink('a', 'const x = 1;'), fromLink('b', 'const y = 1;'), imported]).origins).toEqual(['link', 'import']);
  });
});

describe('firstLine', () => {
  it('is the first line with text, trimmed, cut with an ellipsis past the limit', () => {
    expect(firstLine('\n\n  const a = 1;  \nconst b = 2;')).toBe('const a = 1;');
    expect(firstLine('abcdefghij', 5)).toBe('abcd…');
    expect(firstLine('   ')).toBe('');
  });
});

describe('planRunAll (what presentation mode runs without asking)', () => {
  it('every code cell when all are trusted', async () => {
    expect(idsToRun(await planRunAll([code('01', 'const a = 1'), text('02'), code('03', 'print(a)')]))).toEqual(['01', '03']);
  });
  it('with code waiting: the trusted cells that do not use its names, loading the analysis itself', async () => {
    const cells = [code('01', 'const a = 1'), fromLink('02', 'const x = a + 1'), code('03', 'print(x)'), code('04', 'print(a)')];
    expect(idsToRun(await planRunAll(cells))).toEqual(['01', '04']);
  });
});

