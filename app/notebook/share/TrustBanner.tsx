// The banner over code from a link or a file (trust and run, or discard) and the notice that can undo an import.
import { useState } from 'react';
import type { CellState, ExternalOrigin } from '../cellState';
import { ConfirmDialog, type ConfirmRequest } from '../Dialog';
import { useNotebookStore } from '../notebookContext';
import type { NotebookState } from '../notebookState';
import { useStoreState } from '../store';
import { dismiss, forgetLinkEdits } from './notify';
import { changedSinceImport, type ReceivedEvent } from './received';
import { cellsCount, listIds } from './words';
import './share.css';

const selectCells = (s: NotebookState) => s.cells;
const selectLastImport = (s: NotebookState) => s.lastImport;

const origins: readonly ExternalOrigin[] = ['link', 'import'];

/** Notices about a link or an import that the decision makes stale. */
const noticeIds: Record<ExternalOrigin, string[]> = { link: ['link-notes'], import: ['import-notes'] };

/** Cells in another language never run, trusted or not: the banner says so instead of promising a run. */
function foreignDetail(cells: readonly CellState[]): string | null {
  const foreign = cells.filter((c) => c.foreign).length;
  if (foreign === 0) return null;
  const languages = listIds([...new Set(cells.flatMap((c) => (c.foreign ? [c.foreign.language] : [])))]);
  const shown = `${foreign === 1 ? 'the cell' : `the ${foreign} cells`} in another language (${languages}) ${foreign === 1 ? 'is' : 'are'} only shown, never run here.`;
  const ours = cells.filter((c) => c.type === 'code' && !c.foreign).length;
  return ours === 0 ? `${shown.charAt(0).toUpperCase()}${shown.slice(1)}` : `Its code won't run until you trust it; ${shown}`;
}

/** What the banner says about the cells one origin changed. */
export function bannerText(origin: ExternalOrigin, cells: readonly CellState[]): { title: string; detail: string; own: string | null } {
  const n = cells.length;
  const source = origin === 'link' ? 'This link' : 'The imported file';
  const codeCount = cells.filter((c) => c.type === 'code').length;
  const kinds = codeCount === n ? '' : ` (${codeCount} code, ${n - codeCount} text)`;
  const ownIds = cells.filter((c) => c.untrusted && c.untrusted.displaced !== c.original).map((c) => c.id);
  return {
    title: `${source} changed ${cellsCount(n)}${kinds}.`,
    detail: foreignDetail(cells) ?? `${n === 1 ? 'It' : 'They'} won't run until you trust ${n === 1 ? 'it' : 'them'}.`,
    own:
      ownIds.length === 0
        ? null
        : `Your own edits of ${listIds(ownIds)} are kept: discarding brings them back, trusting keeps them aside on ${ownIds.length === 1 ? 'that cell' : 'each cell'}.`,
  };
}

function Banner({ origin, cells, onTrust, onDiscard }: { origin: ExternalOrigin; cells: CellState[]; onTrust(): void; onDiscard(): void }) {
  const text = bannerText(origin, cells);
  return (
    <section className="trust-banner" aria-label={origin === 'link' ? 'Code from a link' : 'Code from an imported file'} data-testid={`trust-banner-${origin}`}>
      <p>
        <strong>{text.title}</strong> {text.detail}
        {text.own && (
          <>
            <br />
            {text.own}
          </>
        )}
      </p>
      <div className="trust-banner-actions">
        <button type="button" className="btn btn-primary" onClick={onTrust}>
          Trust and run
        </button>
        <button type="button" className="btn" onClick={onDiscard}>
          {origin === 'link' ? "Discard the link's changes" : "Discard the import's changes"}
        </button>
      </div>
    </section>
  );
}

/** Rendered at the top of the notebook; `onRunAll` runs every code cell (as the toolbar's Run all). */
export function TrustBanner({ onRunAll }: { onRunAll(): void }) {
  const store = useNotebookStore();
  const cells = useStoreState(store, selectCells);
  const lastImport = useStoreState(store, selectLastImport);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const send = (event: ReceivedEvent) => store.dispatch({ type: 'received', event });

  const decide = (origin: ExternalOrigin, trust: boolean): void => {
    send({ type: trust ? 'trust' : 'discard', origin });
    dismiss(store, ...noticeIds[origin]);
    if (origin === 'link') forgetLinkEdits();
    // Run all, not just the trusted cells: they read names the cells before them define.
    if (trust) onRunAll();
  };

  const undoImport = (): void => {
    const changed = changedSinceImport(store.getState());
    const undo = () => {
      send({ type: 'undoImport' });
      dismiss(store, ...noticeIds.import);
    };
    if (changed.length === 0) return undo();
    setConfirm({
      title: `Undo the import of ${lastImport?.name}?`,
      body: `${listIds(changed)} changed since the import (trusted, discarded or edited); undoing puts back what ${changed.length === 1 ? 'it' : 'they'} held before the import, and those changes will be lost.`,
      confirmLabel: 'Undo import',
      onConfirm: undo,
    });
  };

  const untrusted = origins.map((origin) => [origin, cells.filter((c) => c.untrusted?.origin === origin)] as const).filter(([, list]) => list.length > 0);
  return (
    <>
      {untrusted.map(([origin, list]) => (
        <Banner key={origin} origin={origin} cells={list} onTrust={() => decide(origin, true)} onDiscard={() => decide(origin, false)} />
      ))}
      {lastImport && (
        <div className="notice notice-info" role="status" data-testid="import-notice">
          <p>
            Imported {lastImport.name}: {cellsCount(Object.keys(lastImport.after).length)} changed.
          </p>
          <span>
            <button type="button" className="btn btn-small" onClick={undoImport}>
              Undo import
            </button>{' '}
            <button type="button" className="btn btn-small btn-quiet" onClick={() => send({ type: 'forgetImport' })} aria-label={`Dismiss: imported ${lastImport.name}`}>
              Dismiss
            </button>
          </span>
        </div>
      )}
      {confirm && <ConfirmDialog request={confirm} onDone={() => setConfirm(null)} />}
    </>
  );
}
