// Tests of locateJsonError: valid JSON (as JSON.parse decides) gives null, broken JSON its line and column.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeJsonBreak, locateJsonError } from './jsonLocation';

const valid = ['{}', '[]', ' 0 ', '-1.5e+3', '"a\\u00e9\\n"', '{"a": [1, 2, {"b": null}], "c": true, "d": false}', '\n[\n 1,\n 2\n]\n'];

const broken: [string, string, { line: number; column: number; found: string; expected: string }][] = [
  ['a trailing comma', '{"a": [1, 2,]}', { line: 1, column: 13, found: "']'", expected: 'a value' }],
  ['a missing comma on a later line', '{\n  "a": 1\n  "b": 2\n}', { line: 3, column: 3, found: "'\"'", expected: "',' or '}'" }],
  ['a cut-off file', '{"widths": [2, 3', { line: 1, column: 17, found: 'end of input', expected: "',' or ']'" }],
  ['an empty file', '', { line: 1, column: 1, found: 'end of input', expected: 'a value' }],
  ['single quotes', "{'a': 1}", { line: 1, column: 2, found: "'''", expected: 'a string' }],
  ['text after the value', '[1] x', { line: 1, column: 5, found: "'x'", expected: 'end of input' }],
  ['a bare word', 'abc', { line: 1, column: 1, found: "'a'", expected: 'a value' }],
  ['a leading zero', '[01]', { line: 1, column: 3, found: "'1'", expected: "',' or ']'" }],
  ['a bad escape', '"\\x"', { line: 1, column: 3, found: "'x'", expected: 'an escape: \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX' }],
  ['a raw newline in a string', '"a\nb"', { line: 1, column: 3, found: '"\\n"', expected: 'an escaped control character' }],
  ['NaN', '{"X0": [0.5, NaN]}', { line: 1, column: 14, found: 'NaN', expected: 'a finite number (JSON has no NaN or Infinity)' }],
  ['-Infinity', '[\n  -Infinity\n]', { line: 2, column: 3, found: '-Infinity', expected: 'a finite number (JSON has no NaN or Infinity)' }],
  ['a missing colon', '{"a" 1}', { line: 1, column: 6, found: "'1'", expected: "':' after a key" }],
];

describe('locateJsonError', () => {
  it.each(valid)('finds nothing wrong in %j (JSON.parse agrees)', (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(locateJsonError(text)).toBeNull();
  });

  it.each(broken)('points at %s', (_what, text, where) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(locateJsonError(text)).toEqual(where);
  });

  const parses = (text: string): boolean => {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  };

  it('finds nothing wrong in any JSON that JSON.stringify writes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(locateJsonError(JSON.stringify(value, null, 1))).toBeNull();
      }),
    );
  });

  it('agrees with JSON.parse (the oracle) on near-JSON text, valid or not', () => {
    const nearJson = fc.string({ unit: fc.constantFrom(...'{}[]",:01-.eE tfnrul\\\n'.split('')), maxLength: 24 });
    fc.assert(
      fc.property(nearJson, (text) => {
        expect(locateJsonError(text) === null).toBe(parses(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('reports nesting too deep for the call stack instead of throwing', () => {
    expect(locateJsonError('['.repeat(200_000))).toMatchObject({ line: 1, found: 'too many nested [ or {' });
  });
});

describe('describeJsonBreak', () => {
  it('says where, what JSON wanted and what it found', () => {
    expect(describeJsonBreak({ line: 4, column: 1, expected: 'a string', found: "'}'" })).toBe(
      "line 4, column 1: expected a string, found '}'",
    );
  });
});
