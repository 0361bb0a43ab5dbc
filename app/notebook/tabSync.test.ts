// Tests of the per-cell three-way merge of two tabs' saved edits.
import { describe, expect, it } from 'vitest';
import { newCellState, type KeptEdit } from './cellState';
import { contentHash } from './contentHash';
import type { SavedStructure } from './savedStructure';
import { emptyEdits, type SavedEdits } from './storage';
import { cellList, changesList, mergeEdits, pickCells, savedParts } from './tabSync';

const edit = (source: string): KeptEdit => ({ source, originalHash: 'h' });
const saved = (edits: Record<string, string>, aside: Record<string, string> = {}): SavedEdits => ({
  ...emptyEdits(),
  edits: Object.fromEntries(Object.entries(edits).map(([id, s]) => [id, edit(s)])),
  aside: Object.fromEntries(Object.entries(aside).map(([id, s]) => [id, edit(s)])),
});

const lessonIds = ['a', 'b'];

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
    const result = mergeEdits(of(b), of(m), of(t), lessonIds);
    expect(result.merged).toEqual(of(expected));
    expect(result.theirs).toEqual(taken ? ['a'] : []);
    expect(result.conflicts).toEqual(conflict ? ['a'] : []);
  });

  it('merges two tabs that edited different cells, keeping both', () => {
    const base = saved({});
    const result = mergeEdits(base, saved({ a: 'mine' }), saved({ b: 'theirs' }), lessonIds);
    expect(result.merged).toEqual(saved({ a: 'mine', b: 'theirs' }));
    expect(result).toMatchObject({ theirs: ['b'], conflicts: [] });
    expect(result.base).toEqual(result.merged);
  });

  it('keeps a conflicting cell at its old base, so a later save of another cell does not overwrite either version', () => {
    const base = saved({ a: 'x' });
    const first = mergeEdits(base, saved({ a: 'mine' }), saved({ a: 'theirs' }), lessonIds);
    expect(first.base).toEqual(base);
    // This tab then edits cell b: a is still a conflict, storage keeps theirs for it.
    const second = mergeEdits(first.base, saved({ a: 'mine', b: 'new' }), first.merged, lessonIds);
    expect(second.merged).toEqual(saved({ a: 'theirs', b: 'new' }));
    expect(second.conflicts).toEqual(['a']);
  });

  it('compares a cell\'s edit, kept-aside edit and untrusted code together', () => {
    const base = saved({ a: 'x' });
    const theirs = saved({ a: 'x' }, { a: 'old' });
    const result = mergeEdits(base, saved({ a: 'x' }), theirs, lessonIds);
    expect(result.theirs).toEqual(['a']);
    expect(result.merged).toEqual(theirs);
  });
});

describe('mergeEdits of the list of cells', () => {
  /** A structure showing `order` over lesson cells a and b (`n*` ids are new cells). */
  const shape = (...order: string[]): SavedStructure => ({
    lesson: lessonIds,
    order,
    cells: Object.fromEntries(order.filter((id) => id.startsWith('n')).map((id) => [id, { type: 'code' as const }])),
    deleted: Object.fromEntries(lessonIds.filter((id) => !order.includes(id)).map((id) => [id, 'h'])),
    retyped: {},
  });
  const withShape = (s: SavedEdits, ...order: string[]): SavedEdits => ({ ...s, structure: shape(...order) });

  it('takes the other tab\'s list when only it changed, with the text of its new cell', () => {
    const theirs = withShape(saved({ n1: 'new text' }), 'a', 'n1', 'b');
    const result = mergeEdits(saved({}), saved({}), theirs, lessonIds);
    expect(result).toMatchObject({ merged: theirs, base: theirs, theirs: ['n1'], conflicts: [], structure: 'theirs' });
  });

  it('writes this tab\'s list when only it changed', () => {
    const mine = withShape(saved({}), 'b', 'a');
    expect(mergeEdits(saved({}), mine, saved({}), lessonIds)).toMatchObject({ merged: mine, structure: null });
  });

  it('asks when both changed the list differently; storage keeps theirs, and this tab\'s base keeps the old list', () => {
    const theirs = withShape(saved({}), 'b', 'a');
    const result = mergeEdits(saved({}), withShape(saved({}), 'a', 'n1', 'b'), theirs, lessonIds);
    expect(result).toMatchObject({ merged: theirs, base: saved({}), structure: 'conflict' });
  });

  it.each([
    ['this tab dropped a cell the other edited', withShape(saved({}), 'b'), saved({ a: 'edited there' })],
    ['the other tab dropped a cell this one edited', saved({ a: 'edited here' }), withShape(saved({}), 'b')],
  ])('asks when %s', (_, mine, theirs) => {
    expect(mergeEdits(saved({}), mine, theirs, lessonIds).structure).toBe('conflict');
  });

  it('leaves the saved text of a cell this tab does not show as it found it', () => {
    const base = withShape(saved({ gone: 'kept' }), 'a', 'b');
    const mine = withShape(saved({ a: 'mine' }), 'a', 'b');
    expect(mergeEdits(base, mine, base, lessonIds).merged).toEqual(withShape(saved({ a: 'mine', gone: 'kept' }), 'a', 'b'));
  });
});

describe('changesList', () => {
  const isNew = (id: string): boolean => id.startsWith('new-');
  it.each<[string[], boolean, string, boolean]>([
    [['04-a'], false, 'cell 04-a', false],
    [[], true, 'the list of cells (added, deleted or moved ones)', false],
    [['04-a'], true, 'cell 04-a and the list of cells (added, deleted or moved ones)', true],
    [['04-a', '06-b'], false, 'cells 04-a and 06-b', true],
    [['new-x'], false, 'a new cell', false],
    [['new-x', 'new-y'], false, '2 new cells', true],
    [['04-a', 'new-x'], true, 'cell 04-a, a new cell and the list of cells (added, deleted or moved ones)', true],
  ])('%j, list of cells %s -> %s', (ids, structure, text, plural) => {
    expect(changesList(ids, structure, isNew)).toEqual({ text, plural });
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
