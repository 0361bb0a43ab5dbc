// The notebook's shape as pure transitions: insert, delete, merge and their undo, move, copy/cut/paste, split, retype, select a range.
import { cellReducer, type CellState } from '../cellState';
import type { Notice } from '../types';
import { newCell } from './cells';

/** Cells taken out by one delete or cut, with the index each had in the list before, ascending. */
export interface DeletedCells {
  kind: 'delete';
  cells: CellState[];
  positions: number[];
}

/** One merge: the cells as they were before it, the cell it made (the first one's id), and the selection and folded outputs it changed. */
export interface MergedCells {
  kind: 'merge';
  cells: CellState[];
  merged: CellState;
  selectedId: string | null;
  anchorId: string | null;
  hidden: string[];
}

/** What `Z` can undo: a delete (or cut) or a merge. */
export type UndoStep = DeletedCells | MergedCells;

/**
 * The part of the notebook's state its structure changes. Declared here, not taken from
 * notebookState (whose reducer calls this one), so the two files do not import each other.
 */
export interface StructureState {
  cells: CellState[];
  selectedId: string | null;
  /** Where a Shift+Up/Down selection started; null when only the selected cell is selected. */
  anchorId: string | null;
  /** Deletions and merges that `Z` can undo, the latest last. */
  undoStack: UndoStep[];
  /** Copies of the cells last copied or cut. */
  clipboard: CellState[];
  /** The clipboard holds a cut not pasted yet: its first paste moves the cells back, ids and all. */
  clipboardCut: boolean;
  /** Cells whose outputs are folded away (`O`). */
  hiddenOutputs: string[];
  notices: Notice[];
}

export type Side = 'above' | 'below';

/** Ids of new cells come with the event (drawn with newCellId by the caller), so the reducer stays pure. */
export type StructureEvent =
  | { type: 'insert'; side: Side; id: string; cellType: CellState['type']; source?: string }
  | { type: 'insertCells'; index: number; cells: CellState[] }
  | { type: 'delete' }
  /** The last delete, cut or merge undone. */
  | { type: 'undo' }
  | { type: 'move'; delta: -1 | 1 }
  | { type: 'copy' }
  | { type: 'cut' }
  | { type: 'paste'; side: Side; ids: string[] }
  | { type: 'split'; id: string; offset: number; newId: string }
  | { type: 'merge' }
  | { type: 'retype'; cellType: CellState['type'] }
  | { type: 'extendSelection'; delta: -1 | 1 }
  | { type: 'toggleOutput' }
  /** The lesson exactly again: `lesson` is its cells as first loaded (see newCellState), in order. */
  | { type: 'revertStructure'; lesson: CellState[] }
  /** One lesson cell as the lesson has it, text and type: `lesson` is that cell as first loaded. */
  | { type: 'revertCell'; lesson: CellState };

/** How many deletions and merges `Z` can undo; older ones are forgotten. */
export const undoDepth = 50;

/** The id of the notice a refused structure change shows (one at a time: a new refusal replaces the last). */
export const structureNoticeId = 'structure';

/** Indices [from, to] of the selected cells: the selected one, or the range from the anchor to it. */
export function selectedRange(state: Pick<StructureState, 'cells' | 'selectedId' | 'anchorId'>): [number, number] | null {
  const at = state.cells.findIndex((c) => c.id === state.selectedId);
  if (at < 0) return null;
  const anchor = state.anchorId === null ? -1 : state.cells.findIndex((c) => c.id === state.anchorId);
  return anchor < 0 ? [at, at] : [Math.min(at, anchor), Math.max(at, anchor)];
}

/** The selected cells, in notebook order. */
export function selectedCells(state: Pick<StructureState, 'cells' | 'selectedId' | 'anchorId'>): CellState[] {
  const range = selectedRange(state);
  return range ? state.cells.slice(range[0], range[1] + 1) : [];
}

function refuse<S extends StructureState>(state: S, text: string): S {
  const notice: Notice = { id: structureNoticeId, tone: 'info', text, corner: true };
  return { ...state, notices: [...state.notices.filter((n) => n.id !== structureNoticeId), notice] };
}

/** Selects the cells from index `from` to `to` (the latter is the selected one, the former the anchor). */
function selectRange<S extends StructureState>(state: S, cells: CellState[], from: number, to: number): S {
  const selectedId = cells[to]?.id ?? null;
  const anchorId = from === to ? null : (cells[from]?.id ?? null);
  return { ...state, cells, selectedId, anchorId };
}

const isBusy = (c: CellState): boolean => c.status === 'queued' || c.status === 'running';
const busyText = (c: CellState): string => `Cell ${c.id} is running: wait for it to finish or interrupt the kernel first`;

/** Why a cell's text cannot be changed by split or merge, or null. */
function textLocked(c: CellState): string | null {
  if (c.foreign) return `Cell ${c.id} is ${c.foreign.language} code from an imported notebook: it is read-only here`;
  if (c.untrusted) return `Cell ${c.id} shows code that is not trusted yet: trust or discard it first`;
  if (isBusy(c)) return busyText(c);
  return null;
}

function insertAt<S extends StructureState>(state: S, index: number, added: CellState[]): S {
  const taken = new Set(state.cells.map((c) => c.id));
  const clash = added.find((c, i) => taken.has(c.id) || added.findIndex((o) => o.id === c.id) !== i);
  if (clash) return refuse(state, `Cannot insert cell ${clash.id}: the notebook already has a cell with that id`);
  if (added.length === 0) return state;
  const at = Math.min(Math.max(0, index), state.cells.length);
  const cells = [...state.cells.slice(0, at), ...added, ...state.cells.slice(at)];
  return selectRange(state, cells, at, at + added.length - 1);
}

/** Index to insert at beside the selection: above its first cell or below its last (the end when nothing is selected). */
function sideIndex(state: StructureState, side: Side): number {
  const range = selectedRange(state);
  if (!range) return side === 'above' ? 0 : state.cells.length;
  return side === 'above' ? range[0] : range[1] + 1;
}

function remove<S extends StructureState>(state: S): S {
  const range = selectedRange(state);
  if (!range) return state;
  const [from, to] = range;
  if (to - from + 1 === state.cells.length) return refuse(state, 'A notebook keeps at least one cell: insert another before deleting this one');
  // A queued cell will not run once deleted (the runner skips it): it comes back idle, not waiting forever.
  const gone = state.cells.slice(from, to + 1).map((c) => (c.status === 'queued' ? { ...c, status: 'idle' as const } : c));
  const cells = [...state.cells.slice(0, from), ...state.cells.slice(to + 1)];
  const batch: DeletedCells = { kind: 'delete', cells: gone, positions: gone.map((_, i) => from + i) };
  const next = cells[Math.min(from, cells.length - 1)];
  return {
    ...state,
    cells,
    selectedId: next.id,
    anchorId: null,
    undoStack: pushUndo(state, batch),
    hiddenOutputs: state.hiddenOutputs.filter((id) => !gone.some((c) => c.id === id)),
  };
}

const pushUndo = (state: StructureState, step: UndoStep): UndoStep[] => [...state.undoStack, step].slice(-undoDepth);

function undoDelete<S extends StructureState>(state: S, batch: DeletedCells): S {
  const cells = [...state.cells];
  // A cell that came back another way since (an import of the lesson's cell) is not doubled.
  const back = batch.cells.filter((c) => !state.cells.some((o) => o.id === c.id));
  // Positions ascend, so each cell goes back where it was once those before it are back.
  batch.cells.forEach((c, i) => {
    if (back.includes(c)) cells.splice(Math.min(batch.positions[i], cells.length), 0, c);
  });
  const undoStack = state.undoStack.slice(0, -1);
  if (back.length === 0) return { ...state, undoStack };
  const first = cells.indexOf(back[0]);
  const last = cells.indexOf(back[back.length - 1]);
  return { ...selectRange(state, cells, first, last), undoStack };
}

/**
 * The merged cell, wherever it is now, becomes the cells it was made of, as they were (text, type,
 * outputs), with the selection of then. Refused while the merged cell holds a change undoing would
 * lose (an edit, a retype) or cannot take (a run); the step then stays, for once it is changed back.
 */
function undoMerge<S extends StructureState>(state: S, step: MergedCells): S {
  const undoStack = state.undoStack.slice(0, -1);
  const { merged } = step;
  const names = step.cells.map((c) => c.id).join(', ');
  const at = state.cells.findIndex((c) => c.id === merged.id);
  const now = state.cells[at];
  // Gone another way (another tab, a link): nothing to split back, and the steps before it stay reachable.
  if (!now) return { ...refuse(state, `Cannot undo the merge of cells ${names}: cell ${merged.id} is no longer in the notebook`), undoStack };
  const locked = textLocked(now);
  if (locked) return refuse(state, locked);
  if (now.source !== merged.source || now.type !== merged.type) {
    return refuse(state, `Cannot undo the merge of cells ${names}: cell ${merged.id} was changed since, and undoing the merge would lose that change`);
  }
  // A cell that came back another way since (an import of the lesson's cell) is not doubled.
  const back = step.cells.filter((c, i) => i === 0 || !state.cells.some((o) => o.id === c.id));
  const cells = [...state.cells.slice(0, at), ...back, ...state.cells.slice(at + 1)];
  const isBack = (id: string | null): boolean => back.some((c) => c.id === id);
  const hidden = step.hidden.filter((id) => isBack(id) && !state.hiddenOutputs.includes(id));
  return {
    ...state,
    cells,
    selectedId: isBack(step.selectedId) ? step.selectedId : merged.id,
    anchorId: isBack(step.anchorId) ? step.anchorId : null,
    hiddenOutputs: [...state.hiddenOutputs, ...hidden],
    undoStack,
  };
}

function undo<S extends StructureState>(state: S): S {
  const step = state.undoStack.at(-1);
  if (!step) return refuse(state, 'Nothing to undo: no cell was deleted or merged');
  return step.kind === 'delete' ? undoDelete(state, step) : undoMerge(state, step);
}

function move<S extends StructureState>(state: S, delta: -1 | 1): S {
  const range = selectedRange(state);
  if (!range) return state;
  const [from, to] = range;
  if ((delta < 0 && from === 0) || (delta > 0 && to === state.cells.length - 1)) return state;
  const block = state.cells.slice(from, to + 1);
  const rest = [...state.cells.slice(0, from), ...state.cells.slice(to + 1)];
  const at = from + delta;
  const cells = [...rest.slice(0, at), ...block, ...rest.slice(at)];
  return { ...state, cells };
}

/**
 * The clipboard below or above the selection. A copy pastes new cells (fresh ids from `ids`); the
 * first paste of a cut moves the cut cells back as they were (a lesson cell keeps its id, origin and
 * original, so Revert still knows it), and the cut leaves the undo stack: Undo delete would double them.
 */
function paste<S extends StructureState>(state: S, side: Side, ids: string[]): S {
  if (state.clipboard.length === 0) return refuse(state, 'Nothing to paste: copy or cut a cell first');
  if (ids.length < state.clipboard.length) return refuse(state, `Cannot paste ${state.clipboard.length} cells with ${ids.length} new ids`);
  const here = new Set(state.cells.map((c) => c.id));
  // A cut cell back in the notebook another way (Z, a link) is pasted as a copy: ids stay unique.
  const pasted = state.clipboard.map((c, i) => (state.clipboardCut && !here.has(c.id) ? asCutBack(c) : newCell(ids[i], c.type, c.source, c.foreign)));
  const next = insertAt(state, sideIndex(state, side), pasted);
  if (next.cells === state.cells || !state.clipboardCut) return next;
  const back = new Set(pasted.map((c) => c.id));
  const undoStack = next.undoStack.filter((step) => step.kind !== 'delete' || !step.cells.every((c) => back.has(c.id)));
  return { ...next, undoStack, clipboardCut: false };
}

/** A cut cell pasted back: as it was cut, except that a queued run was dropped with the cut (the runner skips cells not there). */
const asCutBack = (c: CellState): CellState => (c.status === 'queued' ? { ...c, status: 'idle' } : c);

function split<S extends StructureState>(state: S, id: string, offset: number, newId: string): S {
  const at = state.cells.findIndex((c) => c.id === id);
  const cell = state.cells[at];
  if (!cell) return state;
  const locked = textLocked(cell);
  if (locked) return refuse(state, locked);
  if (state.cells.some((c) => c.id === newId)) return refuse(state, `Cannot split: a cell with id ${newId} already exists`);
  const cut = Math.min(Math.max(0, offset), cell.source.length);
  // The line break at the cursor belongs to neither half.
  const before = cell.source.slice(0, cut).replace(/\n$/, '');
  const after = cell.source.slice(cut).replace(/^\n/, '');
  const first = cellReducer(cell, { type: 'edit', source: before });
  const second = newCell(newId, cell.type, after);
  const cells = [...state.cells.slice(0, at), first, second, ...state.cells.slice(at + 1)];
  return { ...state, cells, selectedId: newId, anchorId: null };
}

function merge<S extends StructureState>(state: S): S {
  const range = selectedRange(state);
  if (!range) return state;
  const [from] = range;
  // One cell selected merges with the one below, as Jupyter's Shift+M does.
  const to = range[1] > from ? range[1] : from + 1;
  if (to >= state.cells.length) return refuse(state, 'Nothing to merge with: this is the last cell');
  const group = state.cells.slice(from, to + 1);
  const locked = group.map(textLocked).find((why) => why !== null);
  if (locked) return refuse(state, locked);
  const joined = group.map((c) => c.source).join('\n\n');
  const kept = cellReducer(group[0], { type: 'edit', source: joined });
  const cells = [...state.cells.slice(0, from), kept, ...state.cells.slice(to + 1)];
  const hiddenOutputs = state.hiddenOutputs.filter((id) => cells.some((c) => c.id === id));
  const step: MergedCells = { kind: 'merge', cells: group, merged: kept, selectedId: state.selectedId, anchorId: state.anchorId, hidden: state.hiddenOutputs.filter((id) => !hiddenOutputs.includes(id)) };
  return { ...state, cells, selectedId: kept.id, anchorId: null, hiddenOutputs, undoStack: pushUndo(state, step) };
}

/** A cell as the other type; a markdown cell has no outputs or run count, as in Jupyter. */
function retyped(c: CellState, cellType: CellState['type']): CellState {
  if (c.type === cellType) return c;
  const base = { ...c, type: cellType, editing: false };
  return cellType === 'markdown' ? { ...base, status: 'idle', execCount: null, ranSource: null, outputs: [], notice: null } : base;
}

function retype<S extends StructureState>(state: S, cellType: CellState['type']): S {
  const chosen = selectedCells(state);
  const locked = chosen.map((c) => (c.type === cellType ? null : textLocked(c))).find((why) => why !== null);
  if (locked) return refuse(state, locked);
  if (chosen.every((c) => c.type === cellType)) return state;
  const ids = new Set(chosen.map((c) => c.id));
  return { ...state, cells: state.cells.map((c) => (ids.has(c.id) ? retyped(c, cellType) : c)) };
}

function extendSelection<S extends StructureState>(state: S, delta: -1 | 1): S {
  const at = state.cells.findIndex((c) => c.id === state.selectedId);
  if (at < 0) return state;
  const to = Math.min(state.cells.length - 1, Math.max(0, at + delta));
  if (to === at) return state;
  const anchorId = state.anchorId ?? state.cells[at].id;
  const selectedId = state.cells[to].id;
  return { ...state, selectedId, anchorId: anchorId === selectedId ? null : anchorId };
}

function toggleOutput<S extends StructureState>(state: S): S {
  const chosen = selectedCells(state).map((c) => c.id);
  if (chosen.length === 0) return state;
  // Several cells fold together: shown if any was hidden, else all hidden.
  const allHidden = chosen.every((id) => state.hiddenOutputs.includes(id));
  const others = state.hiddenOutputs.filter((id) => !chosen.includes(id));
  return { ...state, hiddenOutputs: allHidden ? others : [...others, ...chosen] };
}

/** A lesson cell with the lesson's text and type (`fresh`: the lesson's own), keeping its run unless it turns to markdown. */
function asLesson(mine: CellState, fresh: CellState): CellState {
  const reverted = cellReducer(retyped(mine, fresh.type), { type: 'revert' });
  return reverted.editing ? { ...reverted, editing: false } : reverted;
}

/** Revert cell: the lesson's text and type, where the cell is. */
function revertCell<S extends StructureState>(state: S, fresh: CellState): S {
  const at = state.cells.findIndex((c) => c.id === fresh.id && c.origin === 'lesson');
  const mine = state.cells[at];
  if (!mine) return state;
  // Turned back to markdown while it runs, its outputs would arrive at a text cell.
  if (mine.type !== fresh.type && isBusy(mine)) return refuse(state, busyText(mine));
  const cell = asLesson(mine, fresh);
  return cell === mine ? state : { ...state, cells: state.cells.map((c, i) => (i === at ? cell : c)) };
}

/**
 * The lesson's cells in its order, with its text and types; a lesson cell still in the notebook
 * keeps its run (count, outputs), one deleted comes back fresh, new cells go.
 */
function revertStructure<S extends StructureState>(state: S, lesson: CellState[]): S {
  const cells = lesson.map((fresh) => {
    const mine = state.cells.find((c) => c.id === fresh.id && c.origin === 'lesson');
    return mine ? asLesson(mine, fresh) : fresh;
  });
  const selectedId = cells.some((c) => c.id === state.selectedId) ? state.selectedId : (cells[0]?.id ?? null);
  return { ...state, cells, selectedId, anchorId: null, undoStack: [], hiddenOutputs: state.hiddenOutputs.filter((id) => cells.some((c) => c.id === id)) };
}

export function structureReducer<S extends StructureState>(state: S, event: StructureEvent): S {
  switch (event.type) {
    case 'insert':
      return insertAt(state, sideIndex(state, event.side), [newCell(event.id, event.cellType, event.source ?? '')]);
    case 'insertCells':
      return insertAt(state, event.index, event.cells);
    case 'delete':
      return remove(state);
    case 'undo':
      return undo(state);
    case 'move':
      return move(state, event.delta);
    case 'copy':
      return { ...state, clipboard: selectedCells(state), clipboardCut: false };
    case 'cut': {
      const clipboard = selectedCells(state);
      const next = remove(state);
      return next.cells === state.cells ? next : { ...next, clipboard, clipboardCut: true };
    }
    case 'paste':
      return paste(state, event.side, event.ids);
    case 'split':
      return split(state, event.id, event.offset, event.newId);
    case 'merge':
      return merge(state);
    case 'retype':
      return retype(state, event.cellType);
    case 'extendSelection':
      return extendSelection(state, event.delta);
    case 'toggleOutput':
      return toggleOutput(state);
    case 'revertStructure':
      return revertStructure(state, event.lesson);
    case 'revertCell':
      return revertCell(state, event.lesson);
    default: {
      const never: never = event;
      throw new Error(`structure: unknown event ${JSON.stringify(never)}`);
    }
  }
}
