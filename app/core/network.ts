// `Net`: the one owner of the network as a value. Every other part of the app calls these instead of
// writing its own copy: parse and validate, JSON, one buffer for the Worker, typed arrays, counting,
// copying, reshaping, the cost model and TeX. See README.md in this folder.
import { estimateUs, opCount, parameterCount } from './cost';
import { activationAt, batchSize, prepareNet, prepareTrusted } from './net';
import { lossNames, NetSpecError, netLimits, originalNet, parseNetSpec, validateNetSpec } from './netspec';
import { texMatrix, texNumber } from './tex';
import type { ActivationName, Gradients, LossName, NetSpec, SampleNetSpec } from './types';

/** What the page sends the Worker for a network: everything but the numbers, and the numbers in one buffer. */
export interface PackedNet {
  widths: number[];
  activation: NetSpec['activation'];
  loss?: LossName;
  /** 0 for one flat sample, else B (X0 and Y are then rows of B numbers). */
  batch: number;
  hasY: boolean;
  /** X0, then for each layer k its W_k row by row and its beta_k, then Y when given. */
  values: Float64Array;
}

/** How many numbers `packNet` writes for these widths: X0 (and Y) for max(1, batch) samples, every W_k and beta_k. */
export function packedCount(widths: readonly number[], batch = 0, hasY = false): number {
  const B = Math.max(1, batch);
  return (widths[0] ?? 0) * B + parameterCount(widths) + (hasY ? (widths[widths.length - 1] ?? 0) * B : 0);
}

/** The batch as packed: 0 for a flat sample. */
const packedBatch = (spec: Pick<NetSpec, 'X0'>): number => (Array.isArray(spec.X0[0]) ? batchSize(spec) : 0);

/** The network in one buffer (the page keeps `spec`; the buffer can be transferred). */
export function packNet(spec: NetSpec): PackedNet {
  const batch = packedBatch(spec);
  const hasY = spec.Y !== undefined;
  const values = new Float64Array(packedCount(spec.widths, batch, hasY));
  let at = 0;
  const put = (row: readonly number[]) => {
    for (const v of row) values[at++] = v;
  };
  const putSamples = (samples: readonly number[] | readonly (readonly number[])[]) => {
    for (const row of samples) put(Array.isArray(row) ? row : [row as number]);
  };
  putSamples(spec.X0);
  for (let k = 0; k < spec.W.length; k++) {
    for (const row of spec.W[k]) put(row);
    put(spec.beta[k]);
  }
  if (spec.Y !== undefined) putSamples(spec.Y);
  if (at !== values.length) throw new Error(`packNet: the network holds ${at} numbers, its widths ${spec.widths.join(',')} need ${values.length}`);
  const activation = typeof spec.activation === 'string' ? spec.activation : [...spec.activation];
  return { widths: [...spec.widths], activation, ...(spec.loss === undefined ? {} : { loss: spec.loss }), batch, hasY, values };
}

/** The network back as nested arrays (in the Worker, off the page's thread), in the form it was packed from. */
export function unpackNet({ widths, activation, loss, batch, hasY, values }: PackedNet): NetSpec {
  const expected = packedCount(widths, batch, hasY);
  if (values.length !== expected) {
    throw new Error(`unpackNet: ${values.length} numbers arrived for widths ${widths.join(',')}, which need ${expected}`);
  }
  let at = 0;
  const take = (n: number): number[] => {
    const row = Array.from(values.subarray(at, at + n));
    at += n;
    return row;
  };
  const samples = (rows: number): number[] | number[][] => (batch === 0 ? take(rows) : Array.from({ length: rows }, () => take(batch)));
  const X0 = samples(widths[0]);
  const W: number[][][] = [];
  const beta: number[][] = [];
  for (let k = 1; k < widths.length; k++) {
    W.push(Array.from({ length: widths[k] }, () => take(widths[k - 1])));
    beta.push(take(widths[k]));
  }
  const spec: NetSpec = { widths: [...widths], activation: typeof activation === 'string' ? activation : [...activation], X0, W, beta };
  if (loss !== undefined) spec.loss = loss;
  if (hasY) spec.Y = samples(widths[widths.length - 1]);
  return spec;
}

const copyRows = <T extends number[] | number[][]>(rows: T): T => rows.map((r) => (Array.isArray(r) ? [...r] : r)) as T;

/** A deep copy (nothing shared with `spec`). */
export function copyNet<T extends NetSpec>(spec: T): T {
  const copy = {
    ...spec,
    widths: [...spec.widths],
    activation: typeof spec.activation === 'string' ? spec.activation : [...spec.activation],
    X0: copyRows(spec.X0),
    W: spec.W.map((w) => w.map((r) => [...r])),
    beta: spec.beta.map((b) => [...b]),
  };
  if (spec.Y !== undefined) copy.Y = copyRows(spec.Y);
  return copy;
}

/** Whether the spec is the original notebook's kind: one sample, one activation, the log loss. */
export function isSampleNet(spec: NetSpec): spec is SampleNetSpec {
  return typeof spec.activation === 'string' && !Array.isArray(spec.X0[0]) && (spec.loss ?? 'log') === 'log';
}

/** The entry at (i, j) of samples (j = sample; a flat sample has only j = 0). */
const sampleAt = (samples: readonly number[] | readonly (readonly number[])[], i: number, j: number): number | undefined => {
  const row = samples[i];
  return Array.isArray(row) ? row[j] : j === 0 ? (row as number | undefined) : undefined;
};

/** Where a value comes from when `reshapeNet` has no old one: its block (X0, W_k, beta_k, Y), k, row, column. */
export type FreshValue = (block: 'X0' | 'W' | 'beta' | 'Y', k: number, i: number, j: number) => number;

/**
 * The network at new widths (and batch size: 0 keeps one flat sample): every value whose place still
 * exists is kept, new places ask `fresh`. Per-layer activations follow the layers (new ones take
 * the last layer's); Y follows X_K's new shape when the spec has one.
 */
export function reshapeNet(spec: NetSpec, widths: readonly number[], fresh: FreshValue, batch = packedBatch(spec)): NetSpec {
  const B = Math.max(1, batch);
  const K = widths.length - 1;
  const samples = (old: NetSpec['X0'] | undefined, block: 'X0' | 'Y', rows: number, k: number): number[] | number[][] => {
    const value = (i: number, j: number) => (old === undefined ? undefined : sampleAt(old, i, j)) ?? fresh(block, k, i, j);
    return batch === 0
      ? Array.from({ length: rows }, (_, i) => value(i, 0))
      : Array.from({ length: rows }, (_, i) => Array.from({ length: B }, (_, j) => value(i, j)));
  };
  const activation =
    typeof spec.activation === 'string'
      ? spec.activation
      : Array.from({ length: K }, (_, idx) => activationAt(spec, Math.min(idx + 1, spec.activation.length)));
  const next: NetSpec = {
    widths: [...widths],
    activation,
    X0: samples(spec.X0, 'X0', widths[0], 0),
    W: widths.slice(1).map((rows, idx) =>
      Array.from({ length: rows }, (_, i) => Array.from({ length: widths[idx] }, (_, j) => spec.W[idx]?.[i]?.[j] ?? fresh('W', idx + 1, i, j))),
    ),
    beta: widths.slice(1).map((rows, idx) => Array.from({ length: rows }, (_, i) => spec.beta[idx]?.[i] ?? fresh('beta', idx + 1, i, 0))),
  };
  if (spec.loss !== undefined) next.loss = spec.loss;
  // Y's rows are X_K's: the old Y only fits where the output layer kept its place.
  const sameOutput = spec.widths.length === widths.length;
  if (spec.Y !== undefined) next.Y = samples(sameOutput ? spec.Y : undefined, 'Y', widths[K], K);
  return next;
}

/** Rows of B numbers from a c x B row-major flat list (entry i*B + b is sample b's). */
const asRows = (flat: readonly number[], B: number): number[][] =>
  Array.from({ length: flat.length / B }, (_, i) => flat.slice(i * B, (i + 1) * B));

/**
 * Gradients in the input's shapes: for a batch (X0 given as rows) every dl/dX_k as c_k rows of B;
 * for one sample unchanged (flat), as the original printed them.
 */
export function netShapes(grads: Gradients, spec: Pick<NetSpec, 'X0'>): Omit<Gradients, 'dX'> & { dX: number[][] | number[][][] } {
  const batch = packedBatch(spec);
  if (batch === 0) return grads;
  return { ...grads, dX: grads.dX.map((d) => asRows(d, batch)) };
}

/** The JSON text of a network (a checked copy): what the CLI reads and `parse` reads back. */
export const netToJson = (spec: NetSpec): string => JSON.stringify(validateNetSpec(spec));

/**
 * The network as one value: import `Net` and call what you need. The functions also stay exported
 * one by one (and from index.ts) for callers that import them directly.
 */
export const Net = {
  limits: netLimits,
  losses: lossNames,
  Error: NetSpecError,
  original: originalNet,
  validate: validateNetSpec,
  parse: parseNetSpec,
  toJson: netToJson,
  copy: copyNet,
  reshape: reshapeNet,
  batchSize,
  activationAt,
  isSampleNet,
  pack: packNet,
  unpack: unpackNet,
  packedCount,
  prepare: prepareNet,
  prepareTrusted,
  parameterCount,
  opCount,
  estimateUs,
  shapes: netShapes,
  texNumber,
  texMatrix,
} as const;

export type { ActivationName, LossName, NetSpec, SampleNetSpec };
