// The shown slide's blocks on the page: scales the ones too big for the view, measures them, shows one step.
import { seenInStep, stepStarts, wholeInStep, type BlockSpan } from './steps';

/** Set on a block while the step shown cuts it: hidden until a step shows it whole. */
export const laterClass = 'present-later';

/** Blocks scaled to fit: outputs, and a text cell's formulas, tables and code listings (never the code editor, which scrolls). */
const scaledBlocks = '.output, .md-math-display, .md-table-scroll, table, pre';

const shown = (el: Element): boolean => el.getClientRects().length > 0;

/**
 * The slide's blocks, each shown whole or not at all: a text cell's paragraphs, formulas and lists;
 * a code cell's prompt and editor together; each of its outputs.
 */
export function slideBlocks(main: HTMLElement): HTMLElement[][] {
  const blocks: HTMLElement[][] = [];
  for (const cell of main.querySelectorAll<HTMLElement>('[data-cell]')) {
    if (!shown(cell)) continue;
    if (cell.dataset.cellType === 'code') {
      const head = [...cell.children].filter((c): c is HTMLElement => c instanceof HTMLElement && !c.classList.contains('outputs') && shown(c));
      if (head.length > 0) blocks.push(head);
      for (const output of cell.querySelectorAll<HTMLElement>(':scope > .outputs > .output')) if (shown(output)) blocks.push([output]);
    } else {
      const parts = [...cell.querySelectorAll<HTMLElement>('.markdown > :not(.slide-segment), .markdown > .slide-segment > *')].filter(shown);
      for (const part of parts) blocks.push([part]);
    }
  }
  return blocks;
}

/** A block's span in `main`'s scroll coordinates (its own pixels, before main's zoom). */
function spanOf(main: HTMLElement, block: HTMLElement[], zoom: number): BlockSpan {
  const top = main.getBoundingClientRect().top;
  const rects = block.map((el) => el.getBoundingClientRect());
  return {
    top: (Math.min(...rects.map((r) => r.top)) - top) / zoom + main.scrollTop,
    bottom: (Math.max(...rects.map((r) => r.bottom)) - top) / zoom + main.scrollTop,
  };
}

/**
 * Scales a one-element block down (CSS zoom) until it fits the view's width and height: a wide table,
 * a long formula, a tall figure. Text cells' paragraphs wrap instead, and a code editor scrolls.
 */
function scaleToFit(el: HTMLElement, widthPx: number, heightPx: number): void {
  el.style.removeProperty('zoom');
  delete el.dataset.presentScaled;
  // A plot redraws at its box's width by itself (Plotly's resize): only its height can be too much.
  const wide = el.querySelector('.out-plot') ? 0 : el.scrollWidth;
  const tall = el.getBoundingClientRect().height / (el.currentCSSZoom || 1);
  const ratio = Math.min(1, widthPx / Math.max(1, wide), heightPx / Math.max(1, tall));
  if (ratio < 0.995) {
    el.style.zoom = String(Math.floor(ratio * 1000) / 1000);
    el.dataset.presentScaled = '';
  }
}

/** The view's height for blocks: main's inner height less its padding (its own pixels). */
function viewHeightPx(main: HTMLElement): number {
  const style = getComputedStyle(main);
  return main.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
}

/**
 * Lays out the shown slide at step `step` (clamped): scales oversized blocks, scrolls `main` to the
 * step's start and hides the blocks that step cuts. Returns how many steps the slide has.
 */
export function showStep(main: HTMLElement, step: number): { count: number; at: number } {
  const blocks = slideBlocks(main);
  for (const cell of main.querySelectorAll<HTMLElement>(`[data-cell].${laterClass}`)) cell.classList.remove(laterClass);
  const viewPx = viewHeightPx(main);
  const widthPx = main.clientWidth - parseFloat(getComputedStyle(main).paddingLeft) - parseFloat(getComputedStyle(main).paddingRight);
  for (const block of blocks) {
    for (const el of block) el.classList.remove(laterClass);
    if (block.length === 1 && block[0].matches(scaledBlocks)) scaleToFit(block[0], widthPx, viewPx);
  }
  main.scrollTop = 0;
  const zoom = main.currentCSSZoom || 1;
  const spans = blocks.map((b) => spanOf(main, b, zoom));
  const padTop = parseFloat(getComputedStyle(main).paddingTop);
  // The view starts a padding above each step's first block, as the slide does above its first.
  const starts = stepStarts(spans.map((s) => ({ top: s.top - padTop, bottom: s.bottom - padTop })), viewPx).map((s) => Math.max(0, s));
  const at = Math.max(0, Math.min(starts.length - 1, step));
  main.scrollTop = starts[at];
  // A cell's frame shows only on a step that shows some of what it holds: never an empty box.
  const cellSeen = new Map<HTMLElement, boolean>();
  blocks.forEach((block, i) => {
    const s = { top: spans[i].top - padTop, bottom: spans[i].bottom - padTop };
    const later = !wholeInStep(s, starts[at], viewPx) && s.bottom - s.top <= viewPx;
    if (later) for (const el of block) el.classList.add(laterClass);
    const cell = block[0].closest<HTMLElement>('[data-cell]');
    if (cell) cellSeen.set(cell, (cellSeen.get(cell) ?? false) || (!later && seenInStep(s, starts[at], viewPx)));
  });
  for (const [cell, seen] of cellSeen) if (!seen) cell.classList.add(laterClass);
  return { count: starts.length, at };
}

/** Back to the notebook's layout: no scaled blocks, nothing hidden. */
export function clearSteps(main: HTMLElement): void {
  for (const el of main.querySelectorAll<HTMLElement>(`.${laterClass}`)) el.classList.remove(laterClass);
  for (const el of main.querySelectorAll<HTMLElement>('[data-present-scaled]')) {
    el.style.removeProperty('zoom');
    delete el.dataset.presentScaled;
  }
  main.scrollTop = 0;
}
