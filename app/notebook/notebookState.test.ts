// Tests of the notebook reducer: selection, modes, run numbering, notices, revert all.
import { describe, expect, it } from 'vitest';
import { newCellState } from './cellState';
import { cellById, editedCells, initialNotebookState, notebookReducer, type NotebookState } from './notebookState';

const state = (): NotebookState =>
  initialNotebookState([
    newCellState({ id: '01-a', type: 'markdown', source: 'a', group: 1 }),
    newCellState({ id: '02-b', type: 'code', source: 'b', group: 2 }),
    newCellState({ id: '03-c', type: 'code', source: 'c', group: 3 }),
  ]);

describe('initialNotebookState', () => {
  it('selects the first cell in command mode with a starting kernel', () => {
    const s = state();
    expect([s.selectedId, s.mode, s.kernel.status, s.execCounter]).toEqual(['01-a', 'command', 'starting', 0]);
  });
  it('selects nothing in an empty notebook', () => {
    expect(initialNotebookState([]).selectedId).toBeNull();
  });
});

describe('notebookReducer', () => {
  it.each<[number, number, string]>([
    [0, 1, '02-b'],
    [0, -1, '01-a'],
    [2, 1, '03-c'],
    [1, -1, '01-a'],
    [0, 5, '03-c'],
  ])('from cell %i, moving by %i selects %s (clamped at the ends)', (from, delta, expected) => {
    const s0 = state();
    const s1 = notebookReducer(s0, { type: 'select', id: s0.cells[from].id });
    expect(notebookReducer(s1, { type: 'moveSelection', delta }).selectedId).toBe(expected);
  });

  it('ignores selecting a cell that does not exist', () => {
    const s = state();
    expect(notebookReducer(s, { type: 'select', id: 'nope' })).toBe(s);
  });

  it('keeps the same state object when the selection does not change', () => {
    const s = state();
    expect(notebookReducer(s, { type: 'select', id: '01-a', mode: 'command' })).toBe(s);
  });

  it('selects and enters edit mode in one step', () => {
    const s = notebookReducer(state(), { type: 'select', id: '02-b', mode: 'edit' });
    expect([s.selectedId, s.mode]).toEqual(['02-b', 'edit']);
  });

  it('numbers runs 1, 2, 3 across cells, and from 1 again after a restart', () => {
    let s = state();
    for (const id of ['02-b', '03-c', '02-b']) s = notebookReducer(s, { type: 'startRun', id });
    expect([cellById(s, '02-b')?.execCount, cellById(s, '03-c')?.execCount]).toEqual([3, 2]);
    s = notebookReducer(notebookReducer(s, { type: 'kernelRestarted' }), { type: 'startRun', id: '03-c' });
    expect(cellById(s, '03-c')?.execCount).toBe(1);
  });

  it('replaces a notice with the same id and dismisses it', () => {
    let s = notebookReducer(state(), { type: 'notice', notice: { id: 'n', tone: 'info', text: 'one' } });
    s = notebookReducer(s, { type: 'notice', notice: { id: 'n', tone: 'info', text: 'two' } });
    expect(s.notices.map((n) => n.text)).toEqual(['two']);
    expect(notebookReducer(s, { type: 'dismissNotice', id: 'n' }).notices).toEqual([]);
  });

  it('reverts every edited cell at once', () => {
    let s = state();
    s = notebookReducer(s, { type: 'cell', id: '01-a', event: { type: 'edit', source: 'A' } });
    s = notebookReducer(s, { type: 'cell', id: '03-c', event: { type: 'edit', source: 'C' } });
    expect(editedCells(s).map((c) => c.id)).toEqual(['01-a', '03-c']);
    s = notebookReducer(s, { type: 'revertAll' });
    expect(s.cells.map((c) => c.source)).toEqual(['a', 'b', 'c']);
    expect(editedCells(s)).toEqual([]);
  });
});

describe('a cell deleted while it runs', () => {
  it('finishes with its outputs while deleted, so undo brings it back done, not running forever', () => {
    let s = notebookReducer(state(), { type: 'startRun', id: '02-b' });
    s = notebookReducer(s, { type: 'select', id: '02-b' });
    s = notebookReducer(s, { type: 'structure', event: { type: 'delete' } });
    s = notebookReducer(s, { type: 'cell', id: '02-b', event: { type: 'output', message: { output: { kind: 'text', text: 'late' } } } });
    s = notebookReducer(s, { type: 'cell', id: '02-b', event: { type: 'finish', status: 'ok' } });
    s = notebookReducer(s, { type: 'structure', event: { type: 'undo' } });
    expect(cellById(s, '02-b')).toMatchObject({ status: 'done', execCount: 1, outputs: [{ key: 0, output: { kind: 'text', text: 'late' } }] });
  });

  it('comes back idle when it was only queued (the runner skips deleted cells)', () => {
    let s = notebookReducer(state(), { type: 'cell', id: '03-c', event: { type: 'queue' } });
    s = notebookReducer(s, { type: 'select', id: '03-c' });
    s = notebookReducer(s, { type: 'structure', event: { type: 'delete' } });
    s = notebookReducer(s, { type: 'structure', event: { type: 'undo' } });
    expect(cellById(s, '03-c')?.status).toBe('idle');
  });
});
