// The notebook's header bar: title, kernel status, tfjs backend and the notebook-wide actions.
import type { ReactNode } from 'react';
import type { KernelInfo } from './notebookState';

export interface ToolbarProps {
  kernel: KernelInfo;
  hasKernel: boolean;
  editedCount: number;
  onRunAll(): void;
  onInterrupt(): void;
  onRestart(): void;
  onRevertAll(): void;
  onShowShortcuts(): void;
  /**
   * Slot for the actions another part of the app builds: `Present`, `Share`, `Export`, `Import`
   * (accessible names fixed by the design). They are not rendered until they work.
   */
  extraActions?: ReactNode;
}

const statusLabel: Record<KernelInfo['status'], string> = {
  starting: 'starting',
  idle: 'idle',
  busy: 'busy',
  restarting: 'restarting',
  unavailable: 'unavailable',
  dead: 'stopped (restart it)',
};

export function KernelStatus({ kernel, hasKernel }: { kernel: KernelInfo; hasKernel: boolean }) {
  const backend = !hasKernel ? 'none (no kernel)' : kernel.backend ?? (kernel.status === 'unavailable' || kernel.status === 'dead' ? 'none' : 'loading…');
  return (
    <div className="kernel-info">
      <span className={`kernel-status kernel-${kernel.status}`} data-testid="kernel-status" role="status">
        <span className="kernel-dot" aria-hidden="true" />
        Kernel: {statusLabel[kernel.status]}
      </span>
      <span className="tf-backend" data-testid="tf-backend">
        tfjs backend: {backend}
        {kernel.notes.length > 0 && <span className="backend-notes"> ({kernel.notes.join('; ')})</span>}
      </span>
    </div>
  );
}

export function Toolbar(props: ToolbarProps) {
  const { kernel, hasKernel, editedCount } = props;
  const running = kernel.status === 'busy';
  return (
    <div className="toolbar" role="group" aria-label="Notebook actions">
      <button type="button" className="btn btn-primary" onClick={props.onRunAll} disabled={!hasKernel}>
        <span aria-hidden="true">▶▶ </span>Run all
      </button>
      <button type="button" className="btn" onClick={props.onInterrupt} disabled={!hasKernel || !running} title="Stop the running cell (the kernel's state is lost)">
        <span aria-hidden="true">■ </span>Interrupt
      </button>
      <button type="button" className="btn" onClick={props.onRestart} disabled={!hasKernel || kernel.status === 'restarting'} title="A fresh kernel with an empty scope">
        <span aria-hidden="true">↻ </span>Restart kernel
      </button>
      <button
        type="button"
        className="btn"
        onClick={props.onRevertAll}
        disabled={editedCount === 0}
        title={editedCount === 0 ? 'No cell differs from the lesson' : `Go back to the lesson: ${editedCount} change(s) to undo (edited, new, deleted or moved cells)`}
      >
        Revert to original
      </button>
      {/* TODO(Present/Share/Export/Import): another issue builds these; they come in through `extraActions`. */}
      {props.extraActions}
      <button type="button" className="btn btn-quiet" onClick={props.onShowShortcuts} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
        ?
      </button>
    </div>
  );
}
