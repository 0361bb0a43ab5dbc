// Rewrites a cell's JavaScript so its top-level names live on the shared scope object: the edits, by source range.
import type * as acorn from 'acorn';
import { lexicalNames, patternNames, varNames } from './declaredNames';
import { keepNewlines, type Edit } from './edits';
import { offSiteReason, offSiteUrl } from './sameOrigin';

/** The names the rewritten code uses for the scope object and the "not defined" reporter. */
export const SCOPE = '__scope';
export const MISSING = '__missing';
/** The checker every computed `import(x)` goes through (sameOrigin.ts's checkImportUrl). */
export const IMPORT_URL = '__importUrl';

export interface RewriteResult {
  edits: Edit[];
  /** Names this cell declares at top level (they land on the scope object). */
  declared: string[];
  /** Scope names the cell reads or writes anywhere (nested functions included). */
  used: Set<string>;
  /** Top-level `var` names: hoisted, kept if already set (re-running `var x;` keeps x). */
  hoistedVars: string[];
  /** Top-level function declarations: assigned to the scope before the first statement runs. */
  hoistedFunctions: string[];
}

export class ImportExportError extends Error {
  constructor(
    message: string,
    readonly pos: number,
  ) {
    super(message);
    this.name = 'SyntaxError';
  }
}

interface Scope {
  names: Set<string>;
  parent: Scope | null;
  /** Inside a function (or class body / static block): `var` is local there. */
  inFunction: boolean;
}

type Node = acorn.AnyNode;
type PatternMode = 'bind-local' | 'bind-top' | 'assign';

/**
 * Finds the edits that move a cell's top-level declarations onto `__scope` and route every
 * reference to a scope name through it. `known` are the names earlier cells (and the kernel) put
 * on the scope; `isGlobal` tells which other names are globals of the JS environment. A read of a
 * name that is neither becomes a late lookup that throws "x is not defined" if still missing.
 */
export function rewriteScope(program: acorn.Program, js: string, known: ReadonlySet<string>, isGlobal: (name: string) => boolean): RewriteResult {
  const edits: Edit[] = [];
  const used = new Set<string>();
  const hoistedVars = varNames(program.body);
  const hoistedFunctions: string[] = [];
  for (const s of program.body) {
    const d = s.type === 'ExportNamedDeclaration' ? s.declaration : s;
    if (d?.type === 'FunctionDeclaration' && d.id) hoistedFunctions.push(d.id.name);
  }
  const declared = [...new Set([...lexicalNames(program.body), ...hoistedVars])];
  const topNames = new Set(declared);
  const top: Scope = { names: new Set(), parent: null, inFunction: false };

  const isLocal = (name: string, scope: Scope | null): boolean => {
    for (let s = scope; s; s = s.parent) if (s.names.has(name)) return true;
    return false;
  };
  const child = (parent: Scope, names: Iterable<string>, inFunction = parent.inFunction): Scope => ({ names: new Set(names), parent, inFunction });

  /** An identifier used as a value (or written): rewritten when it names a scope entry. */
  const reference = (id: acorn.Identifier, scope: Scope, how: { write?: boolean; shorthand?: boolean; callee?: boolean } = {}): void => {
    const name = id.name;
    if (name === 'undefined' || name === 'arguments' || isLocal(name, scope)) return;
    let text: string;
    if (topNames.has(name) || known.has(name)) {
      used.add(name);
      text = how.callee ? `(0, ${SCOPE}.${name})` : `${SCOPE}.${name}`;
    } else if (isGlobal(name) || how.write) {
      return; // a global, or an assignment to an undeclared name: JavaScript's own ReferenceError.
    } else {
      // Perhaps a later cell defines it: look it up when this code runs.
      text = `(${JSON.stringify(name)} in ${SCOPE} ? ${SCOPE}.${name} : ${MISSING}(${JSON.stringify(name)}))`;
    }
    edits.push({ start: id.start, end: id.end, text: how.shorthand ? `${name}: ${text}` : text });
  };

  const visitPattern = (p: acorn.Pattern | null, mode: PatternMode, scope: Scope, shorthand = false): void => {
    if (!p) return;
    switch (p.type) {
      case 'Identifier':
        if (mode === 'bind-top') {
          used.add(p.name);
          edits.push({ start: p.start, end: p.end, text: `${shorthand ? `${p.name}: ` : ''}${SCOPE}.${p.name}` });
        } else if (mode === 'assign') reference(p, scope, { write: true, shorthand });
        break;
      case 'ObjectPattern':
        for (const prop of p.properties) {
          if (prop.type === 'RestElement') {
            visitPattern(prop.argument, mode, scope);
            continue;
          }
          if (prop.computed) visit(prop.key, scope);
          visitPattern(prop.value as acorn.Pattern, mode, scope, prop.shorthand);
        }
        break;
      case 'ArrayPattern':
        for (const e of p.elements) visitPattern(e, mode, scope);
        break;
      case 'AssignmentPattern':
        visitPattern(p.left, mode, scope, shorthand);
        visit(p.right, scope);
        break;
      case 'RestElement':
        visitPattern(p.argument, mode, scope);
        break;
      case 'MemberExpression':
        visit(p, scope);
        break;
    }
  };

  const visitFunction = (fn: acorn.Function, scope: Scope): void => {
    const outer = fn.type === 'FunctionExpression' && fn.id ? child(scope, [fn.id.name]) : scope;
    const statements = fn.body.type === 'BlockStatement' ? fn.body.body : [];
    const params = fn.params.flatMap((p) => patternNames(p));
    const inner = child(outer, [...params, ...varNames(statements), ...lexicalNames(statements)], true);
    for (const p of fn.params) visitPattern(p, 'bind-local', inner);
    if (fn.body.type === 'BlockStatement') for (const s of fn.body.body) visitListed(s, inner, fn.body);
    else visit(fn.body, inner);
  };

  const visitClass = (cls: acorn.Class, scope: Scope): void => {
    if (cls.superClass) visit(cls.superClass, scope);
    const inner = child(scope, cls.id ? [cls.id.name] : [], true);
    for (const member of cls.body.body) {
      if (member.type === 'StaticBlock') {
        const block = child(inner, [...varNames(member.body), ...lexicalNames(member.body)], true);
        member.body.forEach((s) => visitListed(s, block, member));
        continue;
      }
      if (member.computed) visit(member.key, inner);
      if (member.value) visit(member.value, inner);
    }
  };

  /** A declaration whose names belong on the scope object: `const {a} = b;` -> `;({a: __scope.a} = b);`. */
  const declareOnScope = (decl: acorn.VariableDeclaration, scope: Scope, inStatementList: boolean, inForHead: 'for' | 'for-in-of' | null): void => {
    const first = decl.declarations[0];
    const head = keepNewlines(js.slice(decl.start, first.start));
    edits.push({ start: decl.start, end: first.start, text: inForHead ? head : `${inStatementList ? ';' : ''}(${head}` });
    for (const d of decl.declarations) {
      if (d.init || inForHead === 'for-in-of') {
        visitPattern(d.id, 'bind-top', scope);
        visit(d.init, scope);
      } else if (decl.kind === 'var') {
        edits.push({ start: d.start, end: d.end, text: 'void 0' }); // `var x;` keeps x's value.
      } else {
        visitPattern(d.id, 'bind-top', scope);
        edits.push({ start: d.id.end, end: d.id.end, text: ' = undefined' });
      }
    }
    if (!inForHead) edits.push({ start: decl.declarations[decl.declarations.length - 1].end, end: decl.declarations[decl.declarations.length - 1].end, text: ')' });
  };

  const visitDeclaration = (decl: acorn.VariableDeclaration, scope: Scope, parent: Node | null): void => {
    const isTop = decl.kind === 'var' ? !scope.inFunction : scope === top;
    const inForHead =
      parent?.type === 'ForStatement' && parent.init === decl
        ? 'for'
        : (parent?.type === 'ForInStatement' || parent?.type === 'ForOfStatement') && parent.left === decl
          ? 'for-in-of'
          : null;
    if (isTop) {
      const inStatementList = parent === null || parent.type === 'BlockStatement' || parent.type === 'SwitchCase' || parent.type === 'StaticBlock';
      declareOnScope(decl, scope, inStatementList, inForHead);
      return;
    }
    for (const d of decl.declarations) {
      visitPattern(d.id, 'bind-local', scope);
      if (d.init) visit(d.init, scope);
    }
  };

  /** Starts of expression statements that follow another statement in a list (ASI matters there). */
  const statementStarts = new Set<number>();
  /** A statement of a list (program, block, case): a parent of null means the program. */
  const visitListed = (s: Node, scope: Scope, parent: Node | null): void => {
    if (s.type === 'ExpressionStatement') statementStarts.add(s.start);
    visit(s, scope, parent);
  };

  function visit(node: Node | null | undefined, scope: Scope, parent?: Node | null): void {
    if (!node) return;
    switch (node.type) {
      case 'Identifier':
        reference(node, scope);
        return;
      case 'MemberExpression':
        visit(node.object, scope);
        if (node.computed) visit(node.property, scope);
        return;
      case 'Property':
        if (node.computed) visit(node.key, scope);
        if (node.shorthand && node.value.type === 'Identifier') reference(node.value, scope, { shorthand: true });
        else visit(node.value, scope);
        return;
      case 'CallExpression':
        if (node.callee.type === 'Identifier') reference(node.callee, scope, { callee: true });
        else visit(node.callee, scope);
        node.arguments.forEach((a) => visit(a, scope));
        return;
      case 'TaggedTemplateExpression':
        if (node.tag.type === 'Identifier') reference(node.tag, scope, { callee: true });
        else visit(node.tag, scope);
        visit(node.quasi, scope);
        return;
      case 'AssignmentExpression':
        if (node.left.type === 'Identifier') reference(node.left, scope, { write: true });
        else visitPattern(node.left, 'assign', scope);
        visit(node.right, scope);
        return;
      case 'UpdateExpression':
        if (node.argument.type === 'Identifier') reference(node.argument, scope, { write: true });
        else visit(node.argument, scope);
        return;
      case 'UnaryExpression':
        // `typeof notYetDefined` is "undefined" in JavaScript, never an error.
        if (node.operator === 'typeof' && node.argument.type === 'Identifier' && !isLocal(node.argument.name, scope) && !isGlobal(node.argument.name)) {
          used.add(node.argument.name);
          edits.push({ start: node.argument.start, end: node.argument.end, text: `${SCOPE}.${node.argument.name}` });
        } else visit(node.argument, scope);
        return;
      case 'LabeledStatement':
        visit(node.body, scope);
        return;
      case 'BreakStatement':
      case 'ContinueStatement':
      case 'MetaProperty':
      case 'PrivateIdentifier':
      case 'Literal':
      case 'TemplateElement':
      case 'ThisExpression':
      case 'Super':
        return;
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        visitFunction(node, scope);
        return;
      case 'ClassDeclaration':
        visitClass(node, scope);
        if (scope === top && node.id) {
          used.add(node.id.name);
          edits.push({ start: node.start, end: node.start, text: `;(${SCOPE}.${node.id.name} = ` });
          edits.push({ start: node.end, end: node.end, text: ');' });
        }
        return;
      case 'ClassExpression':
        visitClass(node, scope);
        return;
      case 'VariableDeclaration':
        visitDeclaration(node, scope, parent ?? null);
        return;
      case 'BlockStatement': {
        const block = child(scope, lexicalNames(node.body));
        for (const s of node.body) visitListed(s, block, node);
        return;
      }
      case 'StaticBlock':
        return; // only inside classes, see visitClass
      case 'SwitchStatement': {
        visit(node.discriminant, scope);
        const block = child(scope, node.cases.flatMap((c) => lexicalNames(c.consequent)));
        for (const c of node.cases) {
          visit(c.test, block);
          for (const s of c.consequent) visitListed(s, block, c);
        }
        return;
      }
      case 'ForStatement': {
        const loop = node.init?.type === 'VariableDeclaration' && node.init.kind !== 'var' ? child(scope, lexicalNames([node.init])) : scope;
        visit(node.init, loop, node);
        visit(node.test, loop);
        visit(node.update, loop);
        visit(node.body, loop, node);
        return;
      }
      case 'ForInStatement':
      case 'ForOfStatement': {
        const lexical = node.left.type === 'VariableDeclaration' && node.left.kind !== 'var';
        const loop = lexical ? child(scope, lexicalNames([node.left])) : scope;
        if (node.left.type === 'VariableDeclaration') visit(node.left, loop, node);
        else visitPattern(node.left, 'assign', scope);
        visit(node.right, scope);
        visit(node.body, loop, node);
        return;
      }
      case 'CatchClause': {
        const caught = child(scope, patternNames(node.param));
        visitPattern(node.param ?? null, 'bind-local', caught);
        visit(node.body, caught);
        return;
      }
      case 'ImportExpression': {
        const { source } = node;
        const literal = source.type === 'Literal' && typeof source.value === 'string' ? source.value : source.type === 'TemplateLiteral' && source.expressions.length === 0 ? source.quasis[0].value.cooked : null;
        if (typeof literal === 'string') {
          // Said where it is written, before anything runs; a computed URL is checked when it runs.
          const off = offSiteUrl(literal, (globalThis as { location?: { href?: string } }).location?.href);
          if (off !== null) throw new ImportExportError(`import() of ${off} refused: ${offSiteReason}`, source.start);
        } else {
          edits.push({ start: source.start, end: source.start, text: `${IMPORT_URL}(` }, { start: source.end, end: source.end, text: ')' });
        }
        visitChildren(node, scope);
        return;
      }
      case 'ImportDeclaration':
        throw new ImportExportError(
          'cells cannot import: la, tf, print, display, bench, params and lesson are already in scope (for another module use `await import(...)`)',
          node.start,
        );
      case 'ExportNamedDeclaration':
        if (!node.declaration && node.specifiers.length === 0 && !node.source) {
          // `export {}`: what makes a cell file a module for the type checker; nothing to run.
          edits.push({ start: node.start, end: node.end, text: keepNewlines(js.slice(node.start, node.end)) });
          return;
        }
        if (node.declaration && scope === top) {
          edits.push({ start: node.start, end: node.declaration.start, text: keepNewlines(js.slice(node.start, node.declaration.start)) });
          visit(node.declaration, scope, null);
          return;
        }
        throw new ImportExportError('cells cannot export: a name declared at top level is already visible to later cells', node.start);
      case 'ExportDefaultDeclaration':
      case 'ExportAllDeclaration':
        throw new ImportExportError('cells cannot export: a name declared at top level is already visible to later cells', node.start);
      default:
        visitChildren(node, scope);
    }
  }

  function visitChildren(node: Node, scope: Scope): void {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'type' || key === 'start' || key === 'end' || key === 'loc' || key === 'range') continue;
      if (Array.isArray(value)) {
        for (const v of value) if (isNode(v)) visit(v, scope, node.type === 'Program' ? null : node);
      } else if (isNode(value)) visit(value, scope, node);
    }
  }

  for (const s of program.body) visitListed(s, top, null);
  // `f()` rewritten to `(0, __scope.f)()` must not continue the line before when that has no `;`.
  for (const e of [...edits]) if (e.text.startsWith('(') && statementStarts.has(e.start)) edits.push({ start: e.start, end: e.start, text: ';' });
  return { edits, declared, used, hoistedVars, hoistedFunctions };
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
