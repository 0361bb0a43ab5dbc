// The lesson's text cells as HTML rendered when the site was built (vite.lessonHtml.ts), looked up by their exact source.
import pairs from 'virtual:lesson-html';

const bySource = new Map<string, string>(pairs);

/** The built HTML of a text cell whose source is exactly one of the lesson's `cells/*.md`; otherwise undefined. */
export function prerenderedHtml(source: string): string | undefined {
  return bySource.get(source);
}
