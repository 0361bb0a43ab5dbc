// Tests of when the autosave has something to save, and of two tabs saving into one storage.
import { describe, expect, it } from 'vitest';
import { cellReducer, newCellState } from './cellState';
import { initialNotebookState, notebookReducer } from './notebookState';
import { editsKey, restoreCells, type KeyValueStore } from './storage';
import { createStore } from './store';
import type { SourceCell } from './types';
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
  const autosave = createAutosave(store, kv);
  const edit = (id: string, source: string): void => {
    store.dispatch({ type: 'cell', id, event: { type: 'edit', source } });
    autosave.noteChange(store.getState().cells);
  };
  const sources = (): string[] => store.getState().cells.map((c) => c.source);
  const notice = (id: string) => store.getState().notices.find((n) => n.id === id);
  return { store, autosave, edit, sources, notice };
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
});
