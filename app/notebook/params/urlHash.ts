// The network in the URL hash, driven by one table of properties: parse and serialise, readable by hand.
import { netLimits } from '../../core/netspec';
import type { NetSpec } from '../../core/types';

/**
 * `#widths=2,3,1&act=sigmoid&X0=0.5,-0.5&W1=0.5,-2.5;1.2,0.1;-0.7,-1.2&beta1=-1.5,-1.3,2&W2=...&beta2=1`
 * Rows are split by `;`, entries by `,`. Keys other than the network's (e.g. shared edits) pass through.
 * A batch is written as rows like W (`X0=0.5,1;-0.5,0`: c0 rows of B); `act=relu,sigmoid` names one
 * activation per layer; `loss=mse&Y=...` gives the loss and its target (left out: the original's log).
 */

/** `samples`: one sample (`1,2`) or a batch as rows (`1,2;3,4`), X0 and Y. */
type Kind = 'ints' | 'numbers' | 'rows' | 'samples' | 'name' | 'names';

/** The network as a link gives it: names and shapes not yet checked (networkFromHash does that). */
export interface HashCandidate {
  widths?: number[];
  activation?: string | string[];
  loss?: string;
  X0?: number[] | number[][];
  Y?: number[] | number[][];
  W?: (number[][] | null)[];
  beta?: (number[] | null)[];
}

interface HashProperty {
  /** The key as written in the hash; `{k}` stands for a layer number 1..K. */
  key: string;
  kind: Kind;
  read(spec: HashCandidate, k: number, value: unknown): void;
  /** The value to write; undefined leaves the key out (the default). */
  write(spec: NetSpec, k: number): unknown;
  perLayer: boolean;
}

const properties: HashProperty[] = [
  {
    key: 'widths',
    kind: 'ints',
    perLayer: false,
    read: (s, _k, v) => (s.widths = v as number[]),
    write: (s) => s.widths,
  },
  {
    key: 'act',
    kind: 'names',
    perLayer: false,
    read: (s, _k, v) => (s.activation = v as string | string[]),
    write: (s) => s.activation,
  },
  {
    key: 'loss',
    kind: 'name',
    perLayer: false,
    read: (s, _k, v) => (s.loss = v as string),
    write: (s) => (s.loss === 'log' ? undefined : s.loss),
  },
  {
    key: 'X0',
    kind: 'samples',
    perLayer: false,
    read: (s, _k, v) => (s.X0 = v as number[] | number[][]),
    write: (s) => s.X0,
  },
  {
    key: 'Y',
    kind: 'samples',
    perLayer: false,
    read: (s, _k, v) => (s.Y = v as number[] | number[][]),
    write: (s) => s.Y,
  },
  {
    key: 'W{k}',
    kind: 'rows',
    perLayer: true,
    read: (s, k, v) => ((s.W ??= [])[k - 1] = v as number[][]),
    write: (s, k) => s.W[k - 1],
  },
  {
    key: 'beta{k}',
    kind: 'numbers',
    perLayer: true,
    read: (s, k, v) => ((s.beta ??= [])[k - 1] = v as number[]),
    write: (s, k) => s.beta[k - 1],
  },
];

/** Keys this table owns: `widths`, `act`, `loss`, `X0`, `Y`, `W<k>`, `beta<k>`. */
const layerKey = /^(W|beta)(\d+)$/;

export interface HashParse {
  /** The network as read, not yet validated (networkFromHash says what is wrong with it). */
  candidate: HashCandidate;
  /** Whether the hash says anything about the network at all. */
  hasNetwork: boolean;
  /** Problems found while reading, each naming the key and the value. */
  errors: string[];
  /** Every other key=value pair, kept for other features (e.g. shared edits). */
  other: Map<string, string>;
}

/** Strict decimal numbers only: no `NaN`, `Infinity`, hex, empty strings or comma decimals. */
const decimal = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Why a text is not a number: each gets its own message (the hash's below, the panel's in paramsField). */
export type NumberProblem = 'empty' | 'commaDecimal' | 'notANumber' | 'notFinite' | 'overflow';

/** The one number grammar of the hash and the parameters panel: a value, or why there is none. */
export function classifyNumber(text: string): { value: number } | { problem: NumberProblem } {
  const trimmed = text.trim();
  if (trimmed === '') return { problem: 'empty' };
  if (!decimal.test(trimmed)) {
    if (/^[+-]?\d*,\d+$/.test(trimmed)) return { problem: 'commaDecimal' };
    if (/^[+-]?(inf|infinity|nan)$/i.test(trimmed)) return { problem: 'notFinite' };
    return { problem: 'notANumber' };
  }
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { problem: 'overflow' };
  return { value: value === 0 ? 0 : value }; // -0 reads as 0
}

export function parseNumber(text: string, where: string): number {
  const read = classifyNumber(text);
  if ('value' in read) return read.value;
  if (read.problem === 'empty') throw new Error(`${where} is empty`);
  if (read.problem === 'overflow') throw new Error(`${where} is too large for a float64 ("${text}")`);
  throw new Error(`${where} is not a finite number ("${text}")`);
}

function parseValue(kind: Kind, raw: string, key: string): unknown {
  switch (kind) {
    case 'name':
      return raw.trim();
    case 'names': {
      const names = raw.split(',').map((name) => name.trim());
      return names.length === 1 ? names[0] : names;
    }
    case 'ints':
    case 'numbers':
      return raw.split(',').map((entry, i) => parseNumber(entry, `${key}[${i}]`));
    case 'samples':
      if (!raw.includes(';')) return parseValue('numbers', raw, key);
      return parseValue('rows', raw, key);
    case 'rows':
      return raw.split(';').map((row, i) => row.split(',').map((entry, j) => parseNumber(entry, `${key}[${i}][${j}]`)));
    default: {
      const never: never = kind;
      throw new Error(`unknown property kind ${String(never)}`);
    }
  }
}

function decode(part: string): string {
  return decodeURIComponent(part.replace(/\+/g, ' '));
}

/** Reads a location hash (with or without the leading `#`). Never throws. */
export function parseHash(hash: string): HashParse {
  const result: HashParse = { candidate: {}, hasNetwork: false, errors: [], other: new Map() };
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body.trim() === '') return result;
  const seen = new Set<string>();
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
    const broken = `the link's "${pair.slice(0, 40)}" is not valid URL encoding`;
    let key: string;
    try {
      key = decode(rawKey);
    } catch {
      result.errors.push(broken);
      continue;
    }
    const layer = layerKey.exec(key);
    const property = layer
      ? properties.find((p) => p.perLayer && p.key.startsWith(layer[1]))
      : properties.find((p) => !p.perLayer && p.key === key);
    let value: string;
    try {
      value = decode(rawValue);
    } catch {
      // A network value is named here; another feature's value goes on as written, for it to name.
      if (property) {
        result.hasNetwork = true;
        result.errors.push(broken);
      } else result.other.set(key, rawValue);
      continue;
    }
    if (!property) {
      result.other.set(key, value);
      continue;
    }
    if (seen.has(key)) result.errors.push(`${key} appears twice in the link: keep one`);
    seen.add(key);
    result.hasNetwork = true;
    const k = layer ? Number(layer[2]) : 0;
    if (layer && k < 1) {
      result.errors.push(`${key}: layers are numbered from 1`);
      continue;
    }
    // Refused by number, before an array is sized by it: `beta4294967295` would ask for 4 billion.
    if (layer && k > netLimits.maxLayers) {
      result.errors.push(`${key}: the network has at most ${netLimits.maxLayers} layers`);
      continue;
    }
    try {
      property.read(result.candidate, k, parseValue(property.kind, value, key));
    } catch (err) {
      result.errors.push((err as Error).message);
    }
  }
  // Sparse layer arrays (W1 and W3 given, W2 missing) become explicit gaps validateNetSpec can name.
  for (const field of ['W', 'beta'] as const) {
    const layers: unknown[] | undefined = result.candidate[field];
    if (layers) result.candidate[field] = Array.from(layers, (v) => v ?? null) as never;
  }
  return result;
}

function formatValue(kind: Kind, value: unknown): string {
  switch (kind) {
    case 'name':
      return String(value);
    case 'names':
      return typeof value === 'string' ? value : (value as string[]).join(',');
    case 'ints':
    case 'numbers':
      return (value as number[]).map(String).join(',');
    case 'samples':
      return formatValue(Array.isArray((value as unknown[])[0]) ? 'rows' : 'numbers', value);
    case 'rows':
      return (value as number[][]).map((row) => row.map(String).join(',')).join(';');
    default: {
      const never: never = kind;
      throw new Error(`unknown property kind ${String(never)}`);
    }
  }
}

/** Keeps `,` `;` `-` `.` readable; escapes what would break the `&key=value` structure. */
function encode(text: string): string {
  return encodeURIComponent(text).replace(/%2C/g, ',').replace(/%3B/g, ';');
}

/** `key=value` for every property of the network, per-layer keys grouped by layer: W1, beta1, W2, beta2. */
function networkParts(spec: NetSpec): string[] {
  const parts: string[] = [];
  const K = spec.widths.length - 1;
  for (const property of properties) {
    const layers = property.perLayer ? Array.from({ length: K }, (_, i) => i + 1) : [0];
    for (const k of layers) {
      const key = property.key.replace('{k}', String(k));
      const value = property.write(spec, k);
      if (value === undefined) continue;
      parts.push(`${key}=${encode(formatValue(property.kind, value))}`);
    }
  }
  const head = parts.filter((p) => !layerKey.test(p.split('=')[0]));
  const perLayer = parts
    .filter((p) => layerKey.test(p.split('=')[0]))
    .sort((a, b) => layerNumber(a) - layerNumber(b) || (a.startsWith('W') ? -1 : 1));
  return [...head, ...perLayer];
}

/**
 * Writes a network (and other pairs, e.g. shared edits) as a hash starting with `#`; a null network
 * writes only the other pairs (the notebook then uses the original network), '' when there are none.
 */
export function serializeHash(spec: NetSpec | null, other: Map<string, string> = new Map()): string {
  const parts = spec ? networkParts(spec) : [];
  for (const [key, value] of other) parts.push(`${encode(key)}=${encode(value)}`);
  return parts.length === 0 ? '' : '#' + parts.join('&');
}

function layerNumber(part: string): number {
  const match = layerKey.exec(part.split('=')[0]);
  return match ? Number(match[2]) : 0;
}
