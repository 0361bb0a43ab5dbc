// Tests of how far a moved cell's top bar is scrolled to stay in view.
import { describe, expect, it } from 'vitest';
import { revealScroll } from './reveal';

describe('revealScroll', () => {
  it('puts a top bar that was in view back where it was (the reviewer saw 420 px become -295 px)', () => {
    expect(revealScroll(-295, 420, 112, 720)).toBe(-715);
    expect(revealScroll(900, 420, 112, 720)).toBe(480);
    expect(revealScroll(420, 420, 112, 720)).toBe(0);
  });

  it('with no place of before in view, leaves a bar in view where it is', () => {
    expect(revealScroll(200, null, 112, 720)).toBe(0);
    expect(revealScroll(200, -50, 112, 720)).toBe(0);
  });

  it('brings a bar out of view (under the header, above or below the window) to just below the header', () => {
    expect(revealScroll(-295, null, 112, 720)).toBe(-407);
    expect(revealScroll(60, 30, 112, 720)).toBe(-52);
    expect(revealScroll(900, 800, 112, 720)).toBe(788);
    // So low that its buttons would not fit above the window's bottom.
    expect(revealScroll(700, null, 112, 720)).toBe(588);
  });
});
