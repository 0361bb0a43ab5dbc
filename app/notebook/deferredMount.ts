// Heavy parts of cells (code editors, rendered markdown, plots) mount when they come near the screen; the others one at a time once the page is quiet.
import { createContext, useContext, useLayoutEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { onScreen, ScrollKeeper, type KeeperWindow } from './keepInPlace';

// Why parts wait, and in which order they come: README.md in this folder ("Deferred mounting").

/**
 * An idle period this long (of at most 50 ms) means nothing is being drawn or waiting to run: not
 * the slivers between frames while a run's outputs stream in. In those slivers (or a page that
 * draws every frame for long) parts still mount, but at most one every `busyPaceMs`.
 */
const quietIdleMs = 40;
const busyPaceMs = 250;

/** Quiet time the page needs (since it loaded, the student last scrolled, clicked or typed, or the last run ended) before far parts take turns. */
export const settleMs = 5000;

type IdleApi = { request(run: (quiet: boolean) => void): { cancel(): void } };

/** The page parts mount in: the browser's window, or a stand-in in tests. */
export type MountWindow = KeeperWindow & Pick<Window, 'performance'> & Partial<Pick<Window, 'requestIdleCallback' | 'cancelIdleCallback'>>;

/** requestIdleCallback where there is one (not in Safari): a short timer elsewhere. */
function idleApiOf(win: MountWindow): IdleApi {
  const { requestIdleCallback: request, cancelIdleCallback: cancel } = win;
  if (typeof request === 'function' && typeof cancel === 'function') {
    return {
      request: (run) => {
        // The timeout: a page that is never idle (a long sweep drawing) still gets its parts.
        const handle = request.call(win, (deadline) => run(deadline.didTimeout || deadline.timeRemaining() >= quietIdleMs), { timeout: 2000 });
        return { cancel: () => cancel.call(win, handle) };
      },
    };
  }
  return {
    request: (run) => {
      const handle = win.setTimeout(() => run(true), 50);
      return { cancel: () => win.clearTimeout(handle) };
    },
  };
}

/** Deferred mounting for one notebook's page (see the comment above); `start` listens, its return stops. */
export class DeferredMounts {
  readonly keeper: ScrollKeeper;
  private readonly waiting = new Map<Element, () => void>();
  private observer: IntersectionObserver | null = null;
  private idle: { cancel(): void } | null = null;
  private readonly idleApi: IdleApi;
  /** Only while the page starts: once everything waiting has mounted, later parts mount at once. */
  starting: boolean;
  private lastMountMs = -Infinity;
  private quietSinceMs: number;
  /** Runs going on (holdIdleMounts): no idle turns until they end. */
  private holds = 0;
  private settling: (() => void) | null = null;
  /**
   * Parts within the observer's margin but off screen while the student has not scrolled yet: they
   * mount at the first scroll (or key, which may scroll), or in their idle turn. Until then the page
   * that just opened does only what its first screen needs.
   */
  private readonly nearAtStart = new Set<Element>();
  private scrolled = false;

  constructor(
    private readonly win: MountWindow,
    /** The browser's IntersectionObserver; none (a server render, a test): every part mounts at once. */
    private readonly Near: typeof IntersectionObserver | undefined = globalThis.IntersectionObserver,
    Sizes: typeof ResizeObserver | undefined = globalThis.ResizeObserver,
  ) {
    this.keeper = new ScrollKeeper(win, Sizes);
    this.idleApi = idleApiOf(win);
    this.starting = Near !== undefined;
    this.quietSinceMs = win.performance.now();
  }

  /** Listens to the student's activity (and starts the scroll keeper); returns the stop. */
  start(): () => void {
    const { win } = this;
    const activity = (): void => this.activity();
    const firstScroll = (): void => this.firstScroll();
    const options = { capture: true, passive: true } as const;
    const activities = ['load', 'scroll', 'wheel', 'pointerdown', 'keydown', 'touchstart'] as const;
    const scrolls = ['scroll', 'wheel', 'keydown', 'touchmove'] as const;
    for (const type of activities) win.addEventListener(type, activity, options);
    for (const type of scrolls) win.addEventListener(type, firstScroll, options);
    const stopKeeping = this.keeper.start();
    return () => {
      for (const type of activities) win.removeEventListener(type, activity, options);
      for (const type of scrolls) win.removeEventListener(type, firstScroll, options);
      stopKeeping();
    };
  }

  private activity(): void {
    this.quietSinceMs = this.win.performance.now();
  }

  private firstScroll(): void {
    if (this.scrolled) return;
    this.scrolled = true;
    const mounts = [...this.nearAtStart].map((el) => this.release(el));
    this.nearAtStart.clear();
    mounts.forEach((mount) => mount?.());
  }

  private settled(): boolean {
    return this.holds === 0 && this.win.performance.now() - this.quietSinceMs >= settleMs;
  }

  /**
   * Holds far parts' idle turns while something runs (the notebook holds them while the kernel is
   * busy); returns the release. The page counts as quiet from the release on.
   */
  holdIdleMounts(): () => void {
    this.holds += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds -= 1;
      this.activity();
    };
  }

  /** Calls `run` once the page has settled (at once if it has); returns a cancel. */
  whenPageSettles(run: () => void): () => void {
    let timer: number | undefined;
    const check = (): void => {
      if (this.settled()) run();
      else timer = this.win.setTimeout(check, Math.max(this.quietSinceMs + settleMs - this.win.performance.now(), this.holds > 0 ? settleMs : 0, 50));
    };
    check();
    return () => this.win.clearTimeout(timer);
  }

  private release(el: Element): (() => void) | undefined {
    const mount = this.waiting.get(el);
    this.waiting.delete(el);
    this.nearAtStart.delete(el);
    this.observer?.unobserve(el);
    if (this.waiting.size === 0) {
      this.starting = false;
      this.observer?.disconnect();
      this.observer = null;
      this.idle?.cancel();
      this.idle = null;
      this.settling?.();
      this.settling = null;
      this.keeper.stopKeepingSoon();
    }
    return mount;
  }

  /** The waiting placeholder `node` is in, if any (it is about to be replaced). */
  private waitingPlaceholderOf(node: Element): Element | null {
    for (const el of this.waiting.keys()) if (el.contains(node)) return el;
    return null;
  }

  /** The waiting element that comes first in the document. */
  private firstWaiting(): Element | undefined {
    let first: Element | undefined;
    for (const el of this.waiting.keys()) {
      if (!first || first.compareDocumentPosition(el) & 2 /* Node.DOCUMENT_POSITION_PRECEDING */) first = el;
    }
    return first;
  }

  private mountOneWhenIdle(): void {
    if (this.idle || this.settling || this.waiting.size === 0) return;
    let ran = false;
    const cancel = this.whenPageSettles(() => {
      ran = true;
      this.settling = null;
      this.requestTurn();
    });
    if (!ran) this.settling = cancel;
  }

  private requestTurn(): void {
    if (this.idle || this.waiting.size === 0) return;
    this.idle = this.idleApi.request((quiet) => {
      this.idle = null;
      if (!this.settled()) {
        // The student scrolled or a run started since: wait until the page settles again.
        this.mountOneWhenIdle();
        return;
      }
      const now = this.win.performance.now();
      const el = quiet || now - this.lastMountMs >= busyPaceMs ? this.firstWaiting() : undefined;
      if (el) {
        this.lastMountMs = now;
        this.release(el)?.();
      }
      this.mountOneWhenIdle();
    });
  }

  /** Calls `mount` once, when `el` comes near the screen or its turn comes once the page is quiet; returns a cancel. */
  mountWhenNear(el: Element, mount: () => void): () => void {
    if (!this.Near) {
      mount();
      return () => undefined;
    }
    this.observer ??= new this.Near(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          const { top, bottom } = entry.boundingClientRect;
          if (!this.scrolled && (bottom <= 0 || top >= this.win.innerHeight)) this.nearAtStart.add(entry.target);
          else this.release(entry.target)?.();
        }
      },
      { rootMargin: '50% 0px' },
    );
    this.waiting.set(el, mount);
    this.observer.observe(el);
    this.keeper.keepWhileMounting(el, (node) => this.waitingPlaceholderOf(node));
    this.mountOneWhenIdle();
    return () => void this.release(el);
  }

  /**
   * Mounts every part still waiting, now, and renders them before returning (the browser's Print
   * lays out the page right after `beforeprint`: a text cell still waiting would print as its
   * markdown source). Returns how many there were.
   */
  mountAllNow(): number {
    const mounts = [...this.waiting.keys()].map((el) => this.release(el)).filter((mount) => mount !== undefined);
    if (mounts.length > 0) flushSync(() => mounts.forEach((mount) => mount()));
    return mounts.length;
  }

  /**
   * Mounts, now, every waiting part on screen: a part that just mounted above them may have brought
   * them there (a placeholder can be taller than what replaces it). Called in the layout phase, so
   * they mount before the page paints. Only until the student scrolls: then the observer decides.
   */
  mountOnScreenNow(): void {
    if (this.scrolled || !this.starting) return;
    for (const el of [...this.waiting.keys()]) if (this.onScreen(el)) this.release(el)?.();
  }

  /** Whether a part whose placeholder is `el` may mount at once, before the first paint. */
  onScreen(el: Element): boolean {
    return onScreen(el, this.win.innerHeight);
  }
}

/** The mounting of the notebook a part is rendered in; none (a server render, a test): parts mount at once. */
export const DeferredMountsContext = createContext<DeferredMounts | null>(null);

export interface MountOptions {
  /** Mount at once (the student wants that editor); once mounted a part stays, whatever this becomes. */
  now?: boolean;
  /** Wait to come near the screen also after the page has started (Plotly: a heavy chunk, then a heavy drawing). */
  always?: boolean;
}

/**
 * Whether the part whose placeholder is `ref` may mount now. A part on screen mounts before the
 * first paint (no flash of its placeholder).
 */
export function useMountWhenNear(ref: RefObject<Element | null>, { now = false, always = false }: MountOptions = {}): boolean {
  const mounts = useContext(DeferredMountsContext);
  const [near, setNear] = useState(() => !mounts || (!mounts.starting && !always));
  // State from a prop, set while rendering (React re-renders at once, before committing).
  if (now && !near) setNear(true);
  // Mounted: the page keeps what the reader looks at in place, before anything else runs.
  useLayoutEffect(() => {
    if (!(near || now)) return;
    mounts?.keeper.keepInPlace();
    mounts?.mountOnScreenNow();
  }, [mounts, near, now]);
  useLayoutEffect(() => {
    const el = ref.current;
    if (near || !el || !mounts) return;
    if (mounts.onScreen(el)) {
      setNear(true);
      return;
    }
    return mounts.mountWhenNear(el, () => setNear(true));
  }, [mounts, ref, near]);
  return near || now;
}
