// Plots on a touch screen: still pictures the page scrolls over, until the reader asks to zoom; titles that fit a phone.

/** Whether the main pointer is a finger: a swipe over a plot must then scroll the page, not zoom the plot. */
export function isTouchFirst(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
}

/** Plotly's config: no wheel zoom, and on a static plot no drag handlers (nor a mode bar) at all. */
export function plotConfig(interactive: boolean): Record<string, unknown> {
  return { responsive: true, displaylogo: false, scrollZoom: false, staticPlot: !interactive, displayModeBar: interactive ? 'hover' : false };
}

/**
 * The layout with the mode bar standing upright at the right, off the title: the figure's own
 * `modebar` settings (colours, say) are kept, but its orientation is ours.
 */
export function withUprightModebar(layout: Record<string, unknown>): Record<string, unknown> {
  const own = layout.modebar;
  const kept = typeof own === 'object' && own !== null && !Array.isArray(own) ? own : {};
  return { ...layout, modebar: { ...kept, orientation: 'v' } };
}

/** About how wide a title character is, as a share of its font size (Plotly's default sans-serif). */
const charWidthEm = 0.55;

/**
 * The title broken into lines (Plotly's `<br>`) that fit `widthPx` at `fontPx`: Plotly never wraps
 * a title itself, and cuts it at a phone's width. Words stay whole; a title that fits is unchanged.
 */
export function wrapTitle(title: string, widthPx: number, fontPx: number): string {
  const perLine = Math.max(12, Math.floor(widthPx / (fontPx * charWidthEm)));
  if (title.length <= perLine) return title;
  const lines: string[] = [];
  let line = '';
  for (const word of title.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > perLine) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.join('<br>');
}
