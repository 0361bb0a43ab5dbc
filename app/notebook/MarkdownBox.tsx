// The `.markdown` box every rendered markdown sits in: part of the entry, so the lesson's prerendered text shows without the renderer's chunk.
import { useRef, type ReactNode } from 'react';
import { useKeyboardScroll } from './keyboardScroll';

/**
 * Either `children` (markdown rendered now, by Markdown.tsx) or `html`: the same components'
 * output rendered elsewhere, when the site was built (prerender.tsx, the lesson's own files) or in
 * the markdown Worker (boundedMarkdown.ts, text from outside): raw HTML in the source is text
 * either way. Wide formulas and tables get their tab stops either way.
 */
export function MarkdownBox({ source, html, children }: { source: string; html?: string; children?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useKeyboardScroll(ref, source);
  return html !== undefined ? (
    <div className="markdown" ref={ref} dangerouslySetInnerHTML={{ __html: html }} />
  ) : (
    <div className="markdown" ref={ref}>
      {children}
    </div>
  );
}
