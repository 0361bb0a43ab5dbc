// Makes a Plotly layout follow the page's colours (light or dark) without overriding what a figure sets.

export interface PlotColors {
  text: string;
  grid: string;
}

type Layout = Record<string, unknown>;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Page colours under the figure's own settings: transparent background, themed text, axes and grid. */
export function themedLayout(layout: Layout | undefined, colors: PlotColors): Layout {
  const base = layout ?? {};
  const axis = (key: string): Record<string, unknown> => ({
    gridcolor: colors.grid,
    zerolinecolor: colors.grid,
    linecolor: colors.grid,
    ...(isObject(base[key]) ? base[key] : {}),
  });
  const axisKeys = Object.keys(base).filter((k) => /^[xy]axis\d*$/.test(k));
  const themed: Layout = {
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
    autosize: true,
    margin: { l: 56, r: 16, t: 40, b: 48 },
    ...base,
    font: { color: colors.text, ...(isObject(base.font) ? base.font : {}) },
  };
  for (const key of new Set(['xaxis', 'yaxis', ...axisKeys])) themed[key] = axis(key);
  return themed;
}
