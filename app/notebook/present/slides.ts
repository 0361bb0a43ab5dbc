// The notebook as slides: a slide starts at a `#`/`##` heading or at an author's `---slide---` line.

/** A line holding only this (outside code fences) ends one slide and starts the next; it renders as nothing. */
export const slideBreakMarker = '---slide---';

/** What slide splitting needs of a cell: its id, its kind and its (possibly edited) source. */
export interface SlideSourceCell {
  id: string;
  type: 'markdown' | 'code';
  source: string;
}

/** One cell on a slide: the whole cell, or one `---slide---` segment of a markdown cell. */
export interface SlidePart {
  cellId: string;
  /** Index into `splitAtSlideBreaks(source)`; absent when the cell has no break (the whole cell). */
  segment?: number;
}

export interface Slide {
  /** What a screen reader announces: the slide's heading, or the previous one's, continued. */
  title: string;
  parts: SlidePart[];
}

const fenceOpen = /^ {0,3}(`{3,}|~{3,})/;
const atxHeading = /^ {0,3}(#{1,2})(?:[ \t]+(.*?))?[ \t]*$/;
const setextUnderline = /^ {0,3}(=+|-+)[ \t]*$/;

/**
 * The text between the slide-break lines of a markdown cell (outside code fences), blank parts kept:
 * joined with `\n---slide---\n` they give the source back (bar blank lines at a cell's edges and
 * spaces around a marker). A marker inside a fenced code block is shown as written, not obeyed.
 */
export function cutAtSlideBreaks(source: string): string[] {
  const parts: string[] = [];
  let lines: string[] = [];
  let fence: string | null = null;
  for (const line of source.split('\n')) {
    const open = fenceOpen.exec(line);
    if (fence === null && open) fence = open[1];
    else if (fence !== null && open && open[1][0] === fence[0] && open[1].length >= fence.length && line.trim() === open[1]) fence = null;
    if (fence === null && line.trim() === slideBreakMarker) {
      parts.push(lines.join('\n'));
      lines = [];
    } else {
      lines.push(line);
    }
  }
  parts.push(lines.join('\n'));
  return parts;
}

/** The markdown between slide breaks, blank segments dropped (a break at the top of a cell or two in a row make no empty slide). */
export function splitAtSlideBreaks(source: string): string[] {
  return cutAtSlideBreaks(source).filter((s) => s.trim() !== '');
}

/**
 * Whether a slide break opens or closes `source` (its first or last line with content, outside code
 * fences, is the marker): the cell then starts a new slide, or the cell after it does.
 */
export function slideBreakEdges(source: string): { atStart: boolean; atEnd: boolean } {
  const contentLines: { line: string; fenced: boolean }[] = [];
  let fence: string | null = null;
  for (const line of source.split('\n')) {
    const open = fenceOpen.exec(line);
    const fencedBefore = fence !== null;
    if (fence === null && open) fence = open[1];
    else if (fence !== null && open && open[1][0] === fence[0] && open[1].length >= fence.length && line.trim() === open[1]) fence = null;
    if (line.trim() !== '') contentLines.push({ line, fenced: fencedBefore || open !== null });
  }
  const isMarker = (l: { line: string; fenced: boolean } | undefined): boolean => l !== undefined && !l.fenced && l.line.trim() === slideBreakMarker;
  return { atStart: isMarker(contentLines[0]), atEnd: isMarker(contentLines.at(-1)) };
}

/** The text of a level-1 or level-2 heading that opens `markdown`, or null if it opens otherwise. */
export function openingHeading(markdown: string): string | null {
  const lines = markdown.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) return null;
  const atx = atxHeading.exec(lines[first]);
  // `#` must be followed by a space: `#hashtag` is a paragraph.
  if (atx) return plainTitle((atx[2] ?? '').replace(/[ \t]+#+$/, ''));
  const next = lines[first + 1];
  if (next !== undefined && setextUnderline.test(next) && !/^ {4}/.test(lines[first])) return plainTitle(lines[first]);
  return null;
}

/** Emphasis and code marks out, so a screen reader reads the words. */
function plainTitle(text: string): string {
  return text.replace(/\*\*|__|[*`]/g, '').trim();
}

/**
 * Groups the cells into slides, in order. A markdown cell (or segment) opening with `#` or `##`
 * starts a slide, as does every segment after a `---slide---` line; a marker closing a markdown
 * cell makes the next cell start one (code that should get a slide of its own). Everything else
 * (code cells, text without such a heading) joins the slide before it. Cells before the first
 * heading make slide 1.
 */
export function slidesFrom(cells: readonly SlideSourceCell[]): Slide[] {
  const slides: Slide[] = [];
  let current: Slide | null = null;
  let breakBeforeNext = false;
  const start = (title: string | null): Slide => {
    const previous = slides.at(-1);
    const slide: Slide = { title: title ?? (previous ? continued(previous.title) : `Slide ${slides.length + 1}`), parts: [] };
    slides.push(slide);
    breakBeforeNext = false;
    return slide;
  };
  for (const cell of cells) {
    if (cell.type === 'code') {
      if (current === null || breakBeforeNext) current = start(null);
      current.parts.push({ cellId: cell.id });
      continue;
    }
    const segments = splitAtSlideBreaks(cell.source);
    const edges = slideBreakEdges(cell.source);
    // A cell holding nothing but a marker shows nothing: it only breaks before the next cell.
    const breakFirst = current === null || breakBeforeNext || (edges.atStart && segments.length > 0);
    if (segments.length <= 1) {
      const heading = openingHeading(segments[0] ?? '');
      if (heading !== null || breakFirst) current = start(heading);
      (current as Slide).parts.push({ cellId: cell.id });
    } else {
      segments.forEach((segment, index) => {
        const heading = openingHeading(segment);
        if (index > 0 || heading !== null || breakFirst) current = start(heading);
        (current as Slide).parts.push({ cellId: cell.id, segment: index });
      });
    }
    if (edges.atEnd) breakBeforeNext = true;
  }
  return slides;
}

function continued(title: string): string {
  return title.endsWith(' (continued)') ? title : `${title} (continued)`;
}

/** The first slide showing any part of cell `cellId`, or -1. */
export function slideOfCell(slides: readonly Slide[], cellId: string): number {
  return slides.findIndex((s) => s.parts.some((p) => p.cellId === cellId));
}

/** A CSS string literal for an attribute selector: cell ids come from file names or imported notebooks. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\a ')}"`;
}

/**
 * Style rules that, under `.presenting`, hide every cell not on `slide`, pair rows left empty, and
 * the segments of a split markdown cell that belong to other slides. Cells stay mounted (kernel
 * state, editors, plots), so leaving the presentation finds the notebook as it was.
 */
export function slideCss(slide: Slide): string {
  const scope = 'html.presenting main.notebook';
  const onSlide = [...new Set(slide.parts.map((p) => p.cellId))].map((id) => `[data-cell=${cssString(id)}]`);
  if (onSlide.length === 0) return `${scope} [data-cell] { display: none !important; }`;
  const list = onSlide.join(', ');
  const rules = [`${scope} [data-cell]:not(${list}) { display: none !important; }`, `${scope} .cell-pair:not(:has(${list})) { display: none !important; }`];
  for (const part of slide.parts) {
    if (part.segment === undefined) continue;
    rules.push(`${scope} [data-cell=${cssString(part.cellId)}] .slide-segment:not(:nth-child(${part.segment + 1})) { display: none !important; }`);
  }
  return rules.join('\n');
}
