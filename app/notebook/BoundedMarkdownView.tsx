// Markdown from outside the lesson, rendered off the page's thread within a budget (boundedMarkdown.ts).
import { useEffect, useState } from 'react';
import { renderBounded, type BoundedHtml } from './boundedMarkdown';
import { MarkdownBox } from './MarkdownBox';

/** Markdown rendered by boundedMarkdown.ts: its source as plain text until then, or for good (with why) past the budget. */
export function BoundedMarkdown({ source }: { source: string }) {
  const [shown, setShown] = useState<{ source: string; result: BoundedHtml } | null>(null);
  useEffect(() => {
    let current = true;
    void renderBounded(source).then((result) => current && setShown({ source, result }));
    return () => {
      current = false;
    };
  }, [source]);
  const result = shown?.source === source ? shown.result : null;
  if (result?.kind === 'html') return <MarkdownBox source={source} html={result.html} />;
  return (
    <>
      {result && <p className="cell-notice markdown-plain-notice">{result.why}</p>}
      <div className={result ? 'markdown markdown-plain' : 'markdown markdown-pending'}>{source}</div>
    </>
  );
}

