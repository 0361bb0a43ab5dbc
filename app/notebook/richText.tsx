// The markdown and KaTeX renderers as one lazily loaded chunk (react-markdown, remark-gfm, remark-math, KaTeX).
import { use } from 'react';

/*
 * Together they weigh ~130 kB gzip, too much for the entry chunk's 200 kB budget next to React.
 * The chunk is requested as soon as the notebook first renders; until it arrives the notebook's
 * Suspense boundary shows a one-line placeholder below the header (no layout shift of text).
 */
type RichTextChunk = typeof import('./richTextChunk');

let loading: Promise<RichTextChunk> | null = null;
/** The chunk's loading, one promise for every caller: a placeholder can wait for it (React's `use`) as rendered text would. */
export const richTextLoaded = (): Promise<RichTextChunk> => (loading ??= import('./richTextChunk'));

/*
 * Not React.lazy: a lazy component suspends the first time it renders even when its chunk is long
 * loaded. The first formula a cell displayed (Run all's first output) then suspended the whole
 * lesson: React hid it behind the notebook's "Loading the lesson…" and the page jumped to the
 * top. `use` of the one promise, once settled, renders at once.
 */

export function Markdown(props: { source: string }) {
  const { Markdown: Loaded } = use(richTextLoaded());
  return <Loaded {...props} />;
}

export function Tex(props: { tex: string; display: boolean }) {
  const { Tex: Loaded } = use(richTextLoaded());
  return <Loaded {...props} />;
}
