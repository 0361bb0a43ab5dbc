// The markdown and KaTeX renderers as one lazily loaded chunk (react-markdown, remark/rehype, KaTeX).
import { lazy } from 'react';

/*
 * Together they weigh ~130 kB gzip, too much for the entry chunk's 200 kB budget next to React.
 * The chunk is requested as soon as the notebook first renders; until it arrives the notebook's
 * Suspense boundary shows a one-line placeholder below the header (no layout shift of text).
 */
const load = () => import('./richTextChunk');

let loading: Promise<unknown> | null = null;
/** The chunk's loading, one promise for every caller: a placeholder can wait for it (React's `use`) as rendered text would. */
export const richTextLoaded = (): Promise<unknown> => (loading ??= load());

export const Markdown = lazy(() => load().then((m) => ({ default: m.Markdown })));
export const Tex = lazy(() => load().then((m) => ({ default: m.Tex })));
