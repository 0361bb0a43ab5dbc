// What a cell's error looks like to the student: its message and the line of the cell's TypeScript it came from.
import { CellCompileError, type CompiledCell } from './compile';
import { formatValue } from './format';
import type { Output } from './protocol';

/** A stack frame in cell code: `05a-manual.cell.js:12:7` (V8 `at ... (x:l:c)`, Firefox/Safari `f@x:l:c`). */
const cellFrame = /([\w-]+\.cell\.js):(\d+):(\d+)/g;

interface CellFrame {
  sourceUrl: string;
  line: number;
  column: number;
}

/** Cell frames of a stack, innermost first. */
export function cellFrames(stack: string): CellFrame[] {
  return [...stack.matchAll(cellFrame)].map((m) => ({ sourceUrl: m[1], line: Number(m[2]), column: Number(m[3]) }));
}

const errorLike = (value: unknown): value is { name: string; message: string; stack?: string } =>
  typeof value === 'object' && value !== null && typeof (value as Error).message === 'string' && typeof (value as Error).name === 'string';

const recursionHint = ' (a function kept calling itself: is a stopping case missing?)';

/** Why an allocation failed, in the student's terms: these come from asking for far too many numbers. */
function memoryHint(message: string): string {
  if (/Array buffer allocation failed|out of memory/i.test(message)) return ' (the kernel could not get that much memory: use fewer numbers)';
  const length = /Invalid typed array length: (\d+)/.exec(message);
  if (length && Number(length[1]) >= 2 ** 28) return ' (far more numbers than a browser tab has memory for: use fewer)';
  if (/Invalid string length/i.test(message)) return ' (a string longer than JavaScript allows, about 500 million characters)';
  return '';
}

/**
 * The error output for something a cell threw. `compiled` maps stack-trace names to the compiled
 * cells (for their TypeScript lines); `cellId` is the cell that ran; `sources` gives cells' TypeScript.
 */
export function errorOutput(
  thrown: unknown,
  cellId: string,
  compiled: ReadonlyMap<string, CompiledCell>,
  sources: ReadonlyMap<string, string>,
): Extract<Output, { kind: 'error' }> {
  const sourceLine = (id: string, line: number): string | undefined => sources.get(id)?.split('\n')[line - 1]?.trimEnd();
  if (thrown instanceof CellCompileError) {
    const { line, column } = thrown.position;
    return { kind: 'error', name: thrown.name, message: thrown.message, line, column, ...withSource(sourceLine(cellId, line)) };
  }
  if (!errorLike(thrown)) {
    // `throw "text"` or `throw 42`: no stack, no line; say what was thrown.
    return { kind: 'error', name: 'Uncaught', message: typeof thrown === 'string' ? thrown : formatValue(thrown) };
  }
  let message = thrown.message;
  if (thrown.name === 'RangeError') message += /call stack/i.test(message) ? recursionHint : memoryHint(message);
  const frames = cellFrames(thrown.stack ?? '').filter((f) => compiled.has(f.sourceUrl));
  const here = frames.find((f) => compiled.get(f.sourceUrl)?.cellId === cellId);
  const innermost = frames[0];
  const output: Extract<Output, { kind: 'error' }> = { kind: 'error', name: thrown.name, message };
  if (innermost && innermost !== here) {
    const other = compiled.get(innermost.sourceUrl) as CompiledCell;
    const at = other.toTs(innermost.line, innermost.column);
    if (other.cellId !== cellId) output.message += ` (raised in cell ${other.cellId}, line ${at.line})`;
  }
  if (here) {
    const at = (compiled.get(here.sourceUrl) as CompiledCell).toTs(here.line, here.column);
    Object.assign(output, { line: at.line, column: at.column }, withSource(sourceLine(cellId, at.line)));
  }
  return output;
}

const withSource = (source: string | undefined): { source?: string } => (source === undefined ? {} : { source });
