// Where JSON text first breaks, as a line and column: JSON.parse does not always say (V8 omits it for an unexpected token).

export interface JsonProblem {
  offset: number;
  /** What was found there and what was expected instead. */
  message: string;
}

/** `line 3, column 7` for a character offset in `text`. */
export function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

const describe = (text: string, at: number): string => (at >= text.length ? 'the end of the file' : JSON.stringify(text[at]));

/**
 * Scans `text` with JSON's grammar and returns the first problem, or null when it is valid JSON.
 * A plain recursive descent: nesting deeper than the call stack allows is reported, not thrown.
 */
export function findJsonProblem(text: string): JsonProblem | null {
  let at = 0;
  const fail = (expected: string): never => {
    throw { offset: at, message: `found ${describe(text, at)} where ${expected} should be` } satisfies JsonProblem;
  };
  const space = (): void => {
    while (at < text.length && ' \t\n\r'.includes(text[at])) at += 1;
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, at)) at += word.length;
    else fail('a value');
  };
  const string = (): void => {
    at += 1;
    while (at < text.length && text[at] !== '"') {
      if (text.charCodeAt(at) < 0x20) fail('a closing quote (a line break inside a string must be written \\n)');
      if (text[at] === '\\') {
        at += 1;
        if (text[at] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) fail('four hex digits after \\u');
          at += 4;
        } else if (!'"\\/bfnrt'.includes(text[at] ?? '')) fail('an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u)');
      }
      at += 1;
    }
    if (at >= text.length) fail('a closing quote');
    at += 1;
  };
  const number = (): void => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at, at + 400));
    if (!match) fail('a value');
    at += (match as RegExpExecArray)[0].length;
  };
  const sequence = (close: string, item: () => void): void => {
    at += 1;
    space();
    if (text[at] === close) {
      at += 1;
      return;
    }
    for (;;) {
      item();
      space();
      if (text[at] === close) {
        at += 1;
        return;
      }
      if (text[at] !== ',') fail(`"," or "${close}"`);
      at += 1;
      space();
    }
  };
  const value = (): void => {
    space();
    const c = text[at];
    if (c === '{') {
      sequence('}', () => {
        if (text[at] !== '"') fail('a property name in double quotes');
        string();
        space();
        if (text[at] !== ':') fail('":"');
        at += 1;
        value();
      });
    } else if (c === '[') sequence(']', value);
    else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else number();
  };
  try {
    value();
    space();
    if (at < text.length) fail('the end of the file');
    return null;
  } catch (err) {
    if (err instanceof RangeError) return { offset: at, message: 'the nesting is too deep to read' };
    return err as JsonProblem;
  }
}
