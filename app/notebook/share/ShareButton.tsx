// `Share`: copies a link with the network and the cells as the student has them (edited, new, deleted, moved); a dialog shows it when the clipboard is refused or it is too long.
import { useState } from 'react';
import { Modal } from '../Dialog';
import { InfoDialog } from './InfoDialog';
import { useNotebookStore } from '../notebookContext';
import { ToolbarButton } from '../toolbar/ToolbarButton';
import { notify, pageAddress } from './notify';
import { cellsCount, formatBytes, linkWhat } from './words';
import { hashWithEdits } from './hashEdits';
import type { LessonCellShape } from './linkStructure';

type ShareDialog =
  | { kind: 'copy'; url: string; why: string }
  | { kind: 'tooLong'; urlWithoutEdits: string; editedCells: number; editsChars: number; limitChars: number };

/** A read-only field holding the link, selected as it appears so Ctrl+C copies it. */
function LinkField({ url }: { url: string }) {
  return (
    <input
      className="link-field"
      type="text"
      readOnly
      value={url}
      aria-label="Link to share"
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      ref={(el) => el?.select()}
    />
  );
}

async function copyToClipboard(text: string): Promise<string | null> {
  if (!navigator.clipboard?.writeText) return 'this browser gives the page no clipboard';
  try {
    await navigator.clipboard.writeText(text);
    return null;
  } catch (err) {
    return `the browser refused to copy (${err instanceof Error ? err.name : String(err)})`;
  }
}

export function ShareButton({ onExport, lesson }: { onExport(): void; lesson: readonly LessonCellShape[] }) {
  const store = useNotebookStore();
  const [dialog, setDialog] = useState<ShareDialog | null>(null);

  const copy = async (url: string, what: string): Promise<void> => {
    const refused = await copyToClipboard(url);
    if (refused) setDialog({ kind: 'copy', url, why: refused });
    else notify(store, 'share', 'info', `Link copied to the clipboard: ${what}.`, { corner: true });
  };

  const share = async (): Promise<void> => {
    // The codec (and fflate with it) loads on the first Share, not with the page.
    const { encodeLink, linkContentOf, maxLinkEditsChars } = await import('./linkCodec');
    const content = linkContentOf(store.getState().cells, lesson);
    const changes = content.edits.length + (content.structure ? content.structure.added.length + content.structure.deleted.length : 0);
    const value = changes === 0 && !content.structure ? null : encodeLink(content);
    const urlWithoutEdits = pageAddress() + hashWithEdits(window.location.hash, null);
    if (value !== null && value.length > maxLinkEditsChars) {
      setDialog({ kind: 'tooLong', urlWithoutEdits, editedCells: changes, editsChars: value.length, limitChars: maxLinkEditsChars });
      return;
    }
    const url = pageAddress() + hashWithEdits(window.location.hash, value);
    await copy(url, value === null ? 'the network in the address (no cell is edited)' : `${linkWhat(content)} (${formatBytes(url.length)})`);
  };

  const close = () => setDialog(null);
  return (
    <>
      <ToolbarButton onClick={() => void share()} title="Copy a link with the network and your cells (edited, new, deleted, moved)">
        Share
      </ToolbarButton>
      {dialog?.kind === 'copy' && (
        <InfoDialog title="Copy this link" closeLabel="Close" onClose={close}>
          <p>The link could not be copied for you ({dialog.why}). It is selected below: copy it with Ctrl+C (⌘C on a Mac).</p>
          <LinkField url={dialog.url} />
        </InfoDialog>
      )}
      {dialog?.kind === 'tooLong' && (
        <Modal
          title="Your edits are too large for a link"
          onClose={close}
          actions={
            <>
              <button type="button" className="btn" onClick={close}>
                Close
              </button>
              <button type="button" className="btn" onClick={() => void copy(dialog.urlWithoutEdits, 'the network only, without your edits').then(() => setDialog((d) => (d?.kind === 'tooLong' ? null : d)))}>
                Copy a link without the edits
              </button>
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => {
                  close();
                  onExport();
                }}
              >
                Export instead…
              </button>
            </>
          }
        >
          <p>
            Your edits ({cellsCount(dialog.editedCells)}) need {formatBytes(dialog.editsChars)} of link even compressed; links longer than{' '}
            {formatBytes(dialog.limitChars)} break in mail and chat apps. Export the notebook and send the file instead: it opens with Import.
          </p>
        </Modal>
      )}
    </>
  );
}
