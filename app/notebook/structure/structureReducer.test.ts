// Tests of the structure's pure transitions, and property tests over random sequences of them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newCellState, type CellState } from '../cellState';
import { initialNotebookState, notebookReducer, type NotebookState } from '../notebookState';
import { newCell } from './cells';
import { changeCount, lessonDiff } from './lessonDiff';
import { selectedCells, structureNoticeId, type StructureEvent } from './structureReducer';
import { structureEventSteps } from '../testing/structureSteps';

const lesson = (): CellState[] => [
  newCellState({ id: '01-intro', type: 'markdown', source: '# Intro\n', group: 1 }),
  newCellState({ id: '02-a', type: 'code', source: 'const a = 1;\n', group: 2 }),
  newCellState({ id: '03-b', type: 'code', source: 'const b = a + 1;\n', group: 3 }),
  newCellState({ id: '04-end', type: 'markdown', source: 'The end', group: 4 }),
];

const fresh = (): NotebookState => initialNotebookState(lesson());
const ids = (s: NotebookState): string[] => s.cells.map((c) => c.id);
const apply = (s: NotebookState, ...events: StructureEvent[]): NotebookState =>
  events.reduce((acc, event) => notebookReducer(acc, { type: 'structure', event }), s);
const select = (s: NotebookState, id: string): NotebookState => notebookReducer(s, { type: 'select', id });
const notice = (s: NotebookState): string | undefined => s.notices.find((n) => n.id === structureNoticeId)?.text;

describe('insert', () => {
  it.each<['above' | 'below', string[]]>([
    ['above', ['01-intro', 'new-x', '02-a', '03-b', '04-end']],
    ['below', ['01-intro', '02-a', 'new-x', '03-b', '04-end']],
  ])('puts a new cell %s the selected one and selects it', (side, expected) => {
    const s = apply(select(fresh(), '02-a'), { type: 'insert', side, id: 'new-x', cellType: 'code', source: 'la.matmul' });
    expect(ids(s)).toEqual(expected);
    expect(s.selectedId).toBe('new-x');
    expect(s.cells.find((c) => c.id === 'new-x')).toMatchObject({ origin: 'new', type: 'code', source: 'la.matmul', original: '' });
  });

  it('refuses an id the notebook already has, with a notice', () => {
    const s0 = fresh();
    const s = apply(s0, { type: 'insert', side: 'below', id: '02-a', cellType: 'code' });
    expect(ids(s)).toEqual(ids(s0));
    expect(notice(s)).toMatch(/02-a/);
  });

  it('inserts ready cells at an index (what import and paste use)', () => {
    const s = apply(fresh(), { type: 'insertCells', index: 1, cells: [newCell('new-1', 'code'), newCell('new-2', 'markdown')] });
    expect(ids(s)).toEqual(['01-intro', 'new-1', 'new-2', '02-a', '03-b', '04-end']);
    expect(selectedCells(s).map((c) => c.id)).toEqual(['new-1', 'new-2']);
  });
});

describe('delete and undo', () => {
  it('deletes the selected cell (a lesson cell too) and selects the next', () => {
    const s = apply(select(fresh(), '02-a'), { type: 'delete' });
    expect(ids(s)).toEqual(['01-intro', '03-b', '04-end']);
    expect(s.selectedId).toBe('03-b');
  });

  it('selects the cell before when the last one goes', () => {
    const s = apply(select(fresh(), '04-end'), { type: 'delete' });
    expect(s.selectedId).toBe('03-b');
  });

  it('undoes two deletions in turn, each restoring the exact list before it', () => {
    const s0 = select(fresh(), '02-a');
    const s1 = apply(s0, { type: 'delete' });
    const s2 = apply(s1, { type: 'delete' });
    expect(ids(s2)).toEqual(['01-intro', '04-end']);
    const u1 = apply(s2, { type: 'undoDelete' });
    expect(u1.cells).toEqual(s1.cells);
    expect(u1.selectedId).toBe('03-b');
    const u2 = apply(u1, { type: 'undoDelete' });
    expect(u2.cells).toEqual(s0.cells);
    expect(notice(apply(u2, { type: 'undoDelete' }))).toMatch(/Nothing to undo/);
  });

  it('keeps at least one cell', () => {
    let s = apply(select(fresh(), '01-intro'), { type: 'extendSelection', delta: 1 }, { type: 'extendSelection', delta: 1 }, { type: 'extendSelection', delta: 1 });
    expect(selectedCells(s)).toHaveLength(4);
    s = apply(s, { type: 'delete' });
    expect(s.cells).toHaveLength(4);
    expect(notice(s)).toMatch(/at least one cell/);
  });

  it('deletes a whole range and brings it back in one undo', () => {
    const s0 = select(fresh(), '02-a');
    const s1 = apply(s0, { type: 'extendSelection', delta: 1 }, { type: 'delete' });
    expect(ids(s1)).toEqual(['01-intro', '04-end']);
    expect(apply(s1, { type: 'undoDelete' }).cells).toEqual(s0.cells);
  });
});

describe('move', () => {
  it('moves the selected cell down and up, and not past the ends', () => {
    const s = apply(select(fresh(), '02-a'), { type: 'move', delta: 1 });
    expect(ids(s)).toEqual(['01-intro', '03-b', '02-a', '04-end']);
    expect(s.selectedId).toBe('02-a');
    const top = select(fresh(), '01-intro');
    expect(apply(top, { type: 'move', delta: -1 })).toBe(top);
  });

  it('moves a selection of two cells together', () => {
    const s = apply(select(fresh(), '02-a'), { type: 'extendSelection', delta: 1 }, { type: 'move', delta: -1 });
    expect(ids(s)).toEqual(['02-a', '03-b', '01-intro', '04-end']);
    expect(selectedCells(s).map((c) => c.id)).toEqual(['02-a', '03-b']);
  });
});

describe('copy, cut, paste', () => {
  it('pastes copies with the fresh ids of the event, below or above', () => {
    let s = apply(select(fresh(), '02-a'), { type: 'copy' }, { type: 'paste', side: 'below', ids: ['new-p'] });
    expect(ids(s)).toEqual(['01-intro', '02-a', 'new-p', '03-b', '04-end']);
    expect(s.cells[2]).toMatchObject({ origin: 'new', source: 'const a = 1;', type: 'code' });
    s = apply(select(s, '01-intro'), { type: 'paste', side: 'above', ids: ['new-q'] });
    expect(ids(s).slice(0, 2)).toEqual(['new-q', '01-intro']);
  });

  it('cuts (undoable) and pastes elsewhere', () => {
    const s1 = apply(select(fresh(), '03-b'), { type: 'cut' });
    expect(ids(s1)).toEqual(['01-intro', '02-a', '04-end']);
    const s2 = apply(select(s1, '01-intro'), { type: 'paste', side: 'above', ids: ['new-c'] });
    expect(s2.cells[0].source).toBe('const b = a + 1;');
    expect(apply(s1, { type: 'undoDelete' }).cells).toEqual(fresh().cells);
  });

  it('has nothing to paste before a copy', () => {
    expect(notice(apply(fresh(), { type: 'paste', side: 'below', ids: ['new-z'] }))).toMatch(/Nothing to paste/);
  });
});

describe('split and merge', () => {
  it('splits at the cursor, the line break at it going to neither half', () => {
    const s0 = apply(fresh(), { type: 'insertCells', index: 2, cells: [newCell('new-s', 'code', 'const x = 1;\nconst y = 2;')] });
    const s = apply(s0, { type: 'split', id: 'new-s', offset: 'const x = 1;\n'.length, newId: 'new-t' });
    expect(s.cells.slice(2, 4).map((c) => [c.id, c.source])).toEqual([
      ['new-s', 'const x = 1;'],
      ['new-t', 'const y = 2;'],
    ]);
    expect(s.selectedId).toBe('new-t');
  });

  it('splitting a lesson cell keeps its id and original', () => {
    const s = apply(fresh(), { type: 'split', id: '03-b', offset: 'const b'.length, newId: 'new-t' });
    expect(s.cells[2]).toMatchObject({ id: '03-b', origin: 'lesson', source: 'const b', original: 'const b = a + 1;' });
    expect(s.cells[3]).toMatchObject({ id: 'new-t', origin: 'new', source: ' = a + 1;' });
  });

  it('merges the selected cell with the one below, joined by a blank line', () => {
    const s = apply(select(fresh(), '02-a'), { type: 'merge' });
    expect(ids(s)).toEqual(['01-intro', '02-a', '04-end']);
    expect(s.cells[1].source).toBe('const a = 1;\n\nconst b = a + 1;');
    expect(notice(apply(select(fresh(), '04-end'), { type: 'merge' }))).toMatch(/last cell/);
  });

  it('never splits, merges or retypes foreign code', () => {
    const foreign = newCell('new-py', 'code', 'print(1)', { language: 'python', raw: { cell_type: 'code', source: 'print(1)' } });
    const s0 = select(apply(fresh(), { type: 'insertCells', index: 1, cells: [foreign] }), 'new-py');
    for (const event of [{ type: 'split', id: 'new-py', offset: 2, newId: 'new-q' }, { type: 'merge' }, { type: 'retype', cellType: 'markdown' }] as StructureEvent[]) {
      const s = apply(s0, event);
      expect(s.cells).toEqual(s0.cells);
      expect(notice(s)).toMatch(/python code from an imported notebook/);
    }
  });
});

describe('retype', () => {
  it('turns a lesson code cell into markdown, keeping id and original, and it then differs from the lesson', () => {
    const s = apply(select(fresh(), '02-a'), { type: 'retype', cellType: 'markdown' });
    expect(s.cells[1]).toMatchObject({ id: '02-a', type: 'markdown', original: 'const a = 1;', outputs: [], execCount: null });
    expect(lessonDiff(s.cells, lesson())).toEqual({ edited: 1, added: 0, deleted: 0, moved: false });
    expect(changeCount(lessonDiff(fresh().cells, lesson()))).toBe(0);
  });
});

describe('selection', () => {
  it('extends down then back up, and a plain select ends the range', () => {
    let s = apply(select(fresh(), '02-a'), { type: 'extendSelection', delta: 1 }, { type: 'extendSelection', delta: 1 });
    expect(selectedCells(s).map((c) => c.id)).toEqual(['02-a', '03-b', '04-end']);
    s = apply(s, { type: 'extendSelection', delta: -1 }, { type: 'extendSelection', delta: -1 });
    expect([s.selectedId, s.anchorId]).toEqual(['02-a', null]);
    s = apply(s, { type: 'extendSelection', delta: -1 });
    expect(selectedCells(s).map((c) => c.id)).toEqual(['01-intro', '02-a']);
    expect(selectedCells(select(s, '04-end')).map((c) => c.id)).toEqual(['04-end']);
  });
});

describe('toggleOutput', () => {
  it('hides and shows the selected cell\'s outputs', () => {
    const s = apply(select(fresh(), '02-a'), { type: 'toggleOutput' });
    expect(s.hiddenOutputs).toEqual(['02-a']);
    expect(apply(s, { type: 'toggleOutput' }).hiddenOutputs).toEqual([]);
  });
});

describe('revertStructure', () => {
  it('gives the lesson again: order, text, types; new cells gone; deleted ones back', () => {
    let s = select(fresh(), '02-a');
    s = apply(s, { type: 'insert', side: 'below', id: 'new-1', cellType: 'code', source: 'x' }, { type: 'move', delta: -1 });
    s = apply(select(s, '04-end'), { type: 'delete' });
    s = apply(select(s, '03-b'), { type: 'retype', cellType: 'markdown' });
    s = notebookReducer(s, { type: 'cell', id: '01-intro', event: { type: 'edit', source: 'mine' } });
    expect(lessonDiff(s.cells, lesson())).toEqual({ edited: 2, added: 1, deleted: 1, moved: false });
    const r = apply(s, { type: 'revertStructure', lesson: lesson() });
    expect(r.cells).toEqual(lesson());
    expect(r.deleted).toEqual([]);
  });
});

// Property tests: random sequences of structure events keep the invariants.
type Step = StructureEvent | { type: 'pick'; index: number } | { type: 'insertSome'; index: number; count: number; clash: boolean };
const step: fc.Arbitrary<Step> = fc.oneof(
  ...structureEventSteps,
  fc.constant({ type: 'toggleOutput' as const }),
  // An import's cells, sometimes with an id the notebook has (refused).
  fc.record({ type: fc.constant('insertSome' as const), index: fc.nat(20), count: fc.integer({ min: 1, max: 3 }), clash: fc.boolean() }),
);

/** Fills in the ids a caller would draw, and the cell a split acts on. */
function concrete(s: NotebookState, st: Step, draw: () => string): StructureEvent | { type: 'pick'; id: string } {
  switch (st.type) {
    case 'insert':
      return { ...st, id: draw() };
    case 'paste':
      return { ...st, ids: s.clipboard.map(draw) };
    case 'split':
      return { ...st, id: s.selectedId ?? '', newId: draw() };
    case 'pick':
      return { type: 'pick', id: s.cells[st.index % s.cells.length].id };
    case 'insertSome': {
      const cells = Array.from({ length: st.count }, () => newCell(draw(), 'code', 'x'));
      if (st.clash) cells[0] = newCell(s.cells[st.index % s.cells.length].id, 'code');
      return { type: 'insertCells', index: st.index, cells };
    }
    default:
      return st;
  }
}

function runSteps(steps: Step[], check: (before: NotebookState, after: NotebookState, event: StructureEvent | { type: 'pick'; id: string }) => void): NotebookState {
  let n = 0;
  const draw = (): string => `new-${(n++).toString(36).padStart(10, '0')}`;
  let s = fresh();
  for (const st of steps) {
    const event = concrete(s, st, draw);
    const next = event.type === 'pick' ? select(s, event.id) : apply(s, event);
    check(s, next, event);
    s = next;
  }
  return s;
}

describe('any sequence of structure changes', () => {
  it('keeps ids unique and the selection (and anchor) on existing cells', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        runSteps(steps, (_, s) => {
          expect(new Set(ids(s)).size).toBe(s.cells.length);
          expect(s.cells.length).toBeGreaterThan(0);
          expect(ids(s)).toContain(s.selectedId);
          if (s.anchorId !== null) expect(ids(s)).toContain(s.anchorId);
          for (const id of s.hiddenOutputs) expect(ids(s)).toContain(id);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('undo right after a delete or cut restores the exact previous cell list', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        runSteps(steps, (before, after, event) => {
          if ((event.type === 'delete' || event.type === 'cut') && after.cells !== before.cells) {
            expect(apply(after, { type: 'undoDelete' }).cells).toEqual(before.cells);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('revertStructure gives the lesson, whatever came before', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const s = runSteps(steps, () => undefined);
        const r = apply(s, { type: 'revertStructure', lesson: lesson() });
        expect(r.cells.map((c) => [c.id, c.type, c.source, c.original])).toEqual(lesson().map((c) => [c.id, c.type, c.source, c.original]));
        expect(changeCount(lessonDiff(r.cells, lesson()))).toBe(0);
        expect(ids(r)).toContain(r.selectedId);
      }),
      { numRuns: 200 },
    );
  });
});
