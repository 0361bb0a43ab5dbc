// Tests of received code: untrusted until trusted, blocked from running, the student's edits kept, imports undone exactly.
import { describe, expect, it } from 'vitest';
import { blockedNotice, cellReducer, newCellState, type CellState, type ExternalOrigin } from '../cellState';
import { contentHash } from '../contentHash';
import { initialNotebookState, notebookReducer, type NotebookEvent, type NotebookState } from '../notebookState';
import { createRunner } from '../runner';
import { createStore } from '../store';
import { createFakeHost } from '../testing/fakeHost';
import type { SourceCell } from '../types';
import { changedSinceImport, coveredBy, shownCode, summarizeReceive, untrustedCells, type ReceivedEvent } from './received';

const lesson: SourceCell[] = [
  { id: '01-intro', type: 'markdown', source: '# Intro\n', group: 1 },
  { id: '02-a', type: 'code', source: 'print("a")\n', group: 2 },
  { id: '03-b', type: 'code', source: 'print("b")\n', group: 3 },
];

const fresh = (): NotebookState => initialNotebookState(lesson.map((c) => newCellState(c)));
const received = (event: ReceivedEvent): NotebookEvent => ({ type: 'received', event });
/** An event, or one made from the state it applies to (trusting names the code shown at that moment). */
type Step = NotebookEvent | ((state: NotebookState) => NotebookEvent);
const apply = (state: NotebookState, ...steps: Step[]): NotebookState => steps.reduce((s, step) => notebookReducer(s, typeof step === 'function' ? step(s) : step), state);
/** Trust as the banner clicks it: covering exactly the untrusted code of `origin` shown now. */
const trusting = (origin: ExternalOrigin) => (s: NotebookState): NotebookEvent => received({ type: 'trust', origin, shown: shownCode(untrustedCells(s, origin)) });
const edit = (id: string, source: string): NotebookEvent => ({ type: 'cell', id, event: { type: 'edit', source } });
const cell = (s: NotebookState, id: string): CellState => s.cells.find((c) => c.id === id) as CellState;
const fromLink = (cells: { id: string; source: string }[]): NotebookEvent => received({ type: 'receive', origin: 'link', cells });

describe('cellReducer on received code', () => {
  const code = newCellState(lesson[1]);
  it('shows received code as untrusted, remembering what it replaced', () => {
    const next = cellReducer(code, { type: 'receive', source: 'evil()', origin: 'link' });
    expect([next.source, next.untrusted]).toEqual(['evil()', { origin: 'link', displaced: 'print("a")' }]);
  });
  it('takes code equal to the cell\'s own text as its own (nothing to trust)', () => {
    expect(cellReducer(code, { type: 'receive', source: 'print("a")', origin: 'link' })).toBe(code);
  });
  it('keeps the first displaced text when a second link arrives on top of an untrusted one', () => {
    const twice = [
      { type: 'receive', source: 'one()', origin: 'link' },
      { type: 'receive', source: 'two()', origin: 'import' },
    ] as const;
    const next = twice.reduce(cellReducer, code);
    expect([next.source, next.untrusted]).toEqual(['two()', { origin: 'import', displaced: 'print("a")' }]);
  });
  it.each<[string, CellState]>([
    ['typing', cellReducer(cellReducer(code, { type: 'receive', source: 'x()', origin: 'link' }), { type: 'edit', source: 'typed' })],
    ['opening the editor', cellReducer(cellReducer(code, { type: 'receive', source: 'x()', origin: 'link' }), { type: 'openEditor' })],
  ])('ignores %s while untrusted (read-only)', (_what, after) => {
    expect([after.source, after.editing]).toEqual(['x()', false]);
  });
  it('blocks an untrusted cell with a notice naming where the code came from; trusting clears it', () => {
    const blocked = [{ type: 'receive', source: 'x()', origin: 'import' }, { type: 'queue' }, { type: 'block' }] as const;
    const after = blocked.reduce(cellReducer, code);
    expect([after.status, after.notice]).toEqual(['idle', blockedNotice('import')]);
    expect(blockedNotice('import')).toContain('imported file');
    expect(cellReducer(after, { type: 'trust' }).notice).toBeNull();
  });
  it('does not block a trusted cell', () => {
    expect(cellReducer(code, { type: 'block' })).toBe(code);
  });
  it('reverts untrusted code to the lesson', () => {
    const after = cellReducer(cellReducer(code, { type: 'receive', source: 'x()', origin: 'link' }), { type: 'revert' });
    expect([after.source, after.untrusted]).toEqual(['print("a")', null]);
  });
});

describe('summarizeReceive', () => {
  it('lists changed cells, the student\'s own edits it displaces, and ids the lesson does not have', () => {
    const s = apply(fresh(), edit('03-b', 'mine()'));
    const summary = summarizeReceive(s.cells, [
      { id: '02-a', source: 'new()' },
      { id: '03-b', source: 'theirs()' },
      { id: '01-intro', source: '# Intro' },
      { id: '99-gone', source: 'x' },
    ]);
    expect(summary).toEqual({ changed: ['02-a', '03-b'], keptOwn: ['03-b'], unknown: ['99-gone'] });
  });
});

describe('shownCode', () => {
  it('tells apart every change of ids, kinds or sources, however the texts are cut', () => {
    const a = apply(fresh(), fromLink([{ id: '02-a', source: 'x","y' }]));
    const b = apply(fresh(), fromLink([{ id: '02-a', source: 'x' }, { id: '03-b', source: 'y' }]));
    const codes = [fresh(), a, b].map((s) => shownCode(untrustedCells(s, 'link')));
    expect(new Set(codes).size).toBe(3);
    expect(shownCode(untrustedCells(a, 'link'))).toBe(shownCode(untrustedCells(apply(fresh(), fromLink([{ id: '02-a', source: 'x","y' }])), 'link')));
  });
});

describe('coveredBy', () => {
  const both = apply(fresh(), fromLink([{ id: '02-a', source: 'x()' }, { id: '03-b', source: 'y()' }]));
  const shown = shownCode(untrustedCells(both, 'link'));
  it('holds for what was shown and for part of it (a cell reverted since)', () => {
    expect(coveredBy(untrustedCells(both, 'link'), shown)).toBe(true);
    const reverted = apply(both, { type: 'cell', id: '03-b', event: { type: 'revert' } });
    expect(coveredBy(untrustedCells(reverted, 'link'), shown)).toBe(true);
  });
  it('fails for a cell added or a source changed', () => {
    const one = apply(fresh(), fromLink([{ id: '02-a', source: 'x()' }]));
    expect(coveredBy(untrustedCells(both, 'link'), shownCode(untrustedCells(one, 'link')))).toBe(false);
    const changed = apply(both, fromLink([{ id: '03-b', source: 'z()' }]));
    expect(coveredBy(untrustedCells(changed, 'link'), shown)).toBe(false);
  });
});

describe('receivedReducer', () => {
  it('trusting makes the code the student\'s own and keeps their displaced edit aside', () => {
    const s = apply(fresh(), edit('03-b', 'mine()'), fromLink([{ id: '02-a', source: 'new()' }, { id: '03-b', source: 'theirs()' }]));
    expect(untrustedCells(s, 'link').map((c) => c.id)).toEqual(['02-a', '03-b']);
    const t = apply(s, trusting('link'));
    expect(untrustedCells(t, 'link')).toEqual([]);
    expect(cell(t, '02-a')).toMatchObject({ source: 'new()', untrusted: null, aside: null });
    expect(cell(t, '03-b')).toMatchObject({ source: 'theirs()', aside: { source: 'mine()', originalHash: contentHash('print("b")') } });
  });
  it('trusting moves an older kept-aside edit to the orphans instead of dropping it', () => {
    const withAside = fresh();
    withAside.cells[2] = { ...withAside.cells[2], aside: { source: 'older()', originalHash: 'old-hash' } };
    const t = apply(withAside, edit('03-b', 'mine()'), fromLink([{ id: '03-b', source: 'theirs()' }]), trusting('link'));
    expect(cell(t, '03-b').aside?.source).toBe('mine()');
    expect(Object.values(t.orphans)).toEqual([{ source: 'older()', originalHash: 'old-hash' }]);
  });
  it('trusts nothing when the code differs from what the reader was shown (a cell added, a source changed)', () => {
    const shownOne = apply(fresh(), fromLink([{ id: '02-a', source: 'seen()' }]));
    const shown = shownCode(untrustedCells(shownOne, 'link'));
    const added = apply(shownOne, fromLink([{ id: '03-b', source: 'hidden()' }]));
    expect(apply(added, received({ type: 'trust', origin: 'link', shown }))).toBe(added);
    const swapped = apply(shownOne, fromLink([{ id: '02-a', source: 'swapped()' }]));
    expect(apply(swapped, received({ type: 'trust', origin: 'link', shown }))).toBe(swapped);
    // The same code as shown is trusted, and only that origin's.
    expect(untrustedCells(apply(shownOne, received({ type: 'trust', origin: 'link', shown })), 'link')).toEqual([]);
  });
  it('discarding puts back exactly what each cell held', () => {
    const s = apply(fresh(), edit('03-b', 'mine()'));
    const d = apply(s, fromLink([{ id: '02-a', source: 'new()' }, { id: '03-b', source: 'theirs()' }]), received({ type: 'discard', origin: 'link' }));
    expect(d.cells.map((c) => [c.source, c.untrusted, c.aside])).toEqual(s.cells.map((c) => [c.source, null, null]));
  });
  it('trusts or discards only the origin asked for', () => {
    const s = apply(
      fresh(),
      fromLink([{ id: '02-a', source: 'link()' }]),
      received({ type: 'receive', origin: 'import', cells: [{ id: '03-b', source: 'file()' }], importName: 'f.ipynb' }),
      trusting('import'),
    );
    expect([cell(s, '02-a').untrusted?.origin, cell(s, '03-b').untrusted]).toEqual(['link', null]);
  });
  it('leaves the state untouched when nothing changes (the same link opened twice)', () => {
    const once = apply(fresh(), fromLink([{ id: '02-a', source: 'new()' }]));
    expect(apply(once, fromLink([{ id: '02-a', source: 'new()' }]))).toBe(once);
  });

  describe('undo of an import', () => {
    const importing = received({ type: 'receive', origin: 'import', cells: [{ id: '02-a', source: 'file()' }, { id: '03-b', source: 'other()' }], importName: 'work.ipynb' });
    it('restores the cells, their kept edits and the orphans exactly, even after trusting', () => {
      const before = apply(fresh(), edit('03-b', 'mine()'));
      const after = apply(before, importing, trusting('import'));
      expect(cell(after, '03-b').aside?.source).toBe('mine()');
      const undone = apply(after, received({ type: 'undoImport' }));
      expect(undone.cells.map((c) => [c.source, c.untrusted, c.aside])).toEqual(before.cells.map((c) => [c.source, c.untrusted, c.aside]));
      expect([undone.orphans, undone.lastImport]).toEqual([before.orphans, null]);
    });
    it('names the cells changed since the import (what Undo would also undo)', () => {
      const s = apply(fresh(), importing);
      expect(changedSinceImport(s)).toEqual([]);
      expect(changedSinceImport(apply(s, trusting('import')))).toEqual(['02-a', '03-b']);
    });
    it('keeps nothing to undo when the import changed nothing, and forgets it on request', () => {
      const same = received({ type: 'receive', origin: 'import', cells: [{ id: '02-a', source: 'print("a")' }], importName: 'same.ipynb' });
      expect(apply(fresh(), same).lastImport).toBeNull();
      expect(apply(fresh(), importing, received({ type: 'forgetImport' })).lastImport).toBeNull();
    });
  });
});

describe('createRunner with untrusted cells', () => {
  it('never hands untrusted code to the kernel: Run all runs the rest and marks it blocked', async () => {
    const store = createStore(notebookReducer, apply(fresh(), fromLink([{ id: '02-a', source: 'evil()' }])));
    const host = createFakeHost(async () => 'ok');
    const runner = createRunner(host, store);
    runner.run(['02-a', '03-b']);
    await runner.idle();
    expect(host.calls).toEqual(['run:03-b']);
    expect(cell(store.getState(), '02-a')).toMatchObject({ status: 'idle', notice: blockedNotice('link'), outputs: [] });
    store.dispatch(trusting('link')(store.getState()));
    runner.run(['02-a']);
    await runner.idle();
    expect(host.calls).toEqual(['run:03-b', 'run:02-a']);
    expect(cell(store.getState(), '02-a').status).toBe('done');
  });
});
