// A network as one Float64Array for the trip to the kernel Worker: nested arrays of millions of numbers take most of a second to copy into it, one transferred buffer nothing.
import type { NetSpec } from '../core/types';

/** What the page sends the Worker for a network: its widths and activation, and every number in one buffer. */
export interface PackedNet {
  widths: number[];
  activation: NetSpec['activation'];
  /** X0, then for each layer k its W_k row by row and its beta_k. */
  values: Float64Array;
}

/** How many numbers a network of these widths holds: X0, and every W_k and beta_k. */
function countFor(widths: readonly number[]): number {
  let n = widths[0] ?? 0;
  for (let k = 1; k < widths.length; k++) n += widths[k] * widths[k - 1] + widths[k];
  return n;
}

/** The network in one buffer (the page keeps `spec`; the buffer can be transferred). */
export function packNet(spec: NetSpec): PackedNet {
  const values = new Float64Array(countFor(spec.widths));
  let at = 0;
  const put = (row: readonly number[]) => {
    for (const v of row) values[at++] = v;
  };
  put(spec.X0);
  for (let k = 0; k < spec.W.length; k++) {
    for (const row of spec.W[k]) put(row);
    put(spec.beta[k]);
  }
  if (at !== values.length) throw new Error(`packNet: the network holds ${at} numbers, its widths ${spec.widths.join(',')} need ${values.length}`);
  return { widths: [...spec.widths], activation: spec.activation, values };
}

/** The network back as nested arrays (in the Worker, off the page's thread). */
export function unpackNet({ widths, activation, values }: PackedNet): NetSpec {
  if (values.length !== countFor(widths)) {
    throw new Error(`unpackNet: ${values.length} numbers arrived for widths ${widths.join(',')}, which need ${countFor(widths)}`);
  }
  let at = 0;
  const take = (n: number): number[] => {
    const row = Array.from(values.subarray(at, at + n));
    at += n;
    return row;
  };
  const X0 = take(widths[0]);
  const W: number[][][] = [];
  const beta: number[][] = [];
  for (let k = 1; k < widths.length; k++) {
    const rows: number[][] = [];
    for (let i = 0; i < widths[k]; i++) rows.push(take(widths[k - 1]));
    W.push(rows);
    beta.push(take(widths[k]));
  }
  return { widths: [...widths], activation, X0, W, beta };
}
