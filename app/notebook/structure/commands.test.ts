// Tests of what the structure keys and buttons dispatch.
import { describe, expect, it } from 'vitest';
import { newCellState } from '../cellState';
import { initialNotebookState, notebookReducer } from '../notebookState';
import { advanceFrom, canMove, isSelected, isStructureCommand, revertCellEvent, structureEvent } from './commands';

const cells = ['01-a', '02-b', '03-c'].map((id, i) => newCellState({ id, type: 'code', source: id, group: i + 1 }));

describe('structureEvent', () => {
  it('draws one fresh id per pasted cell, and one for an insert', () => {
    let n = 0;
    const draw = (): string => `new-${++n}`;
    const twoCopied = { clipboard: cells.slice(0, 2) };
    expect(structureEvent(twoCopied, 'pasteAbove', draw)).toEqual({ type: 'paste', side: 'above', ids: ['new-1', 'new-2'] });
    expect(structureEvent(twoCopied, 'insertBelow', draw)).toEqual({ type: 'insert', side: 'below', id: 'new-3', cellType: 'code' });
    expect(structureEvent(twoCopied, 'deleteCells', draw)).toEqual({ type: 'delete' });
  });
});

describe('isStructureCommand', () => {
  it.each([
    ['deleteCells', true],
    ['moveUp', true],
    ['extendDown', true],
    ['runAndAdvance', false],
    ['splitCell', false],
    ['interrupt', false],
  ] as const)('%s -> %s', (command, expected) => {
    expect(isStructureCommand(command)).toBe(expected);
  });
});

describe('isSelected', () => {
  it('is true for every cell of a Shift+Down range, false outside it', () => {
    let s = notebookReducer(initialNotebookState(cells), { type: 'select', id: '02-b' });
    s = notebookReducer(s, { type: 'structure', event: { type: 'extendSelection', delta: 1 } });
    expect(cells.map((c) => isSelected(s, c.id))).toEqual([false, true, true]);
  });
});

describe('revertCellEvent (Revert cell)', () => {
  const lesson = new Map(cells.map((c) => [c.id, c]));
  const revert = (s: ReturnType<typeof initialNotebookState>, id: string) => notebookReducer(s, revertCellEvent(id, lesson));

  it("brings back a retyped lesson cell's type as well as its text", () => {
    let s = notebookReducer(initialNotebookState(cells), { type: 'select', id: '02-b' });
    s = notebookReducer(s, { type: 'structure', event: { type: 'retype', cellType: 'markdown' } });
    s = notebookReducer(s, { type: 'cell', id: '02-b', event: { type: 'edit', source: 'my note' } });
    expect(s.cells[1]).toMatchObject({ type: 'markdown', source: 'my note' });
    const r = revert(s, '02-b');
    // The lesson's 02-b is code whose text is its id (see `cells` above).
    expect(r.cells[1]).toMatchObject({ id: '02-b', type: 'code', source: '02-b' });
    expect(r.cells.map((c) => [c.id, c.type, c.source])).toEqual(cells.map((c) => [c.id, c.type, c.source]));
  });

  it('brings back the type of a cell only retyped, its text untouched', () => {
    let s = notebookReducer(initialNotebookState(cells), { type: 'select', id: '03-c' });
    s = notebookReducer(s, { type: 'structure', event: { type: 'retype', cellType: 'markdown' } });
    expect(revert(s, '03-c').cells[2]).toMatchObject({ type: 'code', source: '03-c' });
  });

  it('keeps the run of a cell whose text only is reverted, and leaves the other cells alone', () => {
    let s = notebookReducer(initialNotebookState(cells), { type: 'startRun', id: '01-a' });
    s = notebookReducer(s, { type: 'cell', id: '01-a', event: { type: 'finish', status: 'ok' } });
    s = notebookReducer(s, { type: 'cell', id: '01-a', event: { type: 'edit', source: 'changed' } });
    s = notebookReducer(s, { type: 'cell', id: '02-b', event: { type: 'edit', source: 'mine too' } });
    const r = revert(s, '01-a');
    expect(r.cells[0]).toMatchObject({ source: '01-a', execCount: 1, status: 'done' });
    expect(r.cells[1].source).toBe('mine too');
  });

  it('refuses to turn a running cell back to markdown, with a notice naming it', () => {
    const lessonMd = new Map([['02-b', { ...cells[1], type: 'markdown' as const }]]);
    const s = notebookReducer(initialNotebookState(cells), { type: 'startRun', id: '02-b' });
    const r = notebookReducer(s, revertCellEvent('02-b', lessonMd));
    expect(r.cells).toBe(s.cells);
    expect(r.notices.at(-1)?.text).toMatch(/Cell 02-b is running/);
  });
});

describe('canMove', () => {
  it('disables Move up on the first cell and Move down on the last, for the cell alone', () => {
    const s = initialNotebookState(cells);
    expect(cells.map((c) => [canMove(s, c.id, -1), canMove(s, c.id, 1)])).toEqual([
      [false, true],
      [true, true],
      [true, false],
    ]);
  });

  it('judges a selected cell\'s buttons by the whole selection (they move it all)', () => {
    let s = notebookReducer(initialNotebookState(cells), { type: 'select', id: '01-a' });
    s = notebookReducer(s, { type: 'structure', event: { type: 'extendSelection', delta: 1 } });
    // 01-a..02-b selected: 02-b's Move up would move 01-a past the top.
    expect([canMove(s, '02-b', -1), canMove(s, '02-b', 1)]).toEqual([false, true]);
    // 03-c is outside the selection: its buttons act on it alone.
    expect([canMove(s, '03-c', -1), canMove(s, '03-c', 1)]).toEqual([true, false]);
    expect(canMove(s, 'no-such-cell', -1)).toBe(false);
  });
});

describe('advanceFrom (Shift+Enter)', () => {
  it('goes to the cell below, and from the last cell inserts one (as Jupyter does)', () => {
    expect(advanceFrom(cells, '01-a')).toEqual({ kind: 'next', cell: cells[1] });
    expect(advanceFrom(cells, '03-c')).toEqual({ kind: 'insert' });
    expect(advanceFrom(cells.slice(0, 1), '01-a')).toEqual({ kind: 'insert' });
    expect(advanceFrom(cells, 'gone')).toEqual({ kind: 'gone' });
  });
});
