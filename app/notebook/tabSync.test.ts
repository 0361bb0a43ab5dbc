// Tests of the per-cell three-way merge of two tabs' saved edits.
import { describe, expect, it } from 'vitest';
import { newCellState, type KeptEdit } from './cellState';
import { contentHash } from './contentHash';
import { emptyEdits, type SavedEdits } from './storage';
import { cellList, mergeEdits, pickCells, savedParts } from './tabSync';

const edit = (source: string): KeptEdit => ({ source, originalHash: 'h' });
const saved = (edits: Record<string, string>, aside: Record<string, string> = {}): SavedEdits => ({
  ...emptyEdits(),
  edits: Object.fromEntries(Object.entries(edits).map(([id, s]) => [id, edit(s)])),
  aside: Object.fromEntries(Object.entries(aside).map(([id, s]) => [id, edit(s)])),
});

describe('mergeEdits', () => {
  // One cell `a`; `-` means no saved edit (the lesson's text). base, mine, theirs -> saved, taken, conflict.
  it.each<[string, string, string, string, string, boolean, boolean]>([
    ['nobody changed it', 'x', 'x', 'x', 'x', false, false],
    ['only this tab changed it', 'x', 'y', 'x', 'y', false, false],
    ['only the other tab changed it', 'x', 'x', 'z', 'z', true, false],
    ['both made the same change', 'x', 'y', 'y', 'y', false, false],
    ['both changed it differently: theirs stays saved', 'x', 'y', 'z', 'z', false, true],
    ['this tab reverted it', 'x', '-', 'x', '-', false, false],
    ['the other tab reverted it', 'x', 'x', '-', '-', true, false],
    ['this tab reverted it while the other changed it', 'x', '-', 'z', 'z', false, true],
    ['both edited a cell unedited before', '-', 'y', 'z', 'z', false, true],
  ])('%s', (_, b, m, t, expected, taken, conflict) => {
    const of = (s: string): SavedEdits => (s === '-' ? emptyEdits() : saved({ a: s }));
    const result = mergeEdits(of(b), of(m), of(t));
    expect(result.merged).toEqual(of(expected));
    expect(result.theirs).toEqual(taken ? ['a'] : []);
    expect(result.conflicts).toEqual(conflict ? ['a'] : []);
  });

  it('merges two tabs that edited different cells, keeping both', () => {
    const base = saved({});
    const result = mergeEdits(base, saved({ a: 'mine' }), saved({ b: 'theirs' }));
    expect(result.merged).toEqual(saved({ a: 'mine', b: 'theirs' }));
    expect(result).toMatchObject({ theirs: ['b'], conflicts: [] });
    expect(result.base).toEqual(result.merged);
  });

  it('keeps a conflicting cell at its old base, so a later save of another cell does not overwrite either version', () => {
    const base = saved({ a: 'x' });
    const first = mergeEdits(base, saved({ a: 'mine' }), saved({ a: 'theirs' }));
    expect(first.base).toEqual(base);
    // This tab then edits cell b: a is still a conflict, storage keeps theirs for it.
    const second = mergeEdits(first.base, saved({ a: 'mine', b: 'new' }), first.merged);
    expect(second.merged).toEqual(saved({ a: 'theirs', b: 'new' }));
    expect(second.conflicts).toEqual(['a']);
  });

  it('compares a cell\'s edit, kept-aside edit and untrusted code together', () => {
    const base = saved({ a: 'x' });
    const theirs = saved({ a: 'x' }, { a: 'old' });
    const result = mergeEdits(base, saved({ a: 'x' }), theirs);
    expect(result.theirs).toEqual(['a']);
    expect(result.merged).toEqual(theirs);
  });
});

describe('pickCells', () => {
  it('takes the named cells\' parts from the source, removing those the source lacks, and leaves the others', () => {
    const target = saved({ a: '1', b: '2' }, { b: 'kept' });
    const source = { ...saved({ c: '3' }), untrusted: { a: { ...edit('foreign'), origin: 'link' as const } } };
    expect(pickCells(target, source, ['a', 'b', 'c'])).toEqual({ ...saved({ c: '3' }), untrusted: { a: { ...edit('foreign'), origin: 'link' } } });
    expect(pickCells(target, source, [])).toEqual(target);
  });
});

describe('savedParts', () => {
  const cell = newCellState({ id: '02-code', type: 'code', source: 'const x = 1;', group: 2 });

  it('reads a cell\'s saved edit as restoreCells does: an edit of this lesson version becomes its source', () => {
    const ok = { ...emptyEdits(), edits: { '02-code': { source: 'const x = 2;', originalHash: contentHash('const x = 1;') } } };
    expect(savedParts([cell], ok, ['02-code'])).toEqual([{ id: '02-code', source: 'const x = 2;', aside: null, untrusted: null }]);
  });

  it('keeps an edit of another lesson version aside, and leaves out ids that are not cells', () => {
    const stale = { ...emptyEdits(), edits: { '02-code': edit('old') } };
    expect(savedParts([cell], stale, ['02-code', '99-gone'])).toEqual([{ id: '02-code', source: 'const x = 1;', aside: edit('old'), untrusted: null }]);
  });
});

describe('cellList', () => {
  it.each([
    [['04-a'], 'cell 04-a'],
    [['04-a', '06-b'], 'cells 04-a and 06-b'],
    [['04-a', '06-b', '08-c'], 'cells 04-a, 06-b and 08-c'],
  ])('%j -> %s', (ids, text) => {
    expect(cellList(ids)).toBe(text);
  });
});
