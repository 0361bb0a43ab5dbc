// What a structure key or button means for the notebook as it is: the event to dispatch, and where the focus goes after.
import type { CellState } from '../cellState';
import type { KeyCommand } from '../keys';
import type { NotebookEvent } from '../notebookState';
import type { StructureEvent, StructureState } from './structureReducer';
import { selectedRange } from './structureReducer';

/** The commands that change the notebook's structure (the rest run cells or move the focus). */
const structureCommands = [
  'insertAbove',
  'insertBelow',
  'deleteCells',
  'undo',
  'cutCells',
  'copyCells',
  'pasteBelow',
  'pasteAbove',
  'toMarkdown',
  'toCode',
  'mergeBelow',
  'moveUp',
  'moveDown',
  'extendUp',
  'extendDown',
  'toggleOutput',
] as const satisfies readonly KeyCommand[];

export type StructureCommand = (typeof structureCommands)[number];

export function isStructureCommand(command: KeyCommand): command is StructureCommand {
  return (structureCommands as readonly KeyCommand[]).includes(command);
}

/** The event for a command; `draw` hands out a fresh cell id (newCellId) for the cells it makes. */
export function structureEvent(state: Pick<StructureState, 'clipboard'>, command: StructureCommand, draw: () => string): StructureEvent {
  switch (command) {
    case 'insertAbove':
    case 'insertBelow':
      return { type: 'insert', side: command === 'insertAbove' ? 'above' : 'below', id: draw(), cellType: 'code' };
    case 'deleteCells':
      return { type: 'delete' };
    case 'undo':
      return { type: 'undo' };
    case 'cutCells':
      return { type: 'cut' };
    case 'copyCells':
      return { type: 'copy' };
    case 'pasteBelow':
    case 'pasteAbove':
      return { type: 'paste', side: command === 'pasteAbove' ? 'above' : 'below', ids: state.clipboard.map(() => draw()) };
    case 'toMarkdown':
    case 'toCode':
      return { type: 'retype', cellType: command === 'toCode' ? 'code' : 'markdown' };
    case 'mergeBelow':
      return { type: 'merge' };
    case 'moveUp':
    case 'moveDown':
      return { type: 'move', delta: command === 'moveUp' ? -1 : 1 };
    case 'extendUp':
    case 'extendDown':
      return { type: 'extendSelection', delta: command === 'extendUp' ? -1 : 1 };
    case 'toggleOutput':
      return { type: 'toggleOutput' };
    default: {
      const never: never = command;
      throw new Error(`structure: unknown command ${String(never)}`);
    }
  }
}

/** True when cell `id` is among the selected cells (a button on it then acts on the whole selection). */
export function isSelected(state: Pick<StructureState, 'cells' | 'selectedId' | 'anchorId'>, id: string): boolean {
  const range = selectedRange(state);
  const at = state.cells.findIndex((c) => c.id === id);
  return range !== null && at >= range[0] && at <= range[1];
}

/**
 * Revert cell's event: the lesson's text and type for one of its cells (`lesson`: the lesson's
 * cells as first loaded, by id); only the text for a cell the lesson no longer has.
 */
export function revertCellEvent(id: string, lesson: ReadonlyMap<string, CellState>): NotebookEvent {
  const fresh = lesson.get(id);
  return fresh ? { type: 'structure', event: { type: 'revertCell', lesson: fresh } } : { type: 'cell', id, event: { type: 'revert' } };
}

/**
 * Whether the move buttons of cell `id` can move up (-1) or down (1): they act on the selection when
 * the cell is in it (its first cell cannot go up, its last cannot go down), else on the cell alone.
 */
export function canMove(state: Pick<StructureState, 'cells' | 'selectedId' | 'anchorId'>, id: string, delta: -1 | 1): boolean {
  const at = state.cells.findIndex((c) => c.id === id);
  if (at < 0) return false;
  const [from, to] = (isSelected(state, id) ? selectedRange(state) : null) ?? [at, at];
  return delta < 0 ? from > 0 : to < state.cells.length - 1;
}

/** Where Shift+Enter goes after running cell `id`: the cell below, or, from the last cell, a new code cell inserted below (Jupyter's way). */
export function advanceFrom(cells: readonly CellState[], id: string): { kind: 'next'; cell: CellState } | { kind: 'insert' } | { kind: 'gone' } {
  const at = cells.findIndex((c) => c.id === id);
  if (at < 0) return { kind: 'gone' };
  const next = cells.at(at + 1);
  return next ? { kind: 'next', cell: next } : { kind: 'insert' };
}
