// Slides in Jupyter's terms: a markdown cell cut at its `---slide---` lines, and each cell's slideshow.slide_type.
import { cutAtSlideBreaks, slideBreakMarker, slidesFrom, type SlideSourceCell } from '../present/slides';

/** The inverse of cutAtSlideBreaks (slides.ts). */
export function joinSlideParts(parts: readonly string[]): string {
  return parts.join(`\n${slideBreakMarker}\n`);
}

/**
 * `slide` for the cell part (`id#part`) that starts each slide the presentation shows, `-` (the
 * slide goes on) for the rest: what RISE and `jupyter nbconvert --to slides` read.
 */
export function slideTypes(cells: readonly SlideSourceCell[]): Map<string, 'slide' | '-'> {
  const types = new Map<string, 'slide' | '-'>();
  // Parts as the export cuts them (exact lines); the presentation's own parts may drop blank ones.
  const cut = new Map(cells.map((c) => [c.id, c.type === 'markdown' ? cutAtSlideBreaks(c.source) : [c.source]]));
  for (const [id, parts] of cut) parts.forEach((_, i) => types.set(`${id}#${i}`, '-'));
  for (const slide of slidesFrom(cells)) {
    const first = slide.parts[0];
    if (!first) continue;
    const cell = cells.find((c) => c.id === first.cellId);
    const index = cell?.type === 'markdown' ? partIndex(cut.get(cell.id) ?? [], first.segment ?? 0) : 0;
    types.set(`${first.cellId}#${index}`, 'slide');
  }
  return types;
}

/** The exported part holding the presentation's segment `segment` (blank parts are not segments). */
function partIndex(parts: readonly string[], segment: number): number {
  let seen = -1;
  for (let i = 0; i < parts.length; i++) {
    if (parts[i].trim() === '') continue;
    seen++;
    if (seen === segment) return i;
  }
  return 0;
}
