// Presentation: a code cell on a slide never gets less height than its code and outputs need at their own minimums.

/*
 * present.css lets code cells shrink to fit the slide, their editor and outputs scrolling inside.
 * A flexbox shares the shrinking among cells by size alone, though, so a small cell already at its
 * parts' minimums would be squeezed and spill under the control bar. Each shown code cell (and pair
 * row) gets an explicit min-height: what it needs with its parts at their minimums.
 */

/** The least of an editor (about five lines) and of an output area, in em of each (present.css reads them as variables). */
export const editorMinEm = 6.5;
export const outputsMinEm = 10;

export interface ShrinkablePart {
  /** Its height now. */
  currentPx: number;
  /** Its height with nothing scrolled away. */
  fullPx: number;
  /** The least it may shrink to (when its content is taller). */
  minPx: number;
}

/** A cell's least height: its height now, less what each part can still give up (plus what a squeezed one lacks). */
export function cellMinHeightPx(naturalPx: number, parts: readonly ShrinkablePart[]): number {
  let min = naturalPx;
  for (const part of parts) min -= part.currentPx - Math.min(part.fullPx, part.minPx);
  return Math.max(0, min);
}

function fontPx(el: Element): number {
  return parseFloat(getComputedStyle(el).fontSize) || 16;
}

function partsOf(cell: HTMLElement): ShrinkablePart[] {
  const parts: ShrinkablePart[] = [];
  for (const child of cell.children) {
    if (!(child instanceof HTMLElement) || child.offsetParent === null) continue;
    if (child.matches('.code-editor, .code-fallback')) {
      // CodeMirror scrolls in its own .cm-scroller; the editor box adds its border around it.
      const scroller = child.querySelector<HTMLElement>('.cm-scroller');
      const fullPx = scroller ? scroller.scrollHeight + (child.offsetHeight - scroller.clientHeight) : child.scrollHeight;
      parts.push({ currentPx: child.offsetHeight, fullPx, minPx: editorMinEm * fontPx(child) });
    } else if (child.matches('.outputs')) {
      parts.push({ currentPx: child.offsetHeight, fullPx: child.scrollHeight, minPx: outputsMinEm * fontPx(child) });
    }
  }
  return parts;
}

/**
 * The border-box height `cell` needs for its children as they are laid out now, overflow included
 * (scrollHeight leaves out a flex container's bottom padding when its children spill over).
 */
function contentHeightPx(cell: HTMLElement): number {
  const box = cell.getBoundingClientRect();
  const bottoms = [...cell.children].filter((c) => c.getClientRects().length > 0).map((c) => c.getBoundingClientRect().bottom);
  if (bottoms.length === 0) return cell.offsetHeight;
  const style = getComputedStyle(cell);
  const zoom = cell.currentCSSZoom || 1;
  return (Math.max(...bottoms) - box.top) / zoom + parseFloat(style.paddingBottom) + parseFloat(style.borderBottomWidth);
}

/** Sets the min-height of every shown code cell and pair row under `main` (lengths in the slide's own pixels). */
export function fitCodeCells(main: HTMLElement): void {
  // Measured without the last pass's minimums: a cell whose output got shorter may need less now.
  unfitCodeCells(main);
  const shown = [...main.querySelectorAll<HTMLElement>('.cell-code')].filter((c) => c.offsetParent !== null);
  const mins = shown.map((cell) => Math.ceil(cellMinHeightPx(contentHeightPx(cell), partsOf(cell))));
  shown.forEach((cell, i) => (cell.style.minHeight = `${mins[i]}px`));
  for (const pair of main.querySelectorAll<HTMLElement>('.cell-pair')) {
    const inPair = shown.filter((c) => c.parentElement === pair).map((c) => mins[shown.indexOf(c)]);
    if (inPair.length > 0) pair.style.minHeight = `${Math.max(...inPair)}px`;
  }
}

/** What fitCodeCells should watch under `main`: shown code cells, their editors, output areas and outputs. */
export function fitTargets(main: HTMLElement): HTMLElement[] {
  return [...main.querySelectorAll<HTMLElement>('.cell-code, .cell-code > .code-editor, .cell-code > .outputs, .cell-code .output')].filter((el) => el.offsetParent !== null);
}

/** Takes the min-heights away again (the notebook outside the presentation sizes cells by content). */
export function unfitCodeCells(main: ParentNode): void {
  for (const el of main.querySelectorAll<HTMLElement>('.cell-code, .cell-pair')) el.style.removeProperty('min-height');
}
