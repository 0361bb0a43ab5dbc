// Edited cells in a shared link: the `edits=` key of the URL hash, compressed (deflate + base64url) and keyed to each original.
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { CellState } from '../cellState';
import { contentHash } from '../contentHash';
export { editsInHash, hashWithEdits, linkEditsKey } from './hashEdits';

/** Longer links break in chat apps and mail; past this the student is pointed to Export. */
export const maxLinkEditsChars = 8 * 1024;
/** A hand-made link must not make the page inflate a bomb: decoded edits stop at this size. */
export const maxInflatedBytes = 1024 * 1024;
const formatVersion = 1;

/** One edited cell: its id, the hash of the original it was written against, the new text. */
export interface LinkEdit {
  id: string;
  originalHash: string;
  source: string;
}

export type DecodedEdits = { ok: true; edits: LinkEdit[] } | { ok: false; error: string };

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** RFC 4648 base64url without padding (URL-safe as it is: no percent-escapes in the hash). */
export function base64UrlEncode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < chars; c += 1) out += alphabet[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}

/** The inverse of base64UrlEncode; throws naming the first character that is not base64url. */
export function base64UrlDecode(text: string): Uint8Array {
  if (text.length % 4 === 1) throw new Error(`base64url text cannot have ${text.length} characters (a length of 4n+1 is never produced)`);
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (let i = 0; i < text.length; i += 1) {
    const digit = alphabet.indexOf(text[i]);
    if (digit < 0) throw new Error(`"${text[i]}" at position ${i} is not a base64url character`);
    value = ((value << 6) | digit) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

/** The cells that differ from the lesson, as a link carries them. */
export function linkEditsOf(cells: readonly CellState[]): LinkEdit[] {
  return cells.filter((c) => c.source !== c.original).map((c) => ({ id: c.id, originalHash: contentHash(c.original), source: c.source }));
}

/** `edits=` value: deflated JSON `{v, cells: [[id, originalHash, source], ...]}` in base64url. */
export function encodeEdits(edits: readonly LinkEdit[]): string {
  const json = JSON.stringify({ v: formatVersion, cells: edits.map((e) => [e.id, e.originalHash, e.source]) });
  return base64UrlEncode(deflateSync(strToU8(json), { level: 9 }));
}

function isEditRow(row: unknown): row is [string, string, string] {
  return Array.isArray(row) && row.length === 3 && row.every((x) => typeof x === 'string');
}

/** Reads an `edits=` value; never throws: a broken link gives a message saying what is wrong. */
export function decodeEdits(value: string): DecodedEdits {
  const fail = (why: string): DecodedEdits => ({ ok: false, error: `The link's edited cells could not be read: ${why}.` });
  let bytes: Uint8Array;
  try {
    bytes = base64UrlDecode(value.trim());
  } catch (err) {
    return fail((err as Error).message);
  }
  let json: string;
  try {
    // One byte more than allowed tells a too-large payload from one that just fits (fflate truncates to `out`).
    const inflated = inflateSync(bytes, { out: new Uint8Array(maxInflatedBytes + 1) });
    if (inflated.length > maxInflatedBytes) return fail(`they unpack to more than ${maxInflatedBytes / 1024} kB`);
    json = strFromU8(inflated);
  } catch (err) {
    return fail(`the compressed data is damaged (${(err as Error).message}); the link may have been cut short`);
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return fail('the unpacked data is not JSON');
  }
  const d = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (d.v !== formatVersion) return fail(`they are in format ${JSON.stringify(d.v)}, this page reads format ${formatVersion}`);
  if (!Array.isArray(d.cells)) return fail('"cells" is not a list');
  const bad = d.cells.findIndex((row) => !isEditRow(row));
  if (bad >= 0) return fail(`entry ${bad} of "cells" is not [id, originalHash, source]`);
  return { ok: true, edits: (d.cells as [string, string, string][]).map(([id, originalHash, source]) => ({ id, originalHash, source })) };
}

/** Edits whose original differs from this lesson's: the link was made with another version of it. */
export function otherVersionIds(cells: readonly CellState[], edits: readonly LinkEdit[]): string[] {
  return edits.filter((e) => {
    const cell = cells.find((c) => c.id === e.id);
    return cell !== undefined && contentHash(cell.original) !== e.originalHash;
  }).map((e) => e.id);
}
