// Tests that an imported file's cell list waiting for Trust survives a reload apart from the student's record, and comes back exactly.
import { describe, expect, it } from 'vitest';
import { newCellState } from '../cellState';
import { initialNotebookState, notebookReducer, type NotebookEvent, type NotebookState } from '../notebookState';
import { editsKey, loadEdits, pendingImportKey, restoreCells, snapshotNotebook, writeEdits, type KeyValueStore } from '../storage';
import { createStore } from '../store';
import { newCell } from '../structure/cells';
import type { SourceCell } from '../types';
import { createAutosave } from '../useAutosave';
import { planImport } from './importFile';
import { maxPendingChars, pendingImportOf, pendingImportSaved, pendingJson, withPendingImport, writePendingImport } from './pendingImport';
import { loadPendingImport, pendingProblem, readPending } from './pendingLoad';
import { shownCode, untrustedCells, type ReceivedEvent } from './received';
import { checkedStore, signSaved } from './storedCheck';
import { bannerText } from './TrustBanner';

const lesson: SourceCell[] = [
  { id: '00-intro', type: 'markdown', source: '# Intro\n', group: 0 },
  { id: '05-forward', type: 'code', source: 'print(1)\n', group: 5 },
  { id: '07-back', type: 'code', source: 'print(2)\n', group: 7 },
  { id: '09-end', type: 'markdown', source: 'The end\n', group: 9 },
];
const key = new Uint8Array(32).fill(7);

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

/** The student's notebook: 05-forward edited, a cell of their own after it, 07-back deleted. */
function student(): NotebookState {
  const [intro, forward, , end] = lesson.map((c) => newCellState(c));
  return initialNotebookState([intro, { ...forward, source: 'print(100) // mine' }, newCell('new-mine0001', 'code', 'scratch()'), end]);
}
const studentView = [
  ['00-intro', 'markdown', '# Intro', null],
  ['05-forward', 'code', 'print(100) // mine', null],
  ['new-mine0001', 'code', 'scratch()', null],
  ['09-end', 'markdown', 'The end', null],
];

/** A TypeScript notebook that moves 05-forward first, adds code and a note, and has 07-back (deleted here: a new cell). */
const file = JSON.stringify({
  nbformat: 4,
  nbformat_minor: 5,
  metadata: { kernelspec: { name: 'deno', display_name: 'Deno', language: 'typescript' } },
  cells: [
    { cell_type: 'code', id: '05-forward', metadata: {}, execution_count: null, outputs: [], source: ['file()'] },
    { cell_type: 'code', id: 'filecode', metadata: {}, execution_count: null, outputs: [], source: ['fromFile()'] },
    { cell_type: 'code', id: '07-back', metadata: {}, execution_count: null, outputs: [], source: ['back()'] },
    { cell_type: 'markdown', id: '00-intro', metadata: {}, source: ['# File intro'] },
    { cell_type: 'markdown', id: 'filenote', metadata: {}, source: ['A note'] },
  ],
});

const received = (event: ReceivedEvent): NotebookEvent => ({ type: 'received', event });

function imported(state: NotebookState = student()): NotebookState {
  const plan = planImport('work.ipynb', file, state.cells, () => 'new-fresh0001');
  if (!plan.ok) throw new Error(plan.error);
  return notebookReducer(state, received({ type: 'receive', origin: 'import', cells: plan.cells, structure: plan.structure, importName: 'work.ipynb' }));
}
/** The file's list: the file's order, the student's cells it does not have after the cell they followed (importFile.ts's rule). */
const importIds = ['05-forward', 'new-mine0001', '09-end', 'filecode', 'new-fresh0001', '00-intro', 'filenote'];

/** What is saved apart while the file waits: the list on screen, the new cells with their type and text. */
const importPending = {
  version: 1,
  order: importIds,
  added: { filecode: { type: 'code', source: 'fromFile()' }, 'new-fresh0001': { type: 'code', source: 'back()' }, filenote: { type: 'markdown', source: 'A note' } },
};

const view = (s: NotebookState) => s.cells.map((c) => [c.id, c.type, c.source, c.untrusted?.origin ?? null]);
const trusting = (s: NotebookState): NotebookEvent => received({ type: 'trust', origin: 'import', shown: shownCode(untrustedCells(s, 'import')) });
const discarding = received({ type: 'discard', origin: 'import' });

/** Saves `state` as the page does (signed) and opens it again as a reload does. */
function reload(state: NotebookState, kv = memoryStore()): NotebookState {
  const checked = checkedStore(kv, key);
  expect(writeEdits(checked, snapshotNotebook(state.cells, state.orphans, lesson, state.structureBefore)).ok).toBe(true);
  expect(writePendingImport(checked, pendingJson(state)).ok).toBe(true);
  const restored = restoreCells(lesson, loadEdits(checked, 0).saved);
  const loaded = loadPendingImport(kv, key, 0);
  expect(loaded.notices).toEqual([]);
  const fresh = initialNotebookState(restored.cells, restored.orphans);
  return loaded.pending ? withPendingImport(fresh, loaded.pending) : fresh;
}

describe('an import that changes the list of cells, waiting for Trust', () => {
  it("is never in the student's saved record: that keeps their own list, text and deleted cell", () => {
    const state = imported();
    expect(state.cells.map((c) => c.id)).toEqual(importIds);
    const saved = snapshotNotebook(state.cells, state.orphans, lesson, state.structureBefore);
    expect(saved.structure?.order).toEqual(studentView.map(([id]) => id));
    expect(Object.keys(saved.structure?.deleted ?? {})).toEqual(['07-back']);
    expect(saved.edits['05-forward'].source).toBe('print(100) // mine');
    expect(saved.edits['new-mine0001'].source).toBe('scratch()');
    // The file's text in the student's own cells waits as untrusted code; its new cells are nowhere in the record.
    expect(Object.keys(saved.untrusted ?? {}).sort()).toEqual(['00-intro', '05-forward']);
    for (const text of ['fromFile()', 'back()', 'A note', 'filecode', 'new-fresh0001']) expect(JSON.stringify(saved)).not.toContain(text);
  });

  it('is saved apart: the list on screen and the new cells, each with its type and text', () => {
    expect(pendingImportOf(imported())).toEqual(importPending);
  });

  it('comes back after a reload with the same cells, untrusted, and the same banner', () => {
    const before = imported();
    const after = reload(before);
    expect(view(after)).toEqual(view(before));
    expect(bannerText('import', untrustedCells(after, 'import'))).toEqual(bannerText('import', untrustedCells(before, 'import')));
    expect(untrustedCells(after, 'import').map((c) => c.id)).toEqual(['05-forward', 'filecode', 'new-fresh0001', '00-intro', 'filenote']);
  });

  it("Discard after the reload gives back exactly the student's notebook, and a further reload keeps it", () => {
    const discarded = notebookReducer(reload(imported()), discarding);
    expect(view(discarded)).toEqual(studentView);
    expect(pendingJson(discarded)).toBeNull();
    expect(view(reload(discarded))).toEqual(studentView);
  });

  it("Trust after the reload makes the file's list the student's (their edit kept aside), and a further reload keeps it", () => {
    const trusted = notebookReducer(reload(imported()), trusting(reload(imported())));
    const fileView = [
      ['05-forward', 'code', 'file()', null],
      ['new-mine0001', 'code', 'scratch()', null],
      ['09-end', 'markdown', 'The end', null],
      ['filecode', 'code', 'fromFile()', null],
      ['new-fresh0001', 'code', 'back()', null],
      ['00-intro', 'markdown', '# File intro', null],
      ['filenote', 'markdown', 'A note', null],
    ];
    expect(view(trusted)).toEqual(fileView);
    expect(trusted.cells[0].aside?.source).toBe('print(100) // mine');
    expect(pendingJson(trusted)).toBeNull();
    const again = reload(trusted);
    expect(view(again)).toEqual(fileView);
    expect(again.cells[0].aside?.source).toBe('print(100) // mine');
  });

  it('leaves nothing apart when the file changes only text (the saved edits hold it, as before)', () => {
    const textOnly = JSON.stringify({ ...JSON.parse(file), cells: [JSON.parse(file).cells[0]] });
    const plan = planImport('text.ipynb', textOnly, student().cells);
    if (!plan.ok) throw new Error(plan.error);
    const state = notebookReducer(student(), received({ type: 'receive', origin: 'import', cells: plan.cells, structure: plan.structure, importName: 'text.ipynb' }));
    expect(state.cells[1].untrusted?.origin).toBe('import');
    expect(pendingJson(state)).toBeNull();
  });

  it("leaves a link waiting on top out of the saved list (the link lays itself over again from the address)", () => {
    const state = imported();
    const linked = notebookReducer(state, received({ type: 'receive', origin: 'link', cells: [], structure: { order: ['filenote', '09-end'], added: [newCell('new-link0001', 'code', 'link()')], removed: ['00-intro'] } }));
    expect(linked.cells.map((c) => c.id)).not.toEqual(importIds);
    expect(pendingImportOf(linked)?.order).toEqual(importIds);
    expect(snapshotNotebook(linked.cells, linked.orphans, lesson, linked.structureBefore).structure?.order).toEqual(studentView.map(([id]) => id));
  });
});

describe('readPending and loadPendingImport', () => {
  const good = JSON.stringify(importPending);

  it('take back a save signed with this browser key', () => {
    expect(readPending(key, signSaved(key, good))).toEqual({ pending: JSON.parse(good), problem: null });
  });

  it.each([
    ['unsigned', good, "it does not carry this page's check"],
    ['signed with another key', signSaved(new Uint8Array(32).fill(8), good), "it does not carry this page's check"],
    ['changed after signing', signSaved(key, good).replace('fromFile()', 'evil()'), "it does not carry this page's check"],
    ['over the size limit', signSaved(key, JSON.stringify({ ...JSON.parse(good), pad: 'x'.repeat(maxPendingChars) })), 'it is larger than 1,000,000 characters'],
  ])('refuse a save %s', (_what, raw, problem) => {
    expect(readPending(key, raw)).toEqual({ pending: null, problem });
  });

  it('refuse any save without a key to check it', () => {
    expect(readPending(null, signSaved(key, good)).problem).toBe("it does not carry this page's check");
  });

  it.each<[string, unknown, string]>([
    ['not an object', [1], 'it is not an object'],
    ['another version', { version: 2, order: [], added: {} }, 'it was saved by another version of this app (version 2, this one reads 1)'],
    ['an order with a repeated id', { version: 1, order: ['a', 'a'], added: {} }, '"order" is not a list of distinct cell ids'],
    ['a cell without text', { version: 1, order: ['a'], added: { a: { type: 'code' } } }, '"added" is not a map of cells (a type, a text, and code of another language if any)'],
    ['a cell of another type', { version: 1, order: ['a'], added: { a: { type: 'raw', source: '' } } }, '"added" is not a map of cells (a type, a text, and code of another language if any)'],
    ['a cell not in the order', { version: 1, order: [], added: { a: { type: 'code', source: '' } } }, 'new cell "a" is not in "order", or has a lesson cell\'s id'],
    ["a new cell with a lesson cell's id", { version: 1, order: ['07-back'], added: { '07-back': { type: 'code', source: 'x' } } }, 'new cell "07-back" is not in "order", or has a lesson cell\'s id'],
  ])('find what is wrong with %s', (_what, data, problem) => {
    expect(pendingProblem(data)).toBe(problem);
  });

  it('set a save that cannot be used aside whole, under a key the notice names, and show the student notebook as saved', () => {
    const kv = memoryStore();
    kv.setItem(pendingImportKey, good);
    const loaded = loadPendingImport(kv, key, 42);
    expect(loaded.pending).toBeNull();
    expect(kv.data.get(pendingImportKey)).toBeUndefined();
    expect(kv.data.get(`${pendingImportKey}/set-aside-42`)).toBe(good);
    expect(loaded.notices.map((n) => n.text)).toEqual([
      `The imported file's cells that were waiting for your Trust could not be shown again (it does not carry this page's check). They were set aside in this browser's storage under "${pendingImportKey}/set-aside-42"; your own notebook is as you left it.`,
    ]);
  });

  it('leave a save that cannot be set aside where it is, and say so', () => {
    const kv = memoryStore();
    kv.setItem(pendingImportKey, good);
    const full: KeyValueStore = { ...kv, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
    const loaded = loadPendingImport(full, key, 42);
    expect(loaded.pending).toBeNull();
    expect(kv.data.get(pendingImportKey)).toBe(good);
    expect(loaded.notices[0].text).toContain('nor set aside: they are left as they are');
  });
});

describe('pendingImportSaved', () => {
  it('tells whether storage holds a waiting import (the code reading it loads only then)', () => {
    const kv = memoryStore();
    expect(pendingImportSaved(kv)).toBe(false);
    kv.setItem(pendingImportKey, '{}');
    expect(pendingImportSaved(kv)).toBe(true);
    expect(pendingImportSaved({ ...kv, getItem: () => { throw new DOMException('denied', 'SecurityError'); } })).toBe(false);
    expect(pendingImportSaved(null)).toBe(false);
  });
});

describe('writePendingImport', () => {
  it('saves nothing of a waiting import over the limit, removing an older one, and says to decide before reloading', () => {
    const kv = memoryStore();
    kv.setItem(pendingImportKey, 'older');
    const result = writePendingImport(kv, 'x'.repeat(maxPendingChars + 1));
    expect(kv.data.has(pendingImportKey)).toBe(false);
    expect(result).toEqual({ ok: false, notice: expect.objectContaining({ id: 'pending-import', text: expect.stringContaining('1,000,001 characters, over the limit of 1,000,000): trust or discard them before you reload') }) });
  });

  it('keeps no older waiting import when the storage is full', () => {
    const kv = memoryStore();
    kv.setItem(pendingImportKey, 'older');
    const result = writePendingImport({ ...kv, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } }, '{}');
    expect(kv.data.has(pendingImportKey)).toBe(false);
    expect(result.ok ? '' : result.notice.text).toContain("this browser's storage for the page is full");
  });
});

describe('the autosave and a waiting import', () => {
  /** A page on `kv`: the notebook as `loadPendingImport` and `restoreCells` open it, and its autosave. */
  function openPage(kv: KeyValueStore & { data: Map<string, string> }) {
    const checked = checkedStore(kv, key);
    const restored = restoreCells(lesson, loadEdits(checked, 0).saved);
    const pending = loadPendingImport(kv, key, 0).pending;
    // A first page finds nothing saved: it starts from the student's notebook.
    const fresh = kv.data.size === 0 ? student() : initialNotebookState(restored.cells);
    const store = createStore(notebookReducer, pending ? withPendingImport(fresh, pending) : fresh);
    return { store, autosave: createAutosave(store, checked, lesson) };
  }

  it('saves the import apart, signed, and removes it once decided; a tab without it never removes it', () => {
    const kv = memoryStore();
    const page = openPage(kv);
    expect(page.autosave.sync()).toBe(true);
    const other = openPage(kv);
    const plan = planImport('work.ipynb', file, page.store.getState().cells, () => 'new-fresh0001');
    if (!plan.ok) throw new Error(plan.error);
    page.store.dispatch(received({ type: 'receive', origin: 'import', cells: plan.cells, structure: plan.structure, importName: 'work.ipynb' }));
    expect(page.autosave.sync()).toBe(true);
    const raw = kv.data.get(pendingImportKey) ?? '';
    expect(readPending(key, raw).pending?.order).toEqual(importIds);
    expect(kv.data.get(editsKey)).not.toContain('fromFile()');

    // A tab open since before the import saves its own edit without touching the import.
    other.store.dispatch({ type: 'cell', id: 'new-mine0001', event: { type: 'edit', source: 'scratch(2)' } });
    expect(other.autosave.sync()).toBe(true);
    expect(kv.data.get(editsKey)).toContain('scratch(2)');
    expect(kv.data.get(pendingImportKey)).toBe(raw);
    // A tab opened now shows the import waiting, as a reload does.
    expect(view(openPage(kv).store.getState()).map(([id, , , origin]) => [id, origin])).toEqual(view(page.store.getState()).map(([id, , , origin]) => [id, origin]));

    page.store.dispatch(discarding);
    expect(page.autosave.sync()).toBe(true);
    expect(kv.data.has(pendingImportKey)).toBe(false);
  });

  it("a second tab showing the import waiting takes the first tab's Trust, and never writes the student's old list back", () => {
    const kv = memoryStore();
    const first = openPage(kv);
    expect(first.autosave.sync()).toBe(true);
    const plan = planImport('work.ipynb', file, first.store.getState().cells, () => 'new-fresh0001');
    if (!plan.ok) throw new Error(plan.error);
    first.store.dispatch(received({ type: 'receive', origin: 'import', cells: plan.cells, structure: plan.structure, importName: 'work.ipynb' }));
    expect(first.autosave.sync()).toBe(true);
    const second = openPage(kv);
    expect(untrustedCells(second.store.getState(), 'import')).toHaveLength(5);

    first.store.dispatch(trusting(first.store.getState()));
    expect(first.autosave.sync()).toBe(true);
    const trustedRecord = kv.data.get(editsKey);
    // The storage event: the second tab merges what the first wrote, then saves again.
    expect(second.autosave.sync()).toBe(true);
    expect(second.autosave.sync()).toBe(true);
    expect(view(second.store.getState())).toEqual(view(first.store.getState()));
    expect(JSON.parse(kv.data.get(editsKey) ?? '{}').structure?.order).toEqual(importIds);
    expect(kv.data.get(editsKey)).toBe(trustedRecord);
    expect(kv.data.has(pendingImportKey)).toBe(false);
  });
});
