// Tests of the saved structure: what is saved, what is refused, and how it comes back on a changed lesson.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellReducer, newCellState, type CellState } from './cellState';
import { contentHash } from './contentHash';
import { initialNotebookState, notebookReducer } from './notebookState';
import { adoptCells, arrangeCells, snapshotStructure, structureProblem, type SavedStructure } from './savedStructure';
import { emptyEdits, restoreCells, snapshotNotebook } from './storage';
import { newCell } from './structure/cells';
import { stepEvent, structureStep, type Step } from './testing/structureSteps';
import type { SourceCell } from './types';

const lessonCell = (id: string, source = `${id} text`, type: SourceCell['type'] = 'code'): SourceCell => ({ id, type, source: `${source}\n`, group: Number.parseInt(id, 10) });
const lesson = [lessonCell('01-a', '# A', 'markdown'), lessonCell('02-b'), lessonCell('03-c'), lessonCell('04-d')];
const fromLesson = (cells: readonly SourceCell[] = lesson): CellState[] => cells.map((c) => newCellState(c));
const byId = (cells: readonly CellState[], id: string): CellState => {
  const cell = cells.find((c) => c.id === id);
  if (!cell) throw new Error(`no cell ${id}`);
  return cell;
};
const ids = (cells: readonly CellState[]): string[] => cells.map((c) => c.id);
/** The lesson's cells laid out as `order` says: lesson ids from the lesson, `new-*` as new code cells holding their id as text. */
const laidOut = (order: string[], base: readonly SourceCell[] = lesson): CellState[] =>
  order.map((id) => (id.startsWith('new-') ? newCell(id, 'code', `${id} text`) : byId(fromLesson(base), id)));
/** What a reload shows, after saving `cells` against `saved` lesson and reading them with `now` lesson (through JSON, as storage does). */
const reload = (cells: readonly CellState[], saved: readonly SourceCell[], now: readonly SourceCell[] = saved) =>
  restoreCells(now, JSON.parse(JSON.stringify(snapshotNotebook(cells, {}, saved))));

describe('snapshotStructure', () => {
  it('is null for the lesson as it is, even with edited sources (nothing new to save, as before)', () => {
    const cells = fromLesson();
    cells[1] = cellReducer(cells[1], { type: 'edit', source: 'mine' });
    expect(snapshotStructure(cells, lesson)).toBeNull();
  });

  it('names new cells (with their foreign code), deleted lesson cells (with the hash of their text) and retyped ones', () => {
    const foreign = { language: 'python', raw: { cell_type: 'code', source: 'print(1)', outputs: [] } };
    const [a, b, , d] = fromLesson();
    const cells = [a, newCell('new-x', 'markdown', 'note'), { ...b, type: 'markdown' as const }, d, newCell('new-py', 'code', 'print(1)', foreign)];
    expect(snapshotStructure(cells, lesson)).toEqual({
      lesson: ['01-a', '02-b', '03-c', '04-d'],
      order: ['01-a', 'new-x', '02-b', '04-d', 'new-py'],
      cells: { 'new-x': { type: 'markdown' }, 'new-py': { type: 'code', foreign } },
      // The hash of the text shown (the file's final newline is not part of it).
      deleted: { '03-c': contentHash('03-c text') },
      retyped: { '02-b': 'markdown' },
    });
  });

  it('saves a move alone', () => {
    const [a, b, c, d] = fromLesson();
    expect(snapshotStructure([b, a, c, d], lesson)?.order).toEqual(['02-b', '01-a', '03-c', '04-d']);
  });
});

describe('structureProblem', () => {
  const good: SavedStructure = { lesson: ['01-a', '02-b'], order: ['new-x', '02-b'], cells: { 'new-x': { type: 'code' } }, deleted: { '01-a': 'h' }, retyped: { '02-b': 'markdown' } };
  it('accepts a well-formed structure', () => {
    expect(structureProblem(good)).toBeNull();
  });
  it.each<[string, unknown, string]>([
    ['not an object', [], 'not an object'],
    ['lesson with a repeated id', { ...good, lesson: ['01-a', '01-a'] }, '"lesson"'],
    ['order not a list', { ...good, order: 'new-x' }, '"order"'],
    ['order with an empty id', { ...good, order: ['', '02-b'] }, '"order"'],
    ['a new cell of an unknown type', { ...good, cells: { 'new-x': { type: 'raw' } } }, '"cells"'],
    ['foreign code without its cell', { ...good, cells: { 'new-x': { type: 'code', foreign: { language: 'python' } } } }, '"cells"'],
    ['a new cell not in the order', { ...good, cells: { ...good.cells, 'new-y': { type: 'code' } } }, 'new cell "new-y"'],
    ['a new cell with a lesson id', { ...good, order: ['09-z', '02-b'], cells: { '09-z': { type: 'code' } } }, 'new cell "09-z"'],
    ['an id in the order that is no cell', { ...good, order: ['new-x', '02-b', 'who'] }, 'cell "who"'],
    ['a deleted cell that is on screen', { ...good, deleted: { '01-a': 'h', '02-b': 'h' } }, '"deleted"'],
    ['a missing cell not named deleted', { ...good, deleted: {} }, '"deleted"'],
    ['a hash that is not text', { ...good, deleted: { '01-a': 3 } }, '"deleted"'],
    ['a retype of a deleted cell', { ...good, retyped: { '01-a': 'code' } }, 'retyped cell "01-a"'],
    ['a retype to an unknown type', { ...good, retyped: { '02-b': 'raw' } }, '"retyped"'],
  ])('refuses %s', (_, structure, mention) => {
    expect(structureProblem(structure)).toContain(mention);
  });
});

describe('arrangeCells', () => {
  const saved = (order: string[], at: readonly SourceCell[] = lesson): SavedStructure => {
    const structure = snapshotStructure(laidOut(order, at), at);
    if (!structure) throw new Error('the lesson itself');
    return structure;
  };

  it('gives back the saved order on the same lesson', () => {
    const order = ['new-0', '01-a', '03-c', 'new-1', 'new-2', '02-b'];
    expect(arrangeCells(saved(order), lesson)).toEqual({ ids: order, returned: [] });
  });

  it('keeps a new cell after the lesson cell it followed when the lesson adds a cell before that one', () => {
    const now = [lesson[0], lessonCell('02x-added'), ...lesson.slice(1)];
    expect(arrangeCells(saved(['01-a', '02-b', 'new-1', '03-c', '04-d']), now).ids).toEqual(['01-a', '02x-added', '02-b', 'new-1', '03-c', '04-d']);
  });

  it('puts a cell the lesson added after the cell before it and the new cells that follow that one', () => {
    const now = [...lesson.slice(0, 2), lessonCell('02x-added'), ...lesson.slice(2)];
    expect(arrangeCells(saved(['01-a', '02-b', 'new-1', '03-c', '04-d']), now).ids).toEqual(['01-a', '02-b', 'new-1', '02x-added', '03-c', '04-d']);
  });

  it('moves the new cells after a lesson cell the lesson dropped to the cell before it', () => {
    const now = lesson.filter((c) => c.id !== '03-c');
    expect(arrangeCells(saved(['01-a', '02-b', 'new-1', '03-c', 'new-2', '04-d']), now).ids).toEqual(['01-a', '02-b', 'new-1', 'new-2', '04-d']);
  });

  it('follows the lesson\'s new order when the student moved no lesson cell', () => {
    const now = [lesson[0], lesson[2], lesson[1], lesson[3]];
    expect(arrangeCells(saved(['01-a', '02-b', 'new-1', '03-c', '04-d']), now).ids).toEqual(['01-a', '03-c', '02-b', 'new-1', '04-d']);
  });

  it('keeps the student\'s order of lesson cells they moved, placing an added cell after its lesson predecessor', () => {
    const now = [...lesson.slice(0, 3), lessonCell('03x-added'), lesson[3]];
    expect(arrangeCells(saved(['03-c', '01-a', '02-b', '04-d']), now).ids).toEqual(['03-c', '03x-added', '01-a', '02-b', '04-d']);
  });

  it('places a cell the lesson added at its very start first', () => {
    const now = [lessonCell('00-first'), ...lesson];
    expect(arrangeCells(saved(['02-b', '01-a', '03-c', '04-d']), now).ids).toEqual(['00-first', '02-b', '01-a', '03-c', '04-d']);
  });

  it('keeps a deleted cell deleted while the lesson leaves it alone, and brings it back (named) once the lesson changed it', () => {
    const structure = saved(['01-a', 'new-1', '03-c', '04-d']);
    expect(arrangeCells(structure, lesson)).toEqual({ ids: ['01-a', 'new-1', '03-c', '04-d'], returned: [] });
    const changed = lesson.map((c) => (c.id === '02-b' ? { ...c, source: 'fixed upstream\n' } : c));
    expect(arrangeCells(structure, changed)).toEqual({ ids: ['01-a', 'new-1', '02-b', '03-c', '04-d'], returned: ['02-b'] });
  });
});

describe('restoreCells with a structure', () => {
  it('restores new cells\' text and type, retyped lesson cells, and nothing of deleted ones', () => {
    const [a, b, , d] = fromLesson();
    const cells = [newCell('new-top', 'markdown', '# Mine'), a, cellReducer(b, { type: 'edit', source: 'b edited' }), newCell('new-mid', 'code', 'const z = 1;'), { ...d, type: 'markdown' as const }];
    const restored = reload(cells, lesson);
    expect(restored.cells.map((c) => [c.id, c.type, c.origin, c.source])).toEqual([
      ['new-top', 'markdown', 'new', '# Mine'],
      ['01-a', 'markdown', 'lesson', '# A'],
      ['02-b', 'code', 'lesson', 'b edited'],
      ['new-mid', 'code', 'new', 'const z = 1;'],
      ['04-d', 'markdown', 'lesson', '04-d text'],
    ]);
    // A retyped lesson cell still knows the lesson's text (Revert goes back to it).
    expect(restored.cells[4].original).toBe('04-d text');
    expect([restored.orphans, restored.notices]).toEqual([{}, []]);
  });

  it('keeps "Show mine / Use mine" for a lesson cell the student moved and edited that changed upstream, in its moved place', () => {
    const [a, b, c, d] = fromLesson();
    const cells = [a, c, cellReducer(b, { type: 'edit', source: 'my b' }), newCell('new-1', 'code', 'after b'), d];
    const now = lesson.map((x) => (x.id === '02-b' ? { ...x, source: 'b, fixed upstream\n' } : x));
    const restored = reload(cells, lesson, now);
    expect(ids(restored.cells)).toEqual(['01-a', '03-c', '02-b', 'new-1', '04-d']);
    const moved = byId(restored.cells, '02-b');
    expect([moved.source, moved.aside]).toEqual(['b, fixed upstream', { source: 'my b', originalHash: contentHash('02-b text') }]);
    expect(byId(restored.cells, 'new-1').source).toBe('after b');
  });

  it('says which deleted cells came back because the lesson changed them', () => {
    const [a, , c, d] = fromLesson();
    const now = lesson.map((x) => (x.id === '02-b' ? { ...x, source: 'b, fixed upstream\n' } : x));
    const restored = reload([a, c, d], lesson, now);
    expect(byId(restored.cells, '02-b').source).toBe('b, fixed upstream');
    expect(restored.notices.map((n) => n.text)).toEqual([
      'This version of the lesson changed a cell you had deleted (02-b): it is back in place. Delete it again if you do not need it.',
    ]);
  });

  it('keeps the edits of lesson cells the lesson dropped as orphans, and every new cell', () => {
    const cells = [newCell('new-1', 'code', 'mine'), ...fromLesson().map((c) => cellReducer(c, { type: 'edit', source: `${c.id} edited` }))];
    const restored = reload(cells, lesson, lesson.slice(0, 2));
    expect(ids(restored.cells)).toEqual(['new-1', '01-a', '02-b']);
    expect(Object.keys(restored.orphans)).toEqual(['03-c', '04-d']);
    expect(restored.orphans['03-c'].source).toBe('03-c edited');
  });

  it('brings back untrusted code in a new cell untrusted', () => {
    const received = cellReducer(newCell('new-1', 'code', ''), { type: 'receive', source: 'fromFile()', origin: 'import' });
    const [cell] = reload([received, ...fromLesson()], lesson).cells;
    expect([cell.source, cell.untrusted]).toEqual(['fromFile()', { origin: 'import', displaced: '' }]);
  });

  it('reads a version-1 save without a structure exactly as before: the lesson\'s cells in its order', () => {
    const saved = { ...emptyEdits(), edits: { '02-b': { source: 'mine', originalHash: contentHash('02-b text') } } };
    expect(restoreCells(lesson, saved).cells).toEqual(fromLesson().map((c) => (c.id === '02-b' ? { ...c, source: 'mine' } : c)));
  });
});

/** A random notebook built from the lesson by the structure reducer's events (ids drawn as the page would), and edits. */
function play(steps: readonly Step[]): CellState[] {
  let made = 0;
  const draw = (): string => `new-${made++}`;
  return steps.reduce((state, st) => notebookReducer(state, stepEvent(state, st, draw)), initialNotebookState(fromLesson())).cells;
}

const shape = (cells: readonly CellState[]) => cells.map((c) => [c.id, c.origin, c.type, c.source]);

describe('snapshot and restore', () => {
  it('give back any notebook built by the structure reducer (insert, delete, undo, move, copy, cut, paste, split, merge, retype, selections) and edits: same ids, order, types and sources', () => {
    fc.assert(
      fc.property(fc.array(structureStep, { maxLength: 30 }), (steps) => {
        const cells = play(steps);
        const restored = reload(cells, lesson);
        expect(shape(restored.cells)).toEqual(shape(cells));
        expect(restored.notices).toEqual([]);
      }),
    );
  });

  it('lose no new cell and no edit when the lesson changes under them', () => {
    const changedLesson = fc.subarray(lesson).chain((kept) => fc.shuffledSubarray([...kept, lessonCell('02x-added'), lessonCell('05-added')], { minLength: kept.length + 2 }));
    fc.assert(
      fc.property(fc.array(structureStep, { maxLength: 30 }), changedLesson, (steps, now) => {
        const cells = play(steps);
        const restored = reload(cells, lesson, now);
        const news = (list: readonly CellState[]) => shape(list.filter((c) => c.origin === 'new')).sort();
        expect(news(restored.cells)).toEqual(news(cells));
        // Each new cell still follows the lesson cell it followed (of those both notebooks have).
        const both = new Set(ids(cells).filter((id) => now.some((c) => c.id === id)));
        const anchors = (list: readonly CellState[]) => {
          let anchor = '';
          return list.flatMap((c) => (c.origin === 'new' ? [[c.id, anchor]] : both.has(c.id) ? ((anchor = c.id), []) : [])).sort();
        };
        expect(anchors(restored.cells)).toEqual(anchors(cells));
        for (const cell of cells.filter((c) => c.origin === 'lesson' && c.source !== c.original)) {
          const back = restored.cells.find((c) => c.id === cell.id);
          expect(back ? back.source : restored.orphans[cell.id]?.source).toBe(cell.source);
        }
        expect(new Set(ids(restored.cells)).size).toBe(restored.cells.length);
      }),
    );
  });
});

describe('adoptCells', () => {
  it('keeps the state of cells already shown, takes the new order and types, and moves the selection off a removed cell', () => {
    const [a, b, c] = fromLesson();
    const ran = cellReducer(b, { type: 'start', execCount: 3 });
    const restored = [newCell('new-1', 'code', 'theirs'), { ...c, type: 'markdown' as const }, b];
    const adopted = adoptCells({ cells: [a, ran, c], selectedId: '01-a', anchorId: '02-b' }, restored);
    expect(adopted.cells.map((x) => [x.id, x.type, x.execCount])).toEqual([
      ['new-1', 'code', null],
      ['03-c', 'markdown', null],
      ['02-b', 'code', 3],
    ]);
    expect([adopted.selectedId, adopted.anchorId]).toEqual(['new-1', null]);
    expect(adoptCells({ cells: [a, ran, c], selectedId: '02-b', anchorId: '03-c' }, restored)).toMatchObject({ selectedId: '02-b', anchorId: '03-c' });
  });
});
