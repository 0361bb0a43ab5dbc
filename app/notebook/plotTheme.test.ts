// Tests that the plot theme fills in page colours but keeps what the figure sets.
import { describe, expect, it } from 'vitest';
import { themedLayout } from './plotTheme';

const colors = { text: '#111', grid: '#ccc' };

describe('themedLayout', () => {
  it('gives an empty layout a transparent background and the page colours', () => {
    const layout = themedLayout(undefined, colors);
    expect(layout).toMatchObject({ paper_bgcolor: 'rgba(0,0,0,0)', font: { color: '#111' }, xaxis: { gridcolor: '#ccc' }, yaxis: { gridcolor: '#ccc' } });
  });
  it('keeps the figure\'s own settings, axes and extra axes included', () => {
    const layout = themedLayout({ title: { text: 'Scaling' }, xaxis: { type: 'log', gridcolor: 'red' }, yaxis2: { type: 'log' }, font: { size: 10 } }, colors);
    expect(layout.xaxis).toEqual({ gridcolor: 'red', zerolinecolor: '#ccc', linecolor: '#ccc', type: 'log' });
    expect(layout.yaxis2).toMatchObject({ type: 'log', gridcolor: '#ccc' });
    expect(layout.font).toEqual({ color: '#111', size: 10 });
    expect(layout.title).toEqual({ text: 'Scaling' });
  });
  it('does not change the layout it is given (Plotly-style mutation stays out)', () => {
    const input = { xaxis: { type: 'log' } };
    themedLayout(input, colors);
    expect(input).toEqual({ xaxis: { type: 'log' } });
  });
});
