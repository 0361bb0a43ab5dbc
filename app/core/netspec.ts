// The network as data (NetSpec): strict validation that names the exact problem and place, and the
// original notebook's network.
import { activationNames } from './activations';
import { parameterCount } from './cost';
import { describeValue, kindOf } from './describe';
import type { ActivationName, LossName, NetSpec, SampleNetSpec } from './types';

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
export const netLimits = { maxWidth: 4096, maxLayers: 16, maxParameters: 4_194_304, maxBatch: 1024 } as const;

const keys = ['widths', 'activation', 'X0', 'W', 'beta'] as const;
const optionalKeys = ['loss', 'Y'] as const;
const knownKeys: readonly string[] = [...keys, ...optionalKeys];

/** The losses, `log` first: the default and the original notebook's. */
export const lossNames: readonly LossName[] = ['log', 'mse', 'bce'];

function fail(message: string, where: string): never {
  throw new NetSpecError(message, where);
}

const plural = (n: number, word: string, words = `${word}s`): string => `${n} ${n === 1 ? word : words}`;

export { parameterCount } from './cost';

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

function activationName(value: unknown, where: string): ActivationName {
  if (typeof value !== 'string') fail(`${where} must be a string, got ${kindOf(value)} ${describeValue(value)}`, where);
  if (!(activationNames as string[]).includes(value as string)) {
    fail(`${where} ${describeValue(value)} is unknown (known: ${activationNames.join(', ')})`, where);
  }
  return value as ActivationName;
}

/** One name for every layer, or a list of K names, one per layer. */
function checkActivation(value: unknown, widths: number[]): ActivationName | ActivationName[] {
  if (!Array.isArray(value)) return activationName(value, 'activation');
  const K = widths.length - 1;
  if (value.length !== K) {
    fail(`activation has ${plural(value.length, 'name')}, expected 1 name or ${K} (one per layer; widths has ${widths.length} entries)`, 'activation');
  }
  return value.map((name, i) => activationName(name, `activation[${i}]`));
}

/**
 * One sample (a flat vector of `rows` numbers) or a batch (`rows` rows of B numbers each, NumPy's
 * (rows, B)). `batch` is the B the rows must have (Y follows X0), undefined to take it from row 0.
 */
function checkSamples(value: unknown, where: string, rows: number, sizeNote: string, batch?: number): number[] | number[][] {
  const entries = arrayAt(value, where, `${rows} numbers (${sizeNote})`);
  if (!entries.some((e) => Array.isArray(e))) {
    if (batch !== undefined && batch !== 0) fail(`${where} must be ${plural(rows, 'row')} of ${batch} numbers (X0 is a batch of ${batch})`, where);
    return numbers(value, where, rows, sizeNote);
  }
  if (batch === 0) fail(`${where} must be ${rows} numbers like X0 (one sample), got rows`, where);
  if (entries.length !== rows) fail(`${where} has ${plural(entries.length, 'row')}, expected ${rows} (${sizeNote})`, where);
  const B = batch ?? arrayAt(entries[0], `${where}[0]`, 'numbers (one per sample)').length;
  if (B < 1) fail(`${where}[0] is empty: a batch needs at least one sample`, `${where}[0]`);
  if (B > netLimits.maxBatch) fail(`${where} holds a batch of ${B} samples, at most ${netLimits.maxBatch}`, where);
  return entries.map((row, i) => {
    const at = `${where}[${i}]`;
    const cells = arrayAt(row, at, `${B} numbers (one per sample)`);
    if (cells.length !== B) fail(`${at} has ${plural(cells.length, 'entry', 'entries')}, expected ${B} (the batch size${batch === undefined ? `, from ${where}[0]` : ''})`, at);
    return cells.map((v, j) => finiteNumber(v, `${at}[${j}]`));
  });
}

/** The batch size of checked samples: 0 for one flat sample. */
const batchOf = (samples: number[] | number[][]): number => (Array.isArray(samples[0]) ? (samples[0] as number[]).length : 0);

function checkLoss(value: unknown): LossName {
  if (value === undefined) return 'log';
  if (!(lossNames as unknown[]).includes(value)) fail(`loss ${describeValue(value)} is unknown (known: ${lossNames.join(', ')})`, 'loss');
  return value as LossName;
}

/** The target: X_K's shape, required by mse and bce, entries in [0, 1] for bce. */
function checkTarget(value: unknown, loss: LossName, widths: number[], batch: number): number[] | number[][] | undefined {
  const K = widths.length - 1;
  const shape = batch === 0 ? plural(widths[K], 'number') : `${plural(widths[K], 'row')} of ${plural(batch, 'number')}`;
  if (value === undefined) {
    if (loss === 'log') return undefined;
    return fail(`loss "${loss}" needs Y, the target: ${shape} (X_${K}'s shape)`, 'Y');
  }
  const Y = checkSamples(value, 'Y', widths[K], `widths[${K}]`, batch);
  if (loss === 'bce') {
    Y.forEach((row, i) => {
      const cells = Array.isArray(row) ? row : [row];
      cells.forEach((y, j) => {
        const at = Array.isArray(row) ? `Y[${i}][${j}]` : `Y[${i}]`;
        if (!(y >= 0 && y <= 1)) fail(`${at} = ${y} is outside [0, 1]: a bce target is a probability`, at);
      });
    });
  }
  return Y;
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
 * Returns a fresh copy in the input's form (a one-sample spec stays one); throws NetSpecError naming
 * the first problem and where it is.
 */
export function validateNetSpec<T extends NetSpec>(input: T): T;
export function validateNetSpec(input: unknown): NetSpec;
export function validateNetSpec(input: unknown): NetSpec {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    fail(`the network must be an object with keys ${keys.join(', ')}, got ${kindOf(input)}`, '');
  }
  const spec = input as Record<string, unknown>;
  const unknown = Object.keys(spec).find((key) => !knownKeys.includes(key));
  if (unknown !== undefined) fail(`unknown key ${describeValue(unknown)} (known: ${knownKeys.join(', ')})`, unknown);
  const missing = keys.find((key) => !(key in spec));
  if (missing !== undefined) fail(`missing key "${missing}"`, missing);

  const widths = checkWidths(spec.widths);
  const activation = checkActivation(spec.activation, widths);
  const X0 = checkSamples(spec.X0, 'X0', widths[0], 'widths[0]');
  const W = perLayer(spec.W, 'W', widths, 'matrix', 'matrices').map((w, idx) => checkWeights(w, idx + 1, widths));
  const beta = perLayer(spec.beta, 'beta', widths, 'vector', 'vectors').map((b, idx) =>
    numbers(b, `beta[${idx}]`, widths[idx + 1], `widths[${idx + 1}]`),
  );
  const checked: NetSpec = { widths, activation, X0, W, beta };
  if ('loss' in spec) checked.loss = checkLoss(spec.loss);
  const Y = checkTarget(spec.Y, checkLoss(spec.loss), widths, batchOf(X0));
  if (Y !== undefined) checked.Y = Y;
  return checked;
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
export function originalNet(): SampleNetSpec {
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
