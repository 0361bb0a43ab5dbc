// `npm run notebook [-- --cells DIR] [--backend cpu|wasm]`: runs every code cell in order in Node and prints its outputs as text.
// Exits 1 naming the first cell that fails (and its line), 0 when every cell ran; 2 on bad arguments.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCellsDir } from '../app/kernel/cellsDir';
import { NodeHost } from '../app/kernel/nodeHost';
import { screenOf } from '../app/kernel/outputs';
import type { Output, OutputMessage, TfBackendName } from '../app/kernel/protocol';
import { outputAsText } from '../app/kernel/textOutput';

const usage = 'usage: npm run notebook [-- --cells DIR] [--backend cpu|wasm]';

interface Args {
  cellsDir: string;
  backend: TfBackendName;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { cellsDir: join(dirname(fileURLToPath(import.meta.url)), '..', 'cells'), backend: 'cpu' };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--help' || flag === '-h') {
      process.stdout.write(usage + '\n');
      process.exit(0);
    }
    if ((flag === '--cells' || flag === '--backend') && (value === undefined || value.startsWith('--'))) throw new Error(`${flag} needs a value`);
    if (flag === '--cells') args.cellsDir = resolve(value);
    else if (flag === '--backend') {
      if (value !== 'cpu' && value !== 'wasm') throw new Error(`--backend must be cpu or wasm (Node has no WebGL), got "${value}"`);
      args.backend = value;
    } else throw new Error(`unknown argument "${flag}"`);
    i++;
  }
  return args;
}

const failureOf = (outputs: readonly Output[]): Extract<Output, { kind: 'error' }> | undefined =>
  outputs.find((o): o is Extract<Output, { kind: 'error' }> => o.kind === 'error');

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  const { cells, warnings } = await readCellsDir(args.cellsDir);
  for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
  const code = cells.filter((c) => c.type === 'code');
  if (code.length === 0) {
    process.stdout.write(`no code cells in ${args.cellsDir}\n`);
    return 0;
  }

  const host = new NodeHost({ tfBackend: args.backend, captureProcessErrors: true });
  const kernelErrors: string[] = [];
  host.onKernelMessage((m) => {
    process.stderr.write(`kernel ${m.level}: ${m.text}\n`);
    if (m.level === 'error') kernelErrors.push(m.text);
  });
  const startMs = performance.now();
  for (const [n, cell] of code.entries()) {
    process.stdout.write(`\n── [${n + 1}] ${cell.id}.ts ${'─'.repeat(Math.max(3, 60 - cell.id.length))}\n`);
    const messages: OutputMessage[] = [];
    const result = await host.run(cell.id, cell.source, (m) => messages.push(m));
    const outputs = screenOf(messages);
    for (const output of outputs) process.stdout.write(outputAsText(output));
    if (result.status !== 'ok') {
      const error = failureOf(outputs);
      const where = error?.line === undefined ? '' : ` (line ${error.line})`;
      const what = error ? `${error.name}: ${error.message}` : result.status;
      process.stderr.write(`\nFAILED: cell ${cell.id}${where}: ${what}\n`);
      host.dispose();
      return 1;
    }
  }
  host.dispose();
  const seconds = ((performance.now() - startMs) / 1000).toFixed(1);
  if (kernelErrors.length > 0) {
    process.stderr.write(`\nFAILED: ${kernelErrors.length} error(s) outside any cell (see above)\n`);
    return 1;
  }
  process.stdout.write(`\nran ${code.length} code cell(s) in ${seconds} s: all passed\n`);
  return 0;
}

// Exit explicitly: a cell may leave timers behind, and the verdict should not wait for them.
main().then(
  (exitCode) => process.exit(exitCode),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
