// Tests of which finger moves on a slide are swipes to the next or previous slide.
import { describe, expect, it } from 'vitest';
import { isSideways, swipeCommand, swipeMinPx } from './swipe';

describe('swipeCommand', () => {
  it.each<[number, number, ReturnType<typeof swipeCommand>]>([
    [-120, 10, 'next'],
    [120, -10, 'previous'],
    [-120, 70, null],
    [10, -300, null],
    [-(swipeMinPx - 1), 0, null],
    [-swipeMinPx, 0, 'next'],
  ])('a finger moving by (%i, %i) -> %s', (dx, dy, expected) => {
    expect(swipeCommand(dx, dy)).toBe(expected);
  });
});

describe('isSideways', () => {
  it('a move mostly across is the slide\'s; one mostly down, or a few pixels, is the page\'s', () => {
    expect(isSideways(30, 5)).toBe(true);
    expect(isSideways(-30, 5)).toBe(true);
    expect(isSideways(20, 30)).toBe(false);
    expect(isSideways(5, 0)).toBe(false);
  });
});
