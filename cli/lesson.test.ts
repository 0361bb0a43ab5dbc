// The lesson itself (cells/): `npm run notebook` runs it in Node, its manual gradients print the original's
// lines exactly, and it works on another network, with the exercise solved, and with the exercise wrong.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import seed from '../reference/seed-values.json' with { type: 'json' };
import { exercises } from '../app/kernel/lesson/exercises';
import { readCellsDir } from '../app/kernel/cellsDir';
import type { Cell } from '../app/kernel/cells';
import { NodeHost } from '../app/kernel/nodeHost';
import type { Output } from '../app/kernel/protocol';
import { runCell, type CellRun } from '../app/kernel/testing';
import { randomNet } from '../app/core/randomNet';
import type { NetSpec } from '../app/core/types';
import { runCli, type CliRun } from './runCli';

const cellsDir = fileURLToPath(new URL('../cells', import.meta.url));

/** The gradient lines the original notebook printed after its NumPy cell (from `dl/dX0:` to `dl/dbeta2:`). */
function originalGradientLines(): string[] {
  const text = readFileSync(fileURLToPath(new URL('../reference/seed-notebook.txt', import.meta.url)), 'utf8');
  const numpyPart = text.slice(0, text.indexOf('## Gradient computation with Pytorch'));
  const lines = numpyPart.split('\n');
  const first = lines.findIndex((l) => l.startsWith('dl/dX0:'));
  const last = lines.findIndex((l) => l.startsWith('dl/dbeta2:'));
  return lines.slice(first, last + 1);
}

/** What `npm run notebook` printed for one cell (between its header and the next). */
function cellSection(stdout: string, id: string): string {
  const start = stdout.indexOf(`] ${id}.ts `);
  if (start < 0) throw new Error(`no section for ${id} in the notebook's output`);
  const body = stdout.slice(stdout.indexOf('\n', start) + 1);
  const end = body.search(/\n── \[\d+\] |\nran \d+ code cell/);
  return end < 0 ? body : body.slice(0, end);
}

/** Every code cell of the lesson in order through one kernel; `replace` swaps a cell's source. */
async function runLesson(host: NodeHost, replace: Record<string, string> = {}): Promise<Map<string, CellRun>> {
  const { cells } = await readCellsDir(cellsDir);
  const runs = new Map<string, CellRun>();
  for (const cell of cells.filter((c: Cell) => c.type === 'code')) runs.set(cell.id, await runCell(host, replace[cell.id] ?? cell.source, cell.id));
  return runs;
}

const ofKind = <K extends Output['kind']>(run: CellRun | undefined, kind: K) => (run?.outputs ?? []).filter((o): o is Extract<Output, { kind: K }> => o.kind === kind);
const failures = (runs: Map<string, CellRun>): string[] => [...runs].filter(([, r]) => r.status !== 'ok').map(([id, r]) => `${id}: ${JSON.stringify(ofKind(r, 'error')[0])}`);

describe('npm run notebook on the lesson', () => {
  let run: CliRun;
  beforeAll(async () => {
    run = await runCli('cli/notebook.ts', []);
  });

  it('runs every code cell and exits 0', async () => {
    const { cells } = await readCellsDir(cellsDir);
    const code = cells.filter((c) => c.type === 'code');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const headers = [...run.stdout.matchAll(/── \[\d+\] (\S+)\.ts/g)].map((m) => m[1]);
    expect(headers).toEqual(code.map((c) => c.id));
    expect(run.stdout).toMatch(new RegExp(`ran ${code.length} code cell\\(s\\) in [\\d.]+ s: all passed\\n$`));
  });

  it("prints the manual gradients exactly as the original's NumPy did, line by line", () => {
    const printed = cellSection(run.stdout, '12a-manual-gradients').split('\n').filter((l) => l !== '' && !l.startsWith('Time: '));
    expect(printed).toEqual(originalGradientLines());
  });

  it('prints the autograd gradients in the same layout, within float32 of the float64 values', () => {
    const printed = cellSection(run.stdout, '12b-tfjs-gradients');
    const numbersAfter = (label: string): number[] => {
      const from = printed.indexOf(`${label}:`);
      const text = printed.slice(from + label.length + 1, printed.indexOf('\ndl/', from + 1) < 0 ? undefined : printed.indexOf('\ndl/', from + 1));
      return [...text.matchAll(/-?\d+\.\d*(e-?\d+)?/g)].map((m) => Number(m[0]));
    };
    const expected: [string, number[]][] = [
      ['dl/dX0', seed.float64.dX[0]],
      ['dl/dX2', seed.float64.dX[2]],
      ['dl/dX1', seed.float64.dX[1]],
      ['dl/dW1', seed.float64.dW[0].flat()],
      ['dl/dbeta1', seed.float64.dbeta[0]],
      ['dl/dW2', seed.float64.dW[1].flat()],
      ['dl/dbeta2', seed.float64.dbeta[1]],
    ];
    for (const [label, values] of expected) expect(numbersAfter(label)).toEqual(values.map((v) => expect.closeTo(v, 6)));
  });

  it('shows the comparison within tolerance, a timing table with the original reference rows, and a ReLU kink at z_1[0] = 0', () => {
    expect(cellSection(run.stdout, '14-comparison')).toContain('Verdict: they agree.');
    const timing = cellSection(run.stdout, '16-timing');
    for (const name of ['dense', 'structured', 'your cells 06 + 12a', 'autograd (tfjs cpu)', 'autograd (tfjs wasm)']) expect(timing).toContain(name);
    expect(timing).toMatch(/NumPy \(original notebook\)\s+26\.1 ms/);
    expect(timing).toMatch(/PyTorch backward\(\) \(original\)\s+2\.72 ms/);
    expect(cellSection(run.stdout, '20-relu-exercise')).toContain('relu returns NaN everywhere: not written yet');
    expect(cellSection(run.stdout, '23-the-kink')).toContain('z_1 = [[ 0.   -0.75  2.25]]');
  });
});

describe('the going-deeper cells in the notebook run', () => {
  let run: CliRun;
  beforeAll(async () => {
    run = await runCli('cli/notebook.ts', []);
  });

  it('training lowers the cross-entropy, by hand and by autograd alike', () => {
    const text = cellSection(run.stdout, '38-training');
    const match = /loss: ([\d.]+) at the start, ([\d.]+) after 300 steps \(by hand\); ([\d.]+) by autograd/.exec(text);
    expect(match).not.toBeNull();
    const [start, end, autograd] = (match as RegExpExecArray).slice(1).map(Number);
    expect(end).toBeLessThan(start / 2);
    expect(Math.abs(end - autograd)).toBeLessThan(1e-3);
    const accuracy = Number(/classified right after training: ([\d.]+)%/.exec(text)?.[1]);
    expect(accuracy).toBeGreaterThan(80); // a circle, 200 points: far above the 50% of a guess
  });

  it('the whole-matrix gradient, both modes, the tape, the batch and the gradient check agree with cell 12a', () => {
    const tiny = (section: string, label: string) => {
      const m = new RegExp(`${label}[^=]*= ([-\\d.e]+)`).exec(cellSection(run.stdout, section));
      expect(m, `${label} in ${section}`).not.toBeNull();
      return Math.abs(Number((m as RegExpExecArray)[1]));
    };
    expect(tiny('27-whole-matrix', 'layer 1: largest')).toBeLessThan(1e-15);
    expect(tiny('29-forward-reverse', 'largest \\|J by JVPs - J by VJPs\\|')).toBeLessThan(1e-15);
    expect(tiny('32-tape-at-work', 'largest \\|tape - by hand\\|')).toBeLessThan(1e-15);
    expect(tiny('34-batches', 'largest \\|dL/dW1 of the batch')).toBeLessThan(1e-15);
    expect(cellSection(run.stdout, '32-tape-at-work')).toContain('(2x: both uses add up)');
    expect(cellSection(run.stdout, '32-tape-at-work')).toContain('[[ 2. -4.  6.]]');
  });
});

describe('the lesson in one kernel', () => {
  it('works on another network (3-4-2-1, tanh): every cell succeeds and all three methods agree', async () => {
    const spec: NetSpec = {
      widths: [3, 4, 2, 1],
      activation: 'tanh',
      X0: [0.3, -0.8, 0.5],
      W: [
        [[0.2, -0.4, 0.1], [0.7, 0.3, -0.6], [-0.5, 0.9, 0.2], [0.1, -0.2, 0.8]],
        [[0.6, -0.3, 0.4, 0.2], [-0.7, 0.5, 0.1, -0.4]],
        [[0.9, -0.6]],
      ],
      beta: [[0.1, -0.2, 0.3, 0], [0.05, -0.1], [1.5]],
    };
    const runs = await runLesson(new NodeHost({ params: spec }));
    expect(failures(runs)).toEqual([]);
    expect(runs.get('02-the-network')?.text).toContain('c = [3, 4, 2, 1]   activation: tanh   K = 3 layers');
    const [table] = ofKind(runs.get('14-comparison'), 'table');
    expect(table.rows.map((r) => r[0])).toEqual(['dl/dX0', 'dl/dX3', 'dl/dX2', 'dl/dX1', 'dl/dW1', 'dl/dbeta1', 'dl/dW2', 'dl/dbeta2', 'dl/dW3', 'dl/dbeta3']);
    expect(table.rowOk).toEqual(Array(10).fill(true));
  });

  it('on a generalised network (a batch of 3, bce with targets, tanh then sigmoid): every cell succeeds', async () => {
    const spec: NetSpec = { ...randomNet([2, 3, 1], 'sigmoid'), activation: ['tanh', 'sigmoid'], X0: [[0.5, 1, -1], [-0.5, 0.25, 2]], loss: 'bce', Y: [[1, 0, 1]] };
    const runs = await runLesson(new NodeHost({ params: spec }));
    expect(failures(runs)).toEqual([]);
    const [table] = ofKind(runs.get('14-comparison'), 'table');
    expect(table.rowOk?.every(Boolean)).toBe(true);
  });

  it('on a wide network (300-300-1): the original method steps aside for the structured one, saying why, and every cell succeeds', async () => {
    const runs = await runLesson(new NodeHost({ params: randomNet([300, 300, 1], 'sigmoid') }));
    expect(failures(runs)).toEqual([]);
    expect(runs.get('12a-manual-gradients')?.text).toMatch(/^The original's method: skipped, it would take about [\d.]+ s here \([\d.]+e\+9 multiplications;.*These numbers come from the structured method instead\.\n/);
    const [table] = ofKind(runs.get('14-comparison'), 'table');
    expect(table.rowOk?.every(Boolean)).toBe(true);
    expect(table.rows[0][4]).toBe('skipped'); // finite differences: 90,601 numbers, two forward passes each
    const [timing] = ofKind(runs.get('16-timing'), 'table');
    expect(timing.rows[0][1]).toMatch(/^unavailable: Timing the Jacobian methods at these widths: skipped/);
  });

  it('with the solutions pasted into the two later exercises, both checkers pass', async () => {
    const { cells } = await readCellsDir(cellsDir);
    const source = (id: string) => (cells.find((c) => c.id === id) as Cell).source;
    const tanhSolved = source('44-tanh-vjp-exercise').replace(/function tanh_vjp\([\s\S]*?\n}\n/, `${exercises.tanhVjp.solution}\n`);
    const batchSolved = source('46-batch-exercise').replace(/function batch_dW\([\s\S]*?\n}\n\nfunction batch_dbeta\([\s\S]*?\n}\n/, `${exercises.batchGradient.solution}\n`);
    expect(tanhSolved).not.toBe(source('44-tanh-vjp-exercise'));
    expect(batchSolved).not.toBe(source('46-batch-exercise'));
    const runs = await runLesson(new NodeHost(), { '44-tanh-vjp-exercise': tanhSolved, '46-batch-exercise': batchSolved });
    expect(failures(runs)).toEqual([]);
    expect(ofKind(runs.get('44-tanh-vjp-exercise'), 'table')[0].rowOk).toEqual([true]);
    expect(ofKind(runs.get('46-batch-exercise'), 'table')[0].rowOk).toEqual([true, true]);
  });

  it('with the solution pasted into the exercise: the checker passes and the kink cell uses the student functions', async () => {
    const { cells } = await readCellsDir(cellsDir);
    const exercise = cells.find((c) => c.id === '20-relu-exercise') as Cell;
    const solved = exercise.source.replace(/function relu\([\s\S]*?\n}\n\nfunction relu_der\([\s\S]*?\n}\n/, `${exercises.relu.solution}\n`);
    expect(solved).not.toBe(exercise.source);
    const runs = await runLesson(new NodeHost(), { '20-relu-exercise': solved });
    expect(failures(runs)).toEqual([]);
    expect(ofKind(runs.get('20-relu-exercise'), 'table')[0].rowOk).toEqual([true, true]);
    expect(ofKind(runs.get('20-relu-exercise'), 'markdown')[0].source).toBe(exercises.relu.success);
    const kink = runs.get('23-the-kink');
    expect(kink?.text).toContain("using your relu and relu_der (yours takes relu'(0) = 0)");
    // Finite differences straddle the kink: halfway between relu'(0) = 0 (gives 0) and relu'(0) = 1.
    expect(kink?.text).toMatch(/dl\/dbeta1\[0\]: 0 with relu'\(0\) = 0, -0\.70588\d+ with relu'\(0\) = 1; finite differences -0\.3529\d+, halfway is -0\.35294/);
  });
});
