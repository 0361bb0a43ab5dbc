// Makes boxes that scroll sideways reachable by keyboard (Tab, then arrow keys), only while they overflow.
import { useEffect, type RefObject } from 'react';

/** Wide display math, code and text outputs, markdown tables: what can overflow on a phone. */
const scrollers = '.katex-display, pre, .md-table-scroll, .network-scroll';

/** Gives overflowing boxes under `root` a tab stop; boxes that fit lose it again (no needless tab stops). */
export function markScrollable(root: HTMLElement): void {
  for (const el of root.querySelectorAll<HTMLElement>(scrollers)) {
    const overflowing = el.scrollWidth > el.clientWidth + 1;
    if (overflowing && !el.hasAttribute('tabindex')) {
      el.tabIndex = 0;
      el.dataset.keyboardScroll = '';
    } else if (!overflowing && el.dataset.keyboardScroll !== undefined) {
      el.removeAttribute('tabindex');
      delete el.dataset.keyboardScroll;
    }
  }
}

/** Re-checks after each render of the content (`deps`), when the window width changes and when fonts arrive (KaTeX's widen formulas). */
export function useKeyboardScroll(ref: RefObject<HTMLElement | null>, deps: unknown): void {
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const check = (): void => markScrollable(root);
    check();
    window.addEventListener('resize', check);
    document.fonts?.addEventListener('loadingdone', check);
    return () => {
      window.removeEventListener('resize', check);
      document.fonts?.removeEventListener('loadingdone', check);
    };
  }, [ref, deps]);
}
