// Tests for error outputs: stack frames of cells in each engine's format, lines in the right cell, non-Error throws.
import { describe, expect, it } from 'vitest';
import { CellCompileError, compileCell, type CompiledCell } from './compile';
import { cellFrames, errorOutput } from './errors';

const compiled = (cellId: string, ts: string): CompiledCell => compileCell(ts, { cellId, known: new Set(), isGlobal: () => true });

describe('cellFrames', () => {
  it.each([
    ['V8', '    at boom (05a-manual.cell.js:7:12)\n    at 06-use.cell.js:3:1', ['05a-manual.cell.js:7:12', '06-use.cell.js:3:1']],
    ['Firefox/Safari', 'boom@05a-manual.cell.js:7:12\n@06-use.cell.js:3:1', ['05a-manual.cell.js:7:12', '06-use.cell.js:3:1']],
    ['no cell', '    at f (http://localhost/assets/la.js:1:100)', []],
  ])('reads %s frames', (_, stack, frames) => {
    expect(cellFrames(stack).map((f) => `${f.sourceUrl}:${f.line}:${f.column}`)).toEqual(frames);
  });
});

describe('errorOutput', () => {
  const helper = compiled('01-helper', 'function fail(): never {\n  throw new Error("x");\n}');
  const user = compiled('02-user', '// calls the helper\n\nfail();');
  const byUrl = new Map([helper, user].map((c) => [c.sourceUrl, c]));
  const sources = new Map([
    ['01-helper', 'function fail(): never {\n  throw new Error("x");\n}'],
    ['02-user', '// calls the helper\n\nfail();'],
  ]);

  it('gives the line in the running cell, and names the earlier cell the error came from', () => {
    const error = new Error('x');
    // Stack lines are the evaluated source's: the cell's line n is line n + 1 there.
    error.stack = `Error: x\n    at fail (${helper.sourceUrl}:3:9)\n    at eval (${user.sourceUrl}:4:1)`;
    expect(errorOutput(error, '02-user', byUrl, sources)).toEqual({
      kind: 'error',
      name: 'Error',
      message: 'x (raised in cell 01-helper, line 2)',
      line: 3,
      column: 1,
      source: 'fail();',
    });
  });

  it('gives a compile error its position and source line', () => {
    const error = new CellCompileError('Unexpected token', { line: 2, column: 5 });
    expect(errorOutput(error, '02-user', byUrl, sources)).toEqual({ kind: 'error', name: 'SyntaxError', message: 'Unexpected token', line: 2, column: 5, source: '' });
  });

  it.each([
    ['a string', 'text', 'text'],
    ['a number', 3, '3'],
    ['null', null, 'null'],
  ])('reports a thrown %s without a place', (_, thrown, message) => {
    expect(errorOutput(thrown, '02-user', byUrl, sources)).toEqual({ kind: 'error', name: 'Uncaught', message });
  });

  it('adds a hint to a stack overflow', () => {
    const error = new RangeError('Maximum call stack size exceeded');
    error.stack = '';
    expect(errorOutput(error, '02-user', byUrl, sources).message).toBe('Maximum call stack size exceeded (a function kept calling itself: is a stopping case missing?)');
  });
});

describe('errorOutput for allocations that cannot succeed', () => {
  const noCells = new Map<string, CompiledCell>();
  it.each([
    // V8's messages for new Float64Array(1e10) (over its length limit) and for a length it tried and failed to get.
    ['Invalid typed array length: 10000000000', 'far more numbers than a browser tab has memory for'],
    ['Array buffer allocation failed', 'the kernel could not get that much memory'],
    ['Invalid string length', 'a string longer than JavaScript allows'],
  ])('explains %j', (message, hint) => {
    const error = new RangeError(message);
    error.stack = '';
    expect(errorOutput(error, 'c', noCells, new Map()).message.startsWith(`${message} (${hint}`)).toBe(true);
  });

  it('leaves a small bad length alone: it is a plain mistake, not memory', () => {
    const error = new RangeError('Invalid typed array length: -1');
    error.stack = '';
    expect(errorOutput(error, 'c', noCells, new Map()).message).toBe('Invalid typed array length: -1');
  });
});
