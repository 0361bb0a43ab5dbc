// Tests of what the structure keys and buttons dispatch.
import { describe, expect, it } from 'vitest';
import { newCellState } from '../cellState';
import { initialNotebookState, notebookReducer } from '../notebookState';
import { isSelected, isStructureCommand, structureEvent } from './commands';

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
