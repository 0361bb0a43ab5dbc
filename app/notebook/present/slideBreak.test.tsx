// Tests that the markdown renderer obeys `---slide---` lines: nothing shown for them, one wrapper per slide's part.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from '../Markdown';

const html = (source: string): string => renderToStaticMarkup(<Markdown source={source} />);

describe('Markdown with slide breaks', () => {
  it('renders no marker text and wraps each part in a .slide-segment, in order', () => {
    const out = html('## Title\n\nfirst part\n---slide---\nsecond part\n\n---slide---\n\nthird $x^2$');
    expect(out).not.toContain('---slide---');
    expect(out.match(/class="slide-segment"/g)).toHaveLength(3);
    expect(out.indexOf('first part')).toBeLessThan(out.indexOf('second part'));
    expect(out.indexOf('second part')).toBeLessThan(out.indexOf('katex'));
  });

  it('leaves markdown without a marker unwrapped', () => {
    expect(html('## Title\n\ntext')).not.toContain('slide-segment');
  });

  it.each(['---slide---\ntext', 'text\n---slide---\n'])('hides a marker at the start or end of a cell: %j', (source) => {
    const out = html(source);
    expect(out).not.toContain('---slide---');
    expect(out).toContain('text');
  });

  it('renders a cell holding only a marker as nothing', () => {
    expect(html('\n---slide---\n')).toBe('<div class="markdown"></div>');
  });

  it('shows a marker inside a code fence as code', () => {
    expect(html('```\n---slide---\n```')).toContain('---slide---');
  });
});
