// The toolbar's Share, Export and Import buttons (through Notebook's `extraActions`), with link opening and file drops.
import { useRef, useState } from 'react';
import { useNotebookStore } from '../notebookContext';
import { ExportDialog } from './ExportDialog';
import { ShareButton } from './ShareButton';
import { importFile, useFileDrop } from './useImport';
import { useLinkEdits } from './useLinkEdits';
import './share.css';

export function ShareActions() {
  const store = useNotebookStore();
  const [exporting, setExporting] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  useLinkEdits(store);
  useFileDrop(store);
  return (
    <>
      <ShareButton onExport={() => setExporting(true)} />
      <button type="button" className="btn" onClick={() => setExporting(true)} title="Download the notebook as .ipynb or Markdown">
        Export
      </button>
      <button type="button" className="btn" onClick={() => picker.current?.click()} title="Open a .ipynb or Markdown file exported from this lesson (or drop it on the page)">
        Import
      </button>
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
          if (file) void importFile(store, file);
        }}
      />
      {exporting && <ExportDialog onClose={() => setExporting(false)} />}
    </>
  );
}
