// Tests of when the autosave has something to save, and of two tabs saving into one storage.
import { describe, expect, it } from 'vitest';
import { cellReducer, newCellState } from './cellState';
import { initialNotebookState, notebookReducer } from './notebookState';
import { editsKey, emptyEdits, restoreCells, type KeyValueStore } from './storage';
import { createStore } from './store';
import { newCell } from './structure/cells';
import type { SourceCell } from './types';
import { shownCode, untrustedCells } from './share/received';
import { createAutosave, editsChanged, otherTabConflictNoticeId, otherTabNoticeId, readSaved } from './useAutosave';

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

const lesson: SourceCell[] = [
  { id: '01-a', type: 'code', source: 'a', group: 1 },
  { id: '02-b', type: 'code', source: 'b', group: 2 },
];

function memoryStore(): KeyValueStore & { writes: number } {
  const data = new Map<string, string>();
  const store = {
    writes: 0,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => {
      store.writes += 1;
      data.set(k, v);
    },
    removeItem: (k: string) => void data.delete(k),
  };
  return store;
}

/** A tab: the notebook as the page would restore it from `kv`, and its autosave. */
function openTab(kv: KeyValueStore) {
  const saved = readSaved(kv);
  if (!saved) throw new Error('test storage unreadable');
  const store = createStore(notebookReducer, initialNotebookState(restoreCells(lesson, saved).cells));
  const autosave = createAutosave(store, kv, lesson);
  const edit = (id: string, source: string): void => {
    store.dispatch({ type: 'cell', id, event: { type: 'edit', source } });
    autosave.noteChange(store.getState().cells);
  };
  /** The student's list of cells changed to `ids` (a `new-*` id not here yet is a new code cell). */
  const restructure = (...ids: string[]): void => {
    const here = new Map(store.getState().cells.map((c) => [c.id, c]));
    store.dispatch({ type: 'adoptCells', cells: ids.map((id) => here.get(id) ?? newCell(id, 'code')) });
    expect(autosave.noteChange(store.getState().cells)).toBe(true);
  };
  /** Insert below `after`, as the notebook's button does. */
  const insertBelow = (after: string, id: string): void => {
    store.dispatch({ type: 'select', id: after });
    store.dispatch({ type: 'structure', event: { type: 'insert', side: 'below', id, cellType: 'code' } });
    expect(autosave.noteChange(store.getState().cells)).toBe(true);
  };
  const sources = (): string[] => store.getState().cells.map((c) => c.source);
  const shown = (): string[] => store.getState().cells.map((c) => `${c.id}: ${c.source}`);
  const notice = (id: string) => store.getState().notices.find((n) => n.id === id);
  return { store, autosave, edit, restructure, insertBelow, sources, shown, notice };
}

const savedSources = (kv: KeyValueStore): Record<string, string> => Object.fromEntries(Object.entries(readSaved(kv)?.edits ?? {}).map(([id, e]) => [id, e.source]));

describe('readSaved', () => {
  it.each<[string, KeyValueStore, ReturnType<typeof readSaved>]>([
    ['nothing saved: no edits', { ...memoryStore() }, { version: 1, edits: {}, aside: {} }],
    ['not JSON: unreadable', { ...memoryStore(), getItem: () => '{oops' }, null],
    ['another schema: unreadable', { ...memoryStore(), getItem: () => '{"version":2}' }, null],
    ['storage throwing: unreadable', { ...memoryStore(), getItem: (): never => { throw new DOMException('denied', 'SecurityError'); } }, null],
  ])('%s', (_, kv, expected) => {
    expect(readSaved(kv)).toEqual(expected);
  });
});

describe('createAutosave', () => {
  it('saves a tab\'s edit so that a tab opened later restores it', () => {
    const kv = memoryStore();
    const tab = openTab(kv);
    tab.edit('02-b', 'saved');
    expect(tab.autosave.sync()).toBe(true);
    expect(openTab(kv).sources()).toEqual(['a', 'saved']);
  });

  it('two tabs editing different cells: each save keeps the other tab\'s edit, and each tab shows both, saying so', () => {
    const kv = memoryStore();
    const [one, two] = [openTab(kv), openTab(kv)];
    one.edit('01-a', 'a from one');
    one.autosave.sync();
    two.edit('02-b', 'b from two');
    two.autosave.sync();
    expect(savedSources(kv)).toEqual({ '01-a': 'a from one', '02-b': 'b from two' });
    expect(two.sources()).toEqual(['a from one', 'b from two']);
    expect(two.notice(otherTabNoticeId)?.text).toBe('This notebook was edited in another tab: cell 01-a now shows the edits made there.');
    one.autosave.sync(); // the storage event of two's save
    expect(one.sources()).toEqual(['a from one', 'b from two']);
    expect(one.notice(otherTabConflictNoticeId)).toBeUndefined();
  });

  it('two tabs editing the same cell: the later one is told, storage keeps the earlier save until it chooses', () => {
    const kv = memoryStore();
    const [one, two] = [openTab(kv), openTab(kv)];
    one.edit('01-a', 'a from one');
    one.autosave.sync();
    two.edit('01-a', 'a from two');
    two.edit('02-b', 'b from two');
    two.autosave.sync();
    expect(savedSources(kv)).toEqual({ '01-a': 'a from one', '02-b': 'b from two' });
    expect(two.sources()).toEqual(['a from two', 'b from two']);
    const conflict = two.notice(otherTabConflictNoticeId);
    expect(conflict?.text).toMatch(/^This notebook was edited in another tab too: cell 01-a differs there and here\./);
    expect(conflict?.actions?.map((a) => a.label)).toEqual(['Load their edits', 'Keep mine']);
    // Saving again (another edit, leaving the page) does not overwrite either version.
    two.edit('02-b', 'b again');
    two.autosave.sync();
    expect(savedSources(kv)).toEqual({ '01-a': 'a from one', '02-b': 'b again' });
    expect(two.notice(otherTabConflictNoticeId)).toBeDefined();
  });

  it.each([
    ['Keep mine', 'keepMine', 'a from two'],
    ['Load their edits', 'loadTheirs', 'a from one'],
  ] as const)('%s settles the conflict: storage and this tab hold that version, and the other tab follows', (_, answer, kept) => {
    const kv = memoryStore();
    const [one, two] = [openTab(kv), openTab(kv)];
    one.edit('01-a', 'a from one');
    one.autosave.sync();
    two.edit('01-a', 'a from two');
    two.autosave.sync();
    two.autosave[answer]();
    expect(savedSources(kv)).toEqual({ '01-a': kept });
    expect(two.sources()[0]).toBe(kept);
    expect(two.notice(otherTabConflictNoticeId)).toBeUndefined();
    one.autosave.sync();
    expect(one.sources()[0]).toBe(kept);
  });

  it('a cell inserted and typed into in one tab shows in the other, which says so, and in a tab opened later', () => {
    const kv = memoryStore();
    const [one, two] = [openTab(kv), openTab(kv)];
    one.insertBelow('01-a', 'new-1');
    one.edit('new-1', 'const z = 1;');
    one.autosave.sync();
    two.autosave.sync(); // the storage event of one's save
    expect(two.shown()).toEqual(['01-a: a', 'new-1: const z = 1;', '02-b: b']);
    expect(two.notice(otherTabNoticeId)?.text).toBe('This notebook was edited in another tab: a new cell and the list of cells (added, deleted or moved ones) now show the edits made there.');
    expect(two.notice(otherTabConflictNoticeId)).toBeUndefined();
    expect(openTab(kv).shown()).toEqual(two.shown());
  });

  it('a tab typing in a cell of its own keeps the other tab\'s new cells, and the other tab gets its edit', () => {
    const kv = memoryStore();
    const [one, two] = [openTab(kv), openTab(kv)];
    one.restructure('new-1', '01-a', '02-b');
    one.edit('new-1', 'mine');
    one.autosave.sync();
    two.edit('02-b', 'b from two');
    two.autosave.sync();
    expect(two.shown()).toEqual(['new-1: mine', '01-a: a', '02-b: b from two']);
    one.autosave.sync();
    expect(one.shown()).toEqual(two.shown());
    expect(openTab(kv).shown()).toEqual(two.shown());
  });

  it('asks when one tab deletes a cell the other edited; Keep mine brings it back in both, with its edit', () => {
    const kv = memoryStore();
    const [one, two] = [openTab(kv), openTab(kv)];
    one.restructure('02-b');
    one.autosave.sync();
    two.edit('01-a', 'a from two');
    two.autosave.sync();
    expect(two.shown()).toEqual(['01-a: a from two', '02-b: b']);
    expect(two.notice(otherTabConflictNoticeId)?.text).toMatch(/^This notebook was edited in another tab too: the list of cells \(added, deleted or moved ones\) differs there and here\./);
    // Until two chooses, storage keeps one's list of cells, and two's text.
    expect(openTab(kv).shown()).toEqual(['02-b: b']);
    expect(savedSources(kv)).toEqual({ '01-a': 'a from two' });
    two.autosave.keepMine();
    one.autosave.sync();
    expect(one.shown()).toEqual(['01-a: a from two', '02-b: b']);
  });

  it('Load their edits takes the other tab\'s list of cells, and keeps the text of the cell it dropped for the next reload to name', () => {
    const kv = memoryStore();
    const [one, two] = [openTab(kv), openTab(kv)];
    one.restructure('02-b', 'new-1');
    one.autosave.sync();
    two.edit('01-a', 'a from two');
    two.autosave.sync();
    two.autosave.loadTheirs();
    expect(two.shown()).toEqual(['02-b: b', 'new-1: ']);
    expect(two.notice(otherTabConflictNoticeId)).toBeUndefined();
    const reloaded = restoreCells(lesson, readSaved(kv) ?? emptyEdits());
    expect(reloaded.cells.map((c) => c.id)).toEqual(['02-b', 'new-1']);
    expect(reloaded.orphans['01-a']?.source).toBe('a from two');
  });

  it('asks when both tabs changed the list of cells differently', () => {
    const kv = memoryStore();
    const [one, two] = [openTab(kv), openTab(kv)];
    one.restructure('01-a', 'new-1', '02-b');
    one.autosave.sync();
    two.restructure('02-b', '01-a');
    two.autosave.sync();
    expect(two.shown()).toEqual(['02-b: b', '01-a: a']);
    expect(two.notice(otherTabConflictNoticeId)?.text).toMatch(/the list of cells .* differs there and here/);
    two.autosave.loadTheirs();
    expect(two.shown()).toEqual(['01-a: a', 'new-1: ', '02-b: b']);
    expect(openTab(kv).shown()).toEqual(two.shown());
  });

  it('saves soon a notebook the restore rearranged (a deleted cell the lesson changed is back), so the next load does not say it again', () => {
    const kv = memoryStore();
    const structure = { lesson: ['01-a', '02-b'], order: ['01-a', 'new-1'], cells: { 'new-1': { type: 'code' as const } }, deleted: { '02-b': 'an older hash' }, retyped: {} };
    kv.setItem(editsKey, JSON.stringify({ ...emptyEdits(), structure }));
    const restored = restoreCells(lesson, readSaved(kv) ?? emptyEdits());
    expect(restored.notices.map((n) => n.id)).toEqual(['storage-returned']);
    const tab = openTab(kv);
    expect(tab.shown()).toEqual(['01-a: a', 'new-1: ', '02-b: b']);
    expect(tab.autosave.restoredDiffers()).toBe(true);
    tab.autosave.sync();
    expect(restoreCells(lesson, readSaved(kv) ?? emptyEdits()).notices).toEqual([]);
    expect(openTab(kv).autosave.restoredDiffers()).toBe(false);
  });

  it('has nothing to save at once for a notebook restored as it was saved, whatever order storage wrote its keys in', () => {
    const kv = memoryStore();
    const tab = openTab(kv);
    expect(tab.autosave.restoredDiffers()).toBe(false);
    tab.edit('02-b', 'x');
    tab.edit('01-a', 'y');
    tab.autosave.sync();
    const saved = JSON.parse(kv.getItem(editsKey) ?? '{}');
    kv.setItem(editsKey, JSON.stringify({ aside: {}, edits: { '02-b': saved.edits['02-b'], '01-a': saved.edits['01-a'] }, version: 1 }));
    expect(openTab(kv).autosave.restoredDiffers()).toBe(false);
  });

  it('writes nothing when nothing changed, and says so when a save fails', () => {
    const kv = memoryStore();
    const tab = openTab(kv);
    // Nothing to write is saved all the same (what Ctrl/Cmd+S reports); a refused write is not.
    expect(tab.autosave.sync()).toBe(true);
    expect(kv.writes).toBe(0);
    const full = { ...kv, setItem: (): never => { throw new DOMException('full', 'QuotaExceededError'); } };
    const cramped = openTab(full);
    cramped.edit('01-a', 'kept in the page');
    expect(cramped.autosave.sync()).toBe(false);
    expect(cramped.notice('storage')?.text).toMatch(/storage for the page is full/);
    expect(cramped.sources()[0]).toBe('kept in the page');
    expect(kv.getItem(editsKey)).toBeNull();
  });

  it('keeps an inserted cell in the page when storage is full, says so, and saves it once storage has room', () => {
    const kv = memoryStore();
    let full = true;
    const cramped = { ...kv, setItem: (k: string, v: string) => (full ? ((): never => { throw new DOMException('full', 'QuotaExceededError'); })() : kv.setItem(k, v)) };
    const tab = openTab(cramped);
    tab.insertBelow('02-b', 'new-1');
    tab.edit('new-1', 'scratch');
    tab.autosave.sync();
    expect(tab.notice('storage')?.text).toMatch(/storage for the page is full.*won't survive a reload/);
    expect(tab.shown()).toEqual(['01-a: a', '02-b: b', 'new-1: scratch']);
    full = false;
    tab.edit('new-1', 'scratch, saved');
    tab.autosave.sync();
    expect(tab.notice('storage')).toBeUndefined();
    expect(openTab(kv).shown()).toEqual(['01-a: a', '02-b: b', 'new-1: scratch, saved']);
  });
});

describe('a link that changes the list of cells, before Trust or Discard', () => {
  // The link deletes lesson cell 02-b (which the student edited), brings a cell of its own first and edits 01-a.
  const link = {
    type: 'received' as const,
    event: {
      type: 'receive' as const,
      origin: 'link' as const,
      cells: [{ id: '01-a', source: 'a from the link' }],
      structure: { order: ['new-link', '01-a'], added: [newCell('new-link', 'code', 'link code')], removed: ['02-b'] },
    },
  };
  /** The student's notebook: 02-b edited, a new cell with text below 01-a, saved. */
  const studentTab = (kv: KeyValueStore) => {
    const tab = openTab(kv);
    tab.edit('02-b', 'my b');
    tab.insertBelow('01-a', 'new-mine');
    tab.edit('new-mine', 'my scratch');
    tab.autosave.sync();
    return tab;
  };
  const onScreen = ['new-link: link code', '01-a: a from the link', 'new-mine: my scratch'];

  it("saves the student's own cells, order and text, not the link's", () => {
    const kv = memoryStore();
    const tab = studentTab(kv);
    tab.store.dispatch(link);
    expect(tab.shown()).toEqual(onScreen);
    tab.autosave.sync();
    const saved = readSaved(kv);
    expect(saved?.structure).toBeDefined();
    expect(saved?.structure?.order).toEqual(['01-a', 'new-mine', '02-b']);
    expect(savedSources(kv)).toEqual({ '02-b': 'my b', 'new-mine': 'my scratch' });
    expect(saved?.untrusted?.['01-a']?.source).toBe('a from the link');
  });

  it("comes back after a reload in the link's order, untrusted, and Discard gives back the student's notebook exactly", () => {
    const kv = memoryStore();
    const tab = studentTab(kv);
    const before = tab.shown();
    expect(before).toEqual(['01-a: a', 'new-mine: my scratch', '02-b: my b']);
    tab.store.dispatch(link);
    tab.autosave.sync();
    // The reload: the address still holds the link, which is received again over what was saved.
    const reloaded = openTab(kv);
    reloaded.store.dispatch(link);
    expect(reloaded.shown()).toEqual(onScreen);
    expect(reloaded.store.getState().cells.map((c) => c.untrusted?.origin ?? null)).toEqual(['link', 'link', null]);
    reloaded.store.dispatch({ type: 'received', event: { type: 'discard', origin: 'link' } });
    expect(reloaded.shown()).toEqual(before);
    // Trusted instead, the link's list is the student's from then on.
    const again = openTab(kv);
    again.store.dispatch(link);
    again.store.dispatch({ type: 'received', event: { type: 'trust', origin: 'link', shown: shownCode(untrustedCells(again.store.getState(), 'link')) } });
    again.autosave.noteChange(again.store.getState().cells);
    again.autosave.sync();
    expect(readSaved(kv)?.structure?.order).toEqual(['new-link', '01-a', 'new-mine']);
  });
});
