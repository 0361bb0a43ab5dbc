// Makes boxes that scroll sideways reachable by keyboard (Tab, then arrow keys), only while they overflow.
import { useEffect, type RefObject } from 'react';

/** Wide display math, code and text outputs, markdown tables: what can overflow on a phone. */
const scrollers = '.katex-display, pre, .md-table-scroll, .network-scroll';

/** Gives a box that overflows a tab stop; a box that fits loses it again (no needless tab stops). */
function mark(el: HTMLElement, overflowing: boolean): void {
  if (overflowing && !el.hasAttribute('tabindex')) {
    el.tabIndex = 0;
    el.dataset.keyboardScroll = '';
  } else if (!overflowing && el.dataset.keyboardScroll !== undefined) {
    el.removeAttribute('tabindex');
    delete el.dataset.keyboardScroll;
  }
}

/**
 * Measures the boxes under `roots`, every read before any write: reading a width right after a
 * write forces the browser to lay the page out again, once per box (seconds, on a lesson of
 * outputs), where reads in a row share one layout.
 */
export function markScrollable(roots: Iterable<HTMLElement>): void {
  const boxes: HTMLElement[] = [];
  for (const root of roots) if (root.isConnected) boxes.push(...root.querySelectorAll<HTMLElement>(scrollers));
  const overflowing = boxes.map((el) => el.scrollWidth > el.clientWidth + 1);
  boxes.forEach((el, i) => mark(el, overflowing[i]));
}

/**
 * One checker for the whole page. Blocks ask for a check as they render; the checks wait for the
 * browser's next idle moment and run together there: after a frame the layout is up to date, so
 * reading widths costs no extra layout (in an animation frame they forced one, ~1 s of a loaded
 * machine's Run all). One ResizeObserver watches every block (a window resize, a column getting
 * narrower) and fonts arriving re-check them all (KaTeX's fonts widen formulas without resizing
 * their block).
 */
const mounted = new Set<HTMLElement>();
const pending = new Set<HTMLElement>();
let waiting: { cancel(): void } | null = null;
let resizes: ResizeObserver | null = null;

function flush(): void {
  waiting = null;
  const roots = [...pending];
  pending.clear();
  markScrollable(roots);
}

/** requestIdleCallback where there is one (not in Safari), else the next animation frame. */
function whenIdle(run: () => void): { cancel(): void } {
  if (typeof requestIdleCallback === 'function') {
    // The timeout: a page that is never idle (a long sweep drawing) still gets its tab stops.
    const handle = requestIdleCallback(run, { timeout: 1000 });
    return { cancel: () => cancelIdleCallback(handle) };
  }
  const handle = requestAnimationFrame(run);
  return { cancel: () => cancelAnimationFrame(handle) };
}

function schedule(root: HTMLElement): void {
  pending.add(root);
  waiting ??= whenIdle(flush);
}

const recheckAll = (): void => mounted.forEach(schedule);

function watch(root: HTMLElement): void {
  if (mounted.size === 0) {
    if (typeof ResizeObserver !== 'undefined') {
      resizes = new ResizeObserver((entries) => entries.forEach((entry) => schedule(entry.target as HTMLElement)));
    } else window.addEventListener('resize', recheckAll);
    document.fonts?.addEventListener('loadingdone', recheckAll);
  }
  mounted.add(root);
  resizes?.observe(root);
}

function unwatch(root: HTMLElement): void {
  mounted.delete(root);
  pending.delete(root);
  resizes?.unobserve(root);
  if (mounted.size > 0) return;
  resizes?.disconnect();
  resizes = null;
  window.removeEventListener('resize', recheckAll);
  document.fonts?.removeEventListener('loadingdone', recheckAll);
  waiting?.cancel();
  waiting = null;
}

/** Checks the boxes under `ref` after each render of its content (`deps`), when it resizes and when fonts arrive. */
export function useKeyboardScroll(ref: RefObject<HTMLElement | null>, deps: unknown): void {
  useEffect(() => {
    // Read on every change: the box may appear only with the content (an output list starts empty).
    const root = ref.current;
    if (!root) return;
    watch(root);
    schedule(root);
    return () => unwatch(root);
  }, [ref, deps]);
}
