// Markdown with $math$ as the lesson and outputs use it: GFM tables, KaTeX, no raw HTML, safe links.
import { useRef } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import 'katex/dist/katex.min.css';
import { useKeyboardScroll } from './keyboardScroll';
import { isSameSiteImage } from './localUrl';
import { splitAtSlideBreaks } from './present/slides';

const remarkPlugins = [remarkGfm, remarkMath];
// trust: false keeps \href, \url and \htmlClass out; throwOnError: false shows a bad formula in red instead of failing.
const rehypePlugins: [typeof rehypeKatex, { trust: false; throwOnError: false }][] = [[rehypeKatex, { trust: false, throwOnError: false }]];

const components: Components = {
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
    <ReactMarkdown remarkPlugins={remarkPlugins} rehypePlugins={rehypePlugins} components={components}>
      {source}
    </ReactMarkdown>
  );
}

export function Markdown({ source }: { source: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const segments = splitAtSlideBreaks(source);
  useKeyboardScroll(ref, source);
  return (
    <div className="markdown" ref={ref}>
      {segments.length === 0 || (segments.length === 1 && segments[0] === source) ? (
        segments.length > 0 && <MarkdownBody source={source} />
      ) : (
        // `---slide---` lines (presentation mode's slide breaks) render as nothing; each part is one slide's.
        segments.map((segment, i) => (
          <div className="slide-segment" key={i}>
            <MarkdownBody source={segment} />
          </div>
        ))
      )}
    </div>
  );
}
