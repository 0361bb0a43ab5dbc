// Import a file (picked or dropped): refused with a message and nothing changed, or its cells shown untrusted.
import { useEffect, useState } from 'react';
import type { NotebookStore } from '../notebookContext';
import { dismiss, notify } from './notify';

/**
 * Reads `file`, plans the import and applies it. Returns why it was refused (nothing changed then),
 * or null. Nothing changes before the whole file is known to be good.
 */
export async function importFile(store: NotebookStore, file: File): Promise<string | null> {
  const { planImport, sizeProblem } = await import('./files');
  dismiss(store, 'import-notes');
  const tooBig = sizeProblem(file.name, file.size);
  if (tooBig) return tooBig;
  let text: string;
  try {
    text = await file.text();
  } catch (err) {
    return `${file.name} could not be read (${err instanceof Error ? err.message : String(err)}).`;
  }
  const plan = planImport(file.name, text, store.getState().cells);
  if (!plan.ok) return plan.error;
  const before = store.getState();
  store.dispatch({ type: 'received', event: { type: 'receive', origin: 'import', cells: plan.cells, structure: plan.structure, importName: file.name } });
  if (store.getState() === before) {
    notify(store, 'import-notes', 'info', `${file.name} holds the same cells as the notebook: nothing changed.`);
  } else if (plan.notes.length > 0) {
    notify(store, 'import-notes', 'info', `${file.name}: ${plan.notes.join(' ')}`);
  }
  // The banner and notices sit at the top of the notebook: show them, wherever the student was.
  window.scrollTo({ top: 0 });
  return null;
}

const hasFiles = (e: DragEvent): boolean => e.dataTransfer?.types.includes('Files') ?? false;

/** A file dropped anywhere on the page goes to `onFile`; while one is dragged over, the page shows a hint. */
export function useFileDrop(onFile: (file: File) => void): void {
  const [over, setOver] = useState(false);
  useEffect(() => {
    const onDrop = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setOver(false);
      const file = e.dataTransfer?.files[0];
      if (file) onFile(file);
    };
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
  }, [onFile]);
  useEffect(() => {
    document.body.classList.toggle('drop-target', over);
  }, [over]);
}
