// Markdown from outside (a link, a file, a long edit) rendered in a Worker within a time budget, so no text can freeze the page.

/**
 * How long a text may take to render. Past it the Worker is ended and the text shown as written:
 * some short inputs are pathological for the markdown parser (3,000 characters of `*a_` take half a
 * second, 36,000 took 17 s on the page), so no size limit could promise this.
 */
export const renderBudgetMs = 1000;

/** Texts up to this long that the student wrote render on the page at once (no flash of plain text). */
export const mainThreadChars = 1000;

export type BoundedHtml = { kind: 'html'; html: string } | { kind: 'plain'; why: string };

export const overBudgetWhy = `Shown as written, not rendered: rendering this text would take more than ${renderBudgetMs / 1000} s (it is very long or unusual).`;

let worker: Worker | null = null;
let nextId = 0;
let queue: Promise<unknown> = Promise.resolve();
/** Recent results by text: a cell shown again (scrolled back, re-rendered) is not rendered twice. */
const recent = new Map<string, BoundedHtml>();

function renderOnce(source: string): Promise<BoundedHtml> {
  worker ??= new Worker(new URL('./markdownWorker.ts', import.meta.url), { type: 'module' });
  const running = worker;
  const id = ++nextId;
  return new Promise<BoundedHtml>((resolve) => {
    const done = (result: BoundedHtml): void => {
      clearTimeout(timer);
      running.removeEventListener('message', onMessage);
      resolve(result);
    };
    const timer = setTimeout(() => {
      running.terminate();
      if (worker === running) worker = null;
      done({ kind: 'plain', why: overBudgetWhy });
    }, renderBudgetMs);
    const onMessage = (event: MessageEvent<{ id: number; html?: string; error?: string }>): void => {
      if (event.data.id !== id) return;
      done(event.data.html !== undefined ? { kind: 'html', html: event.data.html } : { kind: 'plain', why: `Shown as written: it could not be rendered (${event.data.error ?? 'unknown error'}).` });
    };
    running.addEventListener('message', onMessage);
    running.postMessage({ id, source });
  });
}

/** The text rendered off the page's thread (one at a time, in order), or why it is shown as written. */
export function renderBounded(source: string): Promise<BoundedHtml> {
  const known = recent.get(source);
  if (known) return Promise.resolve(known);
  const result = queue.then(() => renderOnce(source));
  queue = result.catch(() => undefined);
  return result.then((r) => {
    recent.set(source, r);
    if (recent.size > 50) recent.delete(recent.keys().next().value as string);
    return r;
  });
}
