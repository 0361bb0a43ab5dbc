// Which notebook the page shows: the lesson, or a blank notebook of the student's own (`?notebook=blank`), each saved apart.
import type { KeyValueStore } from '../storage';
import { hashWithEdits } from '../share/hashEdits';

export type DocumentName = 'lesson' | 'blank';

/** The query key naming the document; the hash stays the network's (and a link's edits). */
export const documentParam = 'notebook';

/** The document an address names: `?notebook=blank`, else the lesson. */
export function documentOf(search: string): DocumentName {
  return new URLSearchParams(search).get(documentParam) === 'blank' ? 'blank' : 'lesson';
}

/**
 * The address of `doc`, from the page's: other query keys (`?backend=`) and the network in the hash
 * kept, a link's `edits=` left behind (they were meant for the notebook it opened).
 */
export function addressOf(doc: DocumentName, location: { pathname: string; search: string; hash: string }): string {
  const query = new URLSearchParams(location.search);
  if (doc === 'blank') query.set(documentParam, 'blank');
  else query.delete(documentParam);
  const search = query.toString();
  return `${location.pathname}${search ? `?${search}` : ''}${hashWithEdits(location.hash, null)}`;
}

const appPrefix = 'jacobian-notebook/';

/**
 * The blank notebook keeps its own saved edits beside the lesson's: the same keys under
 * `jacobian-notebook/blank/`, so neither document ever reads or overwrites the other's.
 */
export function documentStore(store: KeyValueStore | null, doc: DocumentName): KeyValueStore | null {
  if (store === null || doc === 'lesson') return store;
  const scoped = (key: string): string => (key.startsWith(appPrefix) ? `${appPrefix}${doc}/${key.slice(appPrefix.length)}` : `${appPrefix}${doc}/${key}`);
  return {
    getItem: (key) => store.getItem(scoped(key)),
    setItem: (key, value) => store.setItem(scoped(key), value),
    removeItem: (key) => store.removeItem(scoped(key)),
  };
}
