// The page's check of what the kernel Worker sends: only messages of the protocol's shapes and sizes get through.
import { isSampleNet } from '../core/network';
import { validateNetSpec } from '../core/netspec';
import { backpropViewProblem } from './backpropCheck';
import type { BackpropView, FullCell, KernelToHost, Output, OutputMessage } from './protocol';

/*
 * Cell code runs in the Worker, in the same realm as the kernel: whatever the page receives may be
 * forged or bent (a patched Array.prototype, a message posted by hand). So the page reads every
 * message as untrusted data: a message either matches the protocol exactly (types, kinds, sizes)
 * or it is refused with a reason, before anything of it reaches React.
 */

/** Bounds on one message: the kernel itself sends far less (1M characters and 2,000 outputs a run). */
export const messageLimits = {
  /** Characters, numbers and values in one message, counted together. */
  maxUnits: 4_000_000,
  /** Outputs in one batch. */
  maxOutputs: 4000,
  /** Nesting of a Plotly figure's plain data. */
  maxDepth: 32,
  /** Short strings: names, ids, labels of a backend. */
  maxShort: 1000,
} as const;

/** Why a message was refused; the page drops it and says so once. */
export class BadMessage extends Error {}

const fail = (why: string): never => {
  throw new BadMessage(why);
};

/** Counts what a message weighs and refuses it past the budget. */
class Budget {
  private used = 0;
  spend(units: number, where: string): void {
    this.used += units;
    if (this.used > messageLimits.maxUnits) fail(`${where}: the message is larger than ${messageLimits.maxUnits.toLocaleString('en-US')} units`);
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

function record(v: unknown, where: string): Record<string, unknown> {
  return isRecord(v) ? v : fail(`${where} is not a plain object`);
}

function str(v: unknown, where: string, budget: Budget, max: number = messageLimits.maxUnits): string {
  if (typeof v !== 'string') return fail(`${where} is not a string`);
  if (v.length > max) fail(`${where} is longer than ${max} characters`);
  budget.spend(v.length, where);
  return v;
}

const optional = <T>(v: unknown, check: (v: unknown) => T): T | undefined => (v === undefined ? undefined : check(v));

function num(v: unknown, where: string, finite = false): number {
  if (typeof v !== 'number' || (finite && !Number.isFinite(v))) return fail(`${where} is not a ${finite ? 'finite ' : ''}number`);
  return v;
}

function int(v: unknown, where: string): number {
  return Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : fail(`${where} is not a whole number`);
}

function bool(v: unknown, where: string): boolean {
  return typeof v === 'boolean' ? v : fail(`${where} is not true or false`);
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], where: string): T {
  return (allowed as readonly unknown[]).includes(v) ? (v as T) : fail(`${where} is not one of ${allowed.join(', ')}`);
}

function array(v: unknown, where: string, budget: Budget): unknown[] {
  if (!Array.isArray(v)) return fail(`${where} is not an array`);
  budget.spend(v.length, where);
  return v;
}

/** Only the keys listed: a forged message cannot smuggle props the renderer might spread. */
function onlyKeys(v: Record<string, unknown>, keys: readonly string[], where: string): void {
  const extra = Object.keys(v).find((k) => !keys.includes(k));
  if (extra !== undefined) fail(`${where} has an unknown key ${JSON.stringify(extra.slice(0, 40))}`);
}

const numberRows = (v: unknown, where: string, budget: Budget): number[][] =>
  array(v, where, budget).map((row, i) => array(row, `${where}[${i}]`, budget).map((x, j) => num(x, `${where}[${i}][${j}]`)));

/** A Plotly figure's data: JSON-like values (typed arrays and dates too), bounded in size and depth. */
function plainData(v: unknown, where: string, budget: Budget, depth = 0): void {
  if (depth > messageLimits.maxDepth) fail(`${where} is nested deeper than ${messageLimits.maxDepth}`);
  budget.spend(1, where);
  if (v === null || typeof v === 'number' || typeof v === 'boolean') return;
  if (typeof v === 'string') return void budget.spend(v.length, where);
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return void budget.spend((v as unknown as ArrayLike<number>).length, where);
  if (v instanceof Date) return;
  if (Array.isArray(v)) return v.forEach((x, i) => plainData(x, `${where}[${i}]`, budget, depth + 1));
  if (isRecord(v)) return Object.entries(v).forEach(([k, x]) => plainData(x, `${where}.${k.slice(0, 40)}`, budget, depth + 1));
  fail(`${where} is not plain data`);
}

const tableCell = (v: unknown, where: string, budget: Budget): string | number | null =>
  v === null || typeof v === 'number' ? v : str(v, where, budget);

function fullCell(v: unknown, where: string, budget: Budget): FullCell {
  const o = record(v, where);
  onlyKeys(o, ['row', 'col', 'entries', 'text'], where);
  const text = o.text === null ? null : str(o.text, `${where}.text`, budget);
  return { row: int(o.row, `${where}.row`), col: int(o.col, `${where}.col`), entries: int(o.entries, `${where}.entries`), text };
}

/** One output, checked kind by kind (the same kinds and keys as `Output` in protocol.ts). */
export function checkOutput(v: unknown, where: string, budget: Budget = new Budget()): Output {
  const o = record(v, where);
  const kind = oneOf(o.kind, ['text', 'matrix', 'latex', 'markdown', 'plot', 'table', 'network', 'backprop', 'progress', 'error'] as const, `${where}.kind`);
  const at = (key: string): string => `${where}.${key}`;
  switch (kind) {
    case 'text':
      onlyKeys(o, ['kind', 'text', 'stream', 'truncatedChars'], where);
      return {
        kind,
        text: str(o.text, at('text'), budget),
        ...(o.stream !== undefined ? { stream: oneOf(o.stream, ['stdout', 'stderr'] as const, at('stream')) } : {}),
        ...(o.truncatedChars !== undefined ? { truncatedChars: int(o.truncatedChars, at('truncatedChars')) } : {}),
      };
    case 'matrix':
      onlyKeys(o, ['kind', 'rows', 'label', 'as'], where);
      return {
        kind,
        rows: numberRows(o.rows, at('rows'), budget),
        as: oneOf(o.as, ['table', 'latex'] as const, at('as')),
        ...(o.label !== undefined ? { label: str(o.label, at('label'), budget) } : {}),
      };
    case 'latex':
      onlyKeys(o, ['kind', 'tex', 'display'], where);
      return { kind, tex: str(o.tex, at('tex'), budget), display: bool(o.display, at('display')) };
    case 'markdown':
      onlyKeys(o, ['kind', 'source'], where);
      return { kind, source: str(o.source, at('source'), budget) };
    case 'plot': {
      onlyKeys(o, ['kind', 'figure'], where);
      const figure = record(o.figure, at('figure'));
      onlyKeys(figure, ['data', 'layout'], at('figure'));
      const data = array(figure.data, at('figure.data'), budget).map((trace, i) => record(trace, at(`figure.data[${i}]`)));
      plainData(data, at('figure.data'), budget);
      const layout = optional(figure.layout, (l) => record(l, at('figure.layout')));
      if (layout) plainData(layout, at('figure.layout'), budget);
      return { kind, figure: layout ? { data, layout } : { data } };
    }
    case 'table': {
      onlyKeys(o, ['kind', 'columns', 'rows', 'caption', 'testid', 'rowOk', 'full'], where);
      const columns = array(o.columns, at('columns'), budget).map((c, i) => str(c, at(`columns[${i}]`), budget));
      const rows = array(o.rows, at('rows'), budget).map((r, i) => array(r, at(`rows[${i}]`), budget).map((c, j) => tableCell(c, at(`rows[${i}][${j}]`), budget)));
      const rowOk = optional(o.rowOk, (r) => array(r, at('rowOk'), budget).map((x, i) => (x === null ? null : bool(x, at(`rowOk[${i}]`)))));
      const full = optional(o.full, (f) => array(f, at('full'), budget).map((x, i) => fullCell(x, at(`full[${i}]`), budget)));
      return {
        kind,
        columns,
        rows,
        ...(o.caption !== undefined ? { caption: str(o.caption, at('caption'), budget) } : {}),
        ...(o.testid !== undefined ? { testid: str(o.testid, at('testid'), budget, messageLimits.maxShort) } : {}),
        ...(rowOk ? { rowOk } : {}),
        ...(full ? { full } : {}),
      };
    }
    case 'network': {
      onlyKeys(o, ['kind', 'spec', 'X', 'grads'], where);
      let spec;
      try {
        spec = validateNetSpec(o.spec);
      } catch (error) {
        return fail(`${at('spec')}: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!isSampleNet(spec)) return fail(`${at('spec')}: the diagram draws one sample with one activation`);
      budget.spend(spec.W.reduce((n, w) => n + w.length * (w[0]?.length ?? 0), 0), at('spec'));
      const X = optional(o.X, (x) => numberRows(x, at('X'), budget));
      const grads = optional(o.grads, (g) => {
        const r = record(g, at('grads'));
        onlyKeys(r, ['loss', 'dX', 'dW', 'dbeta'], at('grads'));
        return {
          loss: num(r.loss, at('grads.loss')),
          dX: numberRows(r.dX, at('grads.dX'), budget),
          dW: array(r.dW, at('grads.dW'), budget).map((w, i) => numberRows(w, at(`grads.dW[${i}]`), budget)),
          dbeta: numberRows(r.dbeta, at('grads.dbeta'), budget),
        };
      });
      return { kind, spec, ...(X ? { X } : {}), ...(grads ? { grads } : {}) };
    }
    case 'backprop': {
      onlyKeys(o, ['kind', 'view'], where);
      // Weighed as plain data first (size and depth bounded), then checked for what the view reads.
      plainData(o.view, at('view'), budget);
      const problem = backpropViewProblem(o.view);
      if (problem) return fail(`${at('view')}: ${problem}`);
      return { kind, view: o.view as BackpropView };
    }
    case 'progress':
      onlyKeys(o, ['kind', 'label', 'done', 'total', 'state', 'cancelToken'], where);
      return {
        kind,
        label: str(o.label, at('label'), budget),
        done: num(o.done, at('done'), true),
        total: num(o.total, at('total'), true),
        state: oneOf(o.state, ['running', 'done', 'cancelled'] as const, at('state')),
        ...(o.cancelToken !== undefined ? { cancelToken: str(o.cancelToken, at('cancelToken'), budget, messageLimits.maxShort) } : {}),
      };
    case 'error':
      onlyKeys(o, ['kind', 'name', 'message', 'line', 'column', 'source'], where);
      return {
        kind,
        name: str(o.name, at('name'), budget, messageLimits.maxShort),
        message: str(o.message, at('message'), budget),
        ...(o.line !== undefined ? { line: int(o.line, at('line')) } : {}),
        ...(o.column !== undefined ? { column: int(o.column, at('column')) } : {}),
        ...(o.source !== undefined ? { source: str(o.source, at('source'), budget) } : {}),
      };
  }
}

function outputMessage(v: unknown, where: string, budget: Budget): OutputMessage {
  const m = record(v, where);
  onlyKeys(m, ['output', 'displayId'], where);
  const output = checkOutput(m.output, `${where}.output`, budget);
  return m.displayId === undefined ? { output } : { output, displayId: str(m.displayId, `${where}.displayId`, budget, messageLimits.maxShort) };
}

/**
 * A message from the kernel, checked against the protocol: a fresh copy of it, or BadMessage
 * thrown with the first problem and where it is (`message.messages[3].output.kind is not one of …`).
 */
export function checkKernelMessage(data: unknown): KernelToHost {
  const budget = new Budget();
  const m = record(data, 'the message');
  const type = oneOf(m.type, ['ready', 'lifeline', 'closing', 'outputs', 'kernel', 'done'] as const, 'message.type');
  switch (type) {
    case 'ready':
      onlyKeys(m, ['type', 'backend', 'notes', 'startMs'], 'message');
      return {
        type,
        backend: str(m.backend, 'message.backend', budget, messageLimits.maxShort),
        notes: array(m.notes, 'message.notes', budget).map((n, i) => str(n, `message.notes[${i}]`, budget, messageLimits.maxShort * 10)),
        startMs: num(m.startMs, 'message.startMs', true),
      };
    case 'lifeline':
    case 'closing':
      onlyKeys(m, ['type'], 'message');
      return { type };
    case 'outputs': {
      onlyKeys(m, ['type', 'runId', 'messages'], 'message');
      const list = array(m.messages, 'message.messages', budget);
      if (list.length > messageLimits.maxOutputs) fail(`message.messages holds more than ${messageLimits.maxOutputs} outputs`);
      return { type, runId: int(m.runId, 'message.runId'), messages: list.map((x, i) => outputMessage(x, `message.messages[${i}]`, budget)) };
    }
    case 'kernel': {
      onlyKeys(m, ['type', 'message'], 'message');
      const k = record(m.message, 'message.message');
      onlyKeys(k, ['level', 'text', 'cellId'], 'message.message');
      const level = oneOf(k.level, ['error', 'warning'] as const, 'message.message.level');
      const text = str(k.text, 'message.message.text', budget);
      return { type, message: k.cellId === undefined ? { level, text } : { level, text, cellId: str(k.cellId, 'message.message.cellId', budget, messageLimits.maxShort) } };
    }
    case 'done':
      onlyKeys(m, ['type', 'runId', 'ok', 'cancelled', 'durationMs'], 'message');
      return {
        type,
        runId: int(m.runId, 'message.runId'),
        ok: bool(m.ok, 'message.ok'),
        ...(m.cancelled !== undefined ? { cancelled: bool(m.cancelled, 'message.cancelled') } : {}),
        durationMs: num(m.durationMs, 'message.durationMs', true),
      };
  }
}
