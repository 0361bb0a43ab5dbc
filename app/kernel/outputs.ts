// A run's outputs on their way to the page: batched (one message per frame), text merged, size capped per run.
import type { Output, OutputMessage } from './protocol';

export interface OutputLimits {
  /** Characters of output a run may send (text, plus an estimate for rich outputs). Default 1 MB. */
  maxChars: number;
  /** Rich outputs a run may create (prints and in-place updates do not count). Default 2000. */
  maxOutputs: number;
  /** Outputs are sent at most this often; a print in a tight loop does not flood postMessage. Default 16. */
  flushMs: number;
}

export const defaultOutputLimits: OutputLimits = { maxChars: 1_000_000, maxOutputs: 2000, flushMs: 16 };

/** Characters an output weighs against the per-run budget (rich outputs: their JSON size, roughly). */
export function outputChars(output: Output): number {
  switch (output.kind) {
    case 'text':
      return output.text.length;
    case 'latex':
      return output.tex.length;
    case 'markdown':
      return output.source.length;
    case 'matrix':
      return output.rows.reduce((n, r) => n + 10 * r.length, 0);
    case 'error':
      return output.message.length;
    case 'progress':
      return output.label.length;
    default:
      return JSON.stringify(output).length;
  }
}

/** 1234567 -> "1,234,567". */
const grouped = (n: number): string => n.toLocaleString('en-US');

/**
 * Collects one run's outputs. `push` queues, merging consecutive prints of one stream and keeping
 * only the latest update of a display id; the queue goes out when `flushMs` has passed since the
 * last send (checked on every push, so a synchronous loop still shows its output as it goes) or on
 * a timer, and at the end of the run (`finish`). Past the budget, text is cut and the rest counted.
 */
export class OutputChannel {
  private queue: OutputMessage[] = [];
  private lastSendMs: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private usedChars = 0;
  private outputs = 0;
  private droppedChars = 0;
  private droppedOutputs = 0;
  /** Display ids already sent or queued in this run: later messages with them are updates. */
  private shownIds = new Set<string>();

  constructor(
    private readonly send: (messages: OutputMessage[]) => void,
    private readonly limits: OutputLimits = defaultOutputLimits,
    private readonly clockMs: () => number = () => performance.now(),
  ) {
    this.lastSendMs = clockMs();
  }

  push(message: OutputMessage): void {
    const admitted = this.admit(message);
    if (admitted === null) return;
    this.enqueue(admitted);
    if (this.clockMs() - this.lastSendMs >= this.limits.flushMs) this.flush();
    else if (this.timer === null) this.timer = setTimeout(() => this.flush(), this.limits.flushMs);
  }

  /** Sends what is queued now. */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.lastSendMs = this.clockMs();
    if (this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    this.send(batch);
  }

  /** Adds the note about dropped output, if any, and sends everything. */
  finish(): void {
    if (this.droppedChars > 0 || this.droppedOutputs > 0) {
      const what = [
        this.droppedChars > 0 ? `${grouped(this.droppedChars)} characters` : '',
        this.droppedOutputs > 0 ? `${grouped(this.droppedOutputs)} outputs` : '',
      ].filter(Boolean);
      const note = `[output truncated: ${what.join(' and ')} not shown; a run may show ${grouped(this.limits.maxChars)} characters and ${grouped(this.limits.maxOutputs)} outputs]\n`;
      this.enqueue({ output: { kind: 'text', text: note, stream: 'stderr', truncatedChars: this.droppedChars } });
      this.droppedChars = 0;
      this.droppedOutputs = 0;
    }
    this.flush();
  }

  /** The message as it may go out (text cut to the budget), or null when nothing of it may. */
  private admit(message: OutputMessage): OutputMessage | null {
    const { output } = message;
    const chars = outputChars(output);
    const isUpdate = message.displayId !== undefined && this.hasShown(message.displayId);
    if (isUpdate) {
      // An update replaces what is on screen: it adds nothing, unless it is alone over budget.
      if (chars <= this.limits.maxChars) return message;
      this.droppedOutputs++;
      return null;
    }
    const room = this.limits.maxChars - this.usedChars;
    if (!isStream(message) && this.outputs >= this.limits.maxOutputs) {
      this.droppedOutputs++;
      return null;
    }
    if (chars <= room) {
      this.usedChars += chars;
      return message;
    }
    if (output.kind === 'text' && room > 0) {
      this.usedChars = this.limits.maxChars;
      this.droppedChars += chars - room;
      return { ...message, output: { ...output, text: output.text.slice(0, room) } };
    }
    if (output.kind === 'text') this.droppedChars += chars;
    else this.droppedOutputs++;
    return null;
  }

  private hasShown(displayId: string): boolean {
    return this.shownIds.has(displayId);
  }

  private mergesWithQueued(message: OutputMessage): boolean {
    const last = this.queue.at(-1);
    return isStream(message) && last !== undefined && isStream(last) && last.output.kind === 'text' && message.output.kind === 'text' && last.output.stream === message.output.stream;
  }

  private enqueue(message: OutputMessage): void {
    const last = this.queue.at(-1);
    if (this.mergesWithQueued(message) && last?.output.kind === 'text' && message.output.kind === 'text') {
      this.queue[this.queue.length - 1] = { output: { ...last.output, text: last.output.text + message.output.text } };
      return;
    }
    if (message.displayId !== undefined) {
      const earlier = this.queue.findIndex((m) => m.displayId === message.displayId);
      const firstTime = !this.shownIds.has(message.displayId);
      this.shownIds.add(message.displayId);
      if (earlier >= 0) {
        this.queue[earlier] = message;
        return;
      }
      if (firstTime) this.outputs++;
    } else if (!isStream(message)) this.outputs++;
    this.queue.push(message);
  }
}

/** A plain print (no display id): consecutive ones merge into one text output. */
const isStream = (m: OutputMessage): boolean => m.displayId === undefined && m.output.kind === 'text' && m.output.stream !== undefined;

/** What the page shows after these messages: each update replaces the output with its display id. */
export function screenOf(messages: readonly OutputMessage[]): Output[] {
  const shown: { id?: string; output: Output }[] = [];
  for (const m of messages) {
    const at = m.displayId === undefined ? -1 : shown.findIndex((s) => s.id === m.displayId);
    if (at >= 0) shown[at] = { id: m.displayId, output: m.output };
    else shown.push({ ...(m.displayId === undefined ? {} : { id: m.displayId }), output: m.output });
  }
  return shown.map((s) => s.output);
}
