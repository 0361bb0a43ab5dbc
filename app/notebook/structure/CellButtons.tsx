// The cell's own structure buttons (insert below, move, delete): what the keys do, for a mouse or a finger.
import type { KeyCommand } from '../keys';

interface CellButton {
  command: KeyCommand;
  label: string;
  icon: string;
  title: string;
  /** Said instead of `title` while the button cannot act. */
  why?: string;
}

const buttons: CellButton[] = [
  { command: 'insertBelow', label: 'Insert cell below', icon: '+', title: 'Insert a code cell below (B)' },
  { command: 'moveUp', label: 'Move cell up', icon: '↑', title: 'Move this cell up', why: 'The first cell: there is nothing above it to move past' },
  { command: 'moveDown', label: 'Move cell down', icon: '↓', title: 'Move this cell down', why: 'The last cell: there is nothing below it to move past' },
  { command: 'deleteCells', label: 'Delete cell', icon: '✕', title: 'Delete this cell (D, D; Z brings it back)' },
];

interface CellButtonsProps {
  id: string;
  onCommand(id: string, command: KeyCommand): void;
  /** False on the notebook's first cell (or a selection that starts there): Move cell up is disabled. */
  canMoveUp?: boolean;
  /** False on the last cell (or a selection that ends there): Move cell down is disabled. */
  canMoveDown?: boolean;
}

export function CellButtons({ id, onCommand, canMoveUp = true, canMoveDown = true }: CellButtonsProps) {
  // aria-disabled, not disabled: the button keeps its place in the Tab order and its title says why.
  const off = (command: KeyCommand): boolean => (command === 'moveUp' && !canMoveUp) || (command === 'moveDown' && !canMoveDown);
  return (
    <span className="cell-structure" role="group" aria-label={`Cell ${id}`}>
      {buttons.map((b) => (
        <button
          key={b.command}
          type="button"
          className="btn btn-small btn-quiet btn-icon"
          aria-label={b.label}
          aria-disabled={off(b.command) || undefined}
          title={off(b.command) ? b.why : b.title}
          onClick={() => {
            if (!off(b.command)) onCommand(id, b.command);
          }}
        >
          <span aria-hidden="true">{b.icon}</span>
        </button>
      ))}
    </span>
  );
}
