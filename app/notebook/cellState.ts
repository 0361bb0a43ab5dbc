// One cell's state and its pure transitions (cell -> event -> new cell); never mutated in place.
import type { Output, OutputMessage, RunStatus } from '../kernel/protocol';
import type { ForeignCode } from './structure/cells';
import type { SourceCell } from './types';

export type CellStatus = 'idle' | 'queued' | 'running' | 'done' | 'error';

/** An output on screen; `key` stays stable when a displayId output is replaced, so React keeps the node. */
export interface ShownOutput {
  key: number;
  output: Output;
  displayId?: string;
}

/** A student's version of a cell, written against an original whose content hash is `originalHash`. */
export interface KeptEdit {
  source: string;
  originalHash: string;
}

/**
 * Where code the student did not write came from; it never runs before they trust it. `stored`:
 * saved edits whose check this page cannot verify (share/storedCheck.ts).
 */
export type ExternalOrigin = 'link' | 'import' | 'stored';

const originPhrases: Record<ExternalOrigin, string> = {
  link: 'a link',
  import: 'an imported file',
  stored: 'saved edits this page cannot vouch for',
};

/** `a link`, `an imported file`, ...: where untrusted code came from, as the messages say it. */
export const originPhrase = (origin: ExternalOrigin): string => originPhrases[origin];

/** A cell showing code from a link or a file: `displaced` is what it held before (the student's own or the lesson's). */
export interface UntrustedMark {
  origin: ExternalOrigin;
  displaced: string;
}

export interface CellState {
  id: string;
  type: 'markdown' | 'code';
  /** `lesson`: one of the lesson's files (its `original` is what Revert goes back to); `new`: made or imported here. */
  origin: 'lesson' | 'new';
  /** Code in a language this kernel cannot run (from an imported notebook): read-only, never run, exported back unchanged. */
  foreign: ForeignCode | null;
  pair?: 'a' | 'b';
  group: number;
  /** The lesson's own source, what `Revert cell` goes back to. */
  original: string;
  /** What the student sees and runs. */
  source: string;
  status: CellStatus;
  /** The `n` of `In [n]`: set when a run starts, kept after it ends. */
  execCount: number | null;
  /** The source of the last run that started: edits after it mark the cell "edited since last run". */
  ranSource: string | null;
  outputs: ShownOutput[];
  nextOutputKey: number;
  /** Why the last run ended without a result (interrupted, cancelled). */
  notice: string | null;
  /** Markdown only: the source is open in an editor instead of rendered. */
  editing: boolean;
  /** A saved edit of an older version of this cell, kept aside (never mixed into the new original). */
  aside: KeptEdit | null;
  /** Set while the cell shows code from a link or an import: read-only, and it does not run until trusted. */
  untrusted: UntrustedMark | null;
  /** Its outputs were kept from the previous session (see kept/): true until the cell runs again. */
  fromPrevious?: boolean;
}

/**
 * Why a run ended early: Interrupt, Restart kernel, the kernel ending unasked (`death`), or Run
 * pressed while a kernel that never came up is stopped (`dead`).
 */
export type EndCause = 'interrupt' | 'restart' | 'death' | 'dead';

export type CellEvent =
  | { type: 'edit'; source: string }
  | { type: 'revert' }
  | { type: 'openEditor' }
  | { type: 'closeEditor' }
  | { type: 'queue' }
  | { type: 'start'; execCount: number }
  | { type: 'output'; message: OutputMessage }
  | { type: 'finish'; status: RunStatus; cause?: EndCause }
  | { type: 'useAside' }
  | { type: 'discardAside' }
  | { type: 'receive'; source: string; origin: ExternalOrigin }
  | { type: 'trust' }
  | { type: 'discardReceived' }
  | { type: 'block' }
  /** Its outputs were computed from inputs that changed since (the network of the parameters panel). */
  | { type: 'stale'; notice: string }
  /** What another tab saved for this cell (see tabSync.ts): its source, kept-aside edit and untrusted code. */
  | { type: 'loadSaved'; source: string; aside: KeptEdit | null; untrusted: UntrustedMark | null }
  /** The outputs its last run left in the previous session, for this very source (see kept/). */
  | { type: 'restoreOutputs'; outputs: Omit<ShownOutput, 'key'>[] };

export const interruptedNotice = 'Kernel interrupted: its state was lost; run the cells again';
export const restartedNotice = 'Kernel restarted while this cell ran: its state was lost; run the cells again';
export const cancelledNotice = 'Cancelled: the kernel was interrupted before this cell ran';
export const cancelledByRestartNotice = 'Cancelled: the kernel restarted before this cell ran';
export const diedNotice = 'The kernel stopped while this cell ran: its state was lost; run the cells again';
export const cancelledByDeathNotice = 'Cancelled: the kernel stopped before this cell ran';
export const notRunDeadNotice = 'Not run: the kernel has stopped. Press Restart kernel, then run the cells again';

export function blockedNotice(origin: ExternalOrigin): string {
  return `Not run: this code came from ${originPhrase(origin)} and is not trusted yet. Trust it in the banner above to run it.`;
}

/** The lesson's text as the notebook shows it: files end with a newline, an editor should not show it as a blank line. */
export function lessonText(fileSource: string): string {
  return fileSource.replace(/\s+$/, '');
}

/** A fresh cell from the lesson, with the student's saved source (if any) and a kept-aside edit (if any). */
export function newCellState(cell: SourceCell, source?: string, aside: KeptEdit | null = null): CellState {
  const original = lessonText(cell.source);
  return {
    id: cell.id,
    type: cell.type,
    origin: 'lesson',
    foreign: null,
    ...(cell.pair ? { pair: cell.pair } : {}),
    group: cell.group,
    original,
    source: source ?? original,
    status: 'idle',
    execCount: null,
    ranSource: null,
    outputs: [],
    nextOutputKey: 0,
    notice: null,
    editing: false,
    aside,
    untrusted: null,
  };
}

/** Adds an output, or replaces the earlier one with the same displayId in place (progress bars, live tables). */
export function applyOutput(outputs: ShownOutput[], message: OutputMessage, key: number): ShownOutput[] {
  const { displayId, output } = message;
  if (displayId !== undefined) {
    const at = outputs.findIndex((o) => o.displayId === displayId);
    if (at >= 0) return outputs.map((o, i) => (i === at ? { key: o.key, output, displayId } : o));
  }
  return [...outputs, displayId !== undefined ? { key, output, displayId } : { key, output }];
}

function noticeFor(status: 'interrupted' | 'cancelled', cause: EndCause): string {
  if (cause === 'dead') return notRunDeadNotice;
  if (cause === 'death') return status === 'interrupted' ? diedNotice : cancelledByDeathNotice;
  if (status === 'interrupted') return cause === 'restart' ? restartedNotice : interruptedNotice;
  return cause === 'restart' ? cancelledByRestartNotice : cancelledNotice;
}

/** The status a finished run leaves the cell in, and the notice to show with it. */
function finished(cell: CellState, status: RunStatus, cause: EndCause): CellState {
  switch (status) {
    case 'ok':
      return { ...cell, status: 'done', notice: null };
    case 'error':
      // A cell the kernel's end cut short failed, and says why.
      return { ...cell, status: 'error', notice: cause === 'death' ? diedNotice : null };
    case 'interrupted':
    case 'cancelled':
      return { ...cell, status: 'idle', notice: noticeFor(status, cause) };
    default: {
      const never: never = status;
      throw new Error(`cell ${cell.id}: unknown run status ${String(never)}`);
    }
  }
}

/**
 * Code from outside shown in a cell. What the cell held before is kept in `displaced` (a second link
 * on top of an untrusted one keeps the older, trusted text); code equal to that is simply the cell's own.
 */
function receive(cell: CellState, source: string, origin: ExternalOrigin): CellState {
  const own = cell.untrusted ? cell.untrusted.displaced : cell.source;
  if (source === own) return cell.untrusted || cell.source !== own ? { ...cell, source: own, untrusted: null } : cell;
  if (source === cell.source && cell.untrusted?.origin === origin) return cell;
  return { ...cell, source, untrusted: { origin, displaced: own }, editing: false };
}

/** The cell's notice, unless it only said the cell was blocked (no longer true once trusted or discarded). */
function withoutBlocked(cell: CellState): string | null {
  return cell.untrusted && cell.notice === blockedNotice(cell.untrusted.origin) ? null : cell.notice;
}

export function cellReducer(cell: CellState, event: CellEvent): CellState {
  switch (event.type) {
    case 'edit':
      // Untrusted code is read-only: the student trusts or discards it first.
      return event.source === cell.source || cell.untrusted ? cell : { ...cell, source: event.source };
    case 'revert':
      return cell.source === cell.original && !cell.untrusted ? cell : { ...cell, source: cell.original, untrusted: null };
    case 'openEditor':
      return cell.type === 'markdown' && !cell.editing && !cell.untrusted ? { ...cell, editing: true } : cell;
    case 'closeEditor':
      return cell.editing ? { ...cell, editing: false } : cell;
    case 'queue':
      return cell.type === 'code' ? { ...cell, status: 'queued', notice: null } : cell;
    case 'start':
      return {
        ...cell,
        status: 'running',
        execCount: event.execCount,
        ranSource: cell.source,
        outputs: [],
        notice: null,
        fromPrevious: false,
      };
    case 'output':
      // Outputs of a run that is no longer the cell's current one (late messages) are dropped.
      if (cell.status !== 'running') return cell;
      return {
        ...cell,
        outputs: applyOutput(cell.outputs, event.message, cell.nextOutputKey),
        nextOutputKey: cell.nextOutputKey + 1,
      };
    case 'finish':
      if (cell.status !== 'running' && cell.status !== 'queued') return cell;
      return finished(cell, event.status, event.cause ?? 'interrupt');
    case 'useAside':
      return cell.aside && !cell.untrusted ? { ...cell, source: cell.aside.source, aside: null } : cell;
    case 'discardAside':
      return cell.aside ? { ...cell, aside: null } : cell;
    case 'receive':
      return receive(cell, event.source, event.origin);
    case 'trust':
      // The code becomes the student's own; keeping what it displaced is the notebook's job (see trustReceived).
      return cell.untrusted ? { ...cell, untrusted: null, notice: withoutBlocked(cell) } : cell;
    case 'discardReceived':
      return cell.untrusted ? { ...cell, source: cell.untrusted.displaced, untrusted: null, notice: withoutBlocked(cell) } : cell;
    case 'block':
      return cell.untrusted ? { ...cell, status: 'idle', notice: blockedNotice(cell.untrusted.origin) } : cell;
    case 'stale':
      // A queued or running cell will show fresh outputs; the next run clears the notice ('queue').
      return cell.type !== 'code' || cell.status === 'queued' || cell.status === 'running' || cell.notice === event.notice ? cell : { ...cell, notice: event.notice };
    case 'loadSaved': {
      const { source, aside, untrusted } = event;
      const same = source === cell.source && JSON.stringify([aside, untrusted]) === JSON.stringify([cell.aside, cell.untrusted]);
      return same ? cell : { ...cell, source, aside, untrusted, editing: cell.editing && !untrusted };
    }
    case 'restoreOutputs': {
      // Only into a code cell that has not run (nor been queued) in this session and shows nothing yet.
      const untouched = cell.type === 'code' && cell.status === 'idle' && cell.execCount === null && cell.outputs.length === 0 && !cell.untrusted;
      if (!untouched || event.outputs.length === 0) return cell;
      const outputs = event.outputs.map((o, i) => ({ ...o, key: cell.nextOutputKey + i }));
      return { ...cell, outputs, nextOutputKey: cell.nextOutputKey + outputs.length, ranSource: cell.source, fromPrevious: true };
    }
    default: {
      const never: never = event;
      throw new Error(`cell ${cell.id}: unknown event ${JSON.stringify(never)}`);
    }
  }
}

/** `In [n]`, `In [*]` while queued or running, `In [ ]` before the first run. */
export function promptLabel(cell: Pick<CellState, 'status' | 'execCount'>): string {
  if (cell.status === 'queued' || cell.status === 'running') return 'In [*]';
  return cell.execCount === null ? 'In [ ]' : `In [${cell.execCount}]`;
}

/** True when the student changed the code after its last run started (the outputs may be stale). */
export function editedSinceRun(cell: Pick<CellState, 'source' | 'ranSource'>): boolean {
  return cell.ranSource !== null && cell.source !== cell.ranSource;
}

export function differsFromOriginal(cell: Pick<CellState, 'source' | 'original'>): boolean {
  return cell.source !== cell.original;
}
