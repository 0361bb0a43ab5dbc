// A Plotly figure (basic bundle, loaded with this lazy chunk only), cloned first because Plotly mutates it.
import Plotly from 'plotly.js-basic-dist-min';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { PlotFigure } from '../kernel/protocol';
import { openLinksApart, withoutForeignImages } from './localUrl';
import { themedLayout } from './plotTheme';
import { isTouchFirst, plotConfig, withUprightModebar, wrapTitle } from './plotTouch';

function pageColors(el: HTMLElement): { text: string; grid: string } {
  const style = getComputedStyle(el);
  return { text: style.getPropertyValue('--fg').trim() || '#1f2328', grid: style.getPropertyValue('--border').trim() || '#d0d7de' };
}

/** Plotly's default title size (px): what wrapping measures against when the figure sets none. */
const titleFontPx = 17;

/** The figure's title wrapped to the box's width, in whichever form (string or `{ text }`) it came. */
function withFittedTitle(layout: Record<string, unknown>, widthPx: number): Record<string, unknown> {
  const title = layout.title;
  if (!(widthPx > 0)) return layout;
  if (typeof title === 'string') return { ...layout, title: { text: wrapTitle(title, widthPx, titleFontPx) } };
  if (typeof title === 'object' && title !== null && typeof (title as { text?: unknown }).text === 'string') {
    return { ...layout, title: { ...title, text: wrapTitle((title as { text: string }).text, widthPx, titleFontPx) } };
  }
  return layout;
}

export default function PlotOutput({ figure }: { figure: PlotFigure }) {
  const ref = useRef<HTMLDivElement>(null);
  const { layout, dropped: droppedImages } = useMemo(() => withoutForeignImages(figure.layout), [figure]);
  // On a touch screen the plot is a still picture the page scrolls over until the reader asks to zoom.
  const [touch] = useState(isTouchFirst);
  const [interactive, setInteractive] = useState(!touch);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const copy = structuredClone({ data: figure.data, layout: layout ?? {} });
    const fitted = withUprightModebar(withFittedTitle(copy.layout, el.clientWidth));
    void Plotly.react(el, copy.data, themedLayout(fitted, pageColors(el)), plotConfig(interactive));
  }, [figure, layout, interactive]);

  // Plotly keeps listeners and resize handlers on the element: release them when the output goes away.
  useEffect(() => {
    const el = ref.current;
    const stopLinks = el ? openLinksApart(el) : undefined;
    return () => {
      stopLinks?.();
      if (el) Plotly.purge(el);
    };
  }, []);

  return (
    <>
      {touch && (
        <button type="button" className="btn btn-small plot-touch-toggle" aria-pressed={interactive} onClick={() => setInteractive((on) => !on)}>
          {interactive ? 'Done zooming' : 'Zoom and pan'}
        </button>
      )}
      {/* A figure that sets its height keeps it; others take the height their place gives them (a slide's). */}
      <div ref={ref} className={interactive && touch ? 'out-plot out-plot-touch-active' : 'out-plot'} data-own-height={layout?.height === undefined ? undefined : ''} />
      {droppedImages > 0 && (
        <p className="out-note">
          {droppedImages === 1 ? '1 image' : `${droppedImages} images`} of this figure not shown: they are on another site, and the notebook loads only its own.
        </p>
      )}
    </>
  );
}
