// Tests of the words in share, export and import messages: counts, lists, sizes.
import { describe, expect, it } from 'vitest';
import { cellsCount, formatBytes, listIds } from './words';

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
