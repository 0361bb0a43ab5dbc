// Test helpers for the kernel: run cells through a host and collect what each one showed.
import type { KernelHost, Output, OutputMessage, RunResult } from './protocol';

export interface CellRun extends RunResult {
  messages: OutputMessage[];
  outputs: Output[];
  /** Every text output (prints, displayed strings), joined. */
  text: string;
}

/** Applies display-id updates in place, as the page does. */
export function screenOf(messages: readonly OutputMessage[]): Output[] {
  const shown: { id?: string; output: Output }[] = [];
  for (const m of messages) {
    const at = m.displayId === undefined ? -1 : shown.findIndex((s) => s.id === m.displayId);
    if (at >= 0) shown[at] = { id: m.displayId, output: m.output };
    else shown.push({ ...(m.displayId === undefined ? {} : { id: m.displayId }), output: m.output });
  }
  return shown.map((s) => s.output);
}

/** Runs one cell and gathers its outputs (including any that arrive up to the run's end). */
export async function runCell(host: KernelHost, code: string, cellId = 'cell'): Promise<CellRun> {
  const messages: OutputMessage[] = [];
  const result = await host.run(cellId, code, (m) => messages.push(m));
  const outputs = screenOf(messages);
  const text = outputs.map((o) => (o.kind === 'text' ? o.text : '')).join('');
  return { ...result, messages, outputs, text };
}
