// Heavy parts of cells (code editors, rendered markdown, plots) mount when they come near the screen; the others one at a time once the page is quiet.
import { useLayoutEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { keepInPlace, keepWhileMounting, onScreen, stopKeepingSoon } from './keepInPlace';

/**
 * Why: fourteen CodeMirror editors built in one go each force a layout of the whole page as they
 * are made (~1.7 s of main thread on a loaded machine, while Run all's first outputs wait), and
 * every text cell's markdown and KaTeX would run before the first paint. What is on screen mounts
 * before the first paint, what scrolls within half a screen of view mounts then; the rest follow
 * in document order, one per quiet idle period, so that every part exists a moment later (tests,
 * Find, keyboard) without delaying outputs that are streaming in. They start only once the page has
 * settled (`settleMs` without a scroll, click or key, and no run going): on a phone each far editor
 * is a long task, and opening the page, a Run all or a scroll should never wait behind one.
 */
const waiting = new Map<Element, () => void>();
let observer: IntersectionObserver | null = null;
let idle: { cancel(): void } | null = null;
/** Only while the page starts: once everything waiting has mounted, later parts mount at once. */
let starting = typeof IntersectionObserver !== 'undefined';

/**
 * An idle period this long (of at most 50 ms) means nothing is being drawn or waiting to run: not
 * the slivers between frames while a run's outputs stream in. In those slivers (or a page that
 * draws every frame for long) parts still mount, but at most one every `busyPaceMs`.
 */
const quietIdleMs = 40;
const busyPaceMs = 250;
let lastMountMs = -Infinity;

/** Quiet time the page needs (since it loaded, the student last scrolled, clicked or typed, or the last run ended) before far parts take turns. */
export const settleMs = 5000;
let quietSinceMs = typeof performance === 'undefined' ? 0 : performance.now();
/** Runs going on (holdIdleMounts): no idle turns until they end. */
let holds = 0;
let settling: (() => void) | null = null;

function activity(): void {
  quietSinceMs = performance.now();
}

/**
 * Parts within the observer's margin but off screen while the student has not scrolled yet: they
 * mount at the first scroll (or key, which may scroll), or in their idle turn. Until then the page
 * that just opened does only what its first screen needs.
 */
const nearAtStart = new Set<Element>();
let scrolled = false;

function firstScroll(): void {
  if (scrolled) return;
  scrolled = true;
  const mounts = [...nearAtStart].map((el) => release(el));
  nearAtStart.clear();
  mounts.forEach((mount) => mount?.());
}

if (typeof window !== 'undefined') {
  for (const type of ['load', 'scroll', 'wheel', 'pointerdown', 'keydown', 'touchstart'] as const) {
    window.addEventListener(type, activity, { capture: true, passive: true });
  }
  for (const type of ['scroll', 'wheel', 'keydown', 'touchmove'] as const) {
    window.addEventListener(type, firstScroll, { capture: true, passive: true });
  }
}

const settled = (): boolean => holds === 0 && performance.now() - quietSinceMs >= settleMs;

/**
 * Holds far parts' idle turns while something runs (the notebook holds them while the kernel is
 * busy); returns the release. The page counts as quiet from the release on.
 */
export function holdIdleMounts(): () => void {
  holds += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holds -= 1;
    activity();
  };
}

/** Calls `run` once the page has settled (at once if it has); returns a cancel. */
export function whenPageSettles(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    if (settled()) run();
    else timer = setTimeout(check, Math.max(quietSinceMs + settleMs - performance.now(), holds > 0 ? settleMs : 0, 50));
  };
  check();
  return () => clearTimeout(timer);
}

type IdleApi = { request(run: (quiet: boolean) => void): { cancel(): void } };

/** requestIdleCallback where there is one (not in Safari): a short timer elsewhere. */
const idleApi: IdleApi =
  typeof requestIdleCallback === 'function'
    ? {
        request: (run) => {
          // The timeout: a page that is never idle (a long sweep drawing) still gets its parts.
          const handle = requestIdleCallback((deadline) => run(deadline.didTimeout || deadline.timeRemaining() >= quietIdleMs), { timeout: 2000 });
          return { cancel: () => cancelIdleCallback(handle) };
        },
      }
    : {
        request: (run) => {
          const handle = setTimeout(() => run(true), 50);
          return { cancel: () => clearTimeout(handle) };
        },
      };

function release(el: Element): (() => void) | undefined {
  const mount = waiting.get(el);
  waiting.delete(el);
  nearAtStart.delete(el);
  observer?.unobserve(el);
  if (waiting.size === 0) {
    starting = false;
    observer?.disconnect();
    observer = null;
    idle?.cancel();
    idle = null;
    settling?.();
    settling = null;
    stopKeepingSoon();
  }
  return mount;
}

/** The waiting placeholder `node` is in, if any (it is about to be replaced). */
function waitingPlaceholderOf(node: Element): Element | null {
  for (const el of waiting.keys()) if (el.contains(node)) return el;
  return null;
}

/** The waiting element that comes first in the document. */
function firstWaiting(): Element | undefined {
  let first: Element | undefined;
  for (const el of waiting.keys()) {
    if (!first || first.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING) first = el;
  }
  return first;
}

function mountOneWhenIdle(): void {
  if (idle || settling || waiting.size === 0) return;
  let ran = false;
  const cancel = whenPageSettles(() => {
    ran = true;
    settling = null;
    requestTurn();
  });
  if (!ran) settling = cancel;
}

function requestTurn(): void {
  if (idle || waiting.size === 0) return;
  idle = idleApi.request((quiet) => {
    idle = null;
    if (!settled()) {
      // The student scrolled or a run started since: wait until the page settles again.
      mountOneWhenIdle();
      return;
    }
    const now = performance.now();
    const el = quiet || now - lastMountMs >= busyPaceMs ? firstWaiting() : undefined;
    if (el) {
      lastMountMs = now;
      release(el)?.();
    }
    mountOneWhenIdle();
  });
}

/** Calls `mount` once, when `el` comes near the screen or its turn comes once the page is quiet; returns a cancel. */
export function mountWhenNear(el: Element, mount: () => void): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    mount();
    return () => undefined;
  }
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const { top, bottom } = entry.boundingClientRect;
        if (!scrolled && (bottom <= 0 || top >= innerHeight)) nearAtStart.add(entry.target);
        else release(entry.target)?.();
      }
    },
    { rootMargin: '50% 0px' },
  );
  waiting.set(el, mount);
  observer.observe(el);
  keepWhileMounting(el, waitingPlaceholderOf);
  mountOneWhenIdle();
  return () => void release(el);
}

/**
 * Mounts every part still waiting, now, and renders them before returning (the browser's Print
 * lays out the page right after `beforeprint`: a text cell still waiting would print as its
 * markdown source). Returns how many there were.
 */
export function mountAllNow(): number {
  const mounts = [...waiting.keys()].map((el) => release(el)).filter((mount) => mount !== undefined);
  if (mounts.length > 0) flushSync(() => mounts.forEach((mount) => mount()));
  return mounts.length;
}

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
  const [near, setNear] = useState(() => !starting && !(always && typeof IntersectionObserver !== 'undefined'));
  // State from a prop, set while rendering (React re-renders at once, before committing).
  if (now && !near) setNear(true);
  // Mounted: the page keeps what the reader looks at in place, before anything else runs.
  useLayoutEffect(() => {
    if (near || now) keepInPlace();
  }, [near, now]);
  useLayoutEffect(() => {
    const el = ref.current;
    if (near || !el) return;
    if (onScreen(el)) {
      setNear(true);
      return;
    }
    return mountWhenNear(el, () => setNear(true));
  }, [ref, near]);
  return near || now;
}
