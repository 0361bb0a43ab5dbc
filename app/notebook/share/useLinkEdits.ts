// Opening a shared link: its edited cells are shown untrusted; a broken link or another lesson version is said.
import { useEffect } from 'react';
import type { NotebookStore } from '../notebookContext';
import { editsInHash } from './hashEdits';
import { notify } from './notify';
import { summarizeReceive } from './received';
import { cellsCount, listIds } from './words';

/** Applies the `edits=` of the address (now and when the hash changes); the same value is applied once. */
export function useLinkEdits(store: NotebookStore): void {
  useEffect(() => {
    let applied: string | null = null;
    let live = true;
    const receive = async (): Promise<void> => {
      const value = editsInHash(window.location.hash);
      if (value === null || value === applied) return;
      applied = value;
      const { decodeEdits, otherVersionIds, planLink } = await import('./linkCodec');
      if (!live) return;
      const decoded = decodeEdits(value);
      if (!decoded.ok) return notify(store, 'link-notes', 'error', `${decoded.error} The notebook shows the lesson with your own edits.`);
      const { cells } = store.getState();
      const plan = planLink(cells, decoded);
      const summary = summarizeReceive(cells, plan.incoming);
      const otherVersion = otherVersionIds(cells, decoded.edits).filter((id) => summary.changed.includes(id));
      store.dispatch({ type: 'received', event: { type: 'receive', origin: 'link', cells: plan.incoming, ...(plan.structure ? { structure: plan.structure } : {}) } });
      const notes: string[] = [];
      if (plan.unknown.length > 0) notes.push(`It edits ${cellsCount(plan.unknown.length)} this lesson does not have (${listIds(plan.unknown)}): left out.`);
      if (otherVersion.length > 0) {
        notes.push(`It was made with another version of the lesson for ${listIds(otherVersion)}: that code may not fit the cells around it; read it before trusting it.`);
      }
      if (notes.length > 0) notify(store, 'link-notes', 'warning', `About this link: ${notes.join(' ')}`);
    };
    const onHashChange = (): void => void receive();
    void receive();
    window.addEventListener('hashchange', onHashChange);
    return () => {
      live = false;
      window.removeEventListener('hashchange', onHashChange);
    };
  }, [store]);
}
