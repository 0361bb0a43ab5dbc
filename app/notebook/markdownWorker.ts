// Markdown (with KaTeX) rendered to HTML off the page's thread: a text that takes too long can be abandoned (boundedMarkdown.ts).
import { renderMarkdownHtml } from './prerender';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', (event: MessageEvent<{ id: number; source: string }>) => {
  const { id, source } = event.data;
  let reply: { id: number; html: string } | { id: number; error: string };
  try {
    reply = { id, html: renderMarkdownHtml(source) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(reply);
});
