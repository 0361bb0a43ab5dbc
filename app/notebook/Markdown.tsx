// Markdown with $math$ as the lesson and outputs use it: GFM tables, KaTeX, no raw HTML, safe links.
import { Children, isValidElement, type ComponentProps } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { isSameSiteImage } from './localUrl';
import { MarkdownBox } from './MarkdownBox';
import { withoutSpeakerNotes } from './present/notes';
import { splitAtSlideBreaks } from './present/slides';
import { texToHtml } from './Tex';

const remarkPlugins = [remarkGfm, remarkMath];

/** What a markdown table shows at most; the rest is counted in a last cell or row. */
export const tableLimits = { rows: 500, columns: 100 } as const;

/** The classes of an element react-markdown hands a component (a string, or absent). */
const classesOf = (className: unknown): string[] => (typeof className === 'string' ? className.split(' ') : []);

/**
 * `$...$` and `$$...$$` (remark-math) arrive as `<code class="language-math math-inline">` and
 * `<pre><code class="language-math math-display">`: KaTeX typesets them (texToHtml: trust: false,
 * so no \href, \url or \html*; a bad formula shows in red instead of failing). Not rehype-katex:
 * it turns KaTeX's HTML back into a tree for React to build element by element, four times the
 * work of the whole rest of the markdown (~165 ms against ~40 ms for this lesson in Node).
 */
function MathOrCode({ className, children, ...props }: ComponentProps<'code'>) {
  const classes = classesOf(className);
  if (!classes.includes('language-math')) {
    return (
      <code className={className} {...props}>
        {children}
      </code>
    );
  }
  const display = !classes.includes('math-inline');
  const html = texToHtml(String(children ?? ''), display);
  return display ? <div className="md-math-display" dangerouslySetInnerHTML={{ __html: html }} /> : <span className="md-math" dangerouslySetInnerHTML={{ __html: html }} />;
}

const components: Components = {
  code: ({ node: _node, ...props }) => <MathOrCode {...props} />,
  // A display formula's <pre> goes: its typeset form is not preformatted text.
  pre: ({ node, children, ...props }) => {
    const first = node?.children.find((child) => child.type === 'element');
    const isMath = first?.type === 'element' && first.tagName === 'code' && (first.properties.className as string[] | undefined)?.includes('language-math') === true;
    return isMath ? <>{children}</> : <pre {...props}>{children}</pre>;
  },
  // A table from outside may be huge (a link once held 20,000 columns): the page shows the first rows and columns.
  tr: ({ node: _node, children, ...props }) => {
    const cells = Children.toArray(children).filter(isValidElement);
    return (
      <tr {...props}>
        {cells.slice(0, tableLimits.columns)}
        {cells.length > tableLimits.columns && <td className="md-table-more">{`… ${(cells.length - tableLimits.columns).toLocaleString('en-US')} more columns not shown`}</td>}
      </tr>
    );
  },
  tbody: ({ node: _node, children, ...props }) => {
    const rows = Children.toArray(children).filter(isValidElement);
    return (
      <tbody {...props}>
        {rows.slice(0, tableLimits.rows)}
        {rows.length > tableLimits.rows && (
          <tr>
            <td className="md-table-more">{`… ${(rows.length - tableLimits.rows).toLocaleString('en-US')} more rows not shown`}</td>
          </tr>
        )}
      </tbody>
    );
  },
  // Wide tables scroll inside their own box rather than widening the page on a phone.
  table: ({ node: _node, ...props }) => (
    <div className="md-table-scroll">
      <table {...props} />
    </div>
  ),
  // Links leave the notebook in a new tab, so a click never loses the student's running kernel.
  a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer" />,
  img: ({ node: _node, src, alt, ...props }) =>
    isSameSiteImage(typeof src === 'string' ? src : undefined) ? (
      <img {...props} src={src as string} alt={alt ?? ''} />
    ) : (
      <span className="md-image-refused">[image{alt ? ` "${alt}"` : ''} not loaded: the notebook shows only images of its own site]</span>
    ),
};

/**
 * Raw HTML in the source is shown as text (react-markdown's default; rehype-raw is not used) and
 * react-markdown's default urlTransform empties `javascript:` and other unsafe link targets.
 */
function MarkdownBody({ source }: { source: string }) {
  return (
    <ReactMarkdown remarkPlugins={remarkPlugins} components={components}>
      {source}
    </ReactMarkdown>
  );
}

/** What goes inside a `.markdown` box: the same for the lesson's prerendered cells (see prerender.tsx) and at run time. */
export function MarkdownContent({ source: written }: { source: string }) {
  // Speaker notes (`<!-- notes: … -->`) are for the presenter view only.
  const source = withoutSpeakerNotes(written);
  const segments = splitAtSlideBreaks(source);
  if (segments.length === 0) return null;
  if (segments.length === 1 && segments[0] === source) return <MarkdownBody source={source} />;
  // `---slide---` lines (presentation mode's slide breaks) render as nothing; each part is one slide's.
  return segments.map((segment, i) => (
    <div className="slide-segment" key={i}>
      <MarkdownBody source={segment} />
    </div>
  ));
}

export function Markdown({ source }: { source: string }) {
  return (
    <MarkdownBox source={source}>
      <MarkdownContent source={source} />
    </MarkdownBox>
  );
}
