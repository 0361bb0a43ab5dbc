// An imported file's cells waiting for Trust, read back at load: checked like the saved edits, set aside (never deleted) when unusable.
import { isCellType, isForeign, isIdList, isRecord } from '../savedStructure';
import { pendingImportKey, type KeyValueStore } from '../storage';
import type { Notice } from '../types';
import { maxPendingChars, pendingSetAsideNoticeId, pendingVersion, type PendingCell, type PendingImport } from './pendingImport';
import { verifiedJson } from './storedCheck';

function isPendingCell(x: unknown): x is PendingCell {
  return isRecord(x) && isCellType(x.type) && typeof x.source === 'string' && (x.foreign === undefined || isForeign(x.foreign));
}

/** Why `x` is not a usable saved import, or null if it is. */
export function pendingProblem(x: unknown): string | null {
  if (!isRecord(x)) return 'it is not an object';
  if (x.version !== pendingVersion) return `it was saved by another version of this app (version ${JSON.stringify(x.version)}, this one reads ${pendingVersion})`;
  const { order, added } = x;
  if (!isIdList(order)) return '"order" is not a list of distinct cell ids';
  if (!isRecord(added) || !Object.values(added).every(isPendingCell)) return '"added" is not a map of cells (a type, a text, and code of another language if any)';
  // Lesson ids start with a digit (their file names' number): a new cell never takes one.
  const bad = Object.keys(added).find((id) => !order.includes(id) || /^\d/.test(id));
  return bad === undefined ? null : `new cell ${JSON.stringify(bad)} is not in "order", or has a lesson cell's id`;
}

/** Why `raw` (as stored, with its check) cannot be laid over the notebook, or the import it holds. */
export function readPending(key: Uint8Array | null, raw: string): { pending: PendingImport; problem: null } | { pending: null; problem: string } {
  const no = (problem: string) => ({ pending: null, problem });
  if (raw.length > maxPendingChars) return no(`it is larger than ${maxPendingChars.toLocaleString('en')} characters`);
  const json = verifiedJson(key, raw);
  if (json === null) return no("it does not carry this page's check");
  const data: unknown = JSON.parse(json);
  const problem = pendingProblem(data);
  return problem === null ? { pending: data as PendingImport, problem: null } : no(problem);
}

export interface LoadedPending {
  pending: PendingImport | null;
  notices: Notice[];
}

/**
 * The import that waited for Trust when the page was left, read from the storage as it is (its check
 * against `key`). One that cannot be used is copied whole under another key (never deleted) and a
 * notice says where; the student's own notebook is shown as it was saved.
 */
export function loadPendingImport(kv: KeyValueStore | null, key: Uint8Array | null, nowMs: number): LoadedPending {
  let raw: string | null = null;
  try {
    raw = kv?.getItem(pendingImportKey) ?? null;
  } catch {
    // A storage that refuses reading holds nothing this page can show.
  }
  if (kv === null || raw === null) return { pending: null, notices: [] };
  const read = readPending(key, raw);
  if (read.problem === null) return { pending: read.pending, notices: [] };
  const asideKey = `${pendingImportKey}/set-aside-${nowMs}`;
  const what = `The imported file's cells that were waiting for your Trust could not be shown again (${read.problem})`;
  try {
    kv.setItem(asideKey, raw);
    kv.removeItem(pendingImportKey);
  } catch {
    return { pending: null, notices: [{ id: pendingSetAsideNoticeId, tone: 'warning', text: `${what} nor set aside: they are left as they are. Your own notebook is as you left it.` }] };
  }
  const text = `${what}. They were set aside in this browser's storage under "${asideKey}"; your own notebook is as you left it.`;
  return { pending: null, notices: [{ id: pendingSetAsideNoticeId, tone: 'warning', text }] };
}
