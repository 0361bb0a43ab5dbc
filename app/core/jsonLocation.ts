// Where a JSON text breaks, as line and column: JSON.parse's messages do not always give a position.
// Used for every JSON a person hands us: `npm run grads` input and imported notebooks.

export interface JsonBreak {
  line: number;
  column: number;
  /** What was found there: `'}'`, `end of input`. */
  found: string;
  /** What JSON allows there. */
  expected: string;
}

class Broken {
  constructor(
    readonly offset: number,
    readonly expected: string,
    /** What is there, when a word says it better than its first character. */
    readonly found?: string,
  ) {}
}

/** Scans `text` as JSON (RFC 8259); null when it is valid, else the first place it breaks. */
export function locateJsonError(text: string): JsonBreak | null {
  let i = 0;
  const fail = (expected: string): never => {
    throw new Broken(i, expected);
  };
  const skipSpace = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const expect = (ch: string, expected: string): void => {
    if (text[i] !== ch) fail(expected);
    i++;
  };
  const string = (): void => {
    expect('"', 'a string');
    for (;;) {
      if (i >= text.length) fail('a closing \'"\'');
      const ch = text[i];
      if (ch === '"') break;
      if (ch < ' ') fail('an escaped control character');
      if (ch === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('four hex digits after \\u');
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail('an escape: \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX');
      }
      i++;
    }
    i++;
  };
  const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const value = (): void => {
    skipSpace();
    const ch = text[i];
    if (ch === '{') return container('}', () => {
      skipSpace();
      string();
      skipSpace();
      expect(':', "':' after a key");
      value();
    });
    if (ch === '[') return container(']', value);
    if (ch === '"') return string();
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    // JavaScript writes these, JSON has no such numbers: name the word, not its first letter.
    const word = /-?(?:NaN|Infinity)/y;
    word.lastIndex = i;
    if (word.test(text)) throw new Broken(i, 'a finite number (JSON has no NaN or Infinity)', text.slice(i, word.lastIndex));
    numberPattern.lastIndex = i;
    if (!numberPattern.test(text)) fail('a value');
    i = numberPattern.lastIndex;
  };
  const container = (close: string, member: () => void): void => {
    i++;
    skipSpace();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      member();
      skipSpace();
      if (text[i] === close) {
        i++;
        return;
      }
      expect(',', `',' or '${close}'`);
    }
  };
  try {
    value();
    skipSpace();
    if (i < text.length) fail('end of input');
    return null;
  } catch (caught) {
    // A plain recursive descent: nesting deeper than the call stack allows is reported, not thrown.
    const error = caught instanceof RangeError ? new Broken(i, 'nesting no deeper than this', 'too many nested [ or {') : caught;
    if (!(error instanceof Broken)) throw error;
    const before = text.slice(0, error.offset).split('\n');
    const ch = text[error.offset];
    // Printable characters as they are; a control character as its JSON escape ("\n").
    const found = error.found ?? (ch === undefined ? 'end of input' : ch >= ' ' ? `'${ch}'` : JSON.stringify(ch));
    return { line: before.length, column: before[before.length - 1].length + 1, found, expected: error.expected };
  }
}

/** `line 4, column 1: expected a string, found '}'`: the whole problem, as a person looks for it in an editor. */
export function describeJsonBreak(at: JsonBreak): string {
  return `line ${at.line}, column ${at.column}: expected ${at.expected}, found ${at.found}`;
}
