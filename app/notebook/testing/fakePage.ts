// A page without a browser for the deferred-mounting and scroll-keeping tests: a clock, timers, events, elements that have a place on screen.
import type { MountWindow } from '../deferredMount';

/** An element at a place on the page (`y`: its top in page coordinates), `height` tall. */
export interface FakeElement {
  name: string;
  y: number;
  height: number;
  isConnected: boolean;
  parentElement: FakeElement | null;
  getBoundingClientRect(): { top: number; bottom: number };
  contains(node: unknown): boolean;
  compareDocumentPosition(other: FakeElement): number;
  closest(selector: string): FakeElement | null;
  querySelector(selector: string): FakeElement | null;
  querySelectorAll(selector: string): FakeElement[];
}

type Listener = (event: { target: unknown; isPrimary?: boolean }) => void;

export interface FakePage {
  win: MountWindow;
  /** Elements in document order. */
  element(name: string, y: number, height?: number): FakeElement;
  asElement(el: FakeElement): Element;
  /** Moves time on, running the timers that come due, in order. */
  advance(ms: number): void;
  /** Fires an event at the window (`target` defaults to the document). */
  fire(type: string, event?: { target?: unknown; isPrimary?: boolean }): void;
  listenerCount(): number;
  /** Where the page is scrolled to (no scroll event: fire one for the reader's scroll). */
  setScrollY(y: number): void;
  /** The element `elementFromPoint` finds at the middle of the screen. */
  atMiddle: FakeElement | null;
  scrolls: number[];
}

export function createFakePage(): FakePage {
  let nowMs = 0;
  let nextTimer = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  const listeners = new Map<string, Set<Listener>>();
  const order: FakeElement[] = [];
  const classes = new Set<string>();
  const document = {
    activeElement: null as unknown,
    body: null as unknown,
    documentElement: { classList: { toggle: (name: string, on: boolean) => (on ? classes.add(name) : classes.delete(name), on) } },
    elementFromPoint: () => page.atMiddle,
  };
  const win = {
    scrollY: 0,
    innerHeight: 800,
    innerWidth: 400,
    document,
    performance: { now: () => nowMs },
    scrollBy: ({ top = 0 }: { top?: number }) => {
      win.scrollY += top;
      page.scrolls.push(top);
    },
    setTimeout: (run: () => void, ms = 0) => {
      const id = nextTimer++;
      timers.set(id, { at: nowMs + ms, run });
      return id;
    },
    clearTimeout: (id?: number) => void (id !== undefined && timers.delete(id)),
    addEventListener: (type: string, listener: Listener) => void (listeners.get(type) ?? listeners.set(type, new Set()).get(type))?.add(listener),
    removeEventListener: (type: string, listener: Listener) => void listeners.get(type)?.delete(listener),
  };
  const element = (name: string, y: number, height = 100): FakeElement => {
    const el: FakeElement = {
      name,
      y,
      height,
      isConnected: true,
      parentElement: null,
      getBoundingClientRect: () => ({ top: el.y - win.scrollY, bottom: el.y + el.height - win.scrollY }),
      contains: (node) => node === el,
      // 2: the other comes before this one (Node.DOCUMENT_POSITION_PRECEDING), 4: after it.
      compareDocumentPosition: (other) => (order.indexOf(other) < order.indexOf(el) ? 2 : 4),
      closest: () => null,
      querySelector: () => null,
      querySelectorAll: () => [],
    };
    order.push(el);
    return el;
  };
  const page: FakePage = {
    win: win as unknown as MountWindow,
    element,
    asElement: (el) => el as unknown as Element,
    advance(ms) {
      const end = nowMs + ms;
      for (;;) {
        const due = [...timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (!due) break;
        timers.delete(due[0]);
        nowMs = Math.max(nowMs, due[1].at);
        due[1].run();
      }
      nowMs = end;
    },
    fire(type, event = {}) {
      for (const listener of [...(listeners.get(type) ?? [])]) listener({ target: 'target' in event ? event.target : document, isPrimary: event.isPrimary });
    },
    setScrollY: (y) => void (win.scrollY = y),
    listenerCount: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
    atMiddle: null,
    scrolls: [],
  };
  document.body = element('body', 0, 100_000);
  return page;
}

/** An IntersectionObserver whose reports the test makes (`report`), one list of instances per test. */
export function fakeIntersectionObservers() {
  const instances: { watched: Set<unknown>; report(el: FakeElement, top: number): void }[] = [];
  class FakeIntersectionObserver {
    watched = new Set<unknown>();
    constructor(private readonly callback: (entries: unknown[]) => void) {
      instances.push(this);
    }
    observe(el: unknown) {
      this.watched.add(el);
    }
    unobserve(el: unknown) {
      this.watched.delete(el);
    }
    disconnect() {
      this.watched.clear();
    }
    report(el: FakeElement, top: number) {
      if (this.watched.has(el)) this.callback([{ isIntersecting: true, target: el, boundingClientRect: { top, bottom: top + el.height } }]);
    }
  }
  return { instances, Near: FakeIntersectionObserver as unknown as typeof IntersectionObserver };
}

/** A ResizeObserver the test triggers (`resized`). */
export function fakeResizeObservers() {
  const instances: { watched: Set<unknown>; resized(): void }[] = [];
  class FakeResizeObserver {
    watched = new Set<unknown>();
    constructor(private readonly callback: () => void) {
      instances.push(this);
    }
    observe(el: unknown) {
      this.watched.add(el);
    }
    disconnect() {
      this.watched.clear();
    }
    resized() {
      if (this.watched.size > 0) this.callback();
    }
  }
  return { instances, Sizes: FakeResizeObserver as unknown as typeof ResizeObserver };
}
