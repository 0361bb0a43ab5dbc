// Code from a link or an imported file in the notebook's state: shown untrusted, then trusted, discarded or (an import) undone.
import { cellReducer, type CellState, type ExternalOrigin, type KeptEdit } from '../cellState';
import { contentHash } from '../contentHash';

/** One cell's text as a link or a file gives it, for the lesson cell with the same id. */
export interface IncomingCell {
  id: string;
  source: string;
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
  orphans: Record<string, KeptEdit>;
  lastImport: ImportUndo | null;
}

export type ReceivedEvent =
  | { type: 'receive'; origin: ExternalOrigin; cells: IncomingCell[]; importName?: string }
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

function receive<S extends ReceivedState>(state: S, event: Extract<ReceivedEvent, { type: 'receive' }>): S {
  const byId = new Map(event.cells.map((c) => [c.id, c.source]));
  let changed = false;
  const cells = state.cells.map((cell) => {
    const source = byId.get(cell.id);
    if (source === undefined) return cell;
    const next = cellReducer(cell, { type: 'receive', source, origin: event.origin });
    changed ||= next !== cell;
    return next;
  });
  if (!changed) return state;
  const next = { ...state, cells };
  if (event.importName === undefined) return next;
  const before: Record<string, CellSnapshot> = {};
  const after: Record<string, CellSnapshot> = {};
  state.cells.forEach((cell, i) => {
    if (cells[i] === cell) return;
    before[cell.id] = snapshot(cell);
    after[cell.id] = snapshot(cells[i]);
  });
  return { ...next, lastImport: { name: event.importName, before, orphans: state.orphans, after } };
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
  return { ...state, cells, orphans: undo.orphans, lastImport: null };
}

export function receivedReducer<S extends ReceivedState>(state: S, event: ReceivedEvent): S {
  switch (event.type) {
    case 'receive':
      return receive(state, event);
    case 'trust':
      return trust(state, event.origin, event.shown);
    case 'discard': {
      const cells = state.cells.map((c) => (c.untrusted?.origin === event.origin ? cellReducer(c, { type: 'discardReceived' }) : c));
      // Discarding an import is its undo: the Undo offer goes with it.
      return { ...state, cells, lastImport: event.origin === 'import' ? null : state.lastImport };
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
