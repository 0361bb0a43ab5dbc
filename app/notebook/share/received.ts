// Code from a link or an imported file in the notebook's state: shown untrusted, then trusted, discarded or (an import) undone.
import { cellReducer, type CellState, type ExternalOrigin, type KeptEdit } from '../cellState';
import { contentHash } from '../contentHash';

/** One cell's text as a link or a file gives it, for the lesson cell with the same id. */
export interface IncomingCell {
  id: string;
  source: string;
  /** The sender changed the cell's type (code <-> markdown). */
  type?: CellState['type'];
}

/**
 * Where received cells stand: `order` is the sender's order (ids of cells here or `added`), `added`
 * the cells the notebook does not have yet, `removed` the cells the sender deleted. A cell here that
 * is in none of them stays, after the cell it followed.
 */
export interface StructureChange {
  order: string[];
  added: CellState[];
  removed: string[];
}

/** The notebook before received cells moved it: Discard (or Undo import) puts this order back. */
export interface StructureUndo {
  before: CellState[];
  /** The cells the receive brought in: Discard takes them out again. */
  added: string[];
}

/** The parts of a cell an import can change; Undo puts exactly these back. */
export type CellSnapshot = Pick<CellState, 'source' | 'untrusted' | 'aside'>;

/** What an import replaced, so that Undo restores the cells and kept edits exactly as they were. */
export interface ImportUndo {
  name: string;
  before: Record<string, CellSnapshot>;
  orphans: Record<string, KeptEdit>;
  /** The cells right after the import: later changes are what Undo would throw away. */
  after: Record<string, CellSnapshot>;
}

/**
 * The part of the notebook's state received code changes. Declared here, not taken from
 * notebookState (whose reducer calls this one), so the two files do not import each other.
 */
export interface ReceivedState {
  cells: CellState[];
  selectedId: string | null;
  orphans: Record<string, KeptEdit>;
  lastImport: ImportUndo | null;
  /** Set while received cells that changed the structure wait for Trust or Discard (and for an import, Undo). */
  structureBefore?: Partial<Record<ExternalOrigin, StructureUndo>>;
}

export type ReceivedEvent =
  | { type: 'receive'; origin: ExternalOrigin; cells: IncomingCell[]; structure?: StructureChange; importName?: string }
  /** `shown` is `shownCode` of what the banner showed when the reader clicked: anything else is not trusted. */
  | { type: 'trust'; origin: ExternalOrigin; shown: string }
  | { type: 'discard'; origin: ExternalOrigin }
  | { type: 'undoImport' }
  | { type: 'forgetImport' };

export interface ReceiveSummary {
  /** Cells whose text changes. */
  changed: string[];
  /** Of those, cells holding the student's own edits: kept (Discard brings them back, Trust keeps them aside). */
  keptOwn: string[];
  /** Ids the lesson has no cell for: left out. */
  unknown: string[];
}

const snapshot = (c: CellState): CellSnapshot => ({ source: c.source, untrusted: c.untrusted, aside: c.aside });

const sameSnapshot = (a: CellSnapshot, b: CellSnapshot): boolean =>
  a.source === b.source &&
  a.untrusted?.origin === b.untrusted?.origin &&
  a.untrusted?.displaced === b.untrusted?.displaced &&
  a.aside?.source === b.aside?.source &&
  a.aside?.originalHash === b.aside?.originalHash;

/** The student's last trusted text of a cell (under any untrusted code it shows). */
export const ownSource = (c: CellState): string => c.untrusted?.displaced ?? c.source;

/** What receiving `incoming` would do to `cells`, for the messages shown with it. */
export function summarizeReceive(cells: readonly CellState[], incoming: readonly IncomingCell[]): ReceiveSummary {
  const summary: ReceiveSummary = { changed: [], keptOwn: [], unknown: [] };
  for (const { id, source } of incoming) {
    const cell = cells.find((c) => c.id === id);
    if (!cell) {
      summary.unknown.push(id);
      continue;
    }
    if (source === cell.source) continue;
    summary.changed.push(id);
    const own = ownSource(cell);
    if (own !== cell.original && source !== own) summary.keptOwn.push(id);
  }
  return summary;
}

/** Untrusted cells, by where their code came from. */
export function untrustedCells(state: Pick<ReceivedState, 'cells'>, origin: ExternalOrigin): CellState[] {
  return state.cells.filter((c) => c.untrusted?.origin === origin);
}

/**
 * Exactly what the reader is shown of one origin's untrusted cells (ids, kinds, sources), as a string
 * two moments compare by: the whole text, not a hash, so no other code can ever match it.
 */
export function shownCode(cells: readonly CellState[]): string {
  return JSON.stringify(cells.map((c) => [c.id, c.type, c.source]));
}

/** True when every cell of `cells` shows exactly as in `shown` (cells may have left: what is left was seen). */
export function coveredBy(cells: readonly CellState[], shown: string): boolean {
  const seen = new Set((JSON.parse(shown) as unknown[]).map((entry) => JSON.stringify(entry)));
  return cells.every((c) => seen.has(JSON.stringify([c.id, c.type, c.source])));
}

/** A key for `orphans` not taken yet: a kept edit never overwrites another one. */
function freeKey(orphans: Record<string, KeptEdit>, base: string): string {
  let key = base;
  for (let n = 2; key in orphans; n += 1) key = `${base} ${n}`;
  return key;
}

/**
 * Trusted code becomes the student's own, only if it is exactly the code the reader was shown. The
 * text it displaced, if it was the student's (not the lesson's), is kept aside on the cell; an aside
 * already there moves to the orphans, never dropped.
 */
function trust<S extends ReceivedState>(state: S, origin: ExternalOrigin, shown: string): S {
  // The code changed since the reader looked (a new hash, another tab, storage): the click covers nothing.
  if (shownCode(untrustedCells(state, origin)) !== shown) return state;
  let orphans = state.orphans;
  const cells = state.cells.map((cell) => {
    if (cell.untrusted?.origin !== origin) return cell;
    const { displaced } = cell.untrusted;
    const trusted = cellReducer(cell, { type: 'trust' });
    if (displaced === cell.original || displaced === cell.source) return trusted;
    if (cell.aside && cell.aside.source !== displaced) {
      orphans = { ...orphans, [freeKey(orphans, `${cell.id} (older)`)]: cell.aside };
    }
    return { ...trusted, aside: { source: displaced, originalHash: contentHash(cell.original) } };
  });
  return { ...state, cells, orphans };
}

/**
 * `order`'s cells in that order; a cell of `current` that is in neither `order` nor `removed` stays,
 * right after the cell it followed (at the top if it led). `byId` finds the cells `order` names.
 */
export function arrange(current: readonly CellState[], order: readonly string[], removed: ReadonlySet<string>, byId: ReadonlyMap<string, CellState>): CellState[] {
  const result = order.flatMap((id) => byId.get(id) ?? []);
  const named = new Set(order);
  let after: string | null = null;
  for (const cell of current) {
    if (named.has(cell.id)) {
      after = cell.id;
      continue;
    }
    if (removed.has(cell.id)) continue;
    result.splice(after === null ? 0 : result.findIndex((c) => c.id === after) + 1, 0, cell);
    after = cell.id;
  }
  return result;
}

/** New cells from a link or a file: untrusted until the student decides, like received text. */
const receivedNew = (cell: CellState, origin: ExternalOrigin): CellState => ({ ...cell, untrusted: { origin, displaced: '' } });

/** The selection stays on a cell that is still there. */
function keepSelection<S extends ReceivedState>(state: S): S {
  if (state.selectedId !== null && state.cells.some((c) => c.id === state.selectedId)) return state;
  return { ...state, selectedId: state.cells[0]?.id ?? null };
}

function sameOrder(a: readonly CellState[], b: readonly CellState[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

/** Applies a structure change to `cells` (texts already received); returns the same array when nothing moves. */
function restructure(cells: CellState[], change: StructureChange | undefined, origin: ExternalOrigin): { cells: CellState[]; added: string[] } {
  if (!change) return { cells, added: [] };
  const taken = new Set(cells.map((c) => c.id));
  const added = change.added.filter((c) => !taken.has(c.id)).map((c) => receivedNew(c, origin));
  const byId = new Map([...cells, ...added].map((c) => [c.id, c]));
  const next = arrange(cells, change.order, new Set(change.removed), byId);
  return { cells: sameOrder(next, cells) ? cells : next, added: added.map((c) => c.id) };
}

function receive<S extends ReceivedState>(state: S, event: Extract<ReceivedEvent, { type: 'receive' }>): S {
  const byId = new Map(event.cells.map((c) => [c.id, c]));
  let changed = false;
  const texts = state.cells.map((cell) => {
    const incoming = byId.get(cell.id);
    if (incoming === undefined) return cell;
    const typed = incoming.type && incoming.type !== cell.type && !cell.foreign ? { ...cell, type: incoming.type, editing: false } : cell;
    const next = cellReducer(typed, { type: 'receive', source: incoming.source, origin: event.origin });
    changed ||= next !== cell;
    return next;
  });
  const moved = restructure(texts, event.structure, event.origin);
  if (!changed && moved.cells === texts) return state;
  const cells = moved.cells;
  // A second link before the first is decided on: Discard goes back to before the first.
  const earlier = event.importName === undefined ? state.structureBefore?.[event.origin] : undefined;
  const undo: StructureUndo = { before: earlier?.before ?? state.cells, added: [...(earlier?.added ?? []), ...moved.added] };
  const next = keepSelection({ ...state, cells, structureBefore: { ...state.structureBefore, [event.origin]: undo } });
  if (event.importName === undefined) return next;
  const before: Record<string, CellSnapshot> = {};
  const after: Record<string, CellSnapshot> = {};
  const old = new Map(state.cells.map((c) => [c.id, c]));
  for (const cell of cells) {
    const was = old.get(cell.id);
    if (was === cell) continue;
    if (was) before[cell.id] = snapshot(was);
    after[cell.id] = snapshot(cell);
  }
  return { ...next, lastImport: { name: event.importName, before, orphans: state.orphans, after } };
}

/**
 * The order before a receive, with the cells as they are now: the cells it brought in go, the cells
 * it removed come back, and cells the student made since stay after the cell they followed.
 */
function restoreStructure(cells: readonly CellState[], undo: StructureUndo): CellState[] {
  const byId = new Map([...undo.before, ...cells].map((c) => [c.id, c]));
  return arrange(cells, undo.before.map((c) => c.id), new Set(undo.added), byId);
}

/** True while an import's cells wait for Trust or Discard (its undo outlives Trust: Undo import still goes back). */
function importWaits(cells: readonly CellState[], structureBefore: ReceivedState['structureBefore']): boolean {
  return structureBefore?.import !== undefined && cells.some((c) => c.untrusted?.origin === 'import');
}

/**
 * The list on screen without a link's untrusted structure: the student's own, with an import waiting
 * laid over it (what pendingImport.ts saves of it).
 */
export function withoutLink(cells: readonly CellState[], structureBefore: ReceivedState['structureBefore']): readonly CellState[] {
  const undo = structureBefore?.link;
  return undo ? restoreStructure(cells, undo) : cells;
}

/**
 * The student's own list of cells under a link's or an import's untrusted structure, as Discard would
 * give it back (cells keep their state now). Saved in place of the list on screen: a reload before
 * Trust or Discard never takes the link's or the file's list for the student's; the link, still in the
 * address, lays it over again, and the file from where it is saved apart (pendingImport.ts).
 */
export function ownCells(cells: readonly CellState[], structureBefore: ReceivedState['structureBefore']): readonly CellState[] {
  const own = withoutLink(cells, structureBefore);
  const undo = structureBefore?.import;
  return undo && importWaits(cells, structureBefore) ? restoreStructure(own, undo) : own;
}

/** The cells a waiting import brought in: kept out of the student's saved record until trusted. */
export function waitingImportCells(cells: readonly CellState[], structureBefore: ReceivedState['structureBefore']): CellState[] {
  if (!importWaits(cells, structureBefore)) return [];
  const added = new Set(structureBefore?.import?.added);
  return cells.filter((c) => added.has(c.id) && c.untrusted?.origin === 'import');
}

/** Forgets the structure to go back to for `origin` (after Trust, Discard or Undo). */
function withoutUndo<S extends ReceivedState>(state: S, origin: ExternalOrigin): S {
  if (!state.structureBefore?.[origin]) return state;
  const rest = { ...state.structureBefore };
  delete rest[origin];
  return { ...state, structureBefore: rest };
}

/** Puts the structure back as it was before `origin`'s cells came, if they changed it. */
function undoStructure<S extends ReceivedState>(state: S, origin: ExternalOrigin): S {
  const undo = state.structureBefore?.[origin];
  if (!undo) return state;
  return keepSelection(withoutUndo({ ...state, cells: restoreStructure(state.cells, undo) }, origin));
}

/** Cells changed since the import (typed into, trusted, discarded): what Undo would also undo. */
export function changedSinceImport(state: Pick<ReceivedState, 'cells' | 'lastImport'>): string[] {
  const undo = state.lastImport;
  if (!undo) return [];
  return state.cells.filter((c) => undo.after[c.id] && !sameSnapshot(snapshot(c), undo.after[c.id])).map((c) => c.id);
}

function undoImport<S extends ReceivedState>(state: S): S {
  const undo = state.lastImport;
  if (!undo) return state;
  const cells = state.cells.map((cell) => {
    const before = undo.before[cell.id];
    return before ? { ...cell, ...before, editing: false, notice: null } : cell;
  });
  return undoStructure({ ...state, cells, orphans: undo.orphans, lastImport: null }, 'import');
}

export function receivedReducer<S extends ReceivedState>(state: S, event: ReceivedEvent): S {
  switch (event.type) {
    case 'receive':
      return receive(state, event);
    case 'trust': {
      const trusted = trust(state, event.origin, event.shown);
      // An import's Undo still goes back to before it; a link, once trusted, is the student's (a refused click changes nothing).
      return event.origin === 'link' && trusted !== state ? withoutUndo(trusted, 'link') : trusted;
    }
    case 'discard': {
      // A cell the sender retyped gets its own type back with its text.
      const typeBefore = new Map((state.structureBefore?.[event.origin]?.before ?? []).map((c) => [c.id, c.type]));
      const cells = state.cells.map((c) => {
        if (c.untrusted?.origin !== event.origin) return c;
        const discarded = cellReducer(c, { type: 'discardReceived' });
        const type = typeBefore.get(c.id) ?? discarded.type;
        return type === discarded.type ? discarded : { ...discarded, type };
      });
      // Discarding an import is its undo: the Undo offer goes with it.
      return undoStructure({ ...state, cells, lastImport: event.origin === 'import' ? null : state.lastImport }, event.origin);
    }
    case 'undoImport':
      return undoImport(state);
    case 'forgetImport':
      return state.lastImport ? { ...state, lastImport: null } : state;
    default: {
      const never: never = event;
      throw new Error(`notebook: unknown received-code event ${JSON.stringify(never)}`);
    }
  }
}
