// Entry: reads the lesson's cells and the student's saved edits, starts the kernel Worker, mounts the notebook.
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadBundledCells } from './kernel/cells';
import type { TfBackendName } from './kernel/protocol';
import { createKernelWorker } from './kernel/browserWorker';
import { WorkerHost } from './kernel/workerHost';
import { documentOf, documentStore } from './notebook/blank/documents';
import { DocumentSwitch } from './notebook/blank/DocumentSwitch';
import { Notebook } from './notebook/Notebook';
import { networkFromHash, networkOf, type LinkNetwork } from './notebook/params/paramsHash';
import { PresentButton } from './notebook/present/PresentButton';
// After the notebook's styles, where it always stood: print rules win over screen rules of equal weight.
import './notebook/print.css';
import { ShareActions } from './notebook/share/ShareActions';
import { registerServiceWorker } from './notebook/serviceWorker';
import { UpdatePrompt } from './notebook/UpdatePrompt';
import { pendingImportSaved, pendingSetAsideNoticeId } from './notebook/share/pendingImport';
import type { LoadedPending } from './notebook/share/pendingLoad';
import { checkedStore, checkOnLoad, loadCheckKey } from './notebook/share/storedCheck';
import { browserStore, loadEdits } from './notebook/storage';

const { cells: lessonCells, warnings } = loadBundledCells();
// Authors see misnamed cell files here; students are not bothered with them.
for (const warning of warnings) console.warn(`cells: ${warning}`);

// `?notebook=blank`: the student's own notebook, saved apart from the lesson (the lesson's helpers are the kernel's, in scope in both).
const doc = documentOf(window.location.search);
const cells = doc === 'lesson' ? lessonCells : [];

const plainStorage = documentStore(browserStore(), doc);
// Asked for at once: the key that checks saved edits (share/storedCheck.ts) comes while the rest starts.
const checkKey = plainStorage ? loadCheckKey() : Promise.resolve(null);

// `?backend=cpu|wasm|webgl` forces a tfjs backend (tests, comparing backends by hand).
const backendParam = new URLSearchParams(window.location.search).get('backend');
const backends: readonly TfBackendName[] = ['cpu', 'wasm', 'webgl'];
const backend = backends.find((b) => b === backendParam);
// The link is read once, here: its network goes to the kernel with its start (a Run all pressed at
// once already uses it), and to the parameters panel, which sends the kernel only later changes.
const link: LinkNetwork = { hash: window.location.hash, network: networkFromHash(window.location.hash) };
// The kernel (and tfjs inside it) loads only in the Worker: nothing of it weighs on this entry chunk.
const host = new WorkerHost({ createWorker: createKernelWorker, ...(backend ? { backend } : {}), params: networkOf(link.network) });

// Offline after one visit; a new deployment is offered, never forced, while someone works.
const serviceWorker = registerServiceWorker();

// The toolbar's actions after its own (one line each, in order): on a phone they fold into More.
const toolbarActions = (
  <>
    <PresentButton />
    <ShareActions lesson={cells} />
    <DocumentSwitch doc={doc} />
  </>
);

/** An imported file's cells that waited for Trust when the page was left: rare, so the code reading them loads only then. */
async function loadPending(key: Uint8Array | null): Promise<LoadedPending> {
  if (!pendingImportSaved(plainStorage)) return { pending: null, notices: [] };
  try {
    const { loadPendingImport } = await import('./notebook/share/pendingLoad');
    return loadPendingImport(plainStorage, key, Date.now());
  } catch (err) {
    // Left in storage as it is: the next load tries again.
    const text = `The imported file's cells that were waiting for your Trust could not be read back (${err instanceof Error ? err.message : String(err)}): they are kept in this browser's storage. Your own notebook is as you left it.`;
    return { pending: null, notices: [{ id: pendingSetAsideNoticeId, tone: 'warning', text }] };
  }
}

/** Reads the saved edits (once, before React: setting data aside must happen once), then mounts the notebook. */
async function mount(root: HTMLElement): Promise<void> {
  // Saved edits are checked against this browser's key: what the page did not write comes back untrusted.
  const key = await checkKey;
  const storage = plainStorage && checkedStore(plainStorage, key);
  const checked = plainStorage ? checkOnLoad(plainStorage, key, Date.now()) : { notices: [], writable: true };
  const read = loadEdits(storage, Date.now());
  const pending = await loadPending(key);
  const notices = [...checked.notices, ...read.notices, ...pending.notices];
  const loaded = { ...read, pendingImport: pending.pending, notices, writable: read.writable && checked.writable };
  const reactRoot = createRoot(root);
  // As a transition, React builds the lesson in slices of a few milliseconds, not one long task
  // that a phone's first tap would wait behind.
  startTransition(() =>
    reactRoot.render(
      <StrictMode>
        <Notebook lesson={cells} host={host} storage={storage} loaded={loaded} link={link} extraActions={toolbarActions} />
        <UpdatePrompt status={serviceWorker} />
      </StrictMode>,
    ),
  );
}

const root = document.getElementById('root');
if (root) void mount(root);
