// A dialog with one way out (Close, Cancel, OK): the share, export and import dialogs that only inform or offer choices inside.
import type { ReactNode } from 'react';
import { Modal } from '../Dialog';

export function InfoDialog({ title, closeLabel, onClose, children }: { title: string; closeLabel: string; onClose(): void; children: ReactNode }) {
  return (
    <Modal
      title={title}
      onClose={onClose}
      actions={
        <button type="button" className="btn" onClick={onClose}>
          {closeLabel}
        </button>
      }
    >
      {children}
    </Modal>
  );
}
