// Tests for scroll keeping, without a browser: what the reader looks at or presses stays where it was on screen while the page above it changes.
import { describe, expect, it } from 'vitest';
import { ScrollKeeper } from './keepInPlace';
import { createFakePage, fakeResizeObservers } from './testing/fakePage';

function setup() {
  const page = createFakePage();
  const sizes = fakeResizeObservers();
  const keeper = new ScrollKeeper(page.win, sizes.Sizes);
  const stop = keeper.start();
  return { page, sizes, keeper, stop };
}

describe('ScrollKeeper while parts mount', () => {
  it('scrolls by as much as a part above the anchor grew, so the anchor stays on screen where it was', () => {
    const { page, sizes, keeper } = setup();
    const above = page.element('above', 500, 100);
    const looked = page.element('looked', 2000, 100);
    page.setScrollY(1600);
    page.atMiddle = looked;
    keeper.keepWhileMounting(page.asElement(above), () => null);
    // The part above mounts 300 px taller than its placeholder: everything below moves down.
    looked.y += 300;
    sizes.instances[0].resized();
    expect(page.scrolls).toEqual([300]);
    expect(looked.getBoundingClientRect().top).toBe(400);
  });

  it('takes a new anchor after a scroll the reader made, and keeps that one', () => {
    const { page, sizes, keeper } = setup();
    const above = page.element('above', 500);
    const first = page.element('first', 2000);
    const second = page.element('second', 4000);
    page.setScrollY(1600);
    page.atMiddle = first;
    keeper.keepWhileMounting(page.asElement(above), () => null);
    page.setScrollY(3600);
    page.atMiddle = second;
    page.fire('scroll');
    second.y += 50;
    sizes.instances[0].resized();
    expect(page.scrolls).toEqual([50]);
  });

  it('anchors nothing at the top of the page: what grows there grows downwards', () => {
    const { page, sizes, keeper } = setup();
    const above = page.element('above', 100);
    const looked = page.element('looked', 400);
    page.atMiddle = looked;
    keeper.keepWhileMounting(page.asElement(above), () => null);
    looked.y += 300;
    sizes.instances[0].resized();
    expect(page.scrolls).toEqual([]);
  });

  it('stops keeping a while after nothing waits any more', () => {
    const { page, sizes, keeper } = setup();
    const above = page.element('above', 500);
    const looked = page.element('looked', 2000);
    page.setScrollY(1600);
    page.atMiddle = looked;
    keeper.keepWhileMounting(page.asElement(above), () => null);
    keeper.stopKeepingSoon();
    page.advance(5000);
    looked.y += 300;
    sizes.instances[0].resized();
    keeper.keepInPlace();
    expect(page.scrolls).toEqual([]);
  });
});

describe('ScrollKeeper during a press', () => {
  it('keeps the pressed button in place when the page above it changes, until the press is over', () => {
    const { page, keeper } = setup();
    const button = page.element('button', 1500, 30);
    page.setScrollY(1000);
    page.fire('pointerdown', { isPrimary: true, target: button });
    // A phone hides the tools row of the cell selected before, above the button: it moves up.
    button.y -= 40;
    keeper.keepInPlace();
    expect(page.scrolls).toEqual([-40]);
    page.fire('pointerup', { isPrimary: true, target: button });
    page.advance(1000);
    button.y -= 40;
    keeper.keepInPlace();
    expect(page.scrolls).toEqual([-40]);
  });

  it('leaves nothing behind once stopped', () => {
    const { page, keeper, stop } = setup();
    const button = page.element('button', 1500, 30);
    page.setScrollY(1000);
    page.fire('pointerdown', { isPrimary: true, target: button });
    stop();
    button.y -= 40;
    keeper.keepInPlace();
    expect(page.scrolls).toEqual([]);
    expect(page.listenerCount()).toBe(0);
  });
});
