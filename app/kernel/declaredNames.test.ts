// Tests for the declared-name collectors: patterns, hoisted `var`s (not from functions), block-scoped declarations.
import { parse, type Pattern, type VariableDeclaration } from 'acorn';
import { describe, expect, it } from 'vitest';
import { lexicalNames, patternNames, varNames } from './declaredNames';

const body = (js: string) => parse(js, { ecmaVersion: 'latest', sourceType: 'module', allowAwaitOutsideFunction: true }).body;

describe('patternNames', () => {
  it.each([
    ['a', ['a']],
    ['{a, b: [c, , d = 1], ...rest}', ['a', 'c', 'd', 'rest']],
    ['[x, ...[y, {z}]]', ['x', 'y', 'z']],
  ])('names the bindings of %s', (pattern, names) => {
    const [decl] = body(`let ${pattern} = v;`) as VariableDeclaration[];
    expect(patternNames(decl.declarations[0].id as Pattern)).toEqual(names);
  });
});

describe('varNames', () => {
  it('finds var in blocks, loops, try and switch, but not in functions or classes', () => {
    const js = 'var a; if (x) { var b } for (var c of d) { var e } try { var f } catch { var g } finally { var h } switch (y) { case 1: var i }\nfunction k() { var no1 } class L { static { var no2 } } label: while (0) { var j }';
    expect(varNames(body(js))).toEqual(['a', 'b', 'c', 'e', 'f', 'g', 'h', 'i', 'j']);
  });
});

describe('lexicalNames', () => {
  it('finds let, const, class and function declared directly in the list', () => {
    expect(lexicalNames(body('let a; const {b} = o; class C {} function f() {} var v; { let inner }\nexport const e = 1;'))).toEqual(['a', 'b', 'C', 'f', 'e']);
  });
});
