// Modal dialogs: a native <dialog> (the page behind is inert), Tab kept inside, Esc closes, focus restored.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { shortcutRows } from './keys';
import { jumpShortcut, presentShortcuts } from './present/presentKeys';

const focusable = 'button:not([disabled]), [href], input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Wraps Tab and Shift+Tab around the dialog's first and last focusable elements. */
function trapTab(event: React.KeyboardEvent<HTMLDialogElement>): void {
  if (event.key !== 'Tab') return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>(focusable)];
  if (items.length === 0) return;
  const first = items[0];
  const last = items[items.length - 1];
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

interface ModalProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  actions: ReactNode;
  className?: string;
}

/** Shown while mounted. The element focused before it opened gets focus back when it closes. */
export function Modal({ title, onClose, children, actions, className }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    // Opening focuses the first button, often at the bottom: a long dialog (the keys) still opens at its top.
    dialog.scrollTop = 0;
    dialog.querySelector('.modal-body')?.scrollTo({ top: 0 });
    // Esc fires `cancel`: close through React so state and DOM agree.
    const onCancel = (e: Event): void => {
      e.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.close();
      before?.focus();
    };
  }, []);

  return (
    <dialog ref={ref} className={`modal ${className ?? ''}`} aria-labelledby={titleId} onKeyDown={trapTab}>
      <h2 id={titleId}>{title}</h2>
      <div className="modal-body">{children}</div>
      <div className="modal-actions">{actions}</div>
    </dialog>
  );
}

export interface ConfirmRequest {
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm(): void;
}

/** Asks before anything is thrown away; Cancel has the focus, so Enter by habit loses nothing. */
export function ConfirmDialog({ request, onDone }: { request: ConfirmRequest; onDone(): void }) {
  return (
    <Modal
      title={request.title}
      onClose={onDone}
      actions={
        <>
          <button type="button" className="btn" autoFocus onClick={onDone}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-danger"
            onClick={() => {
              onDone();
              request.onConfirm();
            }}
          >
            {request.confirmLabel}
          </button>
        </>
      }
    >
      <p>{request.body}</p>
    </Modal>
  );
}

export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  return (
    <Modal
      title="Keyboard shortcuts"
      onClose={onClose}
      className="shortcuts"
      actions={
        <button type="button" className="btn" autoFocus onClick={onClose}>
          Close
        </button>
      }
    >
      <p>Like Jupyter: command mode moves between cells, edit mode types into one. Esc closes this dialog.</p>
      <table className="shortcut-table">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What they do</th>
            <th scope="col">Where</th>
          </tr>
        </thead>
        <tbody>
          {shortcutRows().map((row) => (
            <tr key={row.label}>
              <td>
                <kbd>{row.label}</kbd>
              </td>
              <td>{row.does}</td>
              <td>{row.modes.length === 2 ? 'anywhere' : row.modes[0] === 'edit' ? 'in an editor' : 'on a selected cell'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <PresentingKeys />
    </Modal>
  );
}

/** The presentation's keys (clicker-friendly) and where the handout comes from. */
function PresentingKeys() {
  return (
    <>
      <h3 className="shortcut-heading">Presenting</h3>
      <p>
        <kbd>P</kbd> or <strong>Present</strong> shows the notebook as slides; a link ending <code>?present=3</code> opens slide 3.
      </p>
      <table className="shortcut-table">
        <tbody>
          {presentShortcuts.map((s) => (
            <tr key={s.command}>
              <td>
                <kbd>{s.label}</kbd>
              </td>
              <td>{s.does}</td>
            </tr>
          ))}
          <tr>
            <td>
              <kbd>{jumpShortcut.label}</kbd>
            </td>
            <td>{jumpShortcut.does}</td>
          </tr>
        </tbody>
      </table>
      <p>
        <strong>Handout:</strong> the browser&apos;s Print (<kbd>Ctrl/Cmd + P</kbd>) gives every cell with its outputs and the whole code, without buttons.
      </p>
    </>
  );
}
