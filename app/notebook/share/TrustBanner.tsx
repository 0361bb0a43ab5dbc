// The banner over code from a link or a file (trust and run, or discard) and the notice that can undo an import.
import { useEffect, useState } from 'react';
import type { CellState, ExternalOrigin } from '../cellState';
import { ConfirmDialog, type ConfirmRequest } from '../Dialog';
import { useNotebookStore } from '../notebookContext';
import type { NotebookState } from '../notebookState';
import { useStoreState } from '../store';
import { dismiss, forgetLinkEdits } from './notify';
import { changedSinceImport, coveredBy, shownCode, untrustedCells, type ReceivedEvent } from './received';
import { cellsCount, listIds } from './words';
import './share.css';

const selectCells = (s: NotebookState) => s.cells;
const selectLastImport = (s: NotebookState) => s.lastImport;

const origins: readonly ExternalOrigin[] = ['link', 'import', 'stored'];

/** Notices about a link or an import that the decision makes stale. */
const noticeIds: Record<ExternalOrigin, string[]> = { link: ['link-notes'], import: ['import-notes'], stored: [] };

/**
 * After the code to trust changes under the banner, Trust waits this long: a click aimed at the
 * banner as it was must not land on code the reader has not seen (as browsers delay permission prompts).
 */
export const reviewDelayMs = 1500;

const words: Record<ExternalOrigin, { source: string; region: string; discard: string; why?: string }> = {
  link: { source: 'This link', region: 'Code from a link', discard: "Discard the link's changes" },
  import: { source: 'The imported file', region: 'Code from an imported file', discard: "Discard the import's changes" },
  stored: {
    source: 'Saved code this page cannot vouch for',
    region: 'Saved code this page cannot vouch for',
    discard: 'Discard the saved changes',
    why: "It is in this browser's storage without this page's check: saved by another page of this site, or by an older version of this notebook. If it is your own earlier work, trust it; discarding deletes it.",
  },
};

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
  const codeCount = cells.filter((c) => c.type === 'code').length;
  const kinds = codeCount === n ? '' : ` (${codeCount} code, ${n - codeCount} text)`;
  const ownIds = cells.filter((c) => c.untrusted && c.untrusted.displaced !== c.original).map((c) => c.id);
  const wait = `${n === 1 ? 'It' : 'They'} won't run until you trust ${n === 1 ? 'it' : 'them'}.`;
  return {
    title: `${words[origin].source} changed ${cellsCount(n)}${kinds}.`,
    detail: foreignDetail(cells) ?? (words[origin].why ? `${wait} ${words[origin].why}` : wait),
    own:
      ownIds.length === 0
        ? null
        : `Your own edits of ${listIds(ownIds)} are kept: discarding brings them back, trusting keeps them aside on ${ownIds.length === 1 ? 'that cell' : 'each cell'}.`,
  };
}

/** The banner's warning once the code differs from what it showed first: which cells it covers now. */
export const changedText = (cells: readonly CellState[]): string => `The code to trust changed: review it again. It is now ${listIds(cells.map((c) => c.id))}.`;

/**
 * `shown` is what the reader sees now (`shownCode`); Trust covers exactly that. Once it differs from
 * what the banner first showed, the banner says so, and Trust waits `reviewDelayMs` after each change.
 */
function Banner({ origin, cells, onTrust, onDiscard }: { origin: ExternalOrigin; cells: CellState[]; onTrust(shown: string): void; onDiscard(): void }) {
  const text = bannerText(origin, cells);
  const shown = shownCode(cells);
  const [first] = useState(shown);
  const [settled, setSettled] = useState(shown);
  // Cells leaving (one reverted, say) change nothing the reader has not seen; new or other code does.
  const changed = !coveredBy(cells, first);
  useEffect(() => {
    if (!changed || shown === settled) return undefined;
    const timer = setTimeout(() => setSettled(shown), reviewDelayMs);
    return () => clearTimeout(timer);
  }, [changed, shown, settled]);
  return (
    <section className="trust-banner" aria-label={words[origin].region} data-testid={`trust-banner-${origin}`} data-changed={changed || undefined}>
      <p>
        {changed && (
          <>
            <strong className="trust-banner-changed">{changedText(cells)}</strong>
            <br />
          </>
        )}
        <strong>{text.title}</strong> {text.detail}
        {text.own && (
          <>
            <br />
            {text.own}
          </>
        )}
      </p>
      <div className="trust-banner-actions">
        <button type="button" className="btn btn-primary" onClick={() => onTrust(shown)} disabled={changed && shown !== settled}>
          Trust and run
        </button>
        <button type="button" className="btn" onClick={onDiscard}>
          {words[origin].discard}
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

  /** `shown`: the code the banner showed when Trust was clicked (none for Discard, which runs nothing). */
  const decide = (origin: ExternalOrigin, shown: string | null): void => {
    // A click on a banner that changed before it re-rendered decides nothing (the reducer checks too).
    if (shown !== null && shownCode(untrustedCells(store.getState(), origin)) !== shown) return;
    send(shown === null ? { type: 'discard', origin } : { type: 'trust', origin, shown });
    dismiss(store, ...noticeIds[origin]);
    if (origin === 'link') forgetLinkEdits();
    // Run all, not just the trusted cells: they read names the cells before them define.
    if (shown !== null) onRunAll();
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

  // Saved code may be the student's own work from before the check existed: deleting it is asked first.
  const confirmDiscardStored = (list: readonly CellState[]): void =>
    setConfirm({
      title: 'Discard the saved code?',
      body: `${listIds(list.map((c) => c.id))} will show the lesson's text again, and the saved code is deleted from this browser. If it is your own earlier work, trust it instead.`,
      confirmLabel: 'Discard',
      onConfirm: () => decide('stored', null),
    });

  const untrusted = origins.map((origin) => [origin, cells.filter((c) => c.untrusted?.origin === origin)] as const).filter(([, list]) => list.length > 0);
  return (
    <>
      {untrusted.map(([origin, list]) => (
        <Banner key={origin} origin={origin} cells={list} onTrust={(shown) => decide(origin, shown)} onDiscard={() => (origin === 'stored' ? confirmDiscardStored(list) : decide(origin, null))} />
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
