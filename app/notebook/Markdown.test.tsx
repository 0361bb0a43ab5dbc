// Tests that markdown renders math and tables, and never raw HTML or script links (server-rendered in Node).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown, tableLimits } from './Markdown';
import { evilHost, hostileMarkdown, hostileMarkdownText, hostileTex, unsafeMarkup } from './testing/hostile';
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

describe('Markdown with hostile content', () => {
  it.each(hostileMarkdown)('shows %j without anything that could run or call another site', (source) => {
    expect(unsafeMarkup(html(`before\n\n${source}\n\nafter`))).toEqual([]);
  });

  it.each(hostileTex)('typesets $%s$ without links, ids, classes, data, styles or images from it', (tex) => {
    const out = html(`$${tex}$`);
    expect(unsafeMarkup(out)).toEqual([]);
    expect(out).not.toMatch(/<a[\s>]|<img[\s>]/);
    expect(out).not.toMatch(/id="x|data-onerror|class="x/);
  });

  it('shows every piece at once as text, the page around it intact', () => {
    const out = html(hostileMarkdownText());
    expect(unsafeMarkup(out)).toEqual([]);
    expect(out).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
  });

  it('loads no image of another site, saying so with its description in its place', () => {
    const out = html(`![a chart](https://${evilHost}/track.png) and ![](//${evilHost}/t.png)`);
    expect(out).not.toContain('<img');
    expect(out).toContain('[image &quot;a chart&quot; not loaded: the notebook shows only images of its own site]');
  });

  it('keeps an image of its own site', () => {
    expect(html('![diagram](./diagram.svg)')).toContain('<img src="./diagram.svg" alt="diagram"/>');
  });
});

describe('a huge markdown table', () => {
  it(`shows at most ${tableLimits.rows} rows and ${tableLimits.columns} columns, counting the rest`, () => {
    const columns = 250;
    const rows = 600;
    const line = (cell: string) => `|${Array.from({ length: columns }, () => cell).join('|')}|`;
    const source = [line('h'), line('-'), ...Array.from({ length: rows }, () => line('1'))].join('\n');
    const out = renderToStaticMarkup(<Markdown source={source} />);
    expect(out.match(/<tr>/g)).toHaveLength(1 + tableLimits.rows + 1);
    expect(out.match(/<td>1<\/td>/g)).toHaveLength(tableLimits.rows * tableLimits.columns);
    expect(out).toContain('… 150 more columns not shown');
    expect(out).toContain('… 100 more rows not shown');
  });
});
