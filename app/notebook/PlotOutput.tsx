// A Plotly figure (basic bundle, loaded with this lazy chunk only), cloned first because Plotly mutates it.
import Plotly from 'plotly.js-basic-dist-min';
import { useEffect, useMemo, useRef } from 'react';
import type { PlotFigure } from '../kernel/protocol';
import { openLinksApart, withoutForeignImages } from './localUrl';
import { themedLayout } from './plotTheme';

function pageColors(el: HTMLElement): { text: string; grid: string } {
  const style = getComputedStyle(el);
  return { text: style.getPropertyValue('--fg').trim() || '#1f2328', grid: style.getPropertyValue('--border').trim() || '#d0d7de' };
}

export default function PlotOutput({ figure }: { figure: PlotFigure }) {
  const ref = useRef<HTMLDivElement>(null);
  const { layout, dropped: droppedImages } = useMemo(() => withoutForeignImages(figure.layout), [figure]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const copy = structuredClone({ data: figure.data, layout });
    void Plotly.react(el, copy.data, themedLayout(copy.layout, pageColors(el)), { responsive: true, displaylogo: false });
  }, [figure, layout]);

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
      <div ref={ref} className="out-plot" />
      {droppedImages > 0 && (
        <p className="out-note">
          {droppedImages === 1 ? '1 image' : `${droppedImages} images`} of this figure not shown: they are on another site, and the notebook loads only its own.
        </p>
      )}
    </>
  );
}
