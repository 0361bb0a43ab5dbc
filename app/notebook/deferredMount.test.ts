// Tests for deferred mounting, without a browser: parts near the screen mount, far ones take quiet turns in order, each notebook keeps its own.
import { describe, expect, it } from 'vitest';
import { DeferredMounts, settleMs } from './deferredMount';
import { createFakePage, fakeIntersectionObservers, fakeResizeObservers } from './testing/fakePage';

function setup() {
  const page = createFakePage();
  const near = fakeIntersectionObservers();
  const sizes = fakeResizeObservers();
  const mounts = new DeferredMounts(page.win, near.Near, sizes.Sizes);
  const stop = mounts.start();
  const mounted: string[] = [];
  const wait = (name: string, y: number) => {
    const el = page.element(name, y);
    mounts.mountWhenNear(page.asElement(el), () => mounted.push(name));
    return el;
  };
  return { page, near, sizes, mounts, stop, mounted, wait };
}

describe('DeferredMounts.mountWhenNear', () => {
  it('mounts at once where there is no IntersectionObserver (a server render)', () => {
    const page = createFakePage();
    const mounts = new DeferredMounts(page.win, undefined, undefined);
    const mounted: string[] = [];
    mounts.mountWhenNear(page.asElement(page.element('a', 5000)), () => mounted.push('a'));
    expect(mounted).toEqual(['a']);
    expect(mounts.starting).toBe(false);
  });

  it('mounts a part that comes on screen, once', () => {
    const { near, mounted, wait } = setup();
    const a = wait('a', 900);
    wait('b', 5000);
    near.instances[0].report(a, 300);
    near.instances[0].report(a, 300);
    expect(mounted).toEqual(['a']);
  });

  it('mounts at once a waiting part that a part mounted above it brought on screen, until the first scroll', () => {
    const { page, mounted, wait, mounts } = setup();
    const below = wait('below', 1000); // under the 800 px screen while the placeholder above is tall
    mounts.mountOnScreenNow();
    expect(mounted).toEqual([]);
    below.y = 600; // the part above mounted, shorter than its placeholder
    mounts.mountOnScreenNow();
    expect(mounted).toEqual(['below']);
    const later = wait('later', 1000);
    page.fire('scroll');
    later.y = 100;
    mounts.mountOnScreenNow(); // scrolled: the observer decides from now on
    expect(mounted).toEqual(['below']);
  });

  it('keeps a part near but off screen for the first scroll, then mounts it', () => {
    const { page, near, mounted, wait } = setup();
    const a = wait('a', 1000);
    wait('b', 5000);
    near.instances[0].report(a, 1000); // within the margin, below the 800 px screen
    expect(mounted).toEqual([]);
    page.fire('scroll');
    expect(mounted).toEqual(['a']);
  });

  it('mounts far parts one per turn, in document order, once the page has been quiet for settleMs', () => {
    const { page, mounted, wait } = setup();
    wait('first', 3000);
    wait('second', 6000);
    page.advance(settleMs);
    expect(mounted).toEqual([]);
    // Settled: each turn is an idle period (a 50 ms timer where there is no requestIdleCallback).
    page.advance(55);
    expect(mounted).toEqual(['first']);
    page.advance(50);
    expect(mounted).toEqual(['first', 'second']);
  });

  it('holds the quiet turns while a run goes on, and counts quiet from its end', () => {
    const { page, mounts, mounted, wait } = setup();
    wait('far', 3000);
    const release = mounts.holdIdleMounts();
    page.advance(3 * settleMs);
    expect(mounted).toEqual([]);
    release();
    page.advance(settleMs - 100);
    expect(mounted).toEqual([]);
    page.advance(400);
    expect(mounted).toEqual(['far']);
  });

  it('counts a key or a click as activity: the turns wait for quiet again', () => {
    const { page, mounted, wait } = setup();
    wait('far', 3000);
    page.advance(settleMs - 1000);
    page.fire('pointerdown', { isPrimary: true, target: null });
    page.advance(2000);
    expect(mounted).toEqual([]);
    page.advance(settleMs);
    expect(mounted).toEqual(['far']);
  });
});

describe('DeferredMounts.mountAllNow', () => {
  it("mounts every part still waiting in this notebook, and none of another notebook's", () => {
    const one = setup();
    const other = setup();
    one.wait('a', 3000);
    one.wait('b', 6000);
    other.wait('c', 3000);
    expect(one.mounts.mountAllNow()).toBe(2);
    expect(one.mounted.sort()).toEqual(['a', 'b']);
    expect(other.mounted).toEqual([]);
    expect(one.mounts.starting).toBe(false);
    expect(other.mounts.starting).toBe(true);
  });
});

describe('DeferredMounts.start', () => {
  it('listens while started and leaves no listener behind when stopped', () => {
    const { page, stop } = setup();
    expect(page.listenerCount()).toBeGreaterThan(0);
    stop();
    expect(page.listenerCount()).toBe(0);
  });
});

describe('DeferredMounts.whenPageSettles', () => {
  it('runs at once on a settled page, and later on a busy one', () => {
    const { page, mounts } = setup();
    let runs = 0;
    mounts.whenPageSettles(() => runs++);
    expect(runs).toBe(0);
    page.advance(settleMs);
    expect(runs).toBe(1);
    mounts.whenPageSettles(() => runs++);
    expect(runs).toBe(2);
  });

  it('is cancelled by its return', () => {
    const { page, mounts } = setup();
    let runs = 0;
    mounts.whenPageSettles(() => runs++)();
    page.advance(2 * settleMs);
    expect(runs).toBe(0);
  });
});
