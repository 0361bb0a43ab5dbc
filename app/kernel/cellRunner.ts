// The cell runner at the kernel's heart (Worker and Node alike): the shared scope, running one cell, its outputs, errors and cancellation.
import { yieldMacrotask } from '../core/bench';
import { la } from '../core/la';
import { copyNet } from '../core/network';
import { originalNet } from '../core/netspec';
import type { TfInit } from '../core/tfjsGradients';
import type { NetSpec } from '../core/types';
import { compileCell, type CompiledCell } from './compile';
import { createDisplay, outputFor } from './display';
import { errorOutput } from './errors';
import { createKernelBench } from './kernelBench';
import { createLesson } from './lessonKit';
import { checkImportUrl } from './sameOrigin';
import { defaultOutputLimits, OutputChannel, type OutputLimits } from './outputs';
import type { KernelMessage, OutputMessage } from './protocol';

export interface KernelCoreOptions {
  /** Sends a batch of a run's outputs to the page (or the CLI). */
  send(runId: number, messages: OutputMessage[]): void;
  /** Loads tfjs with the kernel's backend; called once, when a cell first uses `tf`. */
  loadTf(): Promise<TfInit>;
  /** Errors that arrive while no cell runs (see KernelMessage). */
  onKernelMessage?(message: KernelMessage): void;
  params?: NetSpec;
  limits?: Partial<OutputLimits>;
  /** Whether a name is a global of the environment (default: `name in globalThis`). */
  isGlobal?(name: string): boolean;
}

/** What the kernel holds, for leak checks (see `__kernel.memory()` in the README). */
export interface KernelMemory {
  /** tfjs's live tensors (all backends), null before tfjs has loaded. */
  numTensors: number | null;
  numBytes: number | null;
  backend: string | null;
  /** Names in the shared scope: the kernel's globals and what cells declared. */
  scopeNames: number;
}

export interface CoreRunResult {
  ok: boolean;
  cancelled: boolean;
  durationMs: number;
}

interface ActiveRun {
  runId: number;
  cellId: string;
  channel: OutputChannel;
  /** An unhandled rejection arrived while this run was going: it fails. */
  failed: boolean;
  cancelRequested: boolean;
  tokens: string[];
}

type Scope = Record<string, unknown>;

const missing = (name: string): never => {
  throw new ReferenceError(`${name} is not defined`);
};

/** What `tf` is until tfjs has loaded: any use says why (cells that mention `tf` wait for it). */
const tfNotLoaded: unknown = new Proxy(
  {},
  {
    get: (_, key) => {
      throw new Error(`tf is not loaded yet (reading tf.${String(key)}): a cell that mentions \`tf\` loads it before it runs`);
    },
  },
);

const isThenable = (v: unknown): v is PromiseLike<unknown> =>
  (typeof v === 'object' || typeof v === 'function') && v !== null && typeof (v as PromiseLike<unknown>).then === 'function';

const isCancellation = (e: unknown): e is Error => e instanceof Error && (e.name === 'BenchCancelledError' || e.name === 'AbortError');

/** The names the kernel puts in every cell's scope (cellGlobals.d.ts declares their types). */
export const kernelGlobals = ['la', 'tf', 'params', 'print', 'display', 'bench', 'lesson', 'console'] as const;

/**
 * One kernel: a scope shared by the cells it runs, one run at a time (later calls wait). Outputs
 * that arrive after a run ended (timers, unawaited promises) go to the run that ran last.
 */
export class KernelCore {
  // A plain object, filled by named stores only: V8 keeps it in fast mode, so `__scope.x` in a hot
  // loop stays cheap (a null-prototype or accessor-holding object is 5-20x slower there).
  readonly scope: Scope = {};
  private params: NetSpec;
  /** The network changed since the scope's copy was made. */
  private paramsChanged = false;
  private current: ActiveRun | null = null;
  private last: ActiveRun | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private tfPromise: Promise<TfInit> | null = null;
  private readonly compiled = new Map<string, CompiledCell>();
  private readonly sources = new Map<string, string>();
  private readonly cancellers = new Map<string, AbortController>();
  private nextToken = 0;
  private readonly limits: OutputLimits;
  private readonly isGlobal: (name: string) => boolean;

  constructor(private readonly options: KernelCoreOptions) {
    this.params = copyNet(options.params ?? originalNet());
    this.limits = { ...defaultOutputLimits, ...options.limits };
    this.isGlobal = options.isGlobal ?? ((name) => name in globalThis);
    this.installGlobals();
  }

  private installGlobals(): void {
    const { print, printError, display } = createDisplay({
      emit: (message) => (this.current ?? this.last)?.channel.push(message),
      cancelToken: (controller) => {
        const token = `cancel-${++this.nextToken}`;
        this.cancellers.set(token, controller);
        this.current?.tokens.push(token);
        return token;
      },
      nextId: (prefix) => `${prefix}-${++this.nextToken}`,
    });
    const bench = createKernelBench(display);
    const lesson = createLesson({ print, display, bench, tf: async () => (await this.tf()).tf, params: () => copyNet(this.params) });
    const cellConsole = Object.assign(Object.create(console) as Console, { log: print, info: print, debug: print, warn: printError, error: printError });
    Object.assign(this.scope, { la, params: copyNet(this.params), print, display, bench, lesson, console: cellConsole });
    this.scope.tf = tfNotLoaded;
  }

  /** tfjs with the kernel's backend (loaded on the first call). */
  tf(): Promise<TfInit> {
    this.tfPromise ??= this.options.loadTf().then(
      (init) => {
        // Unless a cell has put its own `tf` there meanwhile.
        if (this.scope.tf === tfNotLoaded) this.scope.tf = init.tf;
        return init;
      },
      (error: unknown) => {
        this.tfPromise = null;
        throw error;
      },
    );
    return this.tfPromise;
  }

  /** What the kernel holds now (tfjs is not loaded by asking). */
  async memory(): Promise<KernelMemory> {
    const init = await this.tfPromise?.catch(() => null);
    const tfMemory = init?.tf.memory();
    return { numTensors: tfMemory?.numTensors ?? null, numBytes: tfMemory?.numBytes ?? null, backend: init?.backend ?? null, scopeNames: Object.keys(this.scope).length };
  }

  setParams(params: NetSpec): void {
    this.params = copyNet(params);
    this.paramsChanged = true;
  }

  /** Stops the long task that showed `token` (bench, sweep, a cancellable progress); false if none. */
  cancel(token: string): boolean {
    const controller = this.cancellers.get(token);
    if (!controller) return false;
    if (this.current?.tokens.includes(token)) this.current.cancelRequested = true;
    controller.abort();
    return true;
  }

  /** Runs one cell; resolves when it has finished and its outputs have been sent. */
  run(runId: number, cellId: string, code: string): Promise<CoreRunResult> {
    const result = this.queue.then(() => this.runNow(runId, cellId, code));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async runNow(runId: number, cellId: string, code: string): Promise<CoreRunResult> {
    const startMs = performance.now();
    const channel = new OutputChannel((messages) => this.options.send(runId, messages), this.limits);
    const run: ActiveRun = { runId, cellId, channel, failed: false, cancelRequested: false, tokens: [] };
    this.current = run;
    this.last = run;
    this.sources.set(cellId, code);
    let ok = true;
    let cancelled = false;
    try {
      const compiled = compileCell(code, { cellId, known: new Set(Object.keys(this.scope)), isGlobal: this.isGlobal });
      this.compiled.set(compiled.sourceUrl, compiled);
      if (compiled.used.has('tf')) await this.tf();
      // A fresh copy for a run that names `params` (it may change it) or after the network changed;
      // copying a wide network for every run would cost more than many cells do.
      if (compiled.used.has('params') || this.paramsChanged) {
        this.scope.params = copyNet(this.params);
        this.paramsChanged = false;
      }
      const cellFunction = (0, eval)(compiled.source) as (scope: Scope, onMissing: typeof missing, importUrl: typeof checkImportUrl) => Promise<unknown>;
      let value = await cellFunction(this.scope, missing, checkImportUrl);
      if (isThenable(value)) value = await value;
      if (value !== undefined) channel.push({ output: outputFor(value) });
    } catch (error) {
      if (run.cancelRequested && isCancellation(error)) {
        cancelled = true;
        channel.push({ output: { kind: 'text', text: `cancelled: ${error.message}\n`, stream: 'stderr' } });
      } else {
        ok = false;
        channel.push({ output: errorOutput(error, cellId, this.compiled, this.sources) });
      }
    } finally {
      // A promise rejected without await is reported a turn or two later (Chromium needs two):
      // let it land on this run.
      await yieldMacrotask();
      await yieldMacrotask();
      for (const token of run.tokens) this.cancellers.delete(token);
      channel.finish();
      this.current = null;
    }
    return { ok: ok && !run.failed && !cancelled, cancelled, durationMs: performance.now() - startMs };
  }

  /**
   * An error nobody caught (an unawaited rejected promise, a throw in a timer): an error output of
   * the running cell, which then fails; when no cell runs, a kernel-level message.
   */
  reportUncaught(reason: unknown, origin: 'rejection' | 'exception'): void {
    const what = origin === 'rejection' ? 'Unhandled promise rejection' : 'Uncaught error in a callback';
    const cellId = (this.current ?? this.last)?.cellId ?? '';
    const output = errorOutput(reason, cellId, this.compiled, this.sources);
    if (this.current) {
      this.current.failed = true;
      this.current.channel.push({ output: { ...output, message: `${what}: ${output.message}` } });
      return;
    }
    const after = this.last ? ` after cell ${this.last.cellId} finished` : '';
    const line = output.line === undefined ? '' : ` (line ${output.line})`;
    const message: KernelMessage = { level: 'error', text: `${what}${after}: ${output.name}: ${output.message}${line}` };
    if (this.last) message.cellId = this.last.cellId;
    this.options.onKernelMessage?.(message);
  }
}
