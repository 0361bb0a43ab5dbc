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
    expect(plan).toMatchObject({ ok: true, notes: [], structure: { added: [], removed: [] } });
    if (!plan.ok) return;
    const state = notebookReducer(initialNotebookState(lesson()), { type: 'received', event: { type: 'receive', origin: 'import', cells: plan.cells, importName: name } });
    expect(state.cells.map((c) => [c.id, c.type, c.source])).toEqual(worked().map((c) => [c.id, c.type, c.source]));
    // The edited code waits for trust; unchanged cells and the trusted lesson text do not.
    expect(state.cells.map((c) => c.untrusted?.origin ?? null)).toEqual(['import', 'import', null]);
  });

  it('brings cells the notebook does not have in as new cells, in the file\'s order, and keeps cells missing from the file', () => {
    const exported = exportCellsOf(worked()).filter((c) => c.id !== '07-back');
    exported.splice(1, 0, { id: 'mine', type: 'code', source: 'x', originalHash: null, execCount: null, outputs: [], foreign: null });
    const plan = planImport('w.ipynb', toIpynb(exported), lesson(), () => 'new-fresh');
    expect(plan.ok && plan.cells.map((c) => c.id)).toEqual(['00-intro', '05-forward']);
    expect(plan.ok && plan.structure.order).toEqual(['00-intro', 'mine', '05-forward']);
    expect(plan.ok && plan.structure.added.map((c) => [c.id, c.origin, c.type, c.source])).toEqual([['mine', 'new', 'code', 'x']]);
    expect(plan.ok && plan.notes).toEqual([
      '1 cell of the file is new here and came in as new cells.',
      '1 cell of the notebook is not in the file and stayed where it was: 07-back.',
    ]);
    if (!plan.ok) return;
    const state = notebookReducer(initialNotebookState(lesson()), { type: 'received', event: { type: 'receive', origin: 'import', cells: plan.cells, structure: plan.structure, importName: 'w.ipynb' } });
    // 07-back followed 05-forward before, and still does.
    expect(state.cells.map((c) => c.id)).toEqual(['00-intro', 'mine', '05-forward', '07-back']);
    expect(state.cells[1].untrusted).toEqual({ origin: 'import', displaced: '' });
  });

  it.each([
    ['an id shaped like a lesson file\'s', '12-deleted-lesson-cell'],
    ['an id nbformat does not allow', 'has space'],
    ['an id already in the notebook as another kind of cell', '05-forward'],
    ['no id (nbformat 4.4)', undefined],
  ])('gives a fresh id to a new cell with %s', (_case, id) => {
    const file = JSON.stringify({ nbformat: 4, nbformat_minor: 4, metadata: {}, cells: [{ cell_type: 'code', ...(id ? { id } : {}), source: 'x', metadata: {}, outputs: [] }, { cell_type: 'markdown', id: '00-intro', source: 'y', metadata: {} }] });
    const python = file.replace('"metadata":{}', '"metadata":{"kernelspec":{"name":"python3","display_name":"Python 3","language":"python"}}');
    const plan = planImport('w.ipynb', id === '05-forward' ? python : file, lesson(), () => 'new-fresh');
    expect(plan.ok && plan.structure.added.map((c) => c.id)).toEqual(['new-fresh']);
    // The note names the file's id that could not be kept.
    expect(plan.ok && plan.notes.some((n) => n.includes('got a new id here'))).toBe(id !== undefined);
    if (id !== undefined) expect(plan.ok && plan.notes.join(' ')).toContain(`cell 1 ("${id}")`);
  });

  it('keeps a Python notebook\'s code whole, with its outputs, and puts its cells after the notebook\'s', () => {
    const code = { cell_type: 'code', execution_count: 2, id: 'c0ffee', metadata: { tags: ['x'] }, outputs: [{ output_type: 'stream', name: 'stdout', text: ['4\n'] }], source: ['print(2 + 2)'] };
    const file = JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } }, cells: [{ cell_type: 'markdown', id: 'intro', metadata: {}, source: '# Py' }, code] });
    const plan = planImport('py.ipynb', file, lesson());
    expect(plan.ok && plan.structure.added.map((c) => [c.id, c.type, c.foreign?.language ?? null])).toEqual([['intro', 'markdown', null], ['c0ffee', 'code', 'python']]);
    expect(plan.ok && plan.structure.added[1].foreign?.raw).toEqual(code);
    expect(plan.ok && plan.notes).toEqual([
      '2 cells of the file are new here and came in as new cells (1 of them python code: shown with their saved outputs, not runnable here).',
      'The file has no cell of this notebook: its cells follow the notebook\'s, at the end.',
    ]);
    if (!plan.ok) return;
    const state = notebookReducer(initialNotebookState(lesson()), { type: 'received', event: { type: 'receive', origin: 'import', cells: plan.cells, structure: plan.structure, importName: 'py.ipynb' } });
    expect(state.cells.map((c) => c.id)).toEqual(['00-intro', '05-forward', '07-back', 'intro', 'c0ffee']);
    // Exported again, the Python cell is the same JSON it was in the file.
    const again = JSON.parse(toIpynb(exportCellsOf(state.cells))) as { cells: unknown[] };
    expect(again.cells.at(-1)).toEqual(code);
    expect(JSON.stringify(again.cells.at(-1))).toBe(JSON.stringify(code));
    // Imported once more, nothing changes: the same cells are already here.
    const twice = planImport('again.ipynb', toIpynb(exportCellsOf(state.cells)), state.cells);
    expect(twice.ok && twice.structure.added).toEqual([]);
  });

  it('Undo import takes the new cells out and puts the order back', () => {
    const exported = exportCellsOf(worked()).reverse();
    exported.push({ id: 'new-a', type: 'markdown', source: 'hi', originalHash: null, execCount: null, outputs: [] });
    const plan = planImport('w.ipynb', toIpynb(exported), lesson());
    if (!plan.ok) throw new Error(plan.error);
    const start = initialNotebookState(lesson());
    const imported = notebookReducer(start, { type: 'received', event: { type: 'receive', origin: 'import', cells: plan.cells, structure: plan.structure, importName: 'w.ipynb' } });
    expect(imported.cells.map((c) => c.id)).toEqual(['07-back', '05-forward', '00-intro', 'new-a']);
    const undone = notebookReducer(imported, { type: 'received', event: { type: 'undoImport' } });
    expect(undone.cells).toEqual(start.cells);
    const discarded = notebookReducer(imported, { type: 'received', event: { type: 'discard', origin: 'import' } });
    expect(discarded.cells.map((c) => [c.id, c.source])).toEqual(start.cells.map((c) => [c.id, c.source]));
  });

  it('says which cells were edited in another version of the lesson', () => {
    const exported = exportCellsOf(worked()).map((c) => (c.id === '05-forward' ? { ...c, originalHash: '9-deadbeef' } : c));
    const plan = planImport('w.ipynb', toIpynb(exported), lesson());
    expect(plan.ok && plan.notes).toEqual(['1 cell was edited in another version of the lesson: 05-forward.']);
  });

  const notebookOf = (nbCells: unknown[]) => JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: nbCells });
  it.each([
    ['a cell with another type than the lesson\'s', notebookOf([{ cell_type: 'markdown', id: '05-forward', source: 'x', metadata: {} }]), 'w.ipynb is not importable: cell 1 ("05-forward") is a markdown cell, but in this notebook it is a code cell.'],
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
