// A TeX formula typeset by KaTeX: the one place the page sets HTML, and only KaTeX's own output.
import katex from 'katex';
import { useMemo } from 'react';

/** KaTeX with trust: false (no \href, \url, \html*), errors shown in the formula instead of thrown. */
export function texToHtml(tex: string, display: boolean): string {
  return katex.renderToString(tex, { displayMode: display, trust: false, throwOnError: false, output: 'htmlAndMathml' });
}

export function Tex({ tex, display }: { tex: string; display: boolean }) {
  const html = useMemo(() => texToHtml(tex, display), [tex, display]);
  const Tag = display ? 'div' : 'span';
  return <Tag className={display ? 'tex tex-display' : 'tex'} dangerouslySetInnerHTML={{ __html: html }} />;
}
