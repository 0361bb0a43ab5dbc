// The mounted notebook's store, for parts built outside Notebook.tsx (toolbar actions, presentation mode).
import { createContext, useContext } from 'react';
import type { NotebookEvent, NotebookState } from './notebookState';
import type { Store } from './store';

export type NotebookStore = Store<NotebookState, NotebookEvent>;

export const NotebookStoreContext = createContext<NotebookStore | null>(null);

/** The store of the notebook this component is rendered in (e.g. through the toolbar's `extraActions`). */
export function useNotebookStore(): NotebookStore {
  const store = useContext(NotebookStoreContext);
  if (!store) throw new Error('useNotebookStore: no <Notebook> above this component; render it inside one, e.g. through extraActions');
  return store;
}

/** Runs the notebook's code cells among `ids`, in order (presentation mode's Run all and a slide run on entry). */
export type RunCells = (ids: string[]) => void;

export const NotebookRunContext = createContext<RunCells | null>(null);

/** The mounted notebook's runner, or null outside a <Notebook> (or before its kernel exists). */
export function useRunCells(): RunCells | null {
  return useContext(NotebookRunContext);
}
