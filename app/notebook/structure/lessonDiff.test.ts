// Tests of what Revert to original would undo, and how its confirmation says it.
import { describe, expect, it } from 'vitest';
import { newCellState, type CellState } from '../cellState';
import { newCell } from './cells';
import { changeCount, differsFromLesson, lessonDiff, revertDescription } from './lessonDiff';

const lesson = (): CellState[] => [
  newCellState({ id: '01-a', type: 'markdown', source: 'a', group: 1 }),
  newCellState({ id: '02-b', type: 'code', source: 'b', group: 2 }),
  newCellState({ id: '03-c', type: 'code', source: 'c', group: 3 }),
];

describe('lessonDiff', () => {
  it('finds nothing in the lesson itself', () => {
    const diff = lessonDiff(lesson(), lesson());
    expect(diff).toEqual({ edited: 0, added: 0, deleted: 0, moved: false });
    expect(changeCount(diff)).toBe(0);
  });

  it('counts edits, retypes, new and deleted cells, and a change of order', () => {
    const [a, b, c] = lesson();
    const cells = [c, { ...a, source: 'mine' }, newCell('new-1', 'code'), newCell('new-2', 'code'), { ...b, type: 'markdown' as const }];
    expect(lessonDiff(cells, lesson())).toEqual({ edited: 2, added: 2, deleted: 0, moved: true });
    expect(lessonDiff([a, c], lesson())).toEqual({ edited: 0, added: 0, deleted: 1, moved: false });
  });

  it('counts a change of order alone as a change', () => {
    const [a, b, c] = lesson();
    expect(changeCount(lessonDiff([b, a, c], lesson()))).toBe(1);
  });
});

describe('differsFromLesson (whether Revert cell shows)', () => {
  it('is true for a changed text or a changed type, false for the lesson\'s own cell', () => {
    const [, b] = lesson();
    expect(differsFromLesson(b, b)).toBe(false);
    expect(differsFromLesson({ ...b, source: 'mine' }, b)).toBe(true);
    expect(differsFromLesson({ ...b, type: 'markdown' }, b)).toBe(true);
  });
});

describe('revertDescription', () => {
  it('names how many new cells would go', () => {
    expect(revertDescription({ edited: 0, added: 2, deleted: 0, moved: false })).toBe('2 new cells are removed. This cannot be undone.');
    expect(revertDescription({ edited: 1, added: 1, deleted: 3, moved: true })).toBe(
      "1 cell you edited goes back to the lesson's version, 1 new cell is removed, 3 cells you deleted come back and the cells return to the lesson's order. This cannot be undone.",
    );
  });
});
