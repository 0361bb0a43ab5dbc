// The notebook's header bar: title, kernel status, tfjs backend and the notebook-wide actions.
import type { ReactNode } from 'react';
import type { KernelInfo } from '../notebookState';
import { MoreMenu } from './MoreMenu';
import { ToolbarButton } from './ToolbarButton';
import './toolbar.css';

export interface ToolbarProps {
  kernel: KernelInfo;
  hasKernel: boolean;
  editedCount: number;
  /** A phone's layout: one row, Run all, `status` and a More menu holding the other actions. */
  compact: boolean;
  /** Shown in the row between Run all and More when compact (the header shows it otherwise). */
  status?: ReactNode;
  onRunAll(): void;
  onInterrupt(): void;
  onRestart(): void;
  /** Null where there is no lesson to go back to (a blank notebook): then no `Revert to original`. */
  onRevertAll: (() => void) | null;
  onShowShortcuts(): void;
  /**
   * The actions another part of the app builds (`Present`, `Share`, `Export`, `Import`...), each a
   * `ToolbarButton`, listed once in main.tsx: they go in the bar, or in the More menu on a phone.
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
  const { kernel, hasKernel, editedCount, compact } = props;
  const running = kernel.status === 'busy';
  return (
    <div className={`toolbar${compact ? ' toolbar-compact' : ''}`} role="group" aria-label="Notebook actions">
      <button type="button" className="btn btn-primary" onClick={props.onRunAll} disabled={!hasKernel}>
        <span aria-hidden="true">▶▶ </span>Run all
      </button>
      {compact && props.status}
      <MoreMenu compact={compact}>
        <ToolbarButton onClick={props.onInterrupt} disabled={!hasKernel || !running} title="Stop the running cell (the kernel's state is lost)">
          <span aria-hidden="true">■ </span>Interrupt
        </ToolbarButton>
        <ToolbarButton onClick={props.onRestart} disabled={!hasKernel || kernel.status === 'restarting'} title="A fresh kernel with an empty scope">
          <span aria-hidden="true">↻ </span>Restart kernel
        </ToolbarButton>
        {props.onRevertAll && (
          <ToolbarButton
            onClick={props.onRevertAll}
            disabled={editedCount === 0}
            title={editedCount === 0 ? 'No cell differs from the lesson' : `Go back to the lesson: ${editedCount} change(s) to undo (edited, new, deleted or moved cells)`}
          >
            Revert to original
          </ToolbarButton>
        )}
        {props.extraActions}
        <ToolbarButton className="btn btn-quiet" onClick={props.onShowShortcuts} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
          {/* In the menu a lone "?" would say nothing. */}
          {compact ? 'Keyboard shortcuts (?)' : '?'}
        </ToolbarButton>
      </MoreMenu>
    </div>
  );
}
