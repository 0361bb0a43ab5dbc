// Notices from Share, Export and Import, and the browser bits they need (the address's hash, downloads).
import type { NotebookStore } from '../notebookContext';
import type { Notice } from '../types';
import { hashWithEdits } from './hashEdits';

/** `corner`: an answer that needs no decision (a link copied, a file saved), shown where the student is and gone by itself. */
export function notify(store: NotebookStore, id: string, tone: Notice['tone'], text: string, { corner = false } = {}): void {
  store.dispatch({ type: 'notice', notice: { id, tone, text, ...(corner ? { corner } : {}) } });
}

export function dismiss(store: NotebookStore, ...ids: string[]): void {
  for (const id of ids) store.dispatch({ type: 'dismissNotice', id });
}

/** The page's address without its hash (the query, e.g. ?backend=, is kept). */
export function pageAddress(): string {
  return `${window.location.origin}${window.location.pathname}${window.location.search}`;
}

/** Drops `edits=` from the address once the student decided about them (no history entry, no reload). */
export function forgetLinkEdits(): void {
  const hash = hashWithEdits(window.location.hash, null);
  if (hash === window.location.hash || (hash === '' && window.location.hash === '')) return;
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${hash}`);
}

/** Saves `text` as a file through a temporary link (no server, nothing leaves the page). */
export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked a moment later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
