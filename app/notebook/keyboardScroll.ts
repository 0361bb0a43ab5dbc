// Makes boxes that scroll sideways reachable by keyboard (Tab, then arrow keys), only while they overflow.
import { useEffect, type RefObject } from 'react';

/** Wide display math, code and text outputs, markdown tables: what can overflow on a phone. */
const scrollers = '.katex-display, pre, .md-table-scroll';

/** Gives overflowing boxes under `root` a tab stop and a name; boxes that fit lose them again. */
export function markScrollable(root: HTMLElement): void {
  for (const el of root.querySelectorAll<HTMLElement>(scrollers)) {
    const overflowing = el.scrollWidth > el.clientWidth + 1;
    if (overflowing && !el.hasAttribute('tabindex')) {
      el.tabIndex = 0;
      el.setAttribute('role', 'region');
      el.setAttribute('aria-label', 'Scrollable content');
      el.dataset.keyboardScroll = '';
    } else if (!overflowing && el.dataset.keyboardScroll !== undefined) {
      el.removeAttribute('tabindex');
      el.removeAttribute('role');
      el.removeAttribute('aria-label');
      delete el.dataset.keyboardScroll;
    }
  }
}

/** Re-checks after each render of the content (`deps`) and when the window width changes. */
export function useKeyboardScroll(ref: RefObject<HTMLElement | null>, deps: unknown): void {
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    markScrollable(root);
    const onResize = (): void => markScrollable(root);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [ref, deps]);
}
