// Where a key moves the focus among the More menu's items: pure, so it is tested without a browser.

/**
 * The index to focus after `key`, among `count` items (the enabled ones) of which `current` has the
 * focus (-1: none of them). Null: the key does not move in a menu. Arrows wrap round, as in a
 * native menu, so the last item is one press away from the first.
 */
export function menuFocusAfter(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return current < 0 ? 0 : (current + 1) % count;
    case 'ArrowUp':
      return current < 0 ? count - 1 : (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** The item to focus when a key on the More button opens the menu: ArrowUp the last, the others the first. */
export function menuFocusOnOpen(key: string | null, count: number): number | null {
  if (count === 0) return null;
  return key === 'ArrowUp' ? count - 1 : 0;
}
