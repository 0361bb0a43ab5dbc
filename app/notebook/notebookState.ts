// The whole notebook's state (cells, selection, mode, kernel, notices) and its pure reducer.
import { cellReducer, differsFromOriginal, type CellEvent, type CellState, type ExternalOrigin, type KeptEdit } from './cellState';
import { adoptCells } from './savedStructure';
import { receivedReducer, type ImportUndo, type ReceivedEvent, type StructureUndo } from './share/received';
import { structureReducer, type StructureEvent, type UndoStep } from './structure/structureReducer';
import type { EditorMode, KernelStatus, Notice } from './types';

export interface KernelInfo {
  status: KernelStatus;
  backend: string | null;
  notes: string[];
}

export interface NotebookState {
  cells: CellState[];
  selectedId: string | null;
  /** Where a Shift+Up/Down selection started (see structure/structureReducer.ts); null for one cell. */
  anchorId: string | null;
  mode: EditorMode;
  kernel: KernelInfo;
  /** The last `In [n]` handed out; a restart starts counting again, as Jupyter does. */
  execCounter: number;
  notices: Notice[];
  /** Saved edits of cells the lesson no longer has: kept in storage, never dropped silently. */
  orphans: Record<string, KeptEdit>;
  /** The last import, until it is undone or its notice dismissed (see share/received.ts). */
  lastImport: ImportUndo | null;
  /** Deletions and merges `Z` can undo, the latest last. */
  undoStack: UndoStep[];
  /** Copies of the cells last copied or cut. */
  clipboard: CellState[];
  /** The clipboard is a cut not pasted yet (its first paste is a move: see structure/structureReducer.ts). */
  clipboardCut: boolean;
  /** Cells whose outputs are folded away (`O`). */
  hiddenOutputs: string[];
  /** The order before a link or a file moved cells, until the student trusts or discards them. */
  structureBefore?: Partial<Record<ExternalOrigin, StructureUndo>>;
}

export type NotebookEvent =
  | { type: 'cell'; id: string; event: CellEvent }
  | { type: 'startRun'; id: string }
  | { type: 'select'; id: string; mode?: EditorMode }
  | { type: 'moveSelection'; delta: number }
  | { type: 'setMode'; mode: EditorMode }
  | { type: 'kernel'; kernel: Partial<KernelInfo> }
  | { type: 'kernelRestarted' }
  | { type: 'notice'; notice: Notice }
  | { type: 'dismissNotice'; id: string }
  | { type: 'revertAll' }
  | { type: 'received'; event: ReceivedEvent }
  | { type: 'structure'; event: StructureEvent }
  /** Another tab's list of cells (see useAutosave.ts): these cells in this order, those already here keeping their state. */
  | { type: 'adoptCells'; cells: CellState[] };

export function initialNotebookState(cells: CellState[], orphans: Record<string, KeptEdit> = {}, notices: Notice[] = []): NotebookState {
  return {
    cells,
    selectedId: cells[0]?.id ?? null,
    anchorId: null,
    mode: 'command',
    kernel: { status: 'starting', backend: null, notes: [] },
    execCounter: 0,
    notices,
    orphans,
    lastImport: null,
    undoStack: [],
    clipboard: [],
    clipboardCut: false,
    hiddenOutputs: [],
  };
}

function updateIn(cells: CellState[], id: string, event: CellEvent): CellState[] {
  const at = cells.findIndex((c) => c.id === id);
  if (at < 0) return cells;
  const next = cellReducer(cells[at], event);
  return next === cells[at] ? cells : cells.map((c, i) => (i === at ? next : c));
}

function updateCell(state: NotebookState, id: string, event: CellEvent): NotebookState {
  if (state.cells.some((c) => c.id === id)) {
    const cells = updateIn(state.cells, id, event);
    return cells === state.cells ? state : { ...state, cells };
  }
  // A cell deleted while it ran still ends (and shows its outputs) once Z brings it back (merges take no running cell).
  const undoStack = state.undoStack.map((step) => {
    const cells = step.kind === 'delete' ? updateIn(step.cells, id, event) : step.cells;
    return cells === step.cells ? step : { ...step, cells };
  });
  return undoStack.every((b, i) => b === state.undoStack[i]) ? state : { ...state, undoStack };
}

function moveSelection(state: NotebookState, delta: number): NotebookState {
  const at = state.cells.findIndex((c) => c.id === state.selectedId);
  const to = Math.min(state.cells.length - 1, Math.max(0, (at < 0 ? 0 : at) + delta));
  const id = state.cells[to]?.id ?? null;
  return id === state.selectedId && state.anchorId === null ? state : { ...state, selectedId: id, anchorId: null };
}

export function notebookReducer(state: NotebookState, event: NotebookEvent): NotebookState {
  switch (event.type) {
    case 'cell':
      return updateCell(state, event.id, event.event);
    case 'startRun': {
      const execCount = state.execCounter + 1;
      const next = updateCell(state, event.id, { type: 'start', execCount });
      return next === state ? state : { ...next, execCounter: execCount };
    }
    case 'select': {
      const mode = event.mode ?? state.mode;
      if (!state.cells.some((c) => c.id === event.id)) return state;
      // Focus events repeat selections: an unchanged state keeps its identity, so nothing re-renders.
      // Selecting one cell ends a range selection, except re-selecting the range's own end (a focus event).
      return event.id === state.selectedId && mode === state.mode ? state : { ...state, selectedId: event.id, anchorId: null, mode };
    }
    case 'moveSelection':
      return moveSelection(state, event.delta);
    case 'setMode':
      return event.mode === state.mode ? state : { ...state, mode: event.mode };
    case 'kernel':
      return { ...state, kernel: { ...state.kernel, ...event.kernel } };
    case 'kernelRestarted':
      return { ...state, execCounter: 0 };
    case 'notice': {
      const others = state.notices.filter((n) => n.id !== event.notice.id);
      return { ...state, notices: [...others, event.notice] };
    }
    case 'dismissNotice':
      return { ...state, notices: state.notices.filter((n) => n.id !== event.id) };
    case 'revertAll':
      return { ...state, cells: state.cells.map((c) => cellReducer(c, { type: 'revert' })) };
    case 'received':
      return receivedReducer(state, event.event);
    case 'structure':
      return structureReducer(state, event.event);
    case 'adoptCells':
      return { ...state, ...adoptCells(state, event.cells) };
    default: {
      const never: never = event;
      throw new Error(`notebook: unknown event ${JSON.stringify(never)}`);
    }
  }
}

/** Cells whose source differs from the lesson's: what `Revert to original` would throw away. */
export function editedCells(state: Pick<NotebookState, 'cells'>): CellState[] {
  return state.cells.filter(differsFromOriginal);
}

export function cellById(state: Pick<NotebookState, 'cells'>, id: string): CellState | undefined {
  return state.cells.find((c) => c.id === id);
}
