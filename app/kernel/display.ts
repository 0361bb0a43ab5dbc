// `print` and `display` for code cells: values -> Output records (plain data the page renders).
import { Matrix } from '../core/matrix';
import { formatNumpy } from '../core/numpyFormat';
import { isSampleNet } from '../core/network';
import { validateNetSpec } from '../core/netspec';
import type { Gradients, NetSpec } from '../core/types';
import { backpropTooSlow, backpropView } from './lesson/backpropView';
import { formatPrintLine, formatValue, isTensorLike } from './format';
import type { FullCell, Output, OutputMessage, PlotFigure, TableCell } from './protocol';

export interface DisplayOptions {
  /** Replace the output shown earlier with this id (live updates) instead of adding one. */
  id?: string;
}

export interface MatrixOptions extends DisplayOptions {
  as?: 'table' | 'latex';
  label?: string;
}

export interface TableOptions extends DisplayOptions {
  caption?: string;
  testid?: string;
  /** Per row: true (agrees, shown as a pass), false (fails), null (no verdict). */
  rowOk?: (boolean | null)[];
  /** Cells summarised with `...`, with every entry (the page offers to show them all). */
  full?: FullCell[];
}

export interface ProgressOptions {
  /** Show a Cancel button: `cancelled`/`signal` turn true when the student presses it. */
  cancellable?: boolean;
}

/** What `display.progress` returns: move the bar, end it, and see whether it was cancelled. */
export interface ProgressHandle {
  update(done: number, total?: number): void;
  done(): void;
  readonly cancelled: boolean;
  readonly signal: AbortSignal;
}

export interface Display {
  (value: unknown, options?: MatrixOptions): void;
  latex(tex: string, options?: DisplayOptions & { display?: boolean }): void;
  markdown(source: string, options?: DisplayOptions): void;
  plot(figure: PlotFigure, options?: DisplayOptions): void;
  table(columns: string[], rows: unknown[][], options?: TableOptions): void;
  matrix(M: Matrix | readonly (readonly number[])[] | readonly number[], options?: MatrixOptions): void;
  network(spec: NetSpec, X?: number[][], grads?: Gradients, options?: DisplayOptions): void;
  /** The backward pass of `spec`, one factor of the chain rule per step, on the diagram, typeset and named in code. */
  backprop(spec: NetSpec, options?: DisplayOptions): void;
  progress(label: string, total: number, options?: ProgressOptions): ProgressHandle;
}

export type Print = (...args: unknown[]) => void;

/** What the display functions need from the kernel: where outputs go, and cancel tokens. */
export interface DisplaySink {
  emit(message: OutputMessage): void;
  /** A fresh token the page can send back through `cancel(token)`; aborts the controller. */
  cancelToken(controller: AbortController): string;
  /** Ids for outputs updated in place (progress bars). */
  nextId(prefix: string): string;
}

const isNumberRow = (r: unknown): r is number[] => Array.isArray(r) && r.every((x) => typeof x === 'number');

/** Rows of a matrix-like value, or null if it is not one. */
export function matrixRows(value: unknown): number[][] | null {
  if (value instanceof Matrix) return value.toArray();
  if (isTensorLike(value) && value.shape.length >= 1 && value.shape.length <= 2) {
    const data = Array.from(value.dataSync());
    const cols = value.shape.length === 2 ? value.shape[1] : value.shape[0];
    return Array.from({ length: data.length / Math.max(cols, 1) }, (_, i) => data.slice(i * cols, (i + 1) * cols));
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return [Array.from(value as unknown as ArrayLike<number>, Number)];
  if (isNumberRow(value)) return [[...value]];
  if (Array.isArray(value) && value.length > 0 && value.every(isNumberRow) && value.every((r) => r.length === value[0].length)) {
    return value.map((r: number[]) => [...r]);
  }
  return null;
}

const tableCell = (v: unknown): TableCell => (v === null || v === undefined ? null : typeof v === 'number' ? v : typeof v === 'string' ? v : formatValue(v));

const isGradients = (v: unknown): v is Gradients => {
  const g = v as Partial<Gradients> | null;
  return typeof v === 'object' && g !== null && Array.isArray(g.dX) && Array.isArray(g.dW) && Array.isArray(g.dbeta) && typeof g.loss === 'number';
};

const looksLikeNetSpec = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && ['widths', 'activation', 'X0', 'W', 'beta'].every((k) => k in v);

const looksLikeBenchResult = (v: unknown): v is { name: string; medianUs: number; minUs: number; maxUs: number; firstCallUs: number; samples: number } =>
  typeof v === 'object' && v !== null && ['name', 'medianUs', 'minUs', 'maxUs', 'firstCallUs', 'samples'].every((k) => k in v);

const looksLikeFigure = (v: unknown): v is PlotFigure =>
  typeof v === 'object' && v !== null && Array.isArray((v as PlotFigure).data) && (v as PlotFigure).data.every((t) => typeof t === 'object' && t !== null);

/** Gradients as a table: one row per gradient, its entries printed as NumPy would. */
function gradientsTable(g: Gradients): Output {
  const rows: TableCell[][] = [['loss', String(g.loss)]];
  const flat = (name: string, v: readonly number[]): TableCell[] => [name, formatNumpy(v, 1, v.length, 1)];
  g.dX.forEach((v, k) => rows.push(flat(`dl/dX${k}`, v)));
  g.dW.forEach((w, k) => rows.push([`dl/dW${k + 1}`, formatNumpy(w.flat(), w.length, w[0]?.length ?? 0, 2)]));
  g.dbeta.forEach((v, k) => rows.push(flat(`dl/dbeta${k + 1}`, v)));
  return { kind: 'table', columns: ['gradient', 'value'], rows };
}

/** The Output that `display(value)` shows for a value of a shape the kernel knows, else its print text. */
export function outputFor(value: unknown, options: MatrixOptions = {}): Output {
  if (typeof value === 'string') return { kind: 'text', text: value };
  // Plain arrays print as lists (as Jupyter shows them); display.matrix shows them as matrices.
  const rows = value instanceof Matrix || isTensorLike(value) ? matrixRows(value) : null;
  if (rows) return { kind: 'matrix', rows, as: options.as ?? 'table', ...(options.label === undefined ? {} : { label: options.label }) };
  if (isGradients(value)) return gradientsTable(value);
  if (looksLikeNetSpec(value)) {
    try {
      const spec = validateNetSpec(value);
      if (isSampleNet(spec)) return { kind: 'network', spec };
    } catch {
      // Not a valid network after all: show it as it prints.
    }
  }
  if (looksLikeBenchResult(value)) {
    const us = (x: number): string => `${x.toPrecision(3)} us`;
    return {
      kind: 'table',
      columns: ['benchmark', 'median', 'min', 'max', 'first call', 'samples'],
      rows: [[value.name, us(value.medianUs), us(value.minUs), us(value.maxUs), us(value.firstCallUs), value.samples]],
    };
  }
  if (looksLikeFigure(value)) {
    try {
      return { kind: 'plot', figure: cloneable(value, 'display') };
    } catch {
      // Holds something the page cannot receive: show it as it prints.
    }
  }
  return { kind: 'text', text: formatValue(value) };
}

/** Checks a student-made object can be sent to the page (no functions, no class instances with methods). */
function cloneable<T>(value: T, what: string): T {
  try {
    return structuredClone(value);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TypeError(`${what}: this value cannot be sent to the page (${reason}); use numbers, strings, arrays and plain objects`, { cause: error });
  }
}

/** `print` and `display` writing to `sink`. */
export function createDisplay(sink: DisplaySink): { print: Print; printError: Print; display: Display } {
  const emit = (output: Output, options?: DisplayOptions): void =>
    sink.emit(options?.id === undefined ? { output } : { output, displayId: String(options.id) });

  const print: Print = (...args) => emit({ kind: 'text', text: formatPrintLine(args), stream: 'stdout' });
  const printError: Print = (...args) => emit({ kind: 'text', text: formatPrintLine(args), stream: 'stderr' });

  const display = ((value: unknown, options?: MatrixOptions) => emit(outputFor(value, options), options)) as Display;

  display.latex = (tex, options) => emit({ kind: 'latex', tex: String(tex), display: options?.display ?? true }, options);
  display.markdown = (source, options) => emit({ kind: 'markdown', source: String(source) }, options);
  display.plot = (figure, options) => {
    if (!looksLikeFigure(figure)) throw new TypeError('display.plot: expected a Plotly figure { data: [traces...], layout? }');
    emit({ kind: 'plot', figure: cloneable(figure, 'display.plot') }, options);
  };
  display.table = (columns, rows, options = {}) => {
    if (!Array.isArray(columns) || !Array.isArray(rows) || !rows.every(Array.isArray)) {
      throw new TypeError('display.table: expected (columns: string[], rows: unknown[][], options?)');
    }
    const bad = rows.findIndex((r) => r.length !== columns.length);
    if (bad >= 0) throw new RangeError(`display.table: row ${bad} has ${rows[bad].length} cells, expected ${columns.length} (one per column)`);
    const { caption, testid, rowOk, full } = options;
    emit(
      {
        kind: 'table',
        columns: columns.map(String),
        rows: rows.map((r) => r.map(tableCell)),
        ...(caption === undefined ? {} : { caption }),
        ...(testid === undefined ? {} : { testid }),
        ...(rowOk === undefined ? {} : { rowOk: [...rowOk] }),
        ...(full === undefined ? {} : { full: full.map((f) => ({ row: f.row, col: f.col, entries: f.entries, text: f.text })) }),
      },
      options,
    );
  };
  display.matrix = (M, options = {}) => {
    const rows = matrixRows(M);
    if (!rows) throw new TypeError(`display.matrix: expected a Matrix or an array of number rows, got ${formatValue(M).slice(0, 60)}`);
    emit({ kind: 'matrix', rows, as: options.as ?? 'table', ...(options.label === undefined ? {} : { label: options.label }) }, options);
  };
  display.network = (spec, X, grads, options) => {
    const checked = validateNetSpec(spec);
    if (!isSampleNet(checked)) {
      throw new TypeError('display.network draws one sample with one activation and the log loss; show a batch or other losses as matrices');
    }
    const output: Extract<Output, { kind: 'network' }> = { kind: 'network', spec: checked };
    if (X !== undefined) output.X = cloneable(X, 'display.network');
    if (grads !== undefined) output.grads = cloneable(grads, 'display.network');
    emit(output, options);
  };
  display.backprop = (spec, options) => {
    // Checked before anything is built: the dense way's n^4 would hold the kernel for minutes.
    const slow = backpropTooSlow(spec, 'display.backprop');
    if (slow) throw new RangeError(`${slow} Make the network narrower to step through it.`);
    emit({ kind: 'backprop', view: backpropView(spec) }, options);
  };
  display.progress = (label, total, options = {}) => {
    const id = sink.nextId('progress');
    const controller = new AbortController();
    const cancelToken = options.cancellable ? sink.cancelToken(controller) : undefined;
    let state: 'running' | 'done' | 'cancelled' = 'running';
    let done = 0;
    const show = (): void =>
      emit({ kind: 'progress', label: String(label), done, total, state, ...(cancelToken === undefined ? {} : { cancelToken }) }, { id });
    controller.signal.addEventListener('abort', () => {
      if (state !== 'running') return;
      state = 'cancelled';
      show();
    });
    show();
    return {
      update(d, t) {
        if (state !== 'running') return;
        done = d;
        if (t !== undefined) total = t;
        show();
      },
      done() {
        if (state !== 'running') return;
        state = 'done';
        done = total;
        show();
      },
      get cancelled() {
        return controller.signal.aborted;
      },
      signal: controller.signal,
    };
  };
  return { print, printError, display };
}
