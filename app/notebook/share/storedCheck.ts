// Saved edits are checked input: the page signs what it saves and takes back as the student's own only what
// carries its check; anything else (another page of the origin, an older version) comes back untrusted.
import { originPhrase } from '../cellState';
import { editsKey, pendingImportKey, problemWith, schemaVersion, type KeyValueStore, type SavedEdits, type UntrustedEdit } from '../storage';
import type { Notice } from '../types';
import { hmacSha256Hex } from './hmac';

/** The field of the saved JSON that holds the check: HMAC-SHA256 of the rest, re-serialised, as hex. */
const checkField = 'check';
const savedFields = new Set(['version', 'edits', 'aside', 'untrusted']);
/** Fields an unverified save keeps as they are: they hold no code (`structure`: order, new cells' types, deleted cells; their text is in `edits`). */
const codeFreeFields = new Set(['structure']);

/** The JSON object `json` holds, or null (not JSON, or not an object). */
function parseObject(json: string): Record<string, unknown> | null {
  try {
    const data: unknown = JSON.parse(json);
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** `json` (saved edits as `writeEdits` serialises them) with the check of this browser's key added. */
export function signSaved(key: Uint8Array, json: string): string {
  const data = parseObject(json);
  if (data === null) return json;
  const { [checkField]: _old, ...rest } = data;
  return JSON.stringify({ ...rest, [checkField]: hmacSha256Hex(key, JSON.stringify(rest)) });
}

export interface CheckedRead {
  /** What the rest of the page reads: the verified save without its check, the unverified one as untrusted code, or unreadable text as it is. */
  json: string;
  verified: boolean;
  /** What an unverified save held that cannot be shown as untrusted code (kept-aside edits, other fields): lost unless set aside. */
  dropped: string[];
}

/**
 * An unverified save as untrusted code: each edit becomes code waiting for Trust (`stored`), over
 * the lesson's text; kept-aside edits and any other field are left out (they are named in `dropped`).
 */
export function uncheckedAsUntrusted(data: SavedEdits & Record<string, unknown>): { saved: SavedEdits; dropped: string[] } {
  const fields = Object.keys(data).filter((field) => !savedFields.has(field) && field !== checkField);
  const dropped = fields.filter((field) => !codeFreeFields.has(field)).map((field) => `"${field}"`);
  const kept = Object.fromEntries(fields.filter((field) => codeFreeFields.has(field)).map((field) => [field, data[field]]));
  const untrusted: Record<string, UntrustedEdit> = { ...data.untrusted };
  for (const [id, edit] of Object.entries(data.edits)) {
    if (untrusted[id]) dropped.push(`the code from ${originPhrase(untrusted[id].origin)} in ${id}`);
    untrusted[id] = { source: edit.source, originalHash: edit.originalHash, origin: 'stored' };
  }
  for (const id of Object.keys(data.aside)) dropped.push(`the kept edit of ${id}`);
  const saved: SavedEdits = { ...kept, version: schemaVersion, edits: {}, aside: {} };
  if (Object.keys(untrusted).length > 0) saved.untrusted = untrusted;
  return { saved, dropped };
}

/** The JSON object `raw` holds without its check, and whether that check is `key`'s (null: no key, nothing verifies). */
function checked(key: Uint8Array | null, raw: string): { rest: Record<string, unknown>; json: string; verified: boolean } | null {
  const data = parseObject(raw);
  if (data === null) return null;
  const { [checkField]: check, ...rest } = data;
  const json = JSON.stringify(rest);
  return { rest, json, verified: key !== null && typeof check === 'string' && check === hmacSha256Hex(key, json) };
}

/** The saved JSON `raw` without its check when this page signed it with `key`, else null. Never throws. */
export function verifiedJson(key: Uint8Array | null, raw: string): string | null {
  const read = checked(key, raw);
  return read?.verified ? read.json : null;
}

/** Reads saved edits against `key` (null: no key, nothing verifies). Never throws. */
export function readChecked(key: Uint8Array | null, raw: string): CheckedRead {
  const asIs: CheckedRead = { json: raw, verified: false, dropped: [] };
  const read = checked(key, raw);
  if (read === null) return asIs;
  const { rest, json } = read;
  if (read.verified) return { json, verified: true, dropped: [] };
  // Unreadable saves go on to loadEdits as they are: it sets them aside and says why.
  if (problemWith(json) !== null) return asIs;
  const { saved, dropped } = uncheckedAsUntrusted(rest as SavedEdits & Record<string, unknown>);
  return { json: JSON.stringify(saved), verified: false, dropped };
}

/** Keys this page signs as it writes them: the saved edits, and an import waiting for Trust (pendingImport.ts checks it at load). */
const signedKeys = new Set([editsKey, pendingImportKey]);

/**
 * The storage as this page vouches for it: the saved edits are signed as they are written and
 * checked as they are read (loading, other tabs' saves); other keys pass through.
 */
export function checkedStore(kv: KeyValueStore, key: Uint8Array | null): KeyValueStore {
  return {
    getItem(name) {
      const raw = kv.getItem(name);
      return name === editsKey && raw !== null ? readChecked(key, raw).json : raw;
    },
    setItem(name, value) {
      kv.setItem(name, signedKeys.has(name) && key !== null ? signSaved(key, value) : value);
    },
    removeItem: (name) => kv.removeItem(name),
  };
}

export interface CheckOnLoad {
  notices: Notice[];
  /** False when saving would lose parts of an unverified save that could not be set aside. */
  writable: boolean;
}

/**
 * Before the saved edits are loaded: an unverified save whose parts cannot all be shown as untrusted
 * code is copied whole under another key (never deleted) and stored again as what is shown, checked.
 */
export function checkOnLoad(kv: KeyValueStore, key: Uint8Array | null, nowMs: number): CheckOnLoad {
  const notices: Notice[] = [];
  if (key === null) {
    const text = "This browser does not let the page keep the key that checks your saved code: after a reload, your edits come back waiting for your Trust.";
    notices.push({ id: 'storage-check', tone: 'warning', text });
  }
  let raw: string | null;
  try {
    raw = kv.getItem(editsKey);
  } catch {
    return { notices, writable: true };
  }
  if (raw === null) return { notices, writable: true };
  const read = readChecked(key, raw);
  if (read.verified || read.dropped.length === 0) return { notices, writable: true };
  const asideKey = `${editsKey}/unchecked-${nowMs}`;
  try {
    kv.setItem(asideKey, raw);
    kv.setItem(editsKey, key === null ? read.json : signSaved(key, read.json));
  } catch {
    const text = `Saved edits without this page's check hold ${read.dropped.join(', ')}, which could not be set aside: they are left as they are, and edits made now won't be saved.`;
    return { notices: [...notices, { id: 'storage-unchecked', tone: 'error', text }], writable: false };
  }
  const text = `Saved edits without this page's check held ${read.dropped.join(', ')}, which cannot be shown as code to trust: they were set aside in this browser's storage under "${asideKey}".`;
  return { notices: [...notices, { id: 'storage-unchecked', tone: 'warning', text }], writable: true };
}

const dbName = 'jacobian-notebook-check';
const storeName = 'keys';
const keyId = 'saved-edits';

/**
 * This browser's key for checking saved edits, from IndexedDB (made on first use): a page of the
 * same origin that only writes localStorage does not have it. Null if IndexedDB fails or is slow.
 */
export function loadCheckKey(idb: IDBFactory | undefined = globalThis.indexedDB, timeoutMs = 10_000): Promise<Uint8Array | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    const done = (key: Uint8Array | null): void => {
      clearTimeout(timer);
      resolve(key);
    };
    if (!idb) return done(null);
    try {
      const open = idb.open(dbName, 1);
      open.onupgradeneeded = () => open.result.createObjectStore(storeName);
      open.onerror = () => done(null);
      open.onsuccess = () => {
        const db = open.result;
        let key: Uint8Array | null = null;
        const tx = db.transaction(storeName, 'readwrite');
        const store = tx.objectStore(storeName);
        const get = store.get(keyId);
        // One transaction: two tabs opening at once for the first time end with one key.
        get.onsuccess = () => {
          if (get.result instanceof Uint8Array && get.result.length === 32) key = get.result;
          else store.put((key = crypto.getRandomValues(new Uint8Array(32))), keyId);
        };
        tx.oncomplete = () => {
          db.close();
          done(key);
        };
        tx.onabort = () => {
          db.close();
          done(null);
        };
      };
    } catch {
      done(null);
    }
  });
}
