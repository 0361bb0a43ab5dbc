// The names a statement list declares: binding patterns, hoisted `var`s, block-scoped declarations.
import type * as acorn from 'acorn';

type Node = acorn.AnyNode;

/** Identifiers bound by a binding pattern. */
export function patternNames(pattern: acorn.Pattern | null | undefined, out: string[] = []): string[] {
  if (!pattern) return out;
  switch (pattern.type) {
    case 'Identifier':
      out.push(pattern.name);
      break;
    case 'ObjectPattern':
      for (const p of pattern.properties) patternNames(p.type === 'RestElement' ? p.argument : (p.value as acorn.Pattern), out);
      break;
    case 'ArrayPattern':
      for (const e of pattern.elements) patternNames(e, out);
      break;
    case 'AssignmentPattern':
      patternNames(pattern.left, out);
      break;
    case 'RestElement':
      patternNames(pattern.argument, out);
      break;
    default:
      break;
  }
  return out;
}

/** `var` names declared in these statements, not looking into nested functions or classes. */
export function varNames(statements: readonly Node[], out: string[] = []): string[] {
  const visitStatement = (s: Node | null | undefined): void => {
    if (!s) return;
    switch (s.type) {
      case 'VariableDeclaration':
        if (s.kind === 'var') for (const d of s.declarations) patternNames(d.id, out);
        break;
      case 'BlockStatement':
      case 'StaticBlock':
        s.body.forEach(visitStatement);
        break;
      case 'IfStatement':
        visitStatement(s.consequent);
        visitStatement(s.alternate);
        break;
      case 'ForStatement':
        visitStatement(s.init);
        visitStatement(s.body);
        break;
      case 'ForInStatement':
      case 'ForOfStatement':
        visitStatement(s.left);
        visitStatement(s.body);
        break;
      case 'WhileStatement':
      case 'DoWhileStatement':
      case 'LabeledStatement':
        visitStatement(s.body);
        break;
      case 'TryStatement':
        visitStatement(s.block);
        visitStatement(s.handler?.body);
        visitStatement(s.finalizer);
        break;
      case 'SwitchStatement':
        for (const c of s.cases) c.consequent.forEach(visitStatement);
        break;
      case 'ExportNamedDeclaration':
        visitStatement(s.declaration);
        break;
      default:
        break;
    }
  };
  statements.forEach(visitStatement);
  return out;
}

/** Block-scoped names (let, const, class, function) declared directly in a statement list. */
export function lexicalNames(statements: readonly Node[], out: string[] = []): string[] {
  for (const raw of statements) {
    const s = raw.type === 'ExportNamedDeclaration' && raw.declaration ? raw.declaration : raw;
    if (s.type === 'VariableDeclaration' && s.kind !== 'var') for (const d of s.declarations) patternNames(d.id, out);
    if ((s.type === 'ClassDeclaration' || s.type === 'FunctionDeclaration') && s.id) out.push(s.id.name);
  }
  return out;
}
