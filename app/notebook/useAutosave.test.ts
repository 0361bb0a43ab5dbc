// Tests of when the autosave has something to save.
import { describe, expect, it } from 'vitest';
import { cellReducer, newCellState } from './cellState';
import { editsChanged } from './useAutosave';

const cells = [newCellState({ id: '01-a', type: 'code', source: 'a', group: 1 }), newCellState({ id: '02-b', type: 'code', source: 'b', group: 2 })];

describe('editsChanged', () => {
  it('is false for the same cells, and for output or status changes', () => {
    expect(editsChanged(cells, cells)).toBe(false);
    const ran = [cellReducer(cells[0], { type: 'start', execCount: 1 }), cells[1]];
    expect(editsChanged(cells, ran)).toBe(false);
  });
  it('is true when a source or a kept-aside edit changes', () => {
    expect(editsChanged(cells, [cells[0], cellReducer(cells[1], { type: 'edit', source: 'c' })])).toBe(true);
    const withAside = [{ ...cells[0], aside: { source: 'x', originalHash: 'h' } }, cells[1]];
    expect(editsChanged(withAside, [cellReducer(withAside[0], { type: 'discardAside' }), cells[1]])).toBe(true);
  });
});
