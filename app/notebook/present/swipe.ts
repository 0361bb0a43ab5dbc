// A horizontal swipe on a slide: right to left is the next slide, left to right the previous one.
import { useEffect, useRef } from 'react';

/** Shorter than this (CSS pixels) is a tap or a wobble, not a swipe. */
export const swipeMinPx = 50;

/** Where a swipe starts that is not the slide's to take: the bar, a menu, an editor, a plot, a box that scrolls sideways. */
const ownSwipes = '.present-bar, [role="menu"], dialog, .cm-editor, textarea, input, .out-plot, .scroll-box, .cell-scroll';

/**
 * The move a finger made from its start: `next`/`previous` for a mostly horizontal one long enough,
 * null for a vertical one (the page's) or a short one.
 */
export function swipeCommand(dx: number, dy: number): 'next' | 'previous' | null {
  if (Math.abs(dx) < swipeMinPx || Math.abs(dx) < 2 * Math.abs(dy)) return null;
  return dx < 0 ? 'next' : 'previous';
}

/** Whether a move so far is already the slide's: horizontal enough that the browser must not take it (its back gesture, a sideways pan). */
export function isSideways(dx: number, dy: number): boolean {
  return Math.abs(dx) > 10 && Math.abs(dx) > 2 * Math.abs(dy);
}

/** Calls `onSwipe` for each swipe on the slide; a sideways move is prevented, so the browser does not go back a page. */
export function useSlideSwipe(onSwipe: (command: 'next' | 'previous') => void): void {
  // The latest handler, without listening afresh (and losing a swipe under way) each time it changes.
  const handler = useRef(onSwipe);
  useEffect(() => {
    handler.current = onSwipe;
  });
  useEffect(() => {
    let start: { x: number; y: number } | null = null;
    const onStart = (e: TouchEvent): void => {
      const target = e.target instanceof Element ? e.target : null;
      start = e.touches.length === 1 && !target?.closest(ownSwipes) ? { x: e.touches[0].clientX, y: e.touches[0].clientY } : null;
    };
    const onMove = (e: TouchEvent): void => {
      if (!start || e.touches.length !== 1) return;
      if (isSideways(e.touches[0].clientX - start.x, e.touches[0].clientY - start.y) && e.cancelable) e.preventDefault();
    };
    const onEnd = (e: TouchEvent): void => {
      const from = start;
      start = null;
      const touch = e.changedTouches[0];
      if (!from || !touch) return;
      const command = swipeCommand(touch.clientX - from.x, touch.clientY - from.y);
      if (!command) return;
      if (e.cancelable) e.preventDefault();
      handler.current(command);
    };
    // Not passive: a sideways move is prevented as it happens, before the browser turns it into a gesture.
    window.addEventListener('touchstart', onStart, { passive: true });
    window.addEventListener('touchmove', onMove, { passive: false });
    window.addEventListener('touchend', onEnd);
    return () => {
      window.removeEventListener('touchstart', onStart);
      window.removeEventListener('touchmove', onMove);
      window.removeEventListener('touchend', onEnd);
    };
  }, []);
}
