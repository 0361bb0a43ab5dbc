// Saved edits in localStorage: a versioned schema keyed to each original cell's content hash.
import { cellReducer, newCellState, type CellState, type ExternalOrigin, type KeptEdit } from './cellState';
import { contentHash } from './contentHash';
import type { Notice, SourceCell } from './types';

export const editsKey = 'jacobian-notebook/edits';
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
 */
export interface SavedEdits {
  version: typeof schemaVersion;
  edits: Record<string, KeptEdit>;
  aside: Record<string, KeptEdit>;
  untrusted?: Record<string, UntrustedEdit>;
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

/** Why `raw` is not usable as version-1 saved edits, or null if it is. */
export function problemWith(raw: string): string | null {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return 'they are not valid JSON';
  }
  if (typeof data !== 'object' || data === null) return 'they are not an object';
  const d = data as Record<string, unknown>;
  if (d.version !== schemaVersion) return `they were saved by another version of this app (schema ${JSON.stringify(d.version)}, this one reads ${schemaVersion})`;
  if (!isEditMap(d.edits)) return '"edits" is not a map of cell edits';
  if (!isEditMap(d.aside)) return '"aside" is not a map of cell edits';
  if (d.untrusted !== undefined && !isEditMap(d.untrusted, isUntrustedEdit)) return '"untrusted" is not a map of cell edits from a link or a file';
  return null;
}

export interface LoadedEdits {
  saved: SavedEdits;
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
  const problem = problemWith(raw);
  if (problem === null) return { saved: JSON.parse(raw) as SavedEdits, notices: [], writable: true };
  const asideKey = `${editsKey}/set-aside-${nowMs}`;
  try {
    store.setItem(asideKey, raw);
    store.removeItem(editsKey);
  } catch {
    const text = `Your saved edits could not be read (${problem}) nor moved aside: they are left as they are, and edits made now won't be saved.`;
    return { saved: emptyEdits(), notices: [{ id: 'storage-unreadable', tone: 'error', text }], writable: false };
  }
  const text = `Your saved edits could not be read (${problem}). They were set aside in this browser's storage under "${asideKey}"; the notebook starts from the lesson.`;
  return { saved: emptyEdits(), notices: [{ id: 'storage-set-aside', tone: 'warning', text }], writable: true };
}

export interface RestoredCells {
  cells: CellState[];
  /** Edits of cells the lesson no longer has, keyed by their old id. */
  orphans: Record<string, KeptEdit>;
  notices: Notice[];
}

/**
 * Lesson cells with the student's saved sources. An edit written against another version of a cell
 * is never applied to the new one: it is kept aside on that cell (the cell shows a notice).
 */
export function restoreCells(lesson: SourceCell[], saved: SavedEdits): RestoredCells {
  const orphans: Record<string, KeptEdit> = {};
  const ids = new Set(lesson.map((c) => c.id));
  const cells = lesson.map((cell) => {
    const edit = saved.edits[cell.id];
    const kept = saved.aside[cell.id] ?? null;
    const fresh = newCellState(cell, undefined, kept);
    if (!edit) return withUntrusted(fresh, saved.untrusted?.[cell.id]);
    if (edit.originalHash === contentHash(fresh.original)) return withUntrusted({ ...fresh, source: edit.source }, saved.untrusted?.[cell.id]);
    // The lesson changed under this edit. An older kept-aside version, if different, is not dropped either.
    if (kept && kept.source !== edit.source) orphans[`${cell.id} (older)`] = kept;
    return withUntrusted({ ...fresh, aside: edit }, saved.untrusted?.[cell.id]);
  });
  for (const [id, edit] of [...Object.entries(saved.edits), ...Object.entries(saved.aside)]) {
    if (!ids.has(id)) orphans[id] = edit;
  }
  const orphanIds = Object.keys(orphans);
  const notices: Notice[] =
    orphanIds.length === 0
      ? []
      : [
          {
            id: 'storage-orphans',
            tone: 'info',
            text: `Saved edits of cells this lesson no longer has (${orphanIds.join(', ')}) are kept in this browser's storage under "${editsKey}".`,
          },
        ];
  return { cells, orphans, notices };
}

/** Code from a link or a file still waiting for trust comes back untrusted (whatever lesson version it was made for). */
function withUntrusted(cell: CellState, untrusted: UntrustedEdit | undefined): CellState {
  return untrusted ? cellReducer(cell, { type: 'receive', source: untrusted.source, origin: untrusted.origin }) : cell;
}

/** What to save for the notebook as it is now: edited sources, kept-aside edits, orphans, untrusted code. */
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

export type SaveResult = { ok: true } | { ok: false; notice: Notice };

function isQuotaError(err: unknown): boolean {
  return err instanceof Error && (err.name === 'QuotaExceededError' || err.name === 'NS_ERROR_DOM_QUOTA_REACHED');
}

/** Writes the saved edits (nothing stored at all when there are none); failures become a notice, never a crash. */
export function writeEdits(store: KeyValueStore, saved: SavedEdits): SaveResult {
  const empty = [saved.edits, saved.aside, saved.untrusted ?? {}].every((map) => Object.keys(map).length === 0);
  try {
    if (empty) store.removeItem(editsKey);
    else store.setItem(editsKey, JSON.stringify(saved));
    return { ok: true };
  } catch (err) {
    const why = isQuotaError(err) ? "this browser's storage for the page is full" : `the browser refused (${err instanceof Error ? err.name : String(err)})`;
    return { ok: false, notice: { id: 'storage', tone: 'warning', text: `Your edits could not be saved (${why}): they won't survive a reload.` } };
  }
}
