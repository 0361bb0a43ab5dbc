// Entry: reads the lesson's cells and the student's saved edits, then mounts the notebook.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadBundledCells } from './kernel/cells';
import { Notebook } from './notebook/Notebook';
import { browserStore, loadEdits } from './notebook/storage';

const { cells, warnings } = loadBundledCells();
// Authors see misnamed cell files here; students are not bothered with them.
for (const warning of warnings) console.warn(`cells: ${warning}`);

// Read once, before React: setting corrupt data aside must happen exactly once, not per render.
const storage = browserStore();
const loaded = loadEdits(storage, Date.now());

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      {/* TODO(kernel): pass the Worker KernelHost once app/kernel provides it; null shows "no kernel". */}
      <Notebook lesson={cells} host={null} storage={storage} loaded={loaded} />
    </StrictMode>,
  );
}
