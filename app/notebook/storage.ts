// Saved edits in localStorage: a versioned schema keyed to each original cell's content hash, with the notebook's structure.
import { cellReducer, newCellState, type CellState, type ExternalOrigin, type KeptEdit } from './cellState';
import { contentHash } from './contentHash';
import { arrangeCells, savedNewCell, snapshotStructure, structureProblem, type SavedStructure } from './savedStructure';
import type { PendingImport } from './share/pendingImport';
import { ownCells, waitingImportCells, type ReceivedState } from './share/received';
import { newCell } from './structure/cells';
import type { Notice, SourceCell } from './types';

export const editsKey = 'jacobian-notebook/edits';
/** An imported file's cells waiting for Trust, saved apart from the student's record (share/pendingImport.ts). */
export const pendingImportKey = 'jacobian-notebook/pending-import';
export const schemaVersion = 1;

/** The part of `Storage` we use, so tests can hand in a Map-backed or failing one. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * Version 1: `edits[id]` is the student's source of cell `id`, written against the original whose
 * hash is `originalHash`; `aside[id]` holds edits of an older original (or of a cell the lesson no
 * longer has), kept until the student uses or discards them. `untrusted[id]` (optional, added
 * without a version bump: older readers ignore it) is code from a link or a file shown in cell `id`
 * and not trusted yet; `edits[id]` then still holds the student's own text under it.
 * `structure` (optional, added the same way) is the notebook's shape when it is not the lesson's:
 * order, new cells, deleted and retyped lesson cells (savedStructure.ts). A new cell's text is in
 * `edits` like any cell's, against an empty original, so two tabs merge it cell by cell.
 */
export interface SavedEdits {
  version: typeof schemaVersion;
  edits: Record<string, KeptEdit>;
  aside: Record<string, KeptEdit>;
  untrusted?: Record<string, UntrustedEdit>;
  structure?: SavedStructure;
}

export interface UntrustedEdit extends KeptEdit {
  origin: ExternalOrigin;
}

export const emptyEdits = (): SavedEdits => ({ version: schemaVersion, edits: {}, aside: {} });

export const storageUnavailableNotice: Notice = {
  id: 'storage',
  tone: 'warning',
  text: "This browser does not let the page save data: your edits won't survive a reload.",
};

/**
 * localStorage if this page may use it (private modes and blocked cookies throw on access), else
 * null. A full storage is still one: what it holds is read, and each save that fails says so.
 */
export function browserStore(): KeyValueStore | null {
  try {
    const store = globalThis.localStorage;
    const probe = `${editsKey}/probe`;
    try {
      store.setItem(probe, '1');
      store.removeItem(probe);
    } catch (err) {
      if (!isQuotaError(err)) throw err;
    }
    store.getItem(editsKey);
    return store;
  } catch {
    return null;
  }
}

function isKeptEdit(x: unknown): x is KeptEdit {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as Record<string, unknown>;
  return typeof e.source === 'string' && typeof e.originalHash === 'string';
}

function isUntrustedEdit(x: unknown): x is UntrustedEdit {
  const origin = isKeptEdit(x) ? (x as unknown as Record<string, unknown>).origin : undefined;
  return origin === 'link' || origin === 'import' || origin === 'stored';
}

function isEditMap(x: unknown, isEdit: (e: unknown) => boolean = isKeptEdit): x is Record<string, KeptEdit> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && Object.values(x).every(isEdit);
}

/**
 * `raw` read as saved edits. Not usable: `problem` says why; when only the structure is unreadable,
 * `edits` is the rest of the record (its cell edits are still good).
 */
export type ParsedEdits = { saved: SavedEdits; problem: null } | { saved: null; problem: string; edits: SavedEdits | null };

export function parseEdits(raw: string): ParsedEdits {
  const bad = (problem: string, edits: SavedEdits | null = null): ParsedEdits => ({ saved: null, problem, edits });
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return bad('they are not valid JSON');
  }
  if (typeof data !== 'object' || data === null) return bad('they are not an object');
  const d = data as Record<string, unknown>;
  if (d.version !== schemaVersion) return bad(`they were saved by another version of this app (schema ${JSON.stringify(d.version)}, this one reads ${schemaVersion})`);
  if (!isEditMap(d.edits)) return bad('"edits" is not a map of cell edits');
  if (!isEditMap(d.aside)) return bad('"aside" is not a map of cell edits');
  if (d.untrusted !== undefined && !isEditMap(d.untrusted, isUntrustedEdit)) return bad('"untrusted" is not a map of cell edits from a link or a file');
  const saved = data as SavedEdits;
  const problem = d.structure === undefined ? null : structureProblem(d.structure);
  if (problem === null) return { saved, problem: null };
  const { structure: _unreadable, ...edits } = saved;
  return bad(`the order of the cells: ${problem}`, edits);
}

/** Why `raw` is not usable as version-1 saved edits, or null if it is. */
export function problemWith(raw: string): string | null {
  return parseEdits(raw).problem;
}

export interface LoadedEdits {
  saved: SavedEdits;
  /** An imported file's cells that waited for Trust when the page was left (share/pendingImport.ts), laid over `saved` again. */
  pendingImport?: PendingImport | null;
  notices: Notice[];
  /** False when saving would overwrite data we could neither read nor set aside. */
  writable: boolean;
}

/** Reads the saved edits; unreadable ones are moved to another key (never deleted) and a notice says where. */
export function loadEdits(store: KeyValueStore | null, nowMs: number): LoadedEdits {
  if (!store) return { saved: emptyEdits(), notices: [storageUnavailableNotice], writable: false };
  let raw: string | null;
  try {
    raw = store.getItem(editsKey);
  } catch {
    return { saved: emptyEdits(), notices: [storageUnavailableNotice], writable: false };
  }
  if (raw === null) return { saved: emptyEdits(), notices: [], writable: true };
  const parsed = parseEdits(raw);
  if (parsed.problem === null) return { saved: parsed.saved, notices: [], writable: true };
  const { problem, edits } = parsed;
  const asideKey = `${editsKey}/set-aside-${nowMs}`;
  try {
    // A copy whole, then what this page goes on saving: the cell edits it could read, or nothing.
    store.setItem(asideKey, raw);
    if (edits) store.setItem(editsKey, JSON.stringify(edits));
    else store.removeItem(editsKey);
  } catch {
    const text = `Your saved edits could not be read (${problem}) nor moved aside: they are left as they are, and edits made now won't be saved.`;
    return { saved: edits ?? emptyEdits(), notices: [{ id: 'storage-unreadable', tone: 'error', text }], writable: false };
  }
  const then = edits ? 'the notebook shows the lesson\'s cells in the lesson\'s order, with your edits' : 'the notebook starts from the lesson';
  const text = `Your saved edits could not be read (${problem}). They were set aside in this browser's storage under "${asideKey}"; ${then}.`;
  return { saved: edits ?? emptyEdits(), notices: [{ id: 'storage-set-aside', tone: 'warning', text }], writable: true };
}

export interface RestoredCells {
  cells: CellState[];
  /** Edits of cells the notebook no longer has, keyed by their old id. */
  orphans: Record<string, KeptEdit>;
  notices: Notice[];
}

/** The cells to show, fresh: the lesson's, or as the saved structure arranges them (with the notices that calls for). */
function freshCells(lesson: readonly SourceCell[], structure: SavedStructure | undefined): { cells: CellState[]; notices: Notice[] } {
  if (!structure) return { cells: lesson.map((c) => newCellState(c)), notices: [] };
  const byId = new Map(lesson.map((c) => [c.id, c]));
  const { ids, returned } = arrangeCells(structure, lesson);
  const cells = ids.map((id) => {
    const lessonCell = byId.get(id);
    const saved = savedNewCell(structure, id);
    if (saved || !lessonCell) return newCell(id, saved?.type ?? 'code', '', saved?.foreign ?? null);
    const fresh = newCellState(lessonCell);
    const type = structure.retyped[id] ?? fresh.type;
    return type === fresh.type ? fresh : { ...fresh, type };
  });
  const text = `This version of the lesson changed ${returned.length === 1 ? 'a cell you had deleted' : 'cells you had deleted'} (${returned.join(', ')}): ${returned.length === 1 ? 'it is' : 'they are'} back in place. Delete ${returned.length === 1 ? 'it' : 'them'} again if you do not need ${returned.length === 1 ? 'it' : 'them'}.`;
  return { cells, notices: returned.length === 0 ? [] : [{ id: 'storage-returned', tone: 'info', text }] };
}

/**
 * The notebook as saved: the lesson's cells (and the new ones, in the saved order) with the
 * student's saved sources. An edit written against another version of a cell is never applied to
 * the new one: it is kept aside on that cell (the cell shows a notice).
 */
export function restoreCells(lesson: readonly SourceCell[], saved: SavedEdits): RestoredCells {
  const orphans: Record<string, KeptEdit> = {};
  const fresh = freshCells(lesson, saved.structure);
  const cells = fresh.cells.map((cell) => {
    const edit = saved.edits[cell.id];
    const kept = saved.aside[cell.id] ?? null;
    const untrusted = saved.untrusted?.[cell.id];
    if (!edit) return withUntrusted({ ...cell, aside: kept }, untrusted);
    if (edit.originalHash === contentHash(cell.original)) return withUntrusted({ ...cell, source: edit.source, aside: kept }, untrusted);
    // The lesson changed under this edit. An older kept-aside version, if different, is not dropped either.
    if (kept && kept.source !== edit.source) orphans[`${cell.id} (older)`] = kept;
    return withUntrusted({ ...cell, aside: edit }, untrusted);
  });
  const ids = new Set(cells.map((c) => c.id));
  for (const [id, edit] of [...Object.entries(saved.edits), ...Object.entries(saved.aside)]) {
    if (!ids.has(id)) orphans[id] = edit;
  }
  const orphanIds = Object.keys(orphans);
  const notices: Notice[] = [...fresh.notices];
  if (orphanIds.length > 0) {
    const text = `Saved edits of cells this notebook no longer has (${orphanIds.join(', ')}) are kept in this browser's storage under "${editsKey}".`;
    notices.push({ id: 'storage-orphans', tone: 'info', text });
  }
  return { cells, orphans, notices };
}

/** Code from a link or a file still waiting for trust comes back untrusted (whatever lesson version it was made for). */
function withUntrusted(cell: CellState, untrusted: UntrustedEdit | undefined): CellState {
  return untrusted ? cellReducer(cell, { type: 'receive', source: untrusted.source, origin: untrusted.origin }) : cell;
}

/** What to save of the cells as they are now: edited sources, kept-aside edits, orphans, untrusted code (not the structure). */
export function snapshotEdits(cells: readonly CellState[], orphans: Record<string, KeptEdit>): SavedEdits {
  const saved: SavedEdits = { version: schemaVersion, edits: {}, aside: { ...orphans } };
  for (const cell of cells) {
    // Under untrusted code the student's own text is what `edits` keeps: storage never turns foreign code into theirs.
    const own = cell.untrusted ? cell.untrusted.displaced : cell.source;
    const originalHash = contentHash(cell.original);
    if (own !== cell.original) saved.edits[cell.id] = { source: own, originalHash };
    if (cell.aside) saved.aside[cell.id] = cell.aside;
    if (cell.untrusted) (saved.untrusted ??= {})[cell.id] = { source: cell.source, originalHash, origin: cell.untrusted.origin };
  }
  return saved;
}

/**
 * What to save for the notebook as it is now: `snapshotEdits`, and the structure when it is not the
 * lesson's. Under a link's or an import's untrusted structure (`structureBefore`) that is the student's
 * own list, as `edits` is the student's own text: the cells the link took off the screen are saved
 * with it, the link's new cells only as untrusted code, and a waiting import's new cells not at all
 * (they are saved apart: share/pendingImport.ts).
 */
export function snapshotNotebook(cells: readonly CellState[], orphans: Record<string, KeptEdit>, lesson: readonly SourceCell[], structureBefore?: ReceivedState['structureBefore']): SavedEdits {
  const own = ownCells(cells, structureBefore);
  const apart = new Set([...own, ...waitingImportCells(cells, structureBefore)].map((c) => c.id));
  const saved = snapshotEdits([...own, ...cells.filter((c) => !apart.has(c.id))], orphans);
  const structure = snapshotStructure(own, lesson);
  return structure ? { ...saved, structure } : saved;
}

export type SaveResult = { ok: true } | { ok: false; notice: Notice };

function isQuotaError(err: unknown): boolean {
  return err instanceof Error && (err.name === 'QuotaExceededError' || err.name === 'NS_ERROR_DOM_QUOTA_REACHED');
}

/** Why a write to storage failed, in words for a notice. */
export function writeRefusal(err: unknown): string {
  return isQuotaError(err) ? "this browser's storage for the page is full" : `the browser refused (${err instanceof Error ? err.name : String(err)})`;
}

/** Writes the saved edits (nothing stored at all when there are none); failures become a notice, never a crash. */
export function writeEdits(store: KeyValueStore, saved: SavedEdits): SaveResult {
  const empty = !saved.structure && [saved.edits, saved.aside, saved.untrusted ?? {}].every((map) => Object.keys(map).length === 0);
  try {
    if (empty) store.removeItem(editsKey);
    else store.setItem(editsKey, JSON.stringify(saved));
    return { ok: true };
  } catch (err) {
    const why = writeRefusal(err);
    return { ok: false, notice: { id: 'storage', tone: 'warning', text: `Your edits could not be saved (${why}): they won't survive a reload.` } };
  }
}
