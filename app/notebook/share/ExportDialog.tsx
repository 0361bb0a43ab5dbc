// `Export`: the notebook, with its outputs, downloaded as a Jupyter notebook or as Markdown.
import { InfoDialog } from './InfoDialog';
import { useNotebookStore } from '../notebookContext';
import { download, notify } from './notify';

export const exportBaseName = 'jacobian-notebook';

type Format = 'ipynb' | 'md';

export function ExportDialog({ onClose }: { onClose(): void }) {
  const store = useNotebookStore();
  const save = async (format: Format): Promise<void> => {
    const { exportCellsOf, toIpynb, toMarkdown } = await import('./files');
    const cells = exportCellsOf(store.getState().cells);
    const name = `${exportBaseName}.${format}`;
    if (format === 'ipynb') download(name, 'application/x-ipynb+json', toIpynb(cells));
    else download(name, 'text/markdown', toMarkdown(cells));
    onClose();
    notify(store, 'export', 'info', `Saved ${name}: ${cells.length} cells with their outputs. Import reads it back.`);
  };
  return (
    <InfoDialog title="Export the notebook" closeLabel="Cancel" onClose={onClose}>
      <p>Every cell as you see it now, with its outputs:</p>
      <div className="export-choices">
        <button type="button" className="btn" autoFocus onClick={() => void save('ipynb')}>
          Jupyter notebook (.ipynb)
          <small>Opens in JupyterLab, VS Code and Colab; code cells in TypeScript.</small>
        </button>
        <button type="button" className="btn" onClick={() => void save('md')}>
          Markdown (.md)
          <small>Readable anywhere, e.g. on GitHub; code in ```ts blocks.</small>
        </button>
      </div>
    </InfoDialog>
  );
}
