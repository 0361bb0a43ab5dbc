// How a bad value is quoted in an error message: short, unambiguous, the way it was written.

const maxQuoteChars = 40;

const truncate = (text: string): string =>
  text.length > maxQuoteChars ? `${text.slice(0, maxQuoteChars - 1)}…` : text;

/** `"abc"` for a string, `null`, `NaN`, `Infinity`, `[1,2]` for an array: never "[object Object]". */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return truncate(JSON.stringify(value));
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) {
    return String(value);
  }
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return 'a function';
  try {
    return truncate(JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}

/** `array`, `null`, `string`, ...: the kind of a value, for "expected X, got Y" messages. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
