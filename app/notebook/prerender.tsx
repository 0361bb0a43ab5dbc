// Renders markdown to HTML in Node, as the build does for the lesson's text cells (see vite.lessonHtml.ts).
import { renderToStaticMarkup } from 'react-dom/server';
import { lessonText } from './cellState';
import { MarkdownContent } from './Markdown';

/**
 * The HTML that `<Markdown source={source} />` puts inside its `.markdown` box in the browser (the
 * same components: KaTeX with trust: false, no raw HTML, safe links). The page shows it for a text
 * cell whose source is the lesson's own, untouched: no markdown parsing or typesetting while the
 * page starts, and the ~130 kB renderer chunk off the first screen's path.
 */
export function renderMarkdownHtml(source: string): string {
  return renderToStaticMarkup(<MarkdownContent source={source} />);
}

/** A lesson file's [text as the notebook shows it (see lessonText), its HTML]. */
export function renderLessonCell(fileSource: string): [string, string] {
  const source = lessonText(fileSource);
  return [source, renderMarkdownHtml(source)];
}
