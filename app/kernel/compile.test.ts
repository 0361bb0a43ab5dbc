// Tests for cell compilation: the shared scope across cells, hoisting, last expression, positions in the TypeScript.
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';
import { CellCompileError, compileCell, sourceUrlFor, tsColumn } from './compile';

type Scope = Record<string, unknown>;

/** A bare-bones kernel: compile each cell against the scope's names, evaluate, call. */
function kernel() {
  const scope: Scope = Object.create(null) as Scope;
  const missing = (name: string): never => {
    throw new ReferenceError(`${name} is not defined`);
  };
  const run = async (ts: string, cellId = 'cell'): Promise<unknown> => {
    const compiled = compileCell(ts, { cellId, known: new Set(Object.keys(scope)), isGlobal: (n) => n in globalThis });
    const fn = (0, eval)(compiled.source) as (s: Scope, m: typeof missing) => Promise<unknown>;
    return fn(scope, missing);
  };
  return { scope, run };
}

describe('compileCell', () => {
  it('makes a top-level const visible to later cells, and lets its cell run again', async () => {
    const k = kernel();
    await k.run('const x: number = 41;');
    expect(await k.run('x + 1')).toBe(42);
    await k.run('const x: number = 1;');
    expect(await k.run('x')).toBe(1);
  });

  it.each([
    ['const {a, b: [c], ...rest} = {a: 1, b: [2], d: 4, e: 5};', { a: 1, c: 2, rest: { d: 4, e: 5 } }],
    ['const [p, , q = 7, ...more] = [1, 2, undefined, 4, 5];', { p: 1, q: 7, more: [4, 5] }],
    ['let {u = 3, v: {w}} = {v: {w: 9}};', { u: 3, w: 9 }],
    ['let m, n = 2;', { m: undefined, n: 2 }],
    ['var s = 1, t;', { s: 1, t: undefined }],
    ['const one = 1, two = one + 1;', { one: 1, two: 2 }],
  ])('puts every name of %s on the scope', async (code, expected) => {
    const k = kernel();
    await k.run(code);
    for (const [name, value] of Object.entries(expected)) expect(k.scope[name]).toEqual(value);
  });

  it('is not fooled by braces and keywords in strings, templates, comments and regexes', async () => {
    const k = kernel();
    const code = [
      'const s = "{ } const hidden = 1; }";',
      "const t = `${ {a: 1}.a } } ${'}'} const alsoHidden = 2`;",
      '// const commented = 3; {',
      '/* } function f() { */',
      'const r = /[{}]\\/}/g;',
      '[s, t, r.source]',
    ].join('\n');
    expect(await k.run(code)).toEqual(['{ } const hidden = 1; }', '1 } } const alsoHidden = 2', '[{}]\\/}']);
    expect(Object.keys(k.scope).sort()).toEqual(['r', 's', 't']);
  });

  it('hoists function declarations: callable before their line and from later cells', async () => {
    const k = kernel();
    expect(await k.run('const early = twice(4);\nfunction twice(n: number): number { return 2 * n }\nearly')).toBe(8);
    expect(await k.run('twice(5)')).toBe(10);
  });

  it('shares classes, and re-declaring one in a later cell replaces it', async () => {
    const k = kernel();
    await k.run('class Counter { static made = 0; n = 0; constructor() { Counter.made++ } inc(): number { return ++this.n } }');
    expect(await k.run('const c = new Counter(); c.inc(); c.inc()')).toBe(2);
    expect(await k.run('Counter.made')).toBe(1);
    await k.run('class Counter { inc() { return -1 } }');
    expect(await k.run('new Counter().inc()')).toBe(-1);
  });

  it('keeps loop variables, block-scoped names and function locals out of the scope', async () => {
    const k = kernel();
    await k.run('let total = 0;\nfor (let i = 0; i < 3; i++) { const sq = i * i; total += sq }\n{ let inBlock = 1; total += inBlock }\nfunction f(local: number) { const x2 = local; return x2 }\ntry { throw 1 } catch (caught) { total += 0 }');
    expect(k.scope.total).toBe(6);
    for (const name of ['i', 'sq', 'inBlock', 'local', 'x2', 'caught']) expect(name in k.scope).toBe(false);
  });

  it('lets closures see later assignments, within a cell and across cells', async () => {
    const k = kernel();
    expect(await k.run('let count = 0;\nconst inc = () => ++count;\ninc(); inc();\ncount')).toBe(2);
    expect(await k.run('inc(); count')).toBe(3);
    expect(await k.run('count = 10;\ninc()')).toBe(11);
  });

  it('resolves a name a later cell defines when the function runs (late binding)', async () => {
    const k = kernel();
    await k.run('function useLater() { return later * 2 }');
    await expect(k.run('useLater()')).rejects.toThrow('later is not defined');
    await k.run('const later = 21;');
    expect(await k.run('useLater()')).toBe(42);
  });

  it('gives `typeof` of an undefined name as "undefined", and a ReferenceError for a read or a write', async () => {
    const k = kernel();
    expect(await k.run('typeof notDefinedAnywhere')).toBe('undefined');
    await expect(k.run('notDefinedAnywhere + 1')).rejects.toThrow(ReferenceError);
    await expect(k.run('undeclaredTarget = 3;')).rejects.toThrow(ReferenceError);
  });

  it('prefers a local over a scope name of the same name, and the scope over a global', async () => {
    const k = kernel();
    await k.run('const x = 1;\nconst Math = { PI: 3 };');
    expect(await k.run('function h() { const x = 2; return x }\n[h(), x, Math.PI]')).toEqual([2, 1, 3]);
  });

  it('keeps `var` values when re-declared without a value, and hoists `var` from top-level blocks and loops', async () => {
    const k = kernel();
    await k.run('var kept = 5;');
    await k.run('var kept;');
    expect(k.scope.kept).toBe(5);
    await k.run('if (true) { var inIf = 1 }\nfor (var k of [1, 2, 3]) {}\nfor (var j = 0; j < 2; j++) {}');
    expect([k.scope.inIf, k.scope.k, k.scope.j]).toEqual([1, 3, 2]);
  });

  it('expands shorthand properties and assignment patterns that name scope entries', async () => {
    const k = kernel();
    await k.run('let a = 1, b = 2;');
    expect(await k.run('({a, b})')).toEqual({ a: 1, b: 2 });
    await k.run('({a, b} = {a: 3, b: 4});\n[a, b] = [b, a];');
    expect([k.scope.a, k.scope.b]).toEqual([4, 3]);
  });

  it('leaves property names, member names, labels and shadowing parameters alone', async () => {
    const k = kernel();
    await k.run('const x = 1, outer = 2, tag = (s: TemplateStringsArray) => s[0] + x;');
    const code = [
      'const o = { x: 10, get y() { return x }, m() { return this.x + x }, [outer]: 3 };',
      'class C { x = x + 100; static outer = outer; f(x: number) { return x } }',
      'let hits = 0;',
      'outer: for (const i of [1, 2]) { for (const j of [1]) { hits += i * j; continue outer } }',
      'const fact = function self(n: number): number { return n <= 1 ? 1 : n * self(n - 1) };',
      'const shadow = (x: number, { outer } = { outer: 7 }) => x + outer;',
      'switch (x) { case 1: { const inCase = 5; hits += inCase } }',
      'const nothing = null as null | (() => number);',
      '[o.x, o.y, o.m(), o[2], new C().x, C.outer, new C().f(9), hits, fact(4), shadow(1), tag`t`, nothing?.()]',
    ].join('\n');
    expect(await k.run(code)).toEqual([10, 1, 11, 3, 101, 2, 9, 8, 24, 8, 't1', undefined]);
    expect('inCase' in k.scope).toBe(false);
  });

  // The oracle: the same code as the body of a plain async function, its last line returned.
  it.each([
    ['closures', 'let n = 0\nconst inc = () => ++n\ninc(); inc()\n[n, inc()]'],
    ['generators', 'function* gen() { yield 1; yield* [2, 3] }\n[...gen()]'],
    ['async functions', 'async function twice(x) { await null; return 2 * x }\nconst r = await twice(4)\n[r, await Promise.all([twice(1), twice(2)])]'],
    ['classes', 'class A { #x = 1; static count = 0; get x() { return this.#x } constructor() { A.count++ } }\nclass B extends A { constructor() { super(); this.y = 2 } }\nconst b = new B()\n[b.x, b.y, b instanceof A, A.count, B.name]'],
    ['control flow', 'let log = []\nouter: for (let i = 0; i < 3; i++) { switch (i) { case 1: continue outer; default: log.push(i) } }\ntry { throw new Error("e") } catch ({ message }) { log.push(message) } finally { log.push("f") }\nlog'],
    ['destructuring', 'const key = "k"\nconst { [key]: v = 5, ...others } = { k: undefined, z: 1 }\nconst [first, [second] = [9]] = [1]\n[v, others, first, second]'],
    ['templates and regexes', 'const w = "x"\nconst t = `a${`b${w}}`}{` + String.raw`\\{`\nconst m = /\\{(\\d+)\\}/.exec("{12}")\n[t, m[1], "}/*".length]'],
    ['hoisting', 'const before = typeof laterVar\nvar laterVar = 1\nconst called = early()\nfunction early() { return "hoisted" }\n[before, laterVar, called]'],
    ['loop closures', 'const fs = []\nfor (let i = 0; i < 3; i++) fs.push(() => i)\nvar acc = []\nfor (var j = 0; j < 2; j++) acc.push(() => j)\n[fs.map((f) => f()), acc.map((f) => f())]'],
    ['shadowing', 'const x = 1\nfunction f(x) { { const x = 3 } return x }\nconst g = (x = 4) => x\nlet caught\ntry { throw 5 } catch (x) { caught = x }\n[f(2), g(), caught, x]'],
    ['objects', 'const base = 2\nconst o = { base, get double() { return base * 2 }, times(k) { return base * k }, ["k" + base]: true }\n[o.base, o.double, o.times(3), o.k2]'],
    ['operators', 'let a = 1, b = (a++, a + 1)\nconst o = null\n[a, b, o?.x ?? "d", 2n ** 64n === 18446744073709551616n, 2 ** 10]'],
    ['tagged templates', 'function tag(s, ...v) { return s.raw.join("|") + v.join(",") }\nconst one = 1\ntag`a${one}b${one + 1}`'],
    ['functions', 'function f() { return [arguments.length, new.target === undefined] }\nfunction C() { this.made = new.target === C }\n[f(1, 2), new C().made]'],
    ['no semicolons', 'let x = 1\n;(x += 1)\nconst arr = [x]\nconst {length} = arr\n[x, length]'],
    ['a declaration after a call without semicolon', 'const calls = []\ncalls.push(1)\nconst {a} = {a: 2}\n[calls, a]'],
  ])('agrees with plain JavaScript on %s', async (_, snippet) => {
    // A `;` ends the body, so the last line (often `[...]`) cannot continue the line before it.
    const body = snippet.slice(0, snippet.lastIndexOf('\n'));
    const last = snippet.slice(snippet.lastIndexOf('\n') + 1);
    const reference = (0, eval)(`(async () => {\n${body};\nreturn (${last})\n})`) as () => Promise<unknown>;
    const expected = await reference();
    expect(expected).toBeDefined();
    expect(await kernel().run(`${body};\n${last}`)).toEqual(expected);
  });

  it('keeps statements apart when a rewritten call starts a line after one without `;`', async () => {
    const k = kernel();
    await k.run('const calls: string[] = []\nfunction a() { calls.push("a") }\nfunction b() { calls.push("b") }');
    await k.run('a()\nb()\nconst both = () => {\n  a()\n  notYet()\n}\nif (calls.length) b()');
    await k.run('function notYet() { calls.push("later") }\nboth()');
    expect(k.scope.calls).toEqual(['a', 'b', 'b', 'a', 'later']);
  });

  it('calls scope functions with `this` undefined, as a plain call would', async () => {
    const k = kernel();
    await k.run('function who(this: unknown) { return this }');
    expect(await k.run('who()')).toBeUndefined();
  });

  it('awaits at top level', async () => {
    const k = kernel();
    expect(await k.run('const v = await Promise.resolve(5);\nfor await (const w of [Promise.resolve(1)]) {}\nv * 2')).toBe(10);
  });

  it.each([
    ['1 + 1', 2],
    ['1 + 1;', undefined],
    ['const z = 3;', undefined],
    ['let y = 1;\ny = 5', undefined],
    ['const arr = [1, 2];\narr.length // trailing comment', 2],
    ['"just a string"', 'just a string'],
    ['', undefined],
  ])('returns the value of the last bare expression of %j', async (code, expected) => {
    expect(await kernel().run(code)).toEqual(expected);
  });

  it('erases interfaces, types and annotations, and compiles enums', async () => {
    const k = kernel();
    const code = 'interface P { a: number }\ntype T = P[];\nenum Color { Red, Green }\nconst ps: T = [{ a: 1 }];\nexport const exported = 2;\nexport {};\n(ps[0].a as number) + Color.Green + exported';
    expect(await k.run(code)).toBe(4);
    expect(k.scope.Color).toEqual({ 0: 'Red', 1: 'Green', Red: 0, Green: 1 });
  });

  it.each([
    ['import { x } from "./y";\nx', 1, 'cells cannot import'],
    ['const a = 1;\n\nexport default a;', 3, 'cells cannot export'],
    ['\nlet q: number = 1 +;', 2, 'Unexpected token'],
    ['let d = 1;\nlet d = 2;', 2, "Identifier 'd' has already been declared"],
    ['const f = () => {\n  await 1;\n};', 2, ''],
    ['// loads a module\nconst m = await import("https://cdn.example.com/evil.js");', 2, 'import() of https://cdn.example.com/evil.js refused: the notebook does not reach other sites'],
    ['const m = await import(`//cdn.example.com/m.js`);', 1, 'import() of https://cdn.example.com/m.js refused'],
  ])('reports %j as a compile error at line %i', (code, line, message) => {
    let caught: unknown;
    try {
      compileCell(code, { cellId: 'bad', known: new Set(), isGlobal: () => false });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CellCompileError);
    const error = caught as CellCompileError;
    expect(error.position.line).toBe(line);
    expect(error.message).toContain(message);
    expect(error.message).not.toMatch(/\(\d+:\d+\)$/);
  });

  it('points a compile error at the column in the TypeScript, past erased annotations', () => {
    try {
      compileCell('const a: number = 1, b: string = "x";\nconst c: number = 1, c: number = 2;', { cellId: 'x', known: new Set(), isGlobal: () => false });
      expect.unreachable();
    } catch (error) {
      const line2 = 'const c: number = 1, c: number = 2;';
      expect((error as CellCompileError).position).toEqual({ line: 2, column: line2.lastIndexOf('c:') + 1 });
    }
  });

  it('maps a runtime position in the evaluated source back to the TypeScript line and column', async () => {
    const ts = 'interface Unused { a: number }\n\nconst big: number = 1;\nfunction boom(n: number): number {\n  const value: number = n * big;\n  return value.toFixed(2).nope.length;\n}\nboom(2)';
    const compiled = compileCell(ts, { cellId: '07-boom', known: new Set(), isGlobal: (n) => n in globalThis });
    const scope = Object.create(null) as Scope;
    const fn = (0, eval)(compiled.source) as (s: Scope, m: unknown) => Promise<unknown>;
    const error = (await fn(scope, null).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(TypeError);
    const frame = new RegExp(`${sourceUrlFor('07-boom').replace('.', '\\.')}:(\\d+):(\\d+)`).exec(error.stack ?? '');
    expect(frame).not.toBeNull();
    const where = compiled.toTs(Number(frame?.[1]), Number(frame?.[2]));
    expect(where.line).toBe(6);
    // V8 points at the `.` of `.length` read from the undefined `nope`.
    expect(where.column).toBe('  return value.toFixed(2).nope.length;'.indexOf('.length') + 1);
  });

  it('produces code that parses and keeps every line of the cell in place', () => {
    const ts = 'const {a,\n  b} = {a: 1, b: 2};\nlet c;\nclass K {}\nif (a) { var d = 1 }\nfunction f() { return a }\na + b';
    const compiled = compileCell(ts, { cellId: 'lines', known: new Set(), isGlobal: () => false });
    expect(() => parse(compiled.source, { ecmaVersion: 'latest' })).not.toThrow();
    expect(compiled.source.split('\n')).toHaveLength(ts.split('\n').length + 3);
    expect(compiled.declared.sort()).toEqual(['K', 'a', 'b', 'c', 'd', 'f']);
  });
});

describe('tsColumn', () => {
  it.each([
    ['let x = f(y)', 'let x: number = f(y)', 8, 16],
    ['same line', 'same line', 4, 4],
    ['g(a, b)', 'g<string>(a: string, b?: number)', 5, 21],
  ])('maps column %#', (js, ts, jsColumn, tsCol) => expect(tsColumn(js, ts, jsColumn)).toBe(tsCol));
});
