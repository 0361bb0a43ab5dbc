import { describe, expect, it } from 'vitest';
import { menuFocusAfter, menuFocusOnOpen } from './menuKeys';

describe('menuFocusAfter', () => {
  // Five items, as in a menu of Restart kernel, Present, Share, Export, Import.
  it.each([
    ['ArrowDown', 0, 1],
    ['ArrowDown', 3, 4],
    ['ArrowDown', 4, 0],
    ['ArrowDown', -1, 0],
    ['ArrowUp', 4, 3],
    ['ArrowUp', 0, 4],
    ['ArrowUp', -1, 4],
    ['Home', 3, 0],
    ['End', 1, 4],
  ])('%s from item %i focuses item %i', (key, current, expected) => {
    expect(menuFocusAfter(key, current, 5)).toBe(expected);
  });

  it.each(['Enter', ' ', 'Tab', 'a', 'ArrowLeft'])('%j does not move', (key) => {
    expect(menuFocusAfter(key, 2, 5)).toBeNull();
  });

  it('a menu with nothing enabled has nowhere to go', () => {
    expect(menuFocusAfter('ArrowDown', -1, 0)).toBeNull();
  });

  it('one item: every arrow stays on it', () => {
    expect(menuFocusAfter('ArrowDown', 0, 1)).toBe(0);
    expect(menuFocusAfter('ArrowUp', 0, 1)).toBe(0);
  });
});

describe('menuFocusOnOpen', () => {
  it.each([
    ['ArrowUp', 6],
    ['ArrowDown', 0],
    ['Enter', 0],
    [null, 0],
  ])('opened by %j focuses item %i of seven', (key, expected) => {
    expect(menuFocusOnOpen(key, 7)).toBe(expected);
  });

  it('nothing enabled: no item to focus', () => {
    expect(menuFocusOnOpen('ArrowUp', 0)).toBeNull();
  });
});
