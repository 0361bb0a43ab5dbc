// The kernel's contract: what a cell can display, the messages between page and Worker, the host API.
import type { Gradients, NetSpec, SampleNetSpec } from '../core/types';
import type { PackedNet } from './packedNet';

/** A cell's output. Plain data only (structured-clone safe): the page renders each kind itself. */
export type Output =
  | { kind: 'text'; text: string; stream?: 'stdout' | 'stderr'; truncatedChars?: number }
  | { kind: 'matrix'; rows: number[][]; label?: string; as: 'table' | 'latex' }
  | { kind: 'latex'; tex: string; display: boolean }
  | { kind: 'markdown'; source: string }
  | { kind: 'plot'; figure: PlotFigure }
  | { kind: 'table'; columns: string[]; rows: TableCell[][]; caption?: string; testid?: string; rowOk?: (boolean | null)[]; full?: FullCell[] }
  | { kind: 'network'; spec: SampleNetSpec; X?: number[][]; grads?: Gradients }
  | { kind: 'backprop'; view: BackpropView }
  | { kind: 'progress'; label: string; done: number; total: number; state: 'running' | 'done' | 'cancelled'; cancelToken?: string }
  | { kind: 'error'; name: string; message: string; line?: number; column?: number; source?: string };

export type TableCell = string | number | null;

/**
 * A table cell whose numbers were summarised with `...` (past NumPy's threshold): where it is, how
 * many entries it holds, and every one of them as text, or null when that was too large to send.
 */
export interface FullCell {
  row: number;
  col: number;
  entries: number;
  text: string | null;
}

/** The two ways the step-through view shows each factor: the full Jacobians, or vector-Jacobian products. */
export type BackpropMode = 'dense' | 'vjp';

/** One step of `display.backprop`: step 0 is the forward pass, each later one a factor of the chain rule. */
export interface BackpropViewStep {
  /** The step in words, each way (for the live region, exports and the list of steps), e.g. `dl/dX1 = dl/dX2 diag(f'(z2)) W2`. */
  title: Record<BackpropMode, string>;
  /** Its formula with this network's numbers, each way. */
  tex: Record<BackpropMode, string>;
  /** The code that computes it, each way: where it is and the line itself. */
  code: Record<BackpropMode, { where: string; line: string }>;
  /** Layers whose nodes the step involves (0..K). */
  nodes: number[];
  /** The layer k whose edges (W_k) the step involves, or null. */
  edges: number | null;
  /** The row vector carried backwards once this step is done: dl/dX_layer, drawn under that layer's nodes. */
  carried: { layer: number; values: number[] } | null;
  /** Multiplications of this factor each way (null for the forward pass). */
  mults: Record<BackpropMode, number> | null;
}

/** What `display.backprop(spec)` sends: the network, its forward pass and every step of its backward pass. */
export interface BackpropView {
  spec: NetSpec;
  /** X_0..X_K. */
  X: number[][];
  loss: number;
  steps: BackpropViewStep[];
  /** Set for a batch: the steps follow its first sample. */
  note?: string;
}

/** A Plotly figure as plain data; the page clones it before Plotly sees it (Plotly mutates input). */
export interface PlotFigure {
  data: Record<string, unknown>[];
  layout?: Record<string, unknown>;
}

/** An output as sent: `displayId` set means "replace the earlier output with this id" (progress, live tables). */
export interface OutputMessage {
  output: Output;
  displayId?: string;
}

/** Page -> Worker. */
export type HostToKernel =
  /**
   * `lifeline`: the name of a Web Lock the worker takes and holds for as long as it lives (it says
   * `lifeline` once it holds it); the page waits on that lock to learn that the worker ended without
   * being asked (a cell called close(), the browser stopped it, e.g. out of memory).
   */
  /**
   * `port`: the kernel's end of a private channel; every message of the kernel goes through it, so
   * a cell calling `self.postMessage` speaks outside the protocol (the page refuses what comes that way).
   * Later messages of the page come through it too. Always set by the page (tests of the kernel alone leave it out).
   */
  | { type: 'init'; params: PackedNet; port?: MessagePort; backend?: TfBackendName; lifeline?: string; files?: KernelFiles }
  | { type: 'run'; runId: number; cellId: string; code: string }
  | { type: 'cancel'; token: string }
  | { type: 'params'; params: PackedNet };

/**
 * Set by the kernel's frame (frame/frameScript.ts) on the init: blob: URLs of the modules the
 * kernel imports lazily (by their name in the build) and of tfjs's wasm binaries (by tfjs's name).
 */
export interface KernelFiles {
  chunks: Record<string, string>;
  wasm: Record<string, string>;
}

/** Worker -> page, through the init's port. Outputs come in batches (at most one message per ~16 ms), in order. */
export type KernelToHost =
  | { type: 'ready'; backend: string; notes: string[]; startMs: number }
  | { type: 'lifeline' }
  /** A cell called close(): the worker says so just before it ends (in the kernel frame no lock can tell). */
  | { type: 'closing' }
  | { type: 'outputs'; runId: number; messages: OutputMessage[] }
  | { type: 'kernel'; message: KernelMessage }
  | { type: 'done'; runId: number; ok: boolean; cancelled?: boolean; durationMs: number };

/**
 * Something the kernel reports outside any run: e.g. a promise rejected after the cell that made
 * it had finished (while a cell runs, such errors become that cell's error output instead).
 */
export interface KernelMessage {
  level: 'error' | 'warning';
  text: string;
  /** The cell that ran last, the likely origin. */
  cellId?: string;
}

export type TfBackendName = 'cpu' | 'wasm' | 'webgl';

export type RunStatus = 'ok' | 'error' | 'interrupted' | 'cancelled';

export interface RunResult {
  status: RunStatus;
  durationMs: number;
}

/**
 * What the notebook UI uses to run code. Two implementations: a Worker host (browser) and an
 * in-process host (Node, `npm run notebook`, tests). Both share the same kernel core.
 */
export interface KernelHost {
  /** Resolves once the kernel is ready; gives the tfjs backend in use and any fallback notes. */
  ready(): Promise<{ backend: string; notes: string[]; startMs: number }>;
  /** Runs one cell; outputs arrive through `onOutput` as they are produced. */
  run(cellId: string, code: string, onOutput: (m: OutputMessage) => void): Promise<RunResult>;
  /** Cooperative cancellation of a long task (e.g. the scaling sweep) that showed `cancelToken`. */
  cancel(token: string): void;
  /** The network the cells read as `params`. */
  setParams(params: NetSpec): void;
  /** Stops whatever runs now (state is lost: the worker is replaced); running and queued runs end 'interrupted'. */
  interrupt(): Promise<void>;
  /** Fresh kernel, empty scope. */
  restart(): Promise<void>;
  dispose(): void;
  /** Kernel-level messages (see KernelMessage); returns the unsubscribe function. */
  onKernelMessage?(listener: (message: KernelMessage) => void): () => void;
  /**
   * The kernel ended without being asked (it could not start, or its worker stopped): `why` says
   * so; running and queued runs then end as errors. Only restart() brings a kernel back.
   */
  onDeath?(listener: (why: string) => void): () => void;
}
