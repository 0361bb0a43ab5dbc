// Tests of the JSON problem finder against JSON.parse (the oracle) and of the places it reports.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonProblem, lineAndColumn } from './jsonProblem';

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('findJsonProblem', () => {
  it('finds nothing wrong in any JSON that JSON.stringify writes', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      expect(findJsonProblem(JSON.stringify(value, null, 1))).toBeNull();
    }));
  });
  it('agrees with JSON.parse on near-JSON text (valid or not)', () => {
    const nearJson = fc.string({ unit: fc.constantFrom(...'{}[]",:01-.eE tfnrul\\\n'.split('')), maxLength: 24 });
    fc.assert(fc.property(nearJson, (text) => {
        expect(findJsonProblem(text) === null).toBe(parses(text));
      }), { numRuns: 3000 });
  });
  it.each([
    ['{\n "a": [,]\n}', 'line 2, column 8', '","'],
    ['{"a" 1}', 'line 1, column 6', '":"'],
    ['{"a": 1,}', 'line 1, column 9', 'a property name'],
    ['[1 2]', 'line 1, column 4', '"," or "]"'],
    ['{"a": "x', 'line 1, column 9', 'the end of the file'],
    ['', 'line 1, column 1', 'a value'],
    ['{} x', 'line 1, column 4', 'the end of the file should be'],
    ['"a\nb"', 'line 1, column 3', 'closing quote'],
  ])('places the problem in %j at %s', (text, place, words) => {
    const problem = findJsonProblem(text);
    expect(problem && lineAndColumn(text, problem.offset)).toBe(place);
    expect(problem?.message).toContain(words);
  });
  it('reports nesting too deep for the stack instead of throwing', () => {
    expect(findJsonProblem('['.repeat(200_000))?.message).toMatch(/too deep|end of the file/);
  });
});

describe('lineAndColumn', () => {
  it.each([
    [0, 'line 1, column 1'],
    [2, 'line 1, column 3'],
    [3, 'line 2, column 1'],
    [7, 'line 3, column 2'],
  ])('offset %i of "ab\\ncd\\nef" is %s', (offset, place) => {
    expect(lineAndColumn('ab\ncd\nef', offset)).toBe(place);
  });
});
