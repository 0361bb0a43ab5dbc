// An imported file that changed the list of cells, waiting for Trust: saved apart from the student's record, laid over it again after a reload.
import type { CellType } from '../savedStructure';
import { pendingImportKey, writeRefusal, type KeyValueStore, type SaveResult } from '../storage';
import { newCell, type ForeignCode } from '../structure/cells';
import { ownCells, receivedReducer, waitingImportCells, withoutLink, type ReceivedState } from './received';

export const pendingVersion = 1;
/** Past this many characters (about 2 MB of the browser's storage) the file's cells are not kept over a reload: a notice says so. */
export const maxPendingChars = 1_000_000;
/** The notice saying the file's cells waiting for Trust could not be saved. */
export const pendingNoticeId = 'pending-import';
/** The notice saying a saved one could not be shown again after a reload. */
export const pendingSetAsideNoticeId = 'pending-import-set-aside';

/** A cell the file brought in: its text (untrusted until the student decides), its type, its language if not ours. */
export interface PendingCell {
  type: CellType;
  source: string;
  foreign?: ForeignCode;
}

/**
 * Saved under `pendingImportKey`, signed like the saved edits (storedCheck.ts), only while an import
 * that changed the list of cells waits: the list as the file lays it over the student's, and the
 * file's new cells. The file's new text in the student's own cells waits in the saved edits' `untrusted`.
 */
export interface PendingImport {
  version: typeof pendingVersion;
  /** The cells on screen, in order (a link's cells waiting too are left out: the link lays them over again). */
  order: string[];
  added: Record<string, PendingCell>;
}

function sameIds(a: readonly { id: string }[], b: readonly { id: string }[]): boolean {
  return a.length === b.length && a.every((c, i) => c.id === b[i].id);
}

/** What to save of an import waiting in `state`, or null when none waits that changed the list of cells. */
export function pendingImportOf(state: Pick<ReceivedState, 'cells' | 'structureBefore'>): PendingImport | null {
  const { cells, structureBefore } = state;
  const shown = withoutLink(cells, structureBefore);
  const waiting = waitingImportCells(cells, structureBefore);
  if (waiting.length === 0 && sameIds(shown, ownCells(cells, structureBefore))) return null;
  const added = Object.fromEntries(waiting.map((c): [string, PendingCell] => [c.id, c.foreign ? { type: c.type, source: c.source, foreign: c.foreign } : { type: c.type, source: c.source }]));
  return { version: pendingVersion, order: shown.map((c) => c.id), added };
}

/** The saved import laid over the student's cells again: its new cells untrusted, Discard going back to `state`'s cells. */
export function withPendingImport<S extends ReceivedState>(state: S, pending: PendingImport): S {
  const added = Object.entries(pending.added).map(([id, c]) => newCell(id, c.type, c.source, c.foreign ?? null));
  return receivedReducer(state, { type: 'receive', origin: 'import', cells: [], structure: { order: pending.order, added, removed: [] } });
}

/** True when storage holds a waiting import: only then is the code that checks and reads it (pendingLoad.ts) fetched. */
export function pendingImportSaved(kv: KeyValueStore | null): boolean {
  try {
    return kv?.getItem(pendingImportKey) != null;
  } catch {
    return false;
  }
}

/** The JSON to save for `state`'s waiting import, or null when there is none (the key is then removed). */
export function pendingJson(state: Pick<ReceivedState, 'cells' | 'structureBefore'>): string | null {
  const pending = pendingImportOf(state);
  return pending === null ? null : JSON.stringify(pending);
}

/** Writes (or removes) the waiting import; too large or refused, nothing of it stays and a notice says to decide before reloading. */
export function writePendingImport(kv: KeyValueStore, json: string | null): SaveResult {
  const fail = (why: string): SaveResult => {
    const text = `The imported file's cells waiting for your Trust could not be saved (${why}): trust or discard them before you reload, or import the file again after.`;
    return { ok: false, notice: { id: pendingNoticeId, tone: 'warning', text } };
  };
  try {
    if (json === null || json.length > maxPendingChars) kv.removeItem(pendingImportKey);
    else kv.setItem(pendingImportKey, json);
  } catch (err) {
    // An older waiting import left in storage would come back over a reload: none is better.
    try {
      kv.removeItem(pendingImportKey);
    } catch {
      // Nothing more to do: the notice says to decide before reloading.
    }
    return fail(writeRefusal(err));
  }
  if (json !== null && json.length > maxPendingChars) return fail(`${json.length.toLocaleString('en')} characters, over the limit of ${maxPendingChars.toLocaleString('en')}`);
  return { ok: true };
}
