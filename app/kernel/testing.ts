// Test helpers for the kernel: run cells through a host and collect what each one showed.
import { screenOf } from './outputs';
import type { KernelHost, Output, OutputMessage, RunResult } from './protocol';

export interface CellRun extends RunResult {
  messages: OutputMessage[];
  outputs: Output[];
  /** Every text output (prints, displayed strings), joined. */
  text: string;
}

/** Runs one cell and gathers its outputs (including any that arrive up to the run's end). */
export async function runCell(host: KernelHost, code: string, cellId = 'cell'): Promise<CellRun> {
  const messages: OutputMessage[] = [];
  const result = await host.run(cellId, code, (m) => messages.push(m));
  const outputs = screenOf(messages);
  const text = outputs.map((o) => (o.kind === 'text' ? o.text : '')).join('');
  return { ...result, messages, outputs, text };
}
