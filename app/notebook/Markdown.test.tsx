// Tests that markdown renders math and tables, and never raw HTML or script links (server-rendered in Node).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './Markdown';
import { texToHtml } from './Tex';

const html = (source: string): string => renderToStaticMarkup(<Markdown source={source} />);

describe('Markdown', () => {
  it('empties javascript: links', () => {
    const out = html('[click](javascript:alert(1))');
    expect(out).not.toContain('javascript:');
    expect(out).toContain('href=""');
  });
  it('keeps https links, opened in a new tab', () => {
    expect(html('[tf](https://www.tensorflow.org/js)')).toContain('href="https://www.tensorflow.org/js" target="_blank" rel="noopener noreferrer"');
  });
  it.each(['<script>alert(1)</script>', '<img src=x onerror="alert(1)">', '<iframe src="https://example.org"></iframe>'])(
    'shows raw HTML %s as text, never as an element',
    (raw) => {
      const out = html(`before\n\n${raw}\n\nafter`);
      expect(out).not.toMatch(/<(script|img|iframe)/);
    },
  );
  it('typesets $inline$ and $$display$$ math with KaTeX', () => {
    const out = html('Loss $l = \\log X_2$.\n\n$$\nz_k = W_k X_{k-1}\n$$');
    expect(out).toContain('class="katex"');
    expect(out).toContain('katex-display');
  });
  it('renders GFM tables inside a scroll box', () => {
    expect(html('| a | b |\n|---|---|\n| 1 | 2 |')).toMatch(/<div class="md-table-scroll"><table>/);
  });
  it('shows a bad formula as a KaTeX error instead of throwing', () => {
    expect(html('$\\frac{1}{$')).toContain('katex-error');
  });
});

describe('texToHtml', () => {
  it('refuses \\href (trust: false) and renders it as an error, without a link', () => {
    const out = texToHtml('\\href{https://example.org}{x}', false);
    expect(out).not.toMatch(/<a[\s>]/);
    expect(out).toContain('katex');
  });
  it('typesets display math', () => {
    expect(texToHtml('x^2', true)).toContain('katex-display');
  });
});
