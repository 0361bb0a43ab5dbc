// A cell's TypeScript -> an async function over the shared scope, with positions mapped back to the TypeScript.
import { parse, type Program } from 'acorn';
import { transform } from 'sucrase';
import { applyEdits, originalOffset, type Edit } from './edits';
import { IMPORT_URL, ImportExportError, MISSING, rewriteScope, SCOPE } from './scopeRewrite';

export interface CompileOptions {
  cellId: string;
  /** Names already on the scope object (the kernel's globals and earlier cells' declarations). */
  known: ReadonlySet<string>;
  /** Whether a name is a global of the JavaScript environment (Math, console, setTimeout...). */
  isGlobal: (name: string) => boolean;
}

export interface TsPosition {
  /** 1-based line in the cell's TypeScript. */
  line: number;
  /** 1-based column in that line. */
  column: number;
}

export interface CompiledCell {
  cellId: string;
  /** `(async function (__scope, __missing, __importUrl) {...})` plus a sourceURL: evaluate it to get the cell's function. */
  source: string;
  /** The name stack traces give this code (see sourceUrlFor). */
  sourceUrl: string;
  /** Names the cell declares at top level. */
  declared: string[];
  /** Scope names the cell uses (e.g. whether it needs `tf`). */
  used: ReadonlySet<string>;
  /** True when the cell ends with a bare expression whose value is returned (no trailing `;`). */
  returnsValue: boolean;
  /** A position in `source` as stack traces give it (1-based line and column) -> the TypeScript. */
  toTs(line: number, column: number): TsPosition;
}

/** A cell that cannot be compiled: the message and where, in the cell's TypeScript. */
export class CellCompileError extends Error {
  constructor(
    message: string,
    readonly position: TsPosition,
  ) {
    super(message);
    this.name = 'SyntaxError';
  }
}

/** The stack-trace name of a cell's code; ids are file stems, so word characters and hyphens. */
export function sourceUrlFor(cellId: string): string {
  return `${cellId.replace(/[^\w-]/g, '_')}.cell.js`;
}

/** Line starts (offsets) of a text. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** Line (1-based) and column (0-based) of an offset. */
function lineColumnAt(starts: readonly number[], offset: number): { line: number; column0: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column0: offset - starts[lo] };
}

/**
 * The column in a TypeScript line of a column in the same line after type erasure. Erasure only
 * deletes text, so the JavaScript line is (nearly) a subsequence of the TypeScript one: match it
 * greedily up to the column.
 */
export function tsColumn(jsLine: string, tsLine: string, jsColumn0: number): number {
  if (jsLine === tsLine) return jsColumn0;
  let j = 0;
  for (let i = 0; i < jsColumn0 && i < jsLine.length; i++) {
    const found = tsLine.indexOf(jsLine[i], j);
    if (found < 0) return Math.min(jsColumn0, tsLine.length);
    j = found + 1;
  }
  // Skip what erasure removed right here (a `: type` before the character the error points at).
  const at = jsLine[jsColumn0];
  const next = at === undefined ? -1 : tsLine.indexOf(at, j);
  return next >= 0 ? next : j;
}

const stripPosition = (message: string): string => message.replace(/\s*\(\d+:\d+\)\s*$/, '');

/**
 * Compiles a cell: TypeScript -> JavaScript (sucrase keeps every line in place), top-level
 * declarations moved onto the scope object, the last bare expression returned (unless it ends with
 * `;` or is an assignment), all inside an async function so top-level `await` works.
 */
export function compileCell(ts: string, options: CompileOptions): CompiledCell {
  const tsLines = ts.split('\n');
  let js: string;
  try {
    js = transform(ts, { transforms: ['typescript'], disableESTransforms: true }).code;
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const message = error instanceof Error ? stripPosition(error.message) : String(error);
    throw new CellCompileError(message, { line: loc?.line ?? 1, column: loc?.column ?? 1 });
  }
  const jsStarts = lineStarts(js);
  const jsLines = js.split('\n');
  const tsPositionOfJsOffset = (offset: number): TsPosition => {
    const { line, column0 } = lineColumnAt(jsStarts, offset);
    return { line, column: tsColumn(jsLines[line - 1] ?? '', tsLines[line - 1] ?? '', column0) + 1 };
  };

  let program: Program;
  try {
    program = parse(js, { ecmaVersion: 'latest', sourceType: 'module', allowAwaitOutsideFunction: true });
  } catch (error) {
    const pos = (error as { pos?: number }).pos ?? 0;
    throw new CellCompileError(error instanceof Error ? stripPosition(error.message) : String(error), tsPositionOfJsOffset(pos));
  }

  let rewrite;
  try {
    rewrite = rewriteScope(program, js, options.known, options.isGlobal);
  } catch (error) {
    if (error instanceof ImportExportError) throw new CellCompileError(error.message, tsPositionOfJsOffset(error.pos));
    throw error;
  }
  const edits: Edit[] = [...rewrite.edits];
  const last = program.body.at(-1);
  const returnsValue =
    last?.type === 'ExpressionStatement' && js[last.end - 1] !== ';' && last.expression.type !== 'AssignmentExpression';
  if (returnsValue) {
    // The statement's range, not the expression's: it includes any parentheses around it.
    edits.push({ start: last.start, end: last.start, text: 'return (' });
    edits.push({ start: last.end, end: last.end, text: ');' });
  }

  const prelude = [
    '"use strict";',
    ...rewrite.hoistedVars.map((name) => `if (!(${JSON.stringify(name)} in ${SCOPE})) ${SCOPE}.${name} = undefined;`),
    ...rewrite.hoistedFunctions.map((name) => `${SCOPE}.${name} = ${name};`),
  ].join(' ');
  const sourceUrl = sourceUrlFor(options.cellId);
  const body = applyEdits(js, edits);
  const source = `(async function (${SCOPE}, ${MISSING}, ${IMPORT_URL}) {${prelude}\n${body}\n})\n//# sourceURL=${sourceUrl}`;

  const bodyStarts = lineStarts(body);
  const toTs = (line: number, column: number): TsPosition => {
    // Line 1 of `source` is the function's head; the cell's line n is line n + 1.
    const bodyLine = Math.min(Math.max(line - 1, 1), bodyStarts.length);
    const bodyOffset = bodyStarts[bodyLine - 1] + Math.max(column - 1, 0);
    return tsPositionOfJsOffset(originalOffset(edits, bodyOffset));
  };

  return { cellId: options.cellId, source, sourceUrl, declared: rewrite.declared, used: rewrite.used, returnsValue, toTs };
}
