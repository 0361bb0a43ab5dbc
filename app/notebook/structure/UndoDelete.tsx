// After a delete: "Deleted 2 cells — Undo", so a phone (no Z key) can bring cells back too.
import { useState } from 'react';
import '../updatePrompt.css';
import type { NotebookStore } from '../notebookContext';
import type { NotebookState } from '../notebookState';
import { useStoreState } from '../store';
import type { DeletedCells } from './structureReducer';

/** The last step `Z` would undo, when it is a deletion (a merge has no button: it is a key of its own). */
const selectLastDeleted = (s: NotebookState): DeletedCells | undefined => {
  const last = s.undoStack.at(-1);
  return last?.kind === 'delete' ? last : undefined;
};

export function UndoDelete({ store }: { store: NotebookStore }) {
  const last = useStoreState(store, selectLastDeleted);
  // Dismissed for this deletion only: the next one offers its undo again.
  const [dismissed, setDismissed] = useState<DeletedCells | null>(null);
  if (!last || last === dismissed) return null;
  const [first] = last.cells;
  const what = last.cells.length > 1 ? `${last.cells.length} cells` : first.origin === 'new' ? 'a new cell' : `cell ${first.id}`;
  return (
    <div className="corner-notice undo-delete" role="status">
      <span>Deleted {what}.</span>
      <button type="button" className="btn btn-small" onClick={() => store.dispatch({ type: 'structure', event: { type: 'undo' } })} title="Bring the deleted cells back (Z)">
        Undo delete
      </button>
      <button type="button" className="btn btn-small btn-quiet" aria-label="Dismiss: cells deleted" onClick={() => setDismissed(last)}>
        ×
      </button>
    </div>
  );
}
