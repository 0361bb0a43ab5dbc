// How `print` writes values: matrices and float arrays as NumPy prints them, lists like Python, objects JSON-ish.
import { Matrix } from '../core/matrix';
import { formatNumpy } from '../core/numpyFormat';

/** Objects deeper than this print as `[Object]` / `[Array]`. */
const maxDepth = 4;
/** Lists longer than this print their first items and a count of the rest. */
const maxItems = 100;
/** A nested value whose one-line form is longer than this is spread over lines. */
const lineWidth = 72;

/** A tfjs tensor, recognised by shape (the kernel never imports tfjs for this). */
export interface TensorLike {
  shape: number[];
  dtype: string;
  dataSync(): ArrayLike<number>;
  arraySync(): unknown;
  toString(): string;
}

export function isTensorLike(value: unknown): value is TensorLike {
  const t = value as Partial<TensorLike> | null;
  return typeof value === 'object' && t !== null && Array.isArray(t.shape) && typeof t.dtype === 'string' && typeof t.dataSync === 'function';
}

type TypedNumberArray = Float64Array | Float32Array | Int32Array | Int16Array | Int8Array | Uint32Array | Uint16Array | Uint8Array | Uint8ClampedArray;

const isTypedNumberArray = (value: unknown): value is TypedNumberArray =>
  ArrayBuffer.isView(value) && !(value instanceof DataView) && !(value instanceof BigInt64Array) && !(value instanceof BigUint64Array);

const identifier = /^[A-Za-z_$][\w$]*$/;

/** A JS number as Python's repr would write the same float64 (shortest round trip), -0 kept. */
export function formatNumber(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

const quote = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;

/**
 * One value as `print` shows it. Strings print as they are at top level and quoted inside lists;
 * a Matrix or a typed float array prints exactly as NumPy would; a tfjs tensor as tfjs prints it.
 */
export function formatValue(value: unknown): string {
  return typeof value === 'string' ? value : formatNested(value, 0, new Set());
}

function formatNested(value: unknown, depth: number, seen: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      return formatNumber(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
    case 'undefined':
    case 'symbol':
      return String(value);
    case 'function':
      return /^class[\s{]/.test(Function.prototype.toString.call(value)) ? `[class ${value.name || '(anonymous)'}]` : `[Function ${value.name || '(anonymous)'}]`;
    default:
      break;
  }
  if (value === null) return 'null';
  const object = value as object;
  if (object instanceof Matrix) return object.toString();
  if (isTypedNumberArray(object)) return formatNumpy(object, 1, object.length, 1);
  if (isTensorLike(object)) return object.toString();
  if (object instanceof Date) return Number.isNaN(object.getTime()) ? 'Invalid Date' : object.toISOString();
  if (object instanceof RegExp) return String(object);
  if (object instanceof Error) return `${object.name}: ${object.message}`;
  if (object instanceof Promise) return 'Promise { <pending or settled: use await> }';
  if (seen.has(object)) return '[Circular]';
  if (depth >= maxDepth) return Array.isArray(object) ? '[Array]' : '[Object]';
  seen.add(object);
  try {
    return formatContainer(object, depth, seen);
  } finally {
    seen.delete(object);
  }
}

function formatContainer(object: object, depth: number, seen: Set<object>): string {
  const inner = (v: unknown): string => formatNested(v, depth + 1, seen);
  if (Array.isArray(object)) {
    const shown = object.slice(0, maxItems);
    const items = Array.from(shown, (v, i) => (i in object ? inner(v) : '<empty>'));
    if (object.length > maxItems) items.push(`... ${object.length - maxItems} more items`);
    return layout('[', items, ']', depth);
  }
  if (object instanceof Map) {
    const items = [...object].slice(0, maxItems).map(([k, v]) => `${inner(k)} => ${inner(v)}`);
    return `Map(${object.size}) ` + layout('{', items, '}', depth);
  }
  if (object instanceof Set) return `Set(${object.size}) ` + layout('{', [...object].slice(0, maxItems).map(inner), '}', depth);
  const entries = Object.entries(object);
  const items = entries.slice(0, maxItems).map(([k, v]) => `${identifier.test(k) ? k : quote(k)}: ${inner(v)}`);
  if (entries.length > maxItems) items.push(`... ${entries.length - maxItems} more keys`);
  const proto = Object.getPrototypeOf(object) as { constructor?: { name?: string } } | null;
  const className = proto && proto !== Object.prototype ? proto.constructor?.name : undefined;
  const body = items.length === 0 ? '{}' : layout('{ ', items, ' }', depth);
  return className ? `${className} ${body}` : body;
}

/** One line if it fits, else one item per line indented by depth. */
function layout(open: string, items: string[], close: string, depth: number): string {
  const oneLine = open + items.join(', ') + close;
  if (oneLine.length <= lineWidth && !oneLine.includes('\n')) return oneLine;
  const pad = '  '.repeat(depth + 1);
  return `${open.trim()}\n${items.map((item) => pad + item.replace(/\n/g, `\n${pad}`)).join(',\n')}\n${'  '.repeat(depth)}${close.trim()}`;
}

/** What `print(a, b, ...)` writes: the values separated by spaces, then a newline (as Python). */
export function formatPrintLine(args: readonly unknown[]): string {
  return args.map(formatValue).join(' ') + '\n';
}
