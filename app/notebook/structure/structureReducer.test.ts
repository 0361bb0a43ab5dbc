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
    const u1 = apply(s2, { type: 'undo' });
    expect(u1.cells).toEqual(s1.cells);
    expect(u1.selectedId).toBe('03-b');
    const u2 = apply(u1, { type: 'undo' });
    expect(u2.cells).toEqual(s0.cells);
    expect(notice(apply(u2, { type: 'undo' }))).toMatch(/Nothing to undo/);
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
    expect(apply(s1, { type: 'undo' }).cells).toEqual(s0.cells);
  });
});

/** `id` run once, its output the text `out`. */
const ran = (s: NotebookState, id: string, out: string): NotebookState =>
  [
    { type: 'startRun', id },
    { type: 'cell', id, event: { type: 'output', message: { output: { kind: 'text', text: out } } } },
    { type: 'cell', id, event: { type: 'finish', status: 'ok' } },
  ].reduce<NotebookState>((acc, e) => notebookReducer(acc, e as Parameters<typeof notebookReducer>[1]), s);

/** The lesson with both code cells run (outputs `a` and `b`) and 03-b's output folded away (`O`). */
function ranAndFolded(): NotebookState {
  const s = ran(ran(fresh(), '02-a', 'a'), '03-b', 'b');
  return apply(select(s, '03-b'), { type: 'toggleOutput' });
}

const view = (s: NotebookState) => ({ cells: s.cells, selectedId: s.selectedId, anchorId: s.anchorId, hiddenOutputs: [...s.hiddenOutputs].sort() });

describe('undo a merge', () => {
  it('gives back both cells exactly: ids, text, types, outputs, folded output and selection', () => {
    // 02-a (code, output a) with 03-b below it (code, output b, folded away).
    const s0 = select(ranAndFolded(), '02-a');
    const merged = apply(s0, { type: 'merge' });
    expect(ids(merged)).toEqual(['01-intro', '02-a', '04-end']);
    expect(merged.hiddenOutputs).toEqual([]);
    const u = apply(merged, { type: 'undo' });
    expect(view(u)).toEqual(view(s0));
    expect(u.cells[2]).toMatchObject({ id: '03-b', source: 'const b = a + 1;', outputs: [{ output: { kind: 'text', text: 'b' } }] });
    expect(u.undoStack).toEqual([]);
  });

  it('gives back a markdown cell merged into the code above it as markdown, and a range selection as it was', () => {
    // 01-intro is markdown: the merged cell takes the first one's type, so undo must give 02-a back as code.
    const s0 = apply(select(fresh(), '01-intro'), { type: 'extendSelection', delta: 1 }, { type: 'extendSelection', delta: 1 });
    const merged = apply(s0, { type: 'merge' });
    expect(merged.cells.map((c) => [c.id, c.type])).toEqual([['01-intro', 'markdown'], ['04-end', 'markdown']]);
    const u = apply(merged, { type: 'undo' });
    expect(u.cells).toEqual(s0.cells);
    expect(u.cells.map((c) => c.type)).toEqual(['markdown', 'code', 'code', 'markdown']);
    expect([u.selectedId, u.anchorId]).toEqual(['03-b', '01-intro']);
  });

  it('is one level of the same stack as deletions, undone in turn, latest first', () => {
    const s0 = select(ranAndFolded(), '01-intro');
    const s1 = apply(s0, { type: 'delete' });
    const s2 = apply(select(s1, '02-a'), { type: 'merge' });
    const s3 = apply(s2, { type: 'cut' });
    expect(ids(s3)).toEqual(['04-end']);
    expect(s3.undoStack.map((step) => step.kind)).toEqual(['delete', 'merge', 'delete']);
    const u1 = apply(s3, { type: 'undo' });
    expect(u1.cells).toEqual(s2.cells);
    const u2 = apply(u1, { type: 'undo' });
    expect(u2.cells).toEqual(s1.cells);
    const u3 = apply(u2, { type: 'undo' });
    expect(u3.cells).toEqual(s0.cells);
    expect(notice(apply(u3, { type: 'undo' }))).toBe('Nothing to undo: no cell was deleted or merged');
  });

  it('finds the merged cell where it was moved to', () => {
    const s0 = select(fresh(), '02-a');
    const moved = apply(s0, { type: 'merge' }, { type: 'move', delta: -1 });
    expect(ids(moved)).toEqual(['02-a', '01-intro', '04-end']);
    expect(ids(apply(moved, { type: 'undo' }))).toEqual(['02-a', '03-b', '01-intro', '04-end']);
  });

  it('refuses while the merged cell holds an edit it would lose, and works once the text is back', () => {
    const merged = apply(select(fresh(), '02-a'), { type: 'merge' });
    const joined = merged.cells[1].source;
    const edited = notebookReducer(merged, { type: 'cell', id: '02-a', event: { type: 'edit', source: `${joined}\nmine` } });
    const refused = apply(edited, { type: 'undo' });
    expect(refused.cells).toEqual(edited.cells);
    expect(notice(refused)).toBe('Cannot undo the merge of cells 02-a, 03-b: cell 02-a was changed since, and undoing the merge would lose that change');
    expect(refused.undoStack).toHaveLength(1);
    const back = notebookReducer(refused, { type: 'cell', id: '02-a', event: { type: 'edit', source: joined } });
    expect(ids(apply(back, { type: 'undo' }))).toEqual(ids(fresh()));
  });

  it('refuses while the merged cell runs, or once it was retyped', () => {
    const merged = apply(select(fresh(), '02-a'), { type: 'merge' });
    const running = notebookReducer(merged, { type: 'startRun', id: '02-a' });
    expect(apply(running, { type: 'undo' }).cells).toEqual(running.cells);
    expect(notice(apply(running, { type: 'undo' }))).toMatch(/Cell 02-a is running/);
    const retyped = apply(merged, { type: 'retype', cellType: 'markdown' });
    expect(notice(apply(retyped, { type: 'undo' }))).toMatch(/cell 02-a was changed since/);
  });

  it('drops the step, saying so, when the merged cell went another way (another tab), so the deletion before it can be undone', () => {
    const s0 = select(fresh(), '01-intro');
    const s1 = apply(s0, { type: 'delete' });
    const merged = apply(select(s1, '02-a'), { type: 'merge' });
    // Another tab's list, without the merged cell.
    const gone = notebookReducer(merged, { type: 'adoptCells', cells: merged.cells.filter((c) => c.id !== '02-a') });
    const refused = apply(gone, { type: 'undo' });
    expect(notice(refused)).toBe('Cannot undo the merge of cells 02-a, 03-b: cell 02-a is no longer in the notebook');
    expect(refused.cells).toEqual(gone.cells);
    expect(ids(apply(refused, { type: 'undo' }))).toEqual(['01-intro', '04-end']);
  });

  it('does not double a merged-away cell that came back another way', () => {
    const merged = apply(select(fresh(), '02-a'), { type: 'merge' });
    const lesson03 = lesson()[2];
    const imported = apply(merged, { type: 'insertCells', index: 3, cells: [lesson03] });
    const u = apply(imported, { type: 'undo' });
    expect(ids(u)).toEqual(['01-intro', '02-a', '04-end', '03-b']);
    expect(u.cells[1].source).toBe('const a = 1;');
  });

  it('leaves the stack alone when a merge is refused', () => {
    const s = apply(select(fresh(), '04-end'), { type: 'merge' });
    expect(s.undoStack).toEqual([]);
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
    expect(apply(s1, { type: 'undo' }).cells).toEqual(fresh().cells);
  });

  it('moves a cut lesson cell on its first paste: same id, origin and original, and Undo delete has no second copy to give', () => {
    const cut = apply(select(fresh(), '03-b'), { type: 'cut' });
    expect(cut.undoStack).toHaveLength(1);
    const moved = apply(select(cut, '01-intro'), { type: 'paste', side: 'above', ids: ['new-c'] });
    expect(ids(moved)).toEqual(['03-b', '01-intro', '02-a', '04-end']);
    expect(moved.cells[0]).toEqual(fresh().cells[2]);
    // Only moved: nothing deleted, nothing new.
    expect(lessonDiff(moved.cells, lesson())).toEqual({ edited: 0, added: 0, deleted: 0, moved: true });
    expect(moved.undoStack).toEqual([]);
    expect(ids(apply(moved, { type: 'undo' }))).toEqual(ids(moved));
    // A second paste of the same cut is a copy.
    const again = apply(moved, { type: 'paste', side: 'below', ids: ['new-d'] });
    expect(ids(again)).toEqual(['03-b', 'new-d', '01-intro', '02-a', '04-end']);
    expect(again.cells[1]).toMatchObject({ origin: 'new', source: 'const b = a + 1;' });
  });

  it('takes only the pasted cut off the undo stack: a later deletion stays undoable', () => {
    let s = apply(select(fresh(), '03-b'), { type: 'cut' });
    s = apply(select(s, '04-end'), { type: 'delete' });
    s = apply(s, { type: 'paste', side: 'below', ids: ['new-c'] });
    expect(ids(s)).toEqual(['01-intro', '02-a', '03-b']);
    expect(s.undoStack).toHaveLength(1);
    // 04-end comes back at the index it had when deleted (third).
    expect(ids(apply(s, { type: 'undo' }))).toEqual(['01-intro', '02-a', '04-end', '03-b']);
  });

  it('pastes a copy as new cells even when the copied cell was deleted since, and a cut undone by Z as a copy', () => {
    const copied = apply(select(fresh(), '03-b'), { type: 'copy' }, { type: 'delete' }, { type: 'paste', side: 'below', ids: ['new-c'] });
    expect(ids(copied)).toEqual(['01-intro', '02-a', '04-end', 'new-c']);
    expect(copied.undoStack).toHaveLength(1);
    const undone = apply(select(fresh(), '03-b'), { type: 'cut' }, { type: 'undo' }, { type: 'paste', side: 'below', ids: ['new-c'] });
    expect(ids(undone)).toEqual(['01-intro', '02-a', '03-b', 'new-c', '04-end']);
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
    expect(r.undoStack).toEqual([]);
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

  it('undo right after a delete, cut or merge restores the exact previous cell list (and a merge the selection)', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        runSteps(steps, (before, after, event) => {
          if (['delete', 'cut', 'merge'].includes(event.type) && after.cells !== before.cells) {
            const undone = apply(after, { type: 'undo' });
            expect(undone.cells).toEqual(before.cells);
            if (event.type === 'merge') expect(view(undone)).toEqual(view(before));
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  // Only the steps Z undoes, and those that change no cell (selection, copy), from cells with outputs and a folded one.
  const undoable = fc.oneof(
    fc.constant<StructureEvent>({ type: 'delete' }),
    fc.constant<StructureEvent>({ type: 'cut' }),
    fc.constant<StructureEvent>({ type: 'merge' }),
    fc.constant<StructureEvent>({ type: 'copy' }),
    fc.record({ type: fc.constant('extendSelection' as const), delta: fc.constantFrom<-1 | 1>(-1, 1) }),
    fc.record({ type: fc.constant('pick' as const), index: fc.nat(20) }),
  );

  it('any sequence of deletes, cuts and merges, then undoing all of them, gives back the start exactly', () => {
    fc.assert(
      fc.property(fc.array(undoable, { maxLength: 30 }), (steps) => {
        const start = ranAndFolded();
        let s = start;
        for (const st of steps) s = st.type === 'pick' ? select(s, s.cells[st.index % s.cells.length].id) : apply(s, st);
        const levels = s.undoStack.length;
        for (let i = 0; i < levels; i++) s = apply(s, { type: 'undo' });
        expect(s.undoStack).toEqual([]);
        expect(s.cells).toEqual(start.cells);
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
