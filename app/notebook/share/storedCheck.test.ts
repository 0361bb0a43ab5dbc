// Tests that saved edits the page did not sign come back as untrusted code, and that its own saves come back as the student's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newCellState } from '../cellState';
import { contentHash } from '../contentHash';
import { initialNotebookState, notebookReducer, type NotebookEvent } from '../notebookState';
import { createRunner } from '../runner';
import { editsKey, loadEdits, restoreCells, snapshotEdits, writeEdits, type KeyValueStore, type SavedEdits } from '../storage';
import { createStore } from '../store';
import { createFakeHost } from '../testing/fakeHost';
import type { SourceCell } from '../types';
import { createAutosave } from '../useAutosave';
import { checkedStore, checkOnLoad, readChecked, signSaved, uncheckedAsUntrusted } from './storedCheck';

const lesson: SourceCell[] = [
  { id: '02-a', type: 'code', source: 'a()\n', group: 2 },
  { id: '03-b', type: 'code', source: 'b()\n', group: 3 },
];
const key = new Uint8Array(32).fill(7);
const otherKey = new Uint8Array(32).fill(8);
const hashOf = (id: string): string => contentHash(newCellState(lesson.find((c) => c.id === id) as SourceCell).original);

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

/** The cells a page opening on `kv` shows: [id, source, untrusted origin or null]. */
function opened(kv: KeyValueStore, withKey: Uint8Array | null = key): [string, string, string | null][] {
  const loaded = loadEdits(checkedStore(kv, withKey), 0);
  return restoreCells(lesson, loaded.saved).cells.map((c) => [c.id, c.source, c.untrusted?.origin ?? null]);
}

/** Saved edits as a script of the same origin writes them: plain JSON, no check. */
const foreign = (extra: object = {}): string => JSON.stringify({ version: 1, edits: { '02-a': { source: 'evil()', originalHash: hashOf('02-a') } }, aside: {}, ...extra });

const edited = [{ type: 'cell', id: '02-a', event: { type: 'edit', source: 'mine()' } }] satisfies NotebookEvent[];
const ownState = edited.reduce(notebookReducer, initialNotebookState(lesson.map((c) => newCellState(c))));

describe('checkedStore', () => {
  it("brings the page's own save back as the student's code, and stores it with a check", () => {
    const kv = memoryStore();
    expect(writeEdits(checkedStore(kv, key), snapshotEdits(ownState.cells, {}))).toEqual({ ok: true });
    expect(JSON.parse(kv.data.get(editsKey) ?? '{}').check).toMatch(/^[0-9a-f]{64}$/);
    expect(opened(kv)).toEqual([
      ['02-a', 'mine()', null],
      ['03-b', 'b()', null],
    ]);
  });

  it.each([
    ['written without a check (another page of the origin, or an older version)', () => foreign()],
    ['whose check is of another key', () => signSaved(otherKey, foreign())],
    ['changed after the page signed it', () => signSaved(key, foreign()).replace('evil()', 'worse()')],
    ['with a check that is not text', () => foreign({ check: 12 })],
  ])('brings saved code %s back untrusted, over the lesson text', (_, raw) => {
    const kv = memoryStore();
    kv.setItem(editsKey, raw());
    const [first, second] = opened(kv);
    expect(first[0]).toBe('02-a');
    expect(first[2]).toBe('stored');
    expect(first[1]).not.toBe('a()');
    expect(second).toEqual(['03-b', 'b()', null]);
  });

  it('verifies nothing without a key, and writes no check then', () => {
    const kv = memoryStore();
    writeEdits(checkedStore(kv, null), snapshotEdits(ownState.cells, {}));
    expect(JSON.parse(kv.data.get(editsKey) ?? '{}').check).toBeUndefined();
    expect(opened(kv, null)[0]).toEqual(['02-a', 'mine()', 'stored']);
  });

  it('hands unreadable data on as it is, so loading sets it aside and says why', () => {
    const kv = memoryStore();
    kv.setItem(editsKey, '{"version":1,"edits":{');
    const loaded = loadEdits(checkedStore(kv, key), 5);
    expect(loaded.notices.map((n) => n.text).join()).toContain('not valid JSON');
    expect(kv.data.get(`${editsKey}/set-aside-5`)).toBe('{"version":1,"edits":{');
  });

  it('never lets the runner send unverified saved code to the kernel', async () => {
    const kv = memoryStore();
    kv.setItem(editsKey, foreign());
    const restored = restoreCells(lesson, loadEdits(checkedStore(kv, key), 0).saved);
    const store = createStore(notebookReducer, initialNotebookState(restored.cells));
    const host = createFakeHost(async () => 'ok');
    const runner = createRunner(host, store);
    runner.run(['02-a', '03-b']);
    await runner.idle();
    expect(host.calls).toEqual(['run:03-b']);
  });

  it("takes another writer's save, read while the page is open, as untrusted code too", () => {
    const kv = memoryStore();
    const checked = checkedStore(kv, key);
    const store = createStore(notebookReducer, initialNotebookState(lesson.map((c) => newCellState(c))));
    const autosave = createAutosave(store, checked, lesson);
    kv.setItem(editsKey, foreign());
    autosave.sync();
    expect(store.getState().cells.map((c) => [c.source, c.untrusted?.origin ?? null])).toEqual([
      ['evil()', 'stored'],
      ['b()', null],
    ]);
    // A reload shows it untrusted still.
    expect(opened(kv)[0]).toEqual(['02-a', 'evil()', 'stored']);
  });
});

describe('signSaved and readChecked', () => {
  const text = fc.string({ unit: 'binary', maxLength: 40 });
  const edit = fc.record({ source: text, originalHash: text });
  const saved = fc.record({
    version: fc.constant(1 as const),
    edits: fc.dictionary(fc.oneof(text, fc.nat().map(String)), edit),
    aside: fc.dictionary(text, edit),
    untrusted: fc.dictionary(text, fc.record({ source: text, originalHash: text, origin: fc.constantFrom('link' as const, 'import' as const, 'stored' as const) })),
  });
  it('verify any save the page signed, whatever its ids and texts (numeric ids, lone surrogates), and give it back exactly', () => {
    fc.assert(
      fc.property(saved, (s) => {
        const json = JSON.stringify(s);
        expect(readChecked(key, signSaved(key, json))).toEqual({ json, verified: true, dropped: [] });
      }),
    );
  });
  it('verify no save changed after signing, nor signed with another key', () => {
    fc.assert(
      fc.property(saved, text, (s, extra) => {
        const signed = signSaved(key, JSON.stringify(s));
        expect(readChecked(otherKey, signed).verified).toBe(false);
        const changed = JSON.parse(signed) as typeof s;
        changed.edits['02-a'] = { source: `${changed.edits['02-a']?.source ?? ''}${extra}x`, originalHash: 'h' };
        expect(readChecked(key, JSON.stringify(changed)).verified).toBe(false);
      }),
    );
  });
});

describe('uncheckedAsUntrusted', () => {
  it('keeps the structure (it holds no code) and names every other field it cannot show as code to trust', () => {
    const structure = { lesson: ['02-a', '03-b'], order: ['03-b', '02-a'], cells: {}, deleted: {}, retyped: {} };
    const data = { ...(JSON.parse(foreign()) as SavedEdits), structure, other: 1 };
    const { saved, dropped } = uncheckedAsUntrusted(data);
    expect(saved).toEqual({ version: 1, edits: {}, aside: {}, structure, untrusted: { '02-a': { source: 'evil()', originalHash: hashOf('02-a'), origin: 'stored' } } });
    expect(dropped).toEqual(['"other"']);
  });
});

describe('checkOnLoad', () => {
  it('sets an unverified save aside once when parts of it cannot be shown as code to trust, and stores the rest checked', () => {
    const kv = memoryStore();
    const raw = foreign({ aside: { '03-b': { source: 'kept()', originalHash: 'old' } } });
    kv.setItem(editsKey, raw);
    const first = checkOnLoad(kv, key, 42);
    expect(first.writable).toBe(true);
    expect(first.notices.map((n) => n.text).join()).toMatch(/held the kept edit of 03-b.*under "jacobian-notebook\/edits\/unchecked-42"/);
    expect(kv.data.get(`${editsKey}/unchecked-42`)).toBe(raw);
    expect(readChecked(key, kv.data.get(editsKey) ?? '').verified).toBe(true);
    expect(opened(kv)[0]).toEqual(['02-a', 'evil()', 'stored']);
    expect(checkOnLoad(kv, key, 43).notices).toEqual([]);
    expect(kv.data.has(`${editsKey}/unchecked-43`)).toBe(false);
  });

  it('leaves an unverified save that shows whole as untrusted code as it is', () => {
    const kv = memoryStore();
    kv.setItem(editsKey, foreign());
    expect(checkOnLoad(kv, key, 1)).toEqual({ notices: [], writable: true });
    expect(kv.data.get(editsKey)).toBe(foreign());
  });
});
