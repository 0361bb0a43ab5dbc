// Import a file (picked or dropped): refused with a message and nothing changed, or its cells shown untrusted.
import { useCallback, useEffect, useState } from 'react';
import type { NotebookStore } from '../notebookContext';
import { dismiss, notify } from './notify';
import { summarizeReceive } from './received';

const importNotices = ['import-error', 'import-notes'];

/** Reads `file`, plans the import and applies it (or says why not). Nothing changes before the plan is known to be good. */
export async function importFile(store: NotebookStore, file: File): Promise<void> {
  const { planImport, sizeProblem } = await import('./files');
  dismiss(store, ...importNotices);
  const tooBig = sizeProblem(file.name, file.size);
  if (tooBig) return notify(store, 'import-error', 'error', `${tooBig} Nothing was changed.`);
  let text: string;
  try {
    text = await file.text();
  } catch (err) {
    return notify(store, 'import-error', 'error', `${file.name} could not be read (${err instanceof Error ? err.message : String(err)}). Nothing was changed.`);
  }
  const plan = planImport(file.name, text, store.getState().cells);
  if (!plan.ok) return notify(store, 'import-error', 'error', `${plan.error} Nothing was changed.`);
  if (summarizeReceive(store.getState().cells, plan.cells).changed.length === 0) {
    return notify(store, 'import-notes', 'info', `${file.name} holds the same cells as the notebook: nothing changed.`);
  }
  store.dispatch({ type: 'received', event: { type: 'receive', origin: 'import', cells: plan.cells, importName: file.name } });
  if (plan.notes.length > 0) notify(store, 'import-notes', 'info', `${file.name}: ${plan.notes.join(' ')}`);
}

const hasFiles = (e: DragEvent): boolean => e.dataTransfer?.types.includes('Files') ?? false;

/** Dropping a file anywhere on the page imports it; while one is dragged over, the page shows a hint. */
export function useFileDrop(store: NotebookStore): void {
  const [over, setOver] = useState(false);
  const onDrop = useCallback(
    (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setOver(false);
      const file = e.dataTransfer?.files[0];
      if (file) void importFile(store, file);
    },
    [store],
  );
  useEffect(() => {
    const onOver = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setOver(true);
    };
    const onLeave = (e: DragEvent): void => {
      // Leaving the window (not moving between elements) has no related target.
      if (e.relatedTarget === null) setOver(false);
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [onDrop]);
  useEffect(() => {
    document.body.classList.toggle('drop-target', over);
  }, [over]);
}
