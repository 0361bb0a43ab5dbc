// Saves edits as the student types (debounced), and at once when the page is hidden or left.
import { useEffect } from 'react';
import type { CellState } from './cellState';
import type { NotebookEvent, NotebookState } from './notebookState';
import { snapshotEdits, writeEdits, type KeyValueStore } from './storage';
import type { Store } from './store';

export const autosaveDelayMs = 300;

/** True when a cell's source, kept-aside edit or trust changed (outputs and statuses do not need saving). */
export function editsChanged(before: readonly CellState[], after: readonly CellState[]): boolean {
  if (before === after) return false;
  if (before.length !== after.length) return true;
  return after.some((c, i) => c.source !== before[i].source || c.aside !== before[i].aside || c.untrusted !== before[i].untrusted);
}

export function useAutosave(store: Store<NotebookState, NotebookEvent>, kv: KeyValueStore | null, writable: boolean): void {
  useEffect(() => {
    if (!kv || !writable) return;
    let seen = store.getState().cells;
    // What storage holds already: leaving the page without an edit writes nothing.
    let lastJson = JSON.stringify(snapshotEdits(seen, store.getState().orphans));
    let timer: ReturnType<typeof setTimeout> | undefined;

    const flush = (): void => {
      clearTimeout(timer);
      timer = undefined;
      const { cells, orphans, notices } = store.getState();
      const saved = snapshotEdits(cells, orphans);
      const json = JSON.stringify(saved);
      if (json === lastJson) return;
      const result = writeEdits(kv, saved);
      if (result.ok) {
        lastJson = json;
        if (notices.some((n) => n.id === 'storage')) store.dispatch({ type: 'dismissNotice', id: 'storage' });
      } else {
        store.dispatch({ type: 'notice', notice: result.notice });
      }
    };
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') flush();
    };
    const unsubscribe = store.subscribe(() => {
      const cells = store.getState().cells;
      if (!editsChanged(seen, cells)) return;
      seen = cells;
      clearTimeout(timer);
      timer = setTimeout(flush, autosaveDelayMs);
    });
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      if (timer !== undefined) flush();
    };
  }, [store, kv, writable]);
}
