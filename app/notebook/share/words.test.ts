// Tests of the words in share, export and import messages: counts, lists, sizes.
import { describe, expect, it } from 'vitest';
import { cellsCount, formatBytes, linkWhat, listIds } from './words';

describe('formatBytes', () => {
  it.each([
    [100, '1 kB'],
    [2048, '2 kB'],
    [1.5 * 1024 * 1024, '1.5 MB'],
  ])('%i bytes read %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('cellsCount', () => {
  it.each([
    [0, '0 cells'],
    [1, '1 cell'],
    [2, '2 cells'],
  ])('%i reads %s', (n, text) => {
    expect(cellsCount(n)).toBe(text);
  });
});

describe('listIds', () => {
  it.each([
    [[], ''],
    [['a'], 'a'],
    [['a', 'b'], 'a and b'],
    [['a', 'b', 'c'], 'a, b and c'],
  ])('%j reads %j', (ids, text) => {
    expect(listIds(ids)).toBe(text);
  });
});

describe('linkWhat', () => {
  const added = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `new-${i}`, type: 'code' as const, source: '', foreign: null }));
  it.each<[Parameters<typeof linkWhat>[0], string]>([
    [{ edits: [], structure: null }, 'the network'],
    [{ edits: [{ id: 'a', originalHash: 'h', source: 's' }], structure: null }, 'the network and 1 cell you edited'],
    [{ edits: [], structure: { order: [], added: added(4), deleted: [] } }, 'the network, 4 new cells and the order of the cells'],
    [{ edits: [{ id: 'a', originalHash: 'h', source: 's' }, { id: 'b', originalHash: 'h', source: 's' }], structure: { order: [], added: added(1), deleted: ['c'] } }, 'the network, 2 cells you edited, 1 new cell, 1 deleted cell and the order of the cells'],
  ])('%j reads %s', (content, text) => {
    expect(linkWhat(content)).toBe(text);
  });
});
