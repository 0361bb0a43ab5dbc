// Tests of saved edits: round trip, changed lesson, corrupt and old data, full or missing storage.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cellReducer } from './cellState';
import { contentHash, fnv1a32 } from './contentHash';
import {
  browserStore,
  editsKey,
  emptyEdits,
  loadEdits,
  problemWith,
  restoreCells,
  snapshotEdits,
  storageUnavailableNotice,
  writeEdits,
  type KeyValueStore,
} from './storage';
import type { SourceCell } from './types';

function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

function failingStore(name: string): KeyValueStore {
  const fail = (): never => {
    throw new DOMException('refused', name);
  };
  return { getItem: () => null, setItem: fail, removeItem: fail };
}

const lesson: SourceCell[] = [
  { id: '01-intro', type: 'markdown', source: '# Intro', group: 1 },
  { id: '02-code', type: 'code', source: 'const x = 1;', group: 2 },
];

describe('fnv1a32', () => {
  // Published FNV-1a 32-bit test vectors (Fowler/Noll/Vo reference), not computed by this code.
  it.each([
    ['', '811c9dc5'],
    ['a', 'e40c292c'],
    ['foobar', 'bf9cf968'],
  ])('hash of %j is %s', (text, hex) => {
    expect(fnv1a32(text)).toBe(hex);
  });
});

describe('contentHash', () => {
  it('tells apart texts that differ in one character, and is stable', () => {
    expect(contentHash('const x = 1;')).toBe(contentHash('const x = 1;'));
    expect(contentHash('const x = 1;')).not.toBe(contentHash('const x = 2;'));
  });
  it('prefixes the length in UTF-16 units', () => {
    expect(contentHash('αβ').startsWith('2-')).toBe(true);
  });
});

describe('problemWith', () => {
  it.each([
    ['{not json', 'not valid JSON'],
    ['42', 'not an object'],
    ['{"version":0,"edits":{},"aside":{}}', 'another version'],
    ['{"version":1,"edits":{"a":{"source":3}},"aside":{}}', '"edits"'],
    ['{"version":1,"edits":{},"aside":[]}', '"aside"'],
  ])('%s -> a problem mentioning %s', (raw, expected) => {
    expect(problemWith(raw)).toContain(expected);
  });
  it('accepts a well-formed version-1 record', () => {
    expect(problemWith('{"version":1,"edits":{"a":{"source":"x","originalHash":"1-2"}},"aside":{}}')).toBeNull();
  });
});

describe('loadEdits', () => {
  it('starts empty when nothing is saved', () => {
    expect(loadEdits(memoryStore(), 1)).toEqual({ saved: emptyEdits(), notices: [], writable: true });
  });

  it.each(['{broken', '{"version":99,"edits":{},"aside":{}}'])('sets %s aside under another key, with a notice naming it', (raw) => {
    const store = memoryStore({ [editsKey]: raw });
    const loaded = loadEdits(store, 1234);
    expect(loaded.saved).toEqual(emptyEdits());
    expect(store.data.get(`${editsKey}/set-aside-1234`)).toBe(raw);
    expect(store.data.has(editsKey)).toBe(false);
    expect(loaded.notices[0].text).toContain(`${editsKey}/set-aside-1234`);
    expect(loaded.writable).toBe(true);
  });

  it('sets a save with an unreadable structure aside whole, and keeps its cell edits, saying so', () => {
    const edits = { '02-code': { source: 'mine', originalHash: contentHash('const x = 1;') } };
    const raw = JSON.stringify({ ...emptyEdits(), edits, structure: { lesson: ['01-intro'], order: ['02-code'], cells: {}, deleted: {}, retyped: {} } });
    const store = memoryStore({ [editsKey]: raw });
    const loaded = loadEdits(store, 77);
    expect(loaded.saved).toEqual({ ...emptyEdits(), edits });
    expect(store.data.get(`${editsKey}/set-aside-77`)).toBe(raw);
    expect(JSON.parse(store.data.get(editsKey) ?? 'null')).toEqual({ ...emptyEdits(), edits });
    expect(loaded.notices[0].text).toMatch(/could not be read \(the order of the cells: cell "02-code" in "order" is neither.*set-aside-77.*with your edits/);
    expect(restoreCells(lesson, loaded.saved).cells.map((c) => c.source)).toEqual(['# Intro', 'mine']);
  });

  it('says edits will not survive a reload when there is no storage', () => {
    expect(loadEdits(null, 1)).toMatchObject({ notices: [storageUnavailableNotice], writable: false });
  });

  it('does not overwrite unreadable data it could not move aside', () => {
    const store = { ...failingStore('QuotaExceededError'), getItem: () => '{broken' };
    const loaded = loadEdits(store, 1);
    expect(loaded.writable).toBe(false);
    expect(loaded.notices[0].tone).toBe('error');
  });
});

describe('restoreCells', () => {
  it('applies an edit written against the same original', () => {
    const saved = { ...emptyEdits(), edits: { '02-code': { source: 'const x = 2;', originalHash: contentHash('const x = 1;') } } };
    const { cells, notices } = restoreCells(lesson, saved);
    expect(cells.map((c) => c.source)).toEqual(['# Intro', 'const x = 2;']);
    expect(cells[1].original).toBe('const x = 1;');
    expect(notices).toEqual([]);
  });

  it('keys edits to the lesson text as shown (without the file\'s final newline)', () => {
    const fromFiles = lesson.map((c) => ({ ...c, source: `${c.source}\n` }));
    const { cells } = restoreCells(fromFiles, emptyEdits());
    const saved = snapshotEdits([cells[0], cellReducer(cells[1], { type: 'edit', source: 'const x = 5;' })], {});
    const restored = restoreCells(fromFiles, saved).cells[1];
    expect([restored.source, restored.aside]).toEqual(['const x = 5;', null]);
  });

  it('keeps an edit of a changed original aside instead of mixing it in', () => {
    const saved = { ...emptyEdits(), edits: { '02-code': { source: 'mine', originalHash: contentHash('const x = 0;') } } };
    const [, cell] = restoreCells(lesson, saved).cells;
    expect(cell.source).toBe('const x = 1;');
    expect(cell.aside).toEqual({ source: 'mine', originalHash: contentHash('const x = 0;') });
  });

  it('keeps edits of cells the lesson no longer has, and says so', () => {
    const saved = { ...emptyEdits(), edits: { '09-gone': { source: 'old', originalHash: 'h' } } };
    const restored = restoreCells(lesson, saved);
    expect(restored.orphans).toEqual({ '09-gone': { source: 'old', originalHash: 'h' } });
    expect(restored.notices[0].text).toContain('09-gone');
    expect(snapshotEdits(restored.cells, restored.orphans).aside['09-gone'].source).toBe('old');
  });
});

describe('snapshotEdits', () => {
  it('saves only edited cells, keyed to the hash of their original, and round-trips through restore', () => {
    const { cells } = restoreCells(lesson, emptyEdits());
    const edited = [cells[0], cellReducer(cells[1], { type: 'edit', source: 'const x = 3;' })];
    const saved = snapshotEdits(edited, {});
    expect(saved.edits).toEqual({ '02-code': { source: 'const x = 3;', originalHash: contentHash('const x = 1;') } });
    expect(restoreCells(lesson, saved).cells.map((c) => c.source)).toEqual(['# Intro', 'const x = 3;']);
  });

  it('saves nothing for a reverted cell', () => {
    const { cells } = restoreCells(lesson, emptyEdits());
    const reverted = [cells[0], cellReducer(cellReducer(cells[1], { type: 'edit', source: 'y' }), { type: 'revert' })];
    expect(snapshotEdits(reverted, {}).edits).toEqual({});
  });
});

describe('writeEdits', () => {
  it('writes JSON that loadEdits reads back', () => {
    const store = memoryStore();
    const saved = { ...emptyEdits(), edits: { a: { source: 's', originalHash: 'h' } } };
    expect(writeEdits(store, saved)).toEqual({ ok: true });
    expect(loadEdits(store, 1).saved).toEqual(saved);
  });

  it('keeps a save whose only change is the structure', () => {
    const store = memoryStore();
    const structure = { lesson: ['01-intro', '02-code'], order: ['02-code', '01-intro'], cells: {}, deleted: {}, retyped: {} };
    writeEdits(store, { ...emptyEdits(), structure });
    expect(loadEdits(store, 1).saved).toEqual({ ...emptyEdits(), structure });
  });

  it('removes the key when nothing is edited', () => {
    const store = memoryStore({ [editsKey]: '{}' });
    writeEdits(store, emptyEdits());
    expect(store.data.has(editsKey)).toBe(false);
  });

  it.each([
    ['QuotaExceededError', 'full'],
    ['SecurityError', 'SecurityError'],
  ])('turns a %s into a notice that edits will not survive a reload', (name, mention) => {
    const result = writeEdits(failingStore(name), { ...emptyEdits(), edits: { a: { source: 's', originalHash: 'h' } } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.notice.text).toMatch(new RegExp(`${mention}.*won't survive a reload`));
  });
});

describe('browserStore', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is null where there is no localStorage (Node)', () => {
    expect(browserStore()).toBeNull();
  });

  it.each([
    ['writes throw SecurityError', failingStore('SecurityError')],
    ['reads throw SecurityError', { ...memoryStore(), getItem: (): never => { throw new DOMException('denied', 'SecurityError'); } }],
  ])('is null when %s (storage disabled)', (_, store) => {
    vi.stubGlobal('localStorage', store);
    expect(browserStore()).toBeNull();
  });

  it('is the store when it is full: saved edits still load, and the failed save says the storage is full', () => {
    const saved = { ...emptyEdits(), edits: { a: { source: 's', originalHash: 'h' } } };
    const full = { ...memoryStore({ [editsKey]: JSON.stringify(saved) }), setItem: (): never => { throw new DOMException('full', 'QuotaExceededError'); } };
    vi.stubGlobal('localStorage', full);
    const store = browserStore();
    expect(store).toBe(full);
    expect(loadEdits(store, 1)).toMatchObject({ saved, notices: [], writable: true });
    const result = writeEdits(full, { ...saved, edits: { a: { source: 't', originalHash: 'h' } } });
    expect(result.ok ? '' : result.notice.text).toMatch(/storage for the page is full/);
  });
});
