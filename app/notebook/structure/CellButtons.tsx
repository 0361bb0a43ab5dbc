// The cell's own structure buttons (insert below, move, delete): what the keys do, for a mouse or a finger.
import type { KeyCommand } from '../keys';

const buttons: { command: KeyCommand; label: string; icon: string; title: string }[] = [
  { command: 'insertBelow', label: 'Insert cell below', icon: '+', title: 'Insert a code cell below (B)' },
  { command: 'moveUp', label: 'Move cell up', icon: '↑', title: 'Move this cell up' },
  { command: 'moveDown', label: 'Move cell down', icon: '↓', title: 'Move this cell down' },
  { command: 'deleteCells', label: 'Delete cell', icon: '✕', title: 'Delete this cell (D, D; Z brings it back)' },
];

export function CellButtons({ id, onCommand }: { id: string; onCommand(id: string, command: KeyCommand): void }) {
  return (
    <span className="cell-structure" role="group" aria-label={`Cell ${id}`}>
      {buttons.map((b) => (
        <button key={b.command} type="button" className="btn btn-small btn-quiet btn-icon" aria-label={b.label} title={b.title} onClick={() => onCommand(id, b.command)}>
          <span aria-hidden="true">{b.icon}</span>
        </button>
      ))}
    </span>
  );
}
