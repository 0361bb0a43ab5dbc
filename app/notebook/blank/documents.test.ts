// Tests of the two documents: which one an address names, the way between them, and their storage kept apart.
import { describe, expect, it } from 'vitest';
import { editsKey, type KeyValueStore } from '../storage';
import { addressOf, documentOf, documentStore } from './documents';

describe('documentOf', () => {
  it.each([
    ['', 'lesson'],
    ['?backend=cpu', 'lesson'],
    ['?notebook=blank', 'blank'],
    ['?backend=wasm&notebook=blank', 'blank'],
    ['?notebook=other', 'lesson'],
  ])('%j is the %s', (search, doc) => expect(documentOf(search)).toBe(doc));
});

describe('addressOf', () => {
  const page = { pathname: '/jacobian-notebook/', search: '?backend=cpu', hash: '#widths=2,3,1&edits=abc' };
  it('goes to the blank notebook keeping the backend and the network, not a link\'s edits', () => {
    expect(addressOf('blank', page)).toBe('/jacobian-notebook/?backend=cpu&notebook=blank#widths=2,3,1');
  });
  it('comes back to the lesson', () => {
    expect(addressOf('lesson', { pathname: '/x/', search: '?notebook=blank', hash: '' })).toBe('/x/');
  });
});

describe('documentStore', () => {
  function memory(): KeyValueStore & { data: Map<string, string> } {
    const data = new Map<string, string>();
    return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
  }
  it('keeps the blank notebook\'s edits apart from the lesson\'s', () => {
    const store = memory();
    store.setItem(editsKey, 'lesson edits');
    const blank = documentStore(store, 'blank');
    expect(blank?.getItem(editsKey)).toBeNull();
    blank?.setItem(editsKey, 'my notebook');
    expect(store.getItem(editsKey)).toBe('lesson edits');
    expect(store.data.get('jacobian-notebook/blank/edits')).toBe('my notebook');
    blank?.removeItem(editsKey);
    expect([...store.data.keys()]).toEqual([editsKey]);
  });
  it('is the store itself for the lesson, and none without storage', () => {
    const store = memory();
    expect(documentStore(store, 'lesson')).toBe(store);
    expect(documentStore(null, 'blank')).toBeNull();
  });
});
