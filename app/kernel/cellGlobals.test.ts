// cellGlobals.d.ts against the kernel: every global is declared, and a cell typechecks against it (mistakes are caught).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { kernelGlobals } from './cellRunner';

const here = dirname(fileURLToPath(import.meta.url));
const globalsFile = join(here, 'cellGlobals.d.ts');

/**
 * Type errors of each cell's code checked with cellGlobals.d.ts, all in one program (loading the
 * tfjs types is the slow part). Each cell is a module, so top-level await is allowed.
 */
function typeErrors(cells: readonly string[]): string[][] {
  const cellFiles = cells.map((_, i) => join(here, `__typecheck_cell_${i}__.ts`));
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: [],
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (name) => (cellFiles.includes(name) ? `${cells[cellFiles.indexOf(name)]}\nexport {};\n` : readFile(name));
  host.fileExists = (name) => cellFiles.includes(name) || fileExists(name);
  const diagnostics = ts.getPreEmitDiagnostics(ts.createProgram([globalsFile, ...cellFiles], options, host));
  return cellFiles.map((file) =>
    diagnostics.filter((d) => d.file?.fileName === file).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
  );
}

const documentedUse = [
  'const A: Matrix = la.array([[1, 2], [3, 4]]);',
  'print("A =", A, params.widths.length);',
  'display(A, { as: "latex", label: "A" });',
  'display.table(["x"], [[1]], { caption: "c" });',
  'display.plot({ data: [{ x: [1], y: [2] }] });',
  'const bar = display.progress("p", 10, { cancellable: true }); bar.update(1); bar.done();',
  'const r: BenchResult = await bench(() => la.matmul(A, A), { name: "mm" });',
  'const t = tf.tensor1d([1, 2]).sum();',
  'const spec: NetSpec = params;',
  'print(r.medianUs, t, spec, lesson);',
].join('\n');

describe('cellGlobals.d.ts', () => {
  it.each(kernelGlobals.filter((name) => name !== 'console'))('declares %s', (name) => {
    const text = readFileSync(globalsFile, 'utf8');
    expect(text).toMatch(new RegExp(`declare (const|function) ${name}\\b`));
  });

  it('typechecks a cell that uses every global as documented, and catches a mistake', () => {
    const [good, bad] = typeErrors([documentedUse, 'const n: number = la.array([[1]]);']);
    expect(good).toEqual([]);
    expect(bad.join('\n')).toMatch(/Matrix.*not assignable to type 'number'/);
  });
});
