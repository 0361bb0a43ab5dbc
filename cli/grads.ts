// `npm run grads -- net.json [--method dense|structured|tfjs|fd|all]`: a network's gradients by each method, as JSON,
// in the input's shapes (dl/dX_k as rows of B for a batch). Bad input exits 2 with one line on stderr naming the
// problem, and nothing on stdout.
import { readFile } from 'node:fs/promises';
import { maxAbsDiff } from '../app/core/compare';
import { LossUndefinedError } from '../app/core/forward';
import { manualGradients } from '../app/core/gradients';
import { netShapes } from '../app/core/network';
import { NetSpecError, validateNetSpec } from '../app/core/netspec';
import { initTf, tfjsGradients } from '../app/core/tfjsGradients';
import type { GradientMethod, Gradients, NetSpec } from '../app/core/types';
import { describeJsonBreak, locateJsonError } from '../app/core/jsonLocation';

const methodOrder: readonly GradientMethod[] = ['dense', 'structured', 'tfjs', 'fd'];
const usage = `usage: npm run grads -- <net.json or - for stdin> [--method ${methodOrder.join('|')}|all]`;

/** Input the user must fix: exit code 2. */
class BadInput extends Error {}

interface Args {
  input: string;
  methods: GradientMethod[];
}

function parseMethod(value: string | undefined): GradientMethod[] {
  if (value === undefined || value === '') throw new BadInput(`--method needs a value (${methodOrder.join(', ')} or all)`);
  if (value === 'all') return [...methodOrder];
  const method = methodOrder.find((m) => m === value);
  if (method === undefined) throw new BadInput(`unknown method "${value}" (known: ${methodOrder.join(', ')}, all)`);
  return [method];
}

function parseArgs(argv: readonly string[]): Args | 'help' {
  let input: string | undefined;
  let methods = [...methodOrder];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') return 'help';
    if (arg === '--method') methods = parseMethod(argv[++i]);
    else if (arg.startsWith('--method=')) methods = parseMethod(arg.slice('--method='.length));
    else if (arg.startsWith('-') && arg !== '-') throw new BadInput(`unknown option "${arg}"; ${usage}`);
    else if (input !== undefined) throw new BadInput(`one network at a time, got "${input}" and "${arg}"; ${usage}`);
    else input = arg;
  }
  if (input === undefined) throw new BadInput(`no network given; ${usage}`);
  return { input, methods };
}

async function readInput(input: string): Promise<string> {
  if (input === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(input, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = { ENOENT: 'no such file', EISDIR: 'it is a directory', EACCES: 'permission denied' }[code ?? ''];
    throw new BadInput(`cannot read ${input}: ${why ?? (error as Error).message}`);
  }
}

function parseNet(text: string, name: string): NetSpec {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const at = locateJsonError(text);
    const where = at ? describeJsonBreak(at) : (error as Error).message;
    throw new BadInput(`${name} is not valid JSON: ${where}`);
  }
  try {
    return validateNetSpec(json);
  } catch (error) {
    if (error instanceof NetSpecError) throw new BadInput(`${name} is not a valid network: ${error.message}`);
    throw error;
  }
}

async function gradientsBy(method: GradientMethod, spec: NetSpec): Promise<Gradients> {
  if (method !== 'tfjs') return manualGradients(spec, method);
  const { tf } = await initTf('cpu');
  return tfjsGradients(tf, spec);
}

/** The JSON report: loss (float64, dense), each method's gradients, and each one's max |difference| from dense. */
async function gradsReport(args: Args, name: string, text: string) {
  const spec = parseNet(text, name);
  const results: Partial<Record<GradientMethod, Gradients>> = {};
  try {
    // Dense first: it is the reference every other method is compared with.
    const dense = manualGradients(spec, 'dense');
    for (const method of args.methods) results[method] = method === 'dense' ? dense : await gradientsBy(method, spec);
    const methods: Record<string, Omit<ReturnType<typeof netShapes>, 'loss'>> = {};
    const diffs: Record<string, number> = {};
    for (const method of args.methods) {
      const { dX, dW, dbeta } = netShapes(results[method]!, spec);
      methods[method] = { dX, dW, dbeta };
      if (method !== 'dense') diffs[method] = maxAbsDiff(results[method]!, dense);
    }
    return { loss: dense.loss, methods, maxAbsDiff: diffs };
  } catch (error) {
    if (error instanceof LossUndefinedError) throw new BadInput(`${name}: ${error.message}`);
    throw error;
  }
}

/** JSON with two-space indents, but each innermost array of numbers on one line, so matrices read as rows. */
function formatReport(report: unknown): string {
  return JSON.stringify(report, null, 2).replace(/\[\s+([-+0-9.eE,\s]+?)\s+\]/g, (_m, inner: string) => `[${inner.split(/,\s+/).join(', ')}]`);
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args === 'help') {
      process.stdout.write(`${usage}\n`);
      return 0;
    }
    const name = args.input === '-' ? 'stdin' : args.input;
    const report = await gradsReport(args, name, await readInput(args.input));
    process.stdout.write(`${formatReport(report)}\n`);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`grads: ${message.split('\n')[0]}\n`);
    return error instanceof BadInput ? 2 : 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
