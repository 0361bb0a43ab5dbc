// After a move, the moved cell's top bar (with its buttons) is kept in view, as Jupyter keeps the active cell in view.

/**
 * How far to scroll (0: not at all) after a move, for the moved block's first cell whose top is now
 * at `top` (px from the window's top) and was at `wasTop` before the move. A bar in view counts when
 * it is below `covered` (the sticky header's height: the cell's scroll-margin-top) and `barPx` above
 * the window's bottom. A bar that was in view goes back where it was (the button stays under the
 * pointer, for the next press); else it stays if in view, or comes to just below the header.
 */
export function revealScroll(top: number, wasTop: number | null, covered: number, innerHeight: number, barPx = 48): number {
  const inView = (y: number): boolean => y >= covered && y + barPx <= innerHeight;
  const want = wasTop !== null && inView(wasTop) ? wasTop : inView(top) ? top : covered;
  return top - want;
}
