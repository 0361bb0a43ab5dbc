// Edited cells (and the notebook's order, new and deleted cells) in a shared link: the `edits=` key of the URL hash, compressed (deflate + base64url) and keyed to each original.
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { CellState } from '../cellState';
import { contentHash } from '../contentHash';
import type { ForeignCode } from '../structure/cells';
export { editsInHash, hashWithEdits, linkEditsKey } from './hashEdits';

/** Longer links break in chat apps and mail; past this the student is pointed to Export. */
export const maxLinkEditsChars = 8 * 1024;
/** A hand-made link must not make the page inflate a bomb: decoded edits stop at this size. */
export const maxInflatedBytes = 1024 * 1024;
/** 1: edited lesson cells only. 2: the whole order, with new cells and deleted lesson cells (linkStructure.ts). */
const formatVersion = 1;
const structureVersion = 2;

/** One edited cell: its id, the hash of the original it was written against, the new text (and its type when it was retyped). */
export interface LinkEdit {
  id: string;
  originalHash: string;
  source: string;
  type?: CellState['type'];
}

/** A cell the lesson does not have, as a link carries it. */
export interface LinkNewCell {
  id: string;
  type: CellState['type'];
  source: string;
  foreign: ForeignCode | null;
}

/** The sender's order (every cell's id), their new cells, and the lesson cells they deleted. */
export interface LinkStructure {
  order: string[];
  added: LinkNewCell[];
  deleted: string[];
}

export interface LinkContent {
  edits: LinkEdit[];
  /** Null when the notebook has the lesson's cells in the lesson's order: the link is then format 1. */
  structure: LinkStructure | null;
}

export type DecodedEdits = ({ ok: true } & LinkContent) | { ok: false; error: string };

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

/** The lesson's cells that differ from the lesson (text or type), as a link carries them. `lessonTypes`: each lesson cell's own type. */
export function linkEditsOf(cells: readonly CellState[], lessonTypes: ReadonlyMap<string, CellState['type']> = new Map()): LinkEdit[] {
  return cells.flatMap((c) => {
    if (c.origin !== 'lesson') return [];
    const retyped = (lessonTypes.get(c.id) ?? c.type) !== c.type;
    if (c.source === c.original && !retyped) return [];
    return [{ id: c.id, originalHash: contentHash(c.original), source: c.source, ...(retyped ? { type: c.type } : {}) }];
  });
}

const packed = (data: unknown): string => base64UrlEncode(deflateSync(strToU8(JSON.stringify(data)), { level: 9 }));
const editRow = (e: LinkEdit): string[] => (e.type ? [e.id, e.originalHash, e.source, e.type] : [e.id, e.originalHash, e.source]);

/** `edits=` value: deflated JSON `{v, cells: [[id, originalHash, source], ...]}` in base64url. */
export function encodeEdits(edits: readonly LinkEdit[]): string {
  return packed({ v: formatVersion, cells: edits.map(editRow) });
}

/**
 * Format 2: `{v: 2, cells, deleted}`, `cells` in the notebook's order: a lesson cell as it is is its
 * id; an edited one `[id, originalHash, source(, type)]`; a new one `{id, type, source(, foreign)}`.
 */
export function encodeLink(content: LinkContent): string {
  if (!content.structure) return encodeEdits(content.edits);
  const edits = new Map(content.edits.map((e) => [e.id, e]));
  const added = new Map(content.structure.added.map((c) => [c.id, c]));
  const cells = content.structure.order.map((id) => {
    const edit = edits.get(id);
    if (edit) return editRow(edit);
    const made = added.get(id);
    if (!made) return id;
    return { id, type: made.type, source: made.source, ...(made.foreign ? { foreign: made.foreign } : {}) };
  });
  return packed({ v: structureVersion, cells, deleted: content.structure.deleted });
}

const isText = (x: unknown): x is string => typeof x === 'string';
const isType = (x: unknown): x is CellState['type'] => x === 'code' || x === 'markdown';

function readEditRow(row: unknown, version: number): LinkEdit | null {
  if (!Array.isArray(row) || !row.every(isText)) return null;
  if (row.length === 3) return { id: row[0], originalHash: row[1], source: row[2] };
  if (version === structureVersion && row.length === 4 && isType(row[3])) return { id: row[0], originalHash: row[1], source: row[2], type: row[3] };
  return null;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A new cell of a format-2 link; a foreign one must be an nbformat code or raw cell. */
function readNewCell(row: unknown): LinkNewCell | null {
  if (!isRecord(row) || !isText(row.id) || row.id === '' || !isType(row.type) || !isText(row.source)) return null;
  if (row.foreign === undefined) return { id: row.id, type: row.type, source: row.source, foreign: null };
  const f = row.foreign;
  if (!isRecord(f) || !isText(f.language) || !isRecord(f.raw) || (f.raw.cell_type !== 'code' && f.raw.cell_type !== 'raw') || row.type !== 'code') return null;
  return { id: row.id, type: 'code', source: row.source, foreign: { language: f.language, raw: f.raw } };
}

/** The rows of a format-2 link, or the index of the first that is none of the three kinds. */
function readStructure(rows: unknown[], deleted: unknown): ({ ok: true } & LinkContent) | { ok: false; error: string } {
  const edits: LinkEdit[] = [];
  const added: LinkNewCell[] = [];
  const order: string[] = [];
  for (const [i, row] of rows.entries()) {
    const edit = isText(row) ? null : readEditRow(row, structureVersion);
    const made = isText(row) || edit ? null : readNewCell(row);
    const id = isText(row) ? row : (edit?.id ?? made?.id);
    if (id === undefined) return { ok: false, error: `entry ${i} of "cells" is neither an id, [id, originalHash, source] nor a new cell {id, type, source}` };
    if (order.includes(id)) return { ok: false, error: `the id "${id}" comes twice in "cells"` };
    order.push(id);
    if (edit) edits.push(edit);
    if (made) added.push(made);
  }
  if (!Array.isArray(deleted) || !deleted.every(isText)) return { ok: false, error: '"deleted" is not a list of ids' };
  return { ok: true, edits, structure: { order, added, deleted } };
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
  const d = isRecord(data) ? data : {};
  if (d.v !== formatVersion && d.v !== structureVersion) return fail(`they are in format ${JSON.stringify(d.v)}, this page reads formats ${formatVersion} and ${structureVersion}`);
  if (!Array.isArray(d.cells)) return fail('"cells" is not a list');
  if (d.v === structureVersion) {
    const read = readStructure(d.cells, d.deleted);
    return read.ok ? read : fail(read.error);
  }
  const edits = d.cells.map((row) => readEditRow(row, formatVersion));
  const bad = edits.findIndex((e) => e === null);
  if (bad >= 0) return fail(`entry ${bad} of "cells" is not [id, originalHash, source]`);
  return { ok: true, edits: edits as LinkEdit[], structure: null };
}

/** Edits whose original differs from this lesson's: the link was made with another version of it. */
export function otherVersionIds(cells: readonly CellState[], edits: readonly LinkEdit[]): string[] {
  return edits.filter((e) => {
    const cell = cells.find((c) => c.id === e.id);
    return cell !== undefined && contentHash(cell.original) !== e.originalHash;
  }).map((e) => e.id);
}
