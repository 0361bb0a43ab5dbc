// The toolbar's Share, Export and Import buttons (through Notebook's `extraActions`), with link opening and file drops.
import { useCallback, useRef, useState } from 'react';
import { useNotebookStore } from '../notebookContext';
import { ToolbarButton } from '../toolbar/ToolbarButton';
import { ExportDialog } from './ExportDialog';
import { InfoDialog } from './InfoDialog';
import type { LessonCellShape } from './linkStructure';
import { ShareButton } from './ShareButton';
import { importFile, useFileDrop } from './useImport';
import { useLinkEdits } from './useLinkEdits';
import './share.css';

/** `lesson`: the lesson's cells as first loaded, so a link can say which of them the student deleted. */
export function ShareActions({ lesson }: { lesson: readonly LessonCellShape[] }) {
  const store = useNotebookStore();
  const [exporting, setExporting] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  // A refusal is a dialog, not a notice at the top: the student may be anywhere down the notebook.
  const onFile = useCallback((file: File) => void importFile(store, file).then(setRefusal), [store]);
  useLinkEdits(store);
  useFileDrop(onFile);
  return (
    <>
      <ShareButton lesson={lesson} onExport={() => setExporting(true)} />
      <ToolbarButton onClick={() => setExporting(true)} title="Download the notebook as .ipynb or Markdown">
        Export
      </ToolbarButton>
      <ToolbarButton onClick={() => picker.current?.click()} title="Open a Jupyter notebook (.ipynb, any language) or a Markdown export of this notebook (or drop it on the page)">
        Import
      </ToolbarButton>
      <input
        ref={picker}
        type="file"
        accept=".ipynb,.md,.markdown,.json,application/x-ipynb+json,text/markdown"
        hidden
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          // Cleared so that picking the same file again (after an Undo) fires a change.
          e.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
      {exporting && <ExportDialog onClose={() => setExporting(false)} />}
      {refusal && (
        <InfoDialog title="This file cannot be imported" closeLabel="OK" onClose={() => setRefusal(null)}>
          <p className="import-refusal">{refusal}</p>
          <p>Nothing was changed.</p>
        </InfoDialog>
      )}
    </>
  );
}
