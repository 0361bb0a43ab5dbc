// A Plotly figure (basic bundle, loaded with this lazy chunk only), cloned first because Plotly mutates it.
import Plotly from 'plotly.js-basic-dist-min';
import { useEffect, useRef } from 'react';
import type { PlotFigure } from '../kernel/protocol';
import { themedLayout } from './plotTheme';

function pageColors(el: HTMLElement): { text: string; grid: string } {
  const style = getComputedStyle(el);
  return { text: style.getPropertyValue('--fg').trim() || '#1f2328', grid: style.getPropertyValue('--border').trim() || '#d0d7de' };
}

export default function PlotOutput({ figure }: { figure: PlotFigure }) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const copy = structuredClone(figure);
    void Plotly.react(el, copy.data, themedLayout(copy.layout, pageColors(el)), { responsive: true, displaylogo: false });
  }, [figure]);

  // Plotly keeps listeners and resize handlers on the element: release them when the output goes away.
  useEffect(() => {
    const el = ref.current;
    return () => {
      if (el) Plotly.purge(el);
    };
  }, []);

  return <div ref={ref} className="out-plot" />;
}
