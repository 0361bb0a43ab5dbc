// The "Going deeper" cells' own code, run through the Node kernel as the lesson runs it, then called on
// random networks: the tape against the app's dense, structured and finite-difference gradients, and
// the Jacobian built by JVPs against the one built by VJPs and against finite differences.
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { denseGradients } from '../app/core/dense';
import { finiteDiffGradients } from '../app/core/finiteDiff';
import { forwardActivations } from '../app/core/forward';
import { mulberry32, randomNet } from '../app/core/randomNet';
import { structuredGradients } from '../app/core/structured';
import type { ActivationName, Gradients, NetSpec } from '../app/core/types';
import { readCellsDir } from '../app/kernel/cellsDir';
import { NodeHost } from '../app/kernel/nodeHost';
import { runCell } from '../app/kernel/testing';

const cellsDir = fileURLToPath(new URL('.', import.meta.url));

/** Runs the lesson's code cells up to and including `lastId` in `host`; fails naming a cell that fails. */
async function runUpTo(host: NodeHost, lastId: string): Promise<void> {
  const { cells } = await readCellsDir(cellsDir);
  for (const cell of cells.filter((c) => c.type === 'code')) {
    const run = await runCell(host, cell.source, cell.id);
    if (run.status !== 'ok') throw new Error(`cell ${cell.id} failed: ${JSON.stringify(run.outputs.find((o) => o.kind === 'error'))}`);
    if (cell.id === lastId) return;
  }
  throw new Error(`no cell ${lastId}`);
}

/** Evaluates `expression` in the kernel and returns its value, through JSON. */
async function evaluate<T>(host: NodeHost, expression: string): Promise<T> {
  const run = await runCell(host, `print(JSON.stringify(${expression}))`);
  if (run.status !== 'ok') throw new Error(`${expression}: ${JSON.stringify(run.outputs)}`);
  return JSON.parse(run.text) as T;
}

const activations: ActivationName[] = ['sigmoid', 'tanh', 'relu', 'leakyRelu'];
const arbitraryNet = fc
  .record({
    widths: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 4 }),
    activation: fc.constantFrom(...activations),
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  })
  .map(({ widths, activation, seed }) => randomNet(widths, activation, mulberry32(seed)));

const flat = (g: Gradients): number[] => [...g.dX.flat(), ...g.dW.flat(2), ...g.dbeta.flat()];
/** Largest |a - b| relative to max(1, |b|), entry by entry. */
const largestGap = (a: number[], b: number[]): number => Math.max(...a.map((v, i) => Math.abs(v - b[i]) / Math.max(1, Math.abs(b[i]))));

describe('the tape of cell 31, on random networks', () => {
  let host: NodeHost;
  beforeAll(async () => {
    host = new NodeHost();
    await runUpTo(host, '31-the-tape');
  });

  it('gives the same gradients as dense Jacobians and structured VJPs (float64), and finite differences', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryNet, async (spec: NetSpec) => {
        const taped = await evaluate<Gradients>(host, `tapeGradients(${JSON.stringify(spec)})`);
        expect(taped.loss).toBeCloseTo(structuredGradients(spec).loss, 12);
        expect(largestGap(flat(taped), flat(denseGradients(spec)))).toBeLessThan(1e-12);
        expect(largestGap(flat(taped), flat(structuredGradients(spec)))).toBeLessThan(1e-12);
        // finite differences straddle a ReLU kink only if some z_k is within a step of 0
        const nearKink = forwardActivations(spec).z.some((z) => z.some((v) => Math.abs(v) < 1e-3));
        if (!nearKink) expect(largestGap(flat(taped), flat(finiteDiffGradients(spec)))).toBeLessThan(1e-6);
      }),
      { numRuns: 40 },
    );
  });

  it('adds the gradients of a value used twice, and starts each backward from zero', async () => {
    const grads = await evaluate<number[][]>(
      host,
      '(() => { const x = tape.leaf(la.vector([1, -2, 3])); const y = tape.sum(tape.add(tape.mul(x, x), tape.log(tape.mul(x, x)))); backward(y); backward(y); return x.grad.toArray(); })()',
    );
    // d/dx sum(x^2 + log x^2) = 2x + 2/x, from first principles
    expect(grads.flat()).toEqual([1, -2, 3].map((x) => expect.closeTo(2 * x + 2 / x, 12)));
  });
});

describe('forward and reverse mode of cell 29', () => {
  let host: NodeHost;
  beforeAll(async () => {
    host = new NodeHost(); // the original network: sigmoid, the activation jvp and vjp use
    await runUpTo(host, '29-forward-reverse');
  });

  it('build the same Jacobian of X_K with respect to X_0, column by column and row by row, as finite differences', async () => {
    const sigmoidNet = arbitraryNet.map((spec) => ({ ...spec, activation: 'sigmoid' as const }));
    await fc.assert(
      fc.asyncProperty(sigmoidNet, async (spec: NetSpec) => {
        const [c0, cK] = [spec.widths[0], spec.widths[spec.widths.length - 1]];
        const { byJvp, byVjp } = await evaluate<{ byJvp: number[][]; byVjp: number[][] }>(
          host,
          `(() => { const n = networkOf(${JSON.stringify(spec)});
            const e = (len, j) => la.fromFunction(len, 1, (i) => (i === j ? 1 : 0));
            return { byJvp: Array.from({ length: ${c0} }, (_, j) => Array.from(jvp(n.W, n.beta, n.X0, n.K, e(${c0}, j)).data)),
                     byVjp: Array.from({ length: ${cK} }, (_, i) => Array.from(vjp(n.W, n.beta, n.X0, n.K, e(${cK}, i).T).data)) }; })()`,
        );
        // byJvp[j] is column j, byVjp[i] is row i: entry (i, j) both ways, and by central differences on X_0[j]
        const h = 1e-6;
        for (let i = 0; i < cK; i++) {
          for (let j = 0; j < c0; j++) {
            expect(Math.abs(byJvp[j][i] - byVjp[i][j])).toBeLessThan(1e-14);
            const at = (delta: number) => forwardActivations({ ...spec, X0: spec.X0.map((x, m) => (m === j ? x + delta : x)) }).X.at(-1)?.[i] ?? NaN;
            expect(Math.abs(byJvp[j][i] - (at(h) - at(-h)) / (2 * h))).toBeLessThan(1e-8);
          }
        }
      }),
      { numRuns: 30 },
    );
  });
});
