// Heavy parts of cells (code editors, rendered markdown, plots) mount when they come near the screen; the others one at a time while the browser is idle.
import { useLayoutEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/**
 * Why: fourteen CodeMirror editors built in one go each force a layout of the whole page as they
 * are made (~1.7 s of main thread on a loaded machine, while Run all's first outputs wait), and
 * every text cell's markdown and KaTeX would run before the first paint. What is on screen mounts
 * before the first paint, what scrolls within half a screen of view mounts then; the rest follow
 * in document order, one per quiet idle period, so that every part exists a moment later (tests,
 * Find, keyboard) without delaying outputs that are streaming in.
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
  observer?.unobserve(el);
  if (waiting.size === 0) {
    starting = false;
    observer?.disconnect();
    observer = null;
    idle?.cancel();
    idle = null;
  }
  return mount;
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
  if (idle || waiting.size === 0) return;
  idle = idleApi.request((quiet) => {
    idle = null;
    const now = performance.now();
    const el = quiet || now - lastMountMs >= busyPaceMs ? firstWaiting() : undefined;
    if (el) {
      lastMountMs = now;
      release(el)?.();
    }
    mountOneWhenIdle();
  });
}

/** Calls `mount` once, when `el` comes near the screen or its turn comes in idle time; returns a cancel. */
export function mountWhenNear(el: Element, mount: () => void): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    mount();
    return () => undefined;
  }
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) if (entry.isIntersecting) release(entry.target)?.();
    },
    { rootMargin: '50% 0px' },
  );
  waiting.set(el, mount);
  observer.observe(el);
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

/** On screen now (what scrolls near later, the IntersectionObserver's margin catches). */
function onScreen(el: Element): boolean {
  const { top, bottom } = el.getBoundingClientRect();
  return bottom > 0 && top < innerHeight;
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
