// The network as data (NetSpec): strict validation that names the exact problem and place, and the
// original notebook's network.
import { activationNames } from './activations';
import { describeValue, kindOf } from './describe';
import type { ActivationName, NetSpec } from './types';

/** A network that cannot be used; `where` is the offending key path (`W[1]`, `X0[1]`, or '' for the whole). */
export class NetSpecError extends Error {
  readonly where: string;
  constructor(message: string, where: string) {
    super(message);
    this.name = 'NetSpecError';
    this.where = where;
  }
}

/**
 * Size limits, and why: the dense method builds width x width matrices (a 4096-wide layer is 128 MB
 * per matrix), and every method keeps a few float64 copies of the parameters, so beyond ~4M
 * parameters a browser tab runs out of memory before anything is learnt. 16 layers is far deeper
 * than a lesson on the chain rule needs, and keeps the page's diagrams readable.
 */
export const netLimits = { maxWidth: 4096, maxLayers: 16, maxParameters: 4_194_304 } as const;

const keys = ['widths', 'activation', 'X0', 'W', 'beta'] as const;

function fail(message: string, where: string): never {
  throw new NetSpecError(message, where);
}

const plural = (n: number, word: string, words = `${word}s`): string => `${n} ${n === 1 ? word : words}`;

/** How many numbers W_1..W_K and beta_1..beta_K hold for these widths. */
export function parameterCount(widths: readonly number[]): number {
  let count = 0;
  for (let k = 1; k < widths.length; k++) count += widths[k] * widths[k - 1] + widths[k];
  return count;
}

/** The value as quoted in a message, with what to do about the common slips (hand-written JSON). */
function quoteNotFinite(value: unknown): string {
  if (value === Infinity || value === -Infinity) return `${describeValue(value)}: beyond a float64's range, as 1e400 is`;
  if (typeof value !== 'string') return describeValue(value);
  const text = value.trim();
  if (text === '') return `an empty string ${describeValue(value)}`;
  if (/^[+-]?\d*,\d+$/.test(text)) return `${describeValue(value)}: write ${text.replace(',', '.')}, with a decimal point and no quotes`;
  if (Number.isFinite(Number(text))) return `${describeValue(value)} is text: write the number without quotes`;
  return describeValue(value);
}

function finiteNumber(value: unknown, where: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return fail(`${where} is not a finite number (${quoteNotFinite(value)})`, where);
}

function arrayAt(value: unknown, where: string, expected: string): unknown[] {
  if (Array.isArray(value)) return value;
  return fail(`${where} must be an array of ${expected}, got ${kindOf(value)} ${describeValue(value)}`, where);
}

/** A flat vector of `length` finite numbers; `sizeNote` says where the length comes from. */
function numbers(value: unknown, where: string, length: number, sizeNote: string): number[] {
  const entries = arrayAt(value, where, `${length} numbers (${sizeNote})`);
  if (entries.length !== length) fail(`${where} has ${plural(entries.length, 'entry', 'entries')}, expected ${length} (${sizeNote})`, where);
  return entries.map((v, i) => finiteNumber(v, `${where}[${i}]`));
}

function checkWidths(value: unknown): number[] {
  const widths = arrayAt(value, 'widths', 'positive integers');
  if (widths.length < 2) fail(`widths must have at least 2 entries (input and output width), got ${widths.length}`, 'widths');
  if (widths.length > netLimits.maxLayers + 1) {
    fail(`widths has ${widths.length} entries, at most ${netLimits.maxLayers + 1} (${netLimits.maxLayers} layers)`, 'widths');
  }
  widths.forEach((w, i) => {
    const where = `widths[${i}]`;
    if (!(typeof w === 'number' && Number.isInteger(w) && w >= 1)) fail(`${where} must be a positive integer, got ${describeValue(w)}`, where);
    if ((w as number) > netLimits.maxWidth) fail(`${where} = ${w} is too large: at most ${netLimits.maxWidth} per layer`, where);
  });
  const checked = widths as number[];
  const count = parameterCount(checked);
  if (count > netLimits.maxParameters) {
    const n = (x: number) => x.toLocaleString('en-US');
    fail(`widths give ${n(count)} parameters, at most ${n(netLimits.maxParameters)} (memory for a browser tab)`, 'widths');
  }
  return [...checked];
}

function checkActivation(value: unknown): ActivationName {
  if (typeof value !== 'string') fail(`activation must be a string, got ${kindOf(value)} ${describeValue(value)}`, 'activation');
  if (!(activationNames as string[]).includes(value as string)) {
    fail(`activation ${describeValue(value)} is unknown (known: ${activationNames.join(', ')})`, 'activation');
  }
  return value as ActivationName;
}

/** One entry per layer: `name` has K entries, K = widths.length - 1. */
function perLayer(value: unknown, name: string, widths: number[], what: string, whats: string): unknown[] {
  const K = widths.length - 1;
  const layers = arrayAt(value, name, `${plural(K, what, whats)} (one per layer)`);
  if (layers.length !== K) {
    fail(`${name} has ${plural(layers.length, 'layer')}, expected ${K} (widths has ${widths.length} entries)`, name);
  }
  return layers;
}

/** W_k as rows: widths[k] rows of widths[k-1] numbers. */
function checkWeights(value: unknown, k: number, widths: number[]): number[][] {
  const where = `W[${k - 1}]`;
  const [rows, cols] = [widths[k], widths[k - 1]];
  const rowNote = `widths[${k - 1}]`;
  const matrix = arrayAt(value, where, 'rows').map((r, i) => arrayAt(r, `${where}[${i}]`, `${cols} numbers (${rowNote})`));
  const lengths = matrix.map((r) => r.length);
  if (lengths.some((n) => n !== lengths[0])) {
    const i = lengths.findIndex((n) => n !== cols);
    fail(`${where}[${i}] has ${plural(lengths[i], 'entry', 'entries')}, expected ${cols} (${rowNote})`, `${where}[${i}]`);
  }
  if (matrix.length !== rows || (lengths[0] ?? 0) !== cols) {
    fail(`${where} has shape ${matrix.length}x${lengths[0] ?? 0}, expected ${rows}x${cols} (widths[${k}] x widths[${k - 1}])`, where);
  }
  return matrix.map((r, i) => r.map((v, j) => finiteNumber(v, `${where}[${i}][${j}]`)));
}

/**
 * The network, checked: every key present and no other, widths within `netLimits`, every number a
 * finite JSON number (strings that hold numbers are refused), every shape as the widths say.
 * Returns a fresh copy; throws NetSpecError naming the first problem and where it is.
 */
export function validateNetSpec(input: unknown): NetSpec {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    fail(`the network must be an object with keys ${keys.join(', ')}, got ${kindOf(input)}`, '');
  }
  const spec = input as Record<string, unknown>;
  const unknown = Object.keys(spec).find((key) => !(keys as readonly string[]).includes(key));
  if (unknown !== undefined) fail(`unknown key ${describeValue(unknown)} (known: ${keys.join(', ')})`, unknown);
  const missing = keys.find((key) => !(key in spec));
  if (missing !== undefined) fail(`missing key "${missing}"`, missing);

  const widths = checkWidths(spec.widths);
  const activation = checkActivation(spec.activation);
  const X0 = numbers(spec.X0, 'X0', widths[0], 'widths[0]');
  const W = perLayer(spec.W, 'W', widths, 'matrix', 'matrices').map((w, idx) => checkWeights(w, idx + 1, widths));
  const beta = perLayer(spec.beta, 'beta', widths, 'vector', 'vectors').map((b, idx) =>
    numbers(b, `beta[${idx}]`, widths[idx + 1], `widths[${idx + 1}]`),
  );
  return { widths, activation, X0, W, beta };
}

/** Parses JSON text and validates it; bad JSON is a NetSpecError too. */
export function parseNetSpec(json: string): NetSpec {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    return fail(`the network is not valid JSON: ${(error as Error).message}`, '');
  }
  return validateNetSpec(parsed);
}

/** The network of the original notebook (widths 2-3-1, sigmoid), a fresh copy on every call. */
export function originalNet(): NetSpec {
  return {
    widths: [2, 3, 1],
    activation: 'sigmoid',
    X0: [0.5, -0.5],
    W: [
      [
        [0.5, -2.5],
        [1.2, 0.1],
        [-0.7, -1.2],
      ],
      [[-1.5, 0.2, 0.5]],
    ],
    beta: [[-1.5, -1.3, 2.0], [1.0]],
  };
}
