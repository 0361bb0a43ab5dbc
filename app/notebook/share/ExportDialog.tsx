// `Export`: the notebook, with its outputs, downloaded as a Jupyter notebook or as Markdown.
import { InfoDialog } from './InfoDialog';
import { useNotebookStore } from '../notebookContext';
import { download, notify } from './notify';

export const exportBaseName = 'jacobian-notebook';

type Format = 'ipynb' | 'md';

/**
 * What Export says it saved: the notebook's cells, and, for a Jupyter file, how many cells the file
 * holds when that differs (a first cell naming the helpers; text cells cut at their slide breaks).
 */
export function exportSummary(name: string, notebookCells: number, fileCells: number | null): string {
  const saved = `Saved ${name}: the notebook's ${notebookCells === 1 ? 'one cell with its' : `${notebookCells} cells with their`} outputs`;
  if (fileCells === null || fileCells === notebookCells) return `${saved}. Import reads it back.`;
  const cut = fileCells - 1 - notebookCells;
  const why = cut > 0 ? `a first cell naming the lesson's helpers, and ${cut} more where text cells are cut at their slide breaks` : "a first cell naming the lesson's helpers";
  return `${saved}, as ${fileCells} Jupyter cells (${why}). Import reads it back as it was.`;
}

export function ExportDialog({ onClose }: { onClose(): void }) {
  const store = useNotebookStore();
  const save = async (format: Format): Promise<void> => {
    const { exportCellsOf, toIpynb, toMarkdown } = await import('./files');
    const cells = exportCellsOf(store.getState().cells);
    const name = `${exportBaseName}.${format}`;
    let fileCells: number | null = null;
    if (format === 'ipynb') {
      const text = toIpynb(cells);
      fileCells = (JSON.parse(text) as { cells: unknown[] }).cells.length;
      download(name, 'application/x-ipynb+json', text);
    } else download(name, 'text/markdown', toMarkdown(cells));
    onClose();
    notify(store, 'export', 'info', exportSummary(name, cells.length, fileCells), { corner: true });
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
