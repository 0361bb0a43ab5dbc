// Tests of the touch settings for plots and of title wrapping.
import { describe, expect, it } from 'vitest';
import { plotConfig, withUprightModebar, wrapTitle } from './plotTouch';

describe('plotConfig', () => {
  it('a static plot has no mode bar and no wheel zoom; an interactive one shows its bar on hover', () => {
    expect(plotConfig(false)).toMatchObject({ staticPlot: true, displayModeBar: false, scrollZoom: false });
    expect(plotConfig(true)).toMatchObject({ staticPlot: false, displayModeBar: 'hover', scrollZoom: false });
  });
});

describe('withUprightModebar', () => {
  it('stands the mode bar upright even when the figure sets its own mode bar (which once won)', () => {
    const layout = withUprightModebar({ title: 'T', modebar: { orientation: 'h', bgcolor: 'white' } });
    expect(layout.modebar).toEqual({ orientation: 'v', bgcolor: 'white' });
    expect(layout.title).toBe('T');
  });
  it('adds an upright mode bar to a layout without one, and ignores a malformed one', () => {
    expect(withUprightModebar({}).modebar).toEqual({ orientation: 'v' });
    expect(withUprightModebar({ modebar: 'wide' }).modebar).toEqual({ orientation: 'v' });
  });
});

describe('wrapTitle', () => {
  it('leaves a title that fits as it is', () => {
    expect(wrapTitle('Sigmoid and its derivative', 800, 17)).toBe('Sigmoid and its derivative');
  });
  it('breaks a long title between words into lines that fit (375 px phone, 17 px font: 40 characters a line)', () => {
    const title = 'Time per gradient against width (log-log; dotted: fitted on n ≥ 16)';
    const wrapped = wrapTitle(title, 375, 17);
    const lines = wrapped.split('<br>');
    expect(lines.length).toBe(2);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(Math.floor(375 / (17 * 0.55)));
    expect(lines.join(' ')).toBe(title);
  });
  it('keeps a word longer than a line whole on its own line', () => {
    expect(wrapTitle(`a ${'x'.repeat(30)} b`, 100, 17).split('<br>')).toEqual(['a', 'x'.repeat(30), 'b']);
  });
});
