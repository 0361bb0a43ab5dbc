// Tests of import planning: formats by name and content, the size limit, mapping by id, and files refused whole.
import { describe, expect, it } from 'vitest';
import { newCellState, type CellState } from '../cellState';
import { initialNotebookState, notebookReducer } from '../notebookState';
import type { SourceCell } from '../types';
import { maxImportBytes, parseNotebookFile, planImport, sizeProblem } from './importFile';
import { toIpynb } from './ipynb';
import { toMarkdown } from './markdownExport';
import { exportCellsOf } from './notebookFile';

const lessonCells: SourceCell[] = [
  { id: '00-intro', type: 'markdown', source: '# Intro\n', group: 0 },
  { id: '05-forward', type: 'code', source: 'print(1)\n', group: 5 },
  { id: '07-back', type: 'code', source: 'print(2)\n', group: 7 },
];
const lesson = (): CellState[] => lessonCells.map((c) => newCellState(c));

/** A notebook a student worked on: two cells edited. */
function worked(): CellState[] {
  const cells = lesson();
  cells[0] = { ...cells[0], source: '# Intro, with my notes' };
  cells[1] = { ...cells[1], source: 'print(100)', execCount: 4, outputs: [{ key: 0, output: { kind: 'text', text: '100\n', stream: 'stdout' } }] };
  return cells;
}

describe('planImport', () => {
  it.each([
    ['.ipynb', 'work.ipynb', toIpynb],
    ['Markdown', 'work.md', toMarkdown],
  ])('an exported %s, imported into a fresh lesson, gives back the same cells', (_format, name, write) => {
    const exported = write(exportCellsOf(worked()));
    const plan = planImport(name, exported, lesson());
    expect(plan).toMatchObject({ ok: true, notes: [] });
    if (!plan.ok) return;
    const state = notebookReducer(initialNotebookState(lesson()), { type: 'received', event: { type: 'receive', origin: 'import', cells: plan.cells, importName: name } });
    expect(state.cells.map((c) => [c.id, c.type, c.source])).toEqual(worked().map((c) => [c.id, c.type, c.source]));
    // The edited code waits for trust; unchanged cells and the trusted lesson text do not.
    expect(state.cells.map((c) => c.untrusted?.origin ?? null)).toEqual(['import', 'import', null]);
  });

  it('leaves out cells the lesson does not have and names lesson cells missing from the file', () => {
    const exported = exportCellsOf(worked()).filter((c) => c.id !== '07-back');
    exported.push({ id: '99-extra', type: 'code', source: 'x', originalHash: 'h', execCount: null, outputs: [] });
    const plan = planImport('w.ipynb', toIpynb(exported), lesson());
    expect(plan.ok && plan.cells.map((c) => c.id)).toEqual(['00-intro', '05-forward']);
    expect(plan.ok && plan.notes).toEqual([
      '1 cell(s) of the file are not in this lesson and were left out: cell 3 ("99-extra").',
      '1 lesson cell(s) are not in the file and were left as they are: 07-back.',
    ]);
  });

  it('says which cells were edited in another version of the lesson', () => {
    const exported = exportCellsOf(worked()).map((c) => (c.id === '05-forward' ? { ...c, originalHash: '9-deadbeef' } : c));
    const plan = planImport('w.ipynb', toIpynb(exported), lesson());
    expect(plan.ok && plan.notes).toEqual(['1 cell(s) were edited in another version of the lesson: 05-forward.']);
  });

  const notebookOf = (nbCells: unknown[]) => JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: nbCells });
  it.each([
    ['a notebook of another lesson', notebookOf([{ cell_type: 'code', id: 'abc', source: 'x', metadata: {}, outputs: [] }]), 'w.ipynb has no cell of this lesson: none of its 1 cells has the id of a lesson cell.'],
    ['a cell with another type than the lesson\'s', notebookOf([{ cell_type: 'markdown', id: '05-forward', source: 'x', metadata: {} }]), 'w.ipynb is not importable: cell 1 ("05-forward") is a markdown cell, but in this lesson it is a code cell.'],
    ['two cells with one id', notebookOf([{ cell_type: 'code', id: '05-forward', source: 'a', metadata: {} }, { cell_type: 'code', id: '05-forward', source: 'b', metadata: {} }]), 'w.ipynb is not importable: cells 1 and 2 both have the id "05-forward".'],
  ])('refuses %s whole', (_case, text, message) => {
    expect(planImport('w.ipynb', text, lesson())).toEqual({ ok: false, error: expect.stringContaining(message) });
  });
});

describe('parseNotebookFile', () => {
  const ipynb = toIpynb(exportCellsOf(lesson()));
  const md = toMarkdown(exportCellsOf(lesson()));
  it.each([
    ['x.ipynb', ipynb],
    ['x.IPYNB', ipynb],
    ['x.json', ipynb],
    ['x.md', md],
    ['download', ipynb],
    ['download.txt', md],
  ])('reads %s', (name, text) => {
    expect(parseNotebookFile(name, text).ok).toBe(true);
  });
  it('names both formats when a file is neither', () => {
    expect(parseNotebookFile('photo.png', '\u0089PNG')).toEqual({ ok: false, error: 'photo.png is neither a Jupyter notebook (.ipynb) nor a Markdown export of this notebook (.md).' });
  });
});

describe('sizeProblem', () => {
  it('accepts a file of exactly the limit and refuses one byte more, saying the limit', () => {
    expect(maxImportBytes).toBe(5 * 1024 * 1024);
    expect(sizeProblem('big.ipynb', maxImportBytes)).toBeNull();
    expect(sizeProblem('big.ipynb', maxImportBytes + 1)).toBe('big.ipynb is too large to import: 5,242,881 bytes, over the limit of 5 MB (5,242,880 bytes).');
    expect(sizeProblem('big.ipynb', 7.3 * 1024 * 1024)).toBe('big.ipynb is too large to import: 7.3 MB, over the limit of 5 MB.');
  });
});
