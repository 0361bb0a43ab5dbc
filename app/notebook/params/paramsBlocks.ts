// The blocks of numbers the parameters panel edits (X0, W_k, beta_k, Y): names, labels, text form, reshaping.
import { batchSize } from '../../core/net';
import { reshapeNet as reshapeCore } from '../../core/network';
import { mulberry32 } from '../../core/randomNet';
import type { NetSpec } from '../../core/types';
import { readNumber } from './paramsField';

/**
 * One block of the network: `X0`, `W1`, `beta1`, ..., `Y`; a vector has `cols` = 1 and is shown as a
 * column. X0 and Y hold one sample (a vector) or a batch (a matrix: one column per sample).
 */
export interface Block {
  name: string;
  kind: 'X0' | 'W' | 'beta' | 'Y';
  /** The layer k of W_k / beta_k; 0 for X0, K for Y. */
  layer: number;
  rows: number;
  cols: number;
}

/** The batch of a network as the panel shows it: 0 for one flat sample, else B (X0 as rows). */
export const batchOf = (spec: Pick<NetSpec, 'X0'>): number => (Array.isArray(spec.X0[0]) ? batchSize(spec) : 0);

/** The blocks of a network with these widths (and batch, and a target Y), in the order the panel shows them. */
export function blocksOf(widths: readonly number[], batch = 0, withY = false): Block[] {
  const B = Math.max(1, batch);
  const blocks: Block[] = [{ name: 'X0', kind: 'X0', layer: 0, rows: widths[0], cols: B }];
  const K = widths.length - 1;
  for (let k = 1; k <= K; k++) {
    blocks.push({ name: `W${k}`, kind: 'W', layer: k, rows: widths[k], cols: widths[k - 1] });
    blocks.push({ name: `beta${k}`, kind: 'beta', layer: k, rows: widths[k], cols: 1 });
  }
  if (withY) blocks.push({ name: 'Y', kind: 'Y', layer: K, rows: widths[K], cols: B });
  return blocks;
}

/** The blocks of this network (its widths, batch and target). */
export const blocksOfNet = (spec: NetSpec): Block[] => blocksOf(spec.widths, batchOf(spec), spec.Y !== undefined);

/** Entries named by row and column: W_k, and X0 and Y holding a batch. */
export function isMatrix(block: Block): boolean {
  return block.kind === 'W' || block.cols > 1;
}

/** An entry's key as the URL hash names it (0-based): `X0[1]`, `W1[0][1]`, `beta2[0]`. */
export function entryKey(block: Block, i: number, j = 0): string {
  return isMatrix(block) ? `${block.name}[${i}][${j}]` : `${block.name}[${i}]`;
}

/** The block and place an entry key names, among these blocks; null for a key of no entry there. */
export function entryAt(key: string, blocks: readonly Block[]): { block: Block; i: number; j: number } | null {
  const match = /^(\w+?)\[(\d+)\](?:\[(\d+)\])?$/.exec(key);
  const block = blocks.find((b) => b.name === match?.[1]);
  if (!match || !block || (match[3] === undefined) === isMatrix(block)) return null;
  const [i, j] = [Number(match[2]), Number(match[3] ?? 0)];
  return i < block.rows && j < block.cols ? { block, i, j } : null;
}

/** An entry as a person reads it (1-based), for labels and messages: `W1 row 1 column 2`, `X0 entry 2`. */
export function entryLabel(block: Block, i: number, j = 0): string {
  return isMatrix(block) ? `${block.name} row ${i + 1} column ${j + 1}` : `${block.name} entry ${i + 1}`;
}

/** Samples (X0, Y) as rows: a flat sample as one column. */
const sampleRows = (samples: number[] | number[][]): number[][] => samples.map((v) => (Array.isArray(v) ? v : [v]));

/** The block's numbers in the network as rows (a vector as one column). */
export function blockRows(spec: NetSpec, block: Block): number[][] {
  if (block.kind === 'X0') return sampleRows(spec.X0);
  if (block.kind === 'Y') return sampleRows(spec.Y ?? []);
  if (block.kind === 'W') return spec.W[block.layer - 1];
  return spec.beta[block.layer - 1].map((v) => [v]);
}

/** A copy of the network with the block's numbers replaced by `rows`. */
export function withBlockRows(spec: NetSpec, block: Block, rows: number[][]): NetSpec {
  const column = rows.map((r) => r[0]);
  // A batch stays rows (a batch of one too); one sample stays flat.
  const samples = (old: NetSpec['X0'] | undefined): number[] | number[][] => (block.cols > 1 || Array.isArray(old?.[0]) ? rows : column);
  if (block.kind === 'X0') return { ...spec, X0: samples(spec.X0) };
  if (block.kind === 'Y') return { ...spec, Y: samples(spec.X0) };
  const k = block.layer - 1;
  if (block.kind === 'W') return { ...spec, W: spec.W.map((w, at) => (at === k ? rows : w)) };
  return { ...spec, beta: spec.beta.map((b, at) => (at === k ? column : b)) };
}

/** The block as text: a matrix's rows split by `;` (one a line), entries by `,`; a vector's entries by `,`. */
export function formatBlock(rows: readonly (readonly number[])[], block: Block): string {
  if (!isMatrix(block)) return rows.map((r) => String(r[0])).join(', ');
  return rows.map((r) => r.map(String).join(', ')).join(';\n');
}

/** At most this many problems are listed for one block typed as text; the rest are counted. */
const maxTextProblems = 5;

/**
 * Reads a block typed as text (rows split by `;` or line breaks, entries by `,`; a vector's entries
 * by any of them). Gives the rows, or every problem found: the shape, then each bad entry by name.
 */
export function readBlockText(text: string, block: Block): { ok: true; rows: number[][] } | { ok: false; problems: string[] } {
  const split = (s: string, by: RegExp): string[] => {
    const parts = s.split(by).map((p) => p.trim());
    while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
    return parts;
  };
  // Blank rows are skipped: `;` at a line's end and the line break are one row break.
  const cells = isMatrix(block)
    ? split(text, /[;\n]/).filter((row) => row !== '').map((row) => split(row, /,/))
    : split(text, /[,;\n]/).map((entry) => [entry]);
  const problems: string[] = [];
  const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  const length = isMatrix(block) ? count(cells.length, 'row', 'rows') : count(cells.length, 'entry', 'entries');
  if (cells.length !== block.rows) problems.push(`${block.name} has ${length}, expected ${block.rows}`);
  const badRow = isMatrix(block) ? cells.findIndex((r) => r.length !== block.cols) : -1;
  if (badRow >= 0) problems.push(`${block.name} row ${badRow + 1} has ${count(cells[badRow].length, 'entry', 'entries')}, expected ${block.cols}`);
  let more = 0;
  const rows = cells.map((r, i) =>
    r.map((entry, j) => {
      const read = readNumber(entry, entryLabel(block, i, j));
      if (read.ok) return read.value;
      if (problems.length < maxTextProblems) problems.push(read.message);
      else more += 1;
      return 0;
    }),
  );
  if (more > 0) problems.push(`and ${count(more, 'more entry that is', 'more entries that are')} not numbers`);
  return problems.length === 0 ? { ok: true, rows } : { ok: false, problems };
}

/** Rounds to 3 decimals: random values that read well in the panel and keep links short. */
const round3 = (x: number): number => {
  const r = Math.round(x * 1000) / 1000;
  return r === 0 ? 0 : r;
};

/**
 * Random values for a block, from a seeded generator: W_k uniform with variance 1/c_{k-1} (z_k stays
 * of order 1 at any width, as in randomNet), X0 uniform in [-1, 1), beta 0; rounded to 3 decimals.
 */
export function freshValue(block: Pick<Block, 'kind' | 'cols'>, rng: () => number): number {
  if (block.kind === 'beta' || block.kind === 'Y') return 0;
  const scale = block.kind === 'W' ? Math.sqrt(3 / block.cols) : 1;
  return round3((2 * rng() - 1) * scale);
}

/** A block filled with seeded random values (the panel's "Randomise" button). */
export function randomRows(block: Block, seed: number): number[][] {
  const rng = mulberry32(seed);
  return Array.from({ length: block.rows }, () => Array.from({ length: block.cols }, () => freshValue(block, rng)));
}

/** A seed that depends only on the widths: the same widths fill new entries with the same numbers. */
function widthsSeed(widths: readonly number[]): number {
  return widths.reduce((h, w) => (Math.imul(h, 31) + w) >>> 0, 7);
}

/** Cut-off values beyond this many are not kept: shrinking a huge layer should not fill memory. */
const maxStash = 65_536;

/**
 * The network reshaped to new widths (and batch: 0 for one flat sample) by core's reshapeNet. Every
 * value whose place still exists is kept; values that no longer fit go to `stash` (keyed by entry)
 * and come back if the widths grow again, so typing "3, 12" through "3, 1" loses nothing. New places
 * get `freshValue`: random W and X0, zero beta and Y.
 */
export function reshapeNet(
  spec: NetSpec,
  widths: readonly number[],
  stash: ReadonlyMap<string, number>,
  batch = batchOf(spec),
): { spec: NetSpec; stash: Map<string, number> } {
  const oldBlocks = new Map(blocksOfNet(spec).map((b) => [b.name, b]));
  const rng = mulberry32(widthsSeed(widths));
  const kept = new Map(stash);
  const newBlocks = blocksOf(widths, batch, spec.Y !== undefined);
  const [layerW, layerBeta] = [newBlocks.filter((b) => b.kind === 'W'), newBlocks.filter((b) => b.kind === 'beta')];
  const blockAt = (kind: Block['kind'], k: number): Block =>
    kind === 'W' ? layerW[k - 1] : kind === 'beta' ? layerBeta[k - 1] : (newBlocks.find((b) => b.kind === kind) as Block);
  const next = reshapeCore(
    spec,
    widths,
    (kind, k, i, j) => {
      const block = blockAt(kind, k);
      if (kept.size === 0) return freshValue(block, rng);
      const key = entryKey(block, i, j);
      const value = kept.get(key) ?? freshValue(block, rng);
      kept.delete(key);
      return value;
    },
    batch,
  );
  // Values the new shape cuts off go to the stash.
  const inNew = new Map(blocksOfNet(next).map((b) => [b.name, b]));
  for (const old of oldBlocks.values()) {
    const now = inNew.get(old.name);
    const rows = blockRows(spec, old);
    for (let i = 0; i < old.rows && kept.size < maxStash; i++) {
      for (let j = now && i < now.rows ? now.cols : 0; j < old.cols; j++) kept.set(entryKey(old, i, j), rows[i][j]);
    }
  }
  return { spec: next, stash: kept };
}
