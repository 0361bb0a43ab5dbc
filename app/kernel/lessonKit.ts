// Lesson helpers that code cells reach as `lesson.<name>`: a typed registry the lesson's authors extend.
// The maths a student studies stays in the cells; what is here is plumbing (tables, charts, backends).
import { activations } from '../core/activations';
import { denseOpCount, fitLogLogSlope, type BenchOptions, type SweepRow } from '../core/bench';
import { denseGradientsPrepared } from '../core/dense';
import { finiteDiffGradients } from '../core/finiteDiff';
import { forwardActivations } from '../core/forward';
import { la } from '../core/la';
import { Matrix } from '../core/matrix';
import { activationAt, batchSize, prepareNet } from '../core/net';
import { isSampleNet } from '../core/network';
import { originalNet, parameterCount } from '../core/netspec';
import { structuredGradients, structuredGradientsPrepared } from '../core/structured';
import { prepareTfjsNet, tfjsGradients, type Tf, type TfBackendName } from '../core/tfjsGradients';
import { mulberry32, randomNet } from '../core/randomNet';
import type { ActivationName, Gradients, NetSpec, SampleNetSpec } from '../core/types';
import type { Display, Print } from './display';
import type { KernelBench } from './kernelBench';
import { comparisonReport, gradientsFromRecords, gradientsSideBySide, type ComparisonReport, type Tolerance } from './lesson/agreement';
import { offeredBackends, tfPrecision, withBackend } from './lesson/backends';
import { callStudent, checkAgainst, checkReport, failedCall, type FunctionCheck } from './lesson/exercise';
import { exerciseNamed, type ExerciseName } from './lesson/exercises';
import { recapMarkdown, type RecapInput } from './lesson/recap';
import { sweepCases, type SweepCasesOptions } from './lesson/sweepCases';
import { texMatrix, texNumber, texShape } from '../core/tex';
import { jacobianOpCount, tooSlow } from './lesson/cost';
import { backpropTooSlow } from './lesson/backpropView';
import { quickBench, scalingFigure, scalingSeries, scalingTable, timingColumns, timingFigure, timingTableRows, type FitFrom, type ScalingSeries, type TimingRow } from './lesson/timing';

/** What a helper may use: the same print/display/bench the cell has, tfjs on demand, the network. */
export interface LessonContext {
  print: Print;
  display: Display;
  bench: KernelBench;
  /** tfjs with the kernel's backend, loaded on first call. */
  tf(): Promise<Tf>;
  /** A fresh copy of the network of the parameters panel. */
  params(): NetSpec;
}

/** Finite differences cost two forward passes per number: beyond this many numbers they would take seconds. */
const fdMaxNumbers = 5000;

/** How close to 0 a z_k may be for finite differences (steps ~1e-5) to straddle a ReLU's kink. */
const kinkBand = 1e-3;

/** Layer k's activation has a kink at 0 (ReLU, leaky ReLU), where finite differences straddle it. */
const kinkedAt = (spec: NetSpec, k: number): boolean => ['relu', 'leakyRelu'].includes(activationAt(spec, k));

/** What `lesson.checkExercise` found. */
export interface ExerciseCheck {
  passed: boolean;
  checks: FunctionCheck[];
}

/**
 * Each entry makes one helper from the kernel's context, e.g.
 * `gradientTable: (ctx) => (spec: NetSpec) => { ...; ctx.display.table(...) }`;
 * cells then call `lesson.gradientTable(params)`. Helpers are built once per kernel.
 */
/** Gradients as the lesson's dictionaries: dX as rows (c_k x B entries, row by row), dW as matrices, dbeta 1-D. */
function gradientRecords(g: Gradients) {
  const byLayer = <T>(values: T[], from: number): Record<number, T> => Object.fromEntries(values.map((v, i) => [i + from, v]));
  return {
    dldX: byLayer(g.dX.map((v) => la.row(v)), 0),
    dldW: byLayer(g.dW.map((w) => la.array(w)), 1),
    dldbeta: byLayer(g.dbeta.map((v) => Float64Array.from(v)), 1),
    loss: g.loss,
  };
}

function lessonView(spec: NetSpec): { net: SampleNetSpec; note: string | null } {
  if (isSampleNet(spec)) return { net: spec, note: null };
  const B = batchSize(spec);
  const first = (rows: NetSpec['X0']): number[] => rows.map((r) => (Array.isArray(r) ? r[0] : r));
  const K = spec.widths.length - 1;
  const mixed = spec.widths.slice(1).some((_, idx) => activationAt(spec, idx + 1) !== activationAt(spec, 1));
  const { loss: _loss, Y: _Y, ...rest } = spec;
  const net: SampleNetSpec = { ...rest, activation: activationAt(spec, 1), X0: first(spec.X0) };
  const differs = [
    Array.isArray(spec.X0[0]) ? `a batch of ${B} sample${B === 1 ? '' : 's'}` : '',
    (spec.loss ?? 'log') === 'log' ? '' : `the loss ${spec.loss}`,
    mixed ? `an activation per layer (${spec.widths.slice(1).map((_, idx) => activationAt(spec, idx + 1)).join(', ')})` : '',
  ].filter(Boolean);
  if (differs.length === 0) return { net, note: null };
  const shown = [
    Array.isArray(spec.X0[0]) ? 'its first sample' : 'its sample',
    mixed ? `layer 1's activation (${activationAt(spec, 1)}) in all ${K} layers` : '',
    (spec.loss ?? 'log') === 'log' ? '' : 'the log loss',
  ].filter(Boolean);
  const note =
    `This network has ${differs.join(', ')}. The step-by-step cells up to the chain rule follow the original notebook ` +
    `(one sample, one activation, the loss sum log X_K): they show ${shown.join(', ')}. ` +
    'The gradients from cell 12 on are this network\'s own, every sample, loss and activation included.';
  return { net, note };
}

export const lessonKit = {
  /** The app's activation records: f, its derivative df, and their KaTeX (`tex`, `dtex`). */
  activations: () => activations,

  /** A seeded random number generator (numbers in [0, 1)): the same seed gives the same numbers. */
  mulberry32: () => mulberry32,
  /** A seeded random network of these widths (app/core/randomNet.ts). */
  randomNet: () => (widths: number[], activation: ActivationName, seed = 1): NetSpec => randomNet(widths, activation, mulberry32(seed)),

  /** The original notebook's network (2-3-1, sigmoid), whatever the parameters panel says. */
  originalNet: () => (): NetSpec => originalNet(),

  /** X_0..X_K of a network as plain rows, for `display.network` (no loss needed). */
  forwardValues: () => (spec: NetSpec): number[][] => forwardActivations(spec).X,

  /** The lesson's `{0: X0, 1: X1, ...}` as plain rows, for `display.network`. */
  values: () => (X: Record<number, Matrix>): number[][] =>
    Object.keys(X)
      .map(Number)
      .sort((a, b) => a - b)
      .map((k) => Array.from(X[k].data)),

  /** LaTeX of live values: `tex.matrix(M)` (cut to 6 x 6 with dots), `tex.number(x)`, `tex.shape(M)`. */
  tex: () => ({ matrix: texMatrix, number: texNumber, shape: texShape }),

  /** The lesson's dictionaries dldX[0..K], dldW[1..K], dldbeta[1..K] as `Gradients` (for tables and the diagram). */
  asGradients: () => gradientsFromRecords,

  /** Every gradient by central finite differences (float64, app/core/finiteDiff.ts); null for networks too large. */
  finiteDifferences: () => (spec: NetSpec): Gradients | null => {
    const numbers = parameterCount(spec.widths) + batchSize(spec) * spec.widths.reduce((a, b) => a + b, 0);
    return numbers > fdMaxNumbers ? null : finiteDiffGradients(spec);
  },

  /** Gradients by tfjs autograd (app/core/tfjsGradients.ts), on the kernel's backend or the one named. */
  tfjsGradients:
    (ctx: LessonContext) =>
    async (spec: NetSpec, backend?: TfBackendName): Promise<Gradients> => {
      const tf = await ctx.tf();
      if (backend === undefined) return tfjsGradients(tf, spec);
      const result = await withBackend(tf, backend, `tfjs ${backend}`, async () => tfjsGradients(tf, spec));
      if ('unavailable' in result) throw new Error(`tfjsGradients: backend ${backend} is unavailable here (${result.unavailable})`);
      return result;
    },

  /** The kernel's tfjs backend, and whether it computes in float32. */
  tfPrecision: (ctx: LessonContext) => async (): Promise<{ backend: string; float32: boolean }> => tfPrecision(await ctx.tf()),

  /**
   * The comparison table (data-testid "gradient-comparison": one row per gradient, manual, autograd,
   * finite differences and the largest |difference|, each row checked) and its verdict.
   */
  compareGradients:
    (ctx: LessonContext) =>
    async (methods: { manual: Gradients; autograd: Gradients; fd: Gradients | null }, tolerance: { autograd: Tolerance; fd: Tolerance }): Promise<ComparisonReport> => {
      const spec = ctx.params();
      const { backend } = tfPrecision(await ctx.tf());
      const nearKink = forwardActivations(spec).z.some((z, idx) => kinkedAt(spec, idx + 1) && z.some((v) => Math.abs(v) < kinkBand));
      const report = comparisonReport({
        ...methods,
        tolerance,
        backend,
        nearKink,
        fdSkipped: `the network has more than ${fdMaxNumbers} numbers, and finite differences cost two forward passes per number`,
      });
      ctx.display.table(report.columns, report.rows, { testid: 'gradient-comparison', rowOk: report.rowOk, full: report.full, caption: 'Every gradient, three ways' });
      ctx.display.markdown(report.verdict);
      return report;
    },

  /** Gradients of several methods side by side, one row per gradient (values printed as NumPy would). */
  gradientTable:
    (ctx: LessonContext) =>
    (methods: Record<string, Gradients>, caption?: string): void => {
      const { columns, rows, full } = gradientsSideBySide(methods);
      ctx.display.table(columns, rows, caption === undefined ? { full } : { caption, full });
    },

  /** How many weights and biases a network of these widths has. */
  parameterCount: () => parameterCount,

  /** t ~ coefficient n^slope, fitted by least squares on log t against log n (app/core/bench.ts). */
  fitSlope: () => fitLogLogSlope,

  /** Multiplications of the original's method at these widths (n^4 per layer of width n; app/core/bench.ts). */
  denseOpCount: () => denseOpCount,
  /** Multiplications of `times` Jacobians diag(f'(z_k)) W_k per layer (all layers, or the ones listed). */
  jacobianOpCount: () => jacobianOpCount,
  /** null when that many multiplications take at most a few seconds here; else why the cell skips them. */
  tooSlow: () => tooSlow,
  /** null when `display.backprop(spec)` builds its steps in a few seconds; else why the cell skips it. */
  backpropTooSlow: () => backpropTooSlow,

  /** dl/dX_k, dl/dW_k, dl/dbeta_k as the lesson's dictionaries (rows, matrices, 1-D), and the loss, by the structured method. */
  structuredRecords: () => (spec: NetSpec) => gradientRecords(structuredGradients(spec)),

  /** The same dictionaries from tfjs autograd (app/core/tfjsGradients.ts), on the kernel's backend. */
  tfjsRecords: (ctx: LessonContext) => async (spec: NetSpec) => gradientRecords(await tfjsGradients(await ctx.tf(), spec)),

  /**
   * The network the step-by-step cells show: they follow the original notebook (one sample, one
   * activation, the loss sum log X_K). For a network of another kind, its first sample with layer
   * 1's activation and the log loss, and a note saying so; the gradient cells then use `params` itself.
   */
  lessonView: () => lessonView,

  /** The network as typed arrays, converted once (what the timed methods run on). */
  prepare: () => prepareNet,
  /** One gradient the original's way on a prepared network (app/core/dense.ts; buffers reused). */
  dense: () => denseGradientsPrepared,
  /** One gradient as vector-Jacobian products on a prepared network (app/core/structured.ts). */
  structured: () => structuredGradientsPrepared,

  /** Short timing options for Run all (about 0.1 s per method). */
  quickBench: () => quickBench,

  /** The tfjs backends worth timing here: cpu and wasm, and webgl in a browser. */
  tfBackends: () => offeredBackends,

  /** Times tfjs autograd on `backend` (switching to it and back); a row saying why when it is unavailable. */
  benchTfjs:
    (ctx: LessonContext) =>
    async (spec: NetSpec, backend: TfBackendName, options: Omit<BenchOptions, 'signal' | 'name'> = {}): Promise<TimingRow> => {
      const tf = await ctx.tf();
      const name = `autograd (tfjs ${backend})`;
      return withBackend(tf, backend, name, async () => {
        const net = prepareTfjsNet(tf, spec);
        try {
          return await ctx.bench(() => net.gradientsFlat(), { ...options, name });
        } finally {
          net.dispose();
        }
      });
    },

  /** The timing table (with the original's printed times as reference rows) and its chart. */
  showTimings:
    (ctx: LessonContext) =>
    (rows: readonly TimingRow[], title = 'Time per gradient on this device'): void => {
      ctx.display.table(timingColumns, timingTableRows(rows), { caption: title });
      ctx.display.plot(timingFigure(rows, title));
    },

  /** The scaling sweep's cases: dense, structured and (with `tf`) autograd on random networks of these widths. */
  sweepCases: () => (widthsList: readonly (readonly number[])[], options?: SweepCasesOptions) => sweepCases(widthsList, options),

  /**
   * The sweep as a table and a log-log plot with fitted slopes; `by` says what grows (the hidden
   * width, or the number of layers); `fitFrom` where slopes are fitted from (one x, or one per method).
   * Returns the series with their slopes.
   */
  showScaling:
    (ctx: LessonContext) =>
    (rows: readonly SweepRow[], by: 'width' | 'depth', fitFrom: FitFrom): ScalingSeries[] => {
      // Width: [n, n, 1], x = n. Depth: [32, 32 (d times), 1], x = d, the 32 x 32 layers (the output layer costs little).
      const x = by === 'width' ? (w: readonly number[]) => w[1] : (w: readonly number[]) => w.length - 2;
      const symbol = by === 'width' ? 'n' : 'd';
      const label = by === 'width' ? 'width n (input n, hidden n, output 1)' : 'd hidden layers of 32 x 32 (then one output)';
      const series = scalingSeries(rows, x, fitFrom);
      const table = scalingTable(rows, x, symbol);
      ctx.display.table(table.columns, table.rows, { caption: `Time per gradient by ${by}: median (and fastest sample)` });
      const fitted = [...new Set(series.map((s) => s.fitFrom))].map((n) => `${symbol} ≥ ${n}`).join(' or ');
      ctx.display.plot(scalingFigure(series, label, `Time per gradient against ${by} (log-log; dotted: fitted on ${fitted})`));
      return series;
    },

  /**
   * An exercise's checker: calls the student's functions (in the order the exercise lists them) on
   * its case and compares each result with TensorFlow.js's, entry by entry (lesson/exercise.ts). Never
   * throws for a wrong or missing answer: it says how many entries disagree and shows the worst.
   */
  checkExercise:
    (ctx: LessonContext) =>
    async (name: ExerciseName, ...functions: unknown[]): Promise<ExerciseCheck> => {
      const exercise = exerciseNamed(name);
      const tf = await ctx.tf();
      // On tfjs's cpu backend, its reference implementation: exact for ReLU, and no shaders to compile.
      const made = await withBackend(tf, 'cpu', 'tfjs cpu', async () => exercise.makeCase(tf));
      if ('unavailable' in made) throw new Error(`checkExercise: tfjs cpu is unavailable here (${made.unavailable})`);
      const checks = made.targets.map((target, i) => {
        const call = callStudent(target.name, functions[i], made.args[i]);
        return 'failed' in call ? failedCall(target.name, call.failed, target.rows * target.cols) : checkAgainst(target, call.value);
      });
      const hints = exercise.hints.map((_, i) => i + 1).join(', ');
      const report = checkReport(checks, { success: exercise.success, stuck: `Stuck? Hints: \`lesson.hint('${name}', n)\` for n = ${hints}; the answer: \`lesson.showSolution('${name}')\`.` });
      ctx.display.table(report.columns, report.rows, { rowOk: report.rowOk, caption: `Your ${exercise.functions.join(' and ')} against TensorFlow.js` });
      ctx.display.markdown(report.verdict);
      return { passed: report.passed, checks };
    },

  /** Hint number `n` (1, 2, ...) of an exercise. */
  hint:
    (ctx: LessonContext) =>
    (name: ExerciseName, n = 1): void => {
      const { hints } = exerciseNamed(name);
      if (!(Number.isInteger(n) && n >= 1 && n <= hints.length)) throw new Error(`hint: "${name}" has hints 1 to ${hints.length}, not ${String(n)}`);
      ctx.display.markdown(`**Hint ${n} of ${hints.length}.** ${hints[n - 1]}`);
    },

  /** The exercise's solution, as code to paste over your functions. */
  showSolution:
    (ctx: LessonContext) =>
    (name: ExerciseName): void => {
      const { solution } = exerciseNamed(name);
      ctx.display.markdown(`**A solution** (paste it over your functions in the exercise cell, then run that cell):\n\n\`\`\`ts\n${solution}\n\`\`\``);
    },

  /** The closing summary's numbers from this run: agreement, timings, growth exponents. */
  recap:
    (ctx: LessonContext) =>
    (input: RecapInput): void =>
      ctx.display.markdown(recapMarkdown(input)),
} satisfies Record<string, (ctx: LessonContext) => unknown>;

type LessonKit = typeof lessonKit;

/** `lesson` as cells see it: every registered helper, built. */
export type Lesson = { readonly [K in keyof LessonKit]: ReturnType<LessonKit[K]> };

/** Builds every helper of `kit` for one kernel. */
export function createLesson(ctx: LessonContext, kit: Record<string, (ctx: LessonContext) => unknown> = lessonKit): Lesson {
  return Object.freeze(Object.fromEntries(Object.entries(kit).map(([name, make]) => [name, make(ctx)]))) as Lesson;
}
