// Tests for new cells: ids apart from the lesson's, fresh state.
import { describe, expect, it } from 'vitest';
import { parseCellFiles } from '../../kernel/cells';
import { newCell, newCellId } from './cells';

describe('newCellId', () => {
  it('never reads as a lesson file name, so a new cell cannot take a lesson cell\'s id', () => {
    for (let i = 0; i < 50; i++) {
      const id = newCellId();
      expect(id).toMatch(/^new-[0-9a-z]{10}$/);
      expect(parseCellFiles([{ name: `${id}.ts`, source: '' }]).cells).toEqual([]);
    }
  });
  it('gives different ids to different draws', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newCellId()));
    expect(ids.size).toBe(200);
  });
});

describe('newCell', () => {
  it('is a new, idle cell with nothing to revert to', () => {
    const cell = newCell('new-1', 'markdown', '# Notes');
    expect(cell).toMatchObject({ id: 'new-1', type: 'markdown', origin: 'new', original: '', source: '# Notes', status: 'idle', execCount: null, outputs: [], foreign: null });
  });
});
