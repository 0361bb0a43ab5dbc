// Choosing the tfjs backend for the kernel: the first of a preference list that starts, with notes on the others.
import type { TfBackendName, TfInit } from '../core/tfjsGradients';

/**
 * In the browser: WebAssembly, else plain JavaScript. Not WebGL: the lesson's tensors are tiny, and
 * there compiling shaders costs seconds (1.4-4.6 s for the first tfjs cell on a software GPU, also
 * felt on laptops and phones) and each gradient ~13 ms against ~1 ms on wasm or cpu. The timing
 * study still times WebGL, and `?backend=webgl` asks for it.
 */
export const browserBackendOrder: readonly TfBackendName[] = ['wasm', 'cpu'];

const backendLabel: Record<TfBackendName, string> = { webgl: 'WebGL', wasm: 'WebAssembly', cpu: 'cpu' };

/** The cause inside initTf's note ('tfjs backend "wasm" is unavailable (cause); using cpu'), if it gives one. */
const reasonOf = (note: string): string => /is unavailable \((.*)\); using \w+$/.exec(note)?.[1] ?? (/failed to initialise/.test(note) ? '' : note);

/**
 * Tries each backend in `order` through `init` (initTf, which falls back to cpu itself and says why
 * in its notes) and keeps the first that starts as asked; notes read e.g.
 * "WebAssembly unavailable (...): using cpu". The last resort is whatever `init` gave for it.
 */
export async function chooseTfBackend(order: readonly TfBackendName[], init: (backend: TfBackendName) => Promise<TfInit>): Promise<TfInit> {
  if (order.length === 0) throw new Error('chooseTfBackend: no backend to try');
  const failures: string[] = [];
  let last: TfInit | null = null;
  for (const backend of order) {
    let result: TfInit;
    try {
      result = await init(backend);
    } catch (error) {
      failures.push(`${backendLabel[backend]} unavailable (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    last = result;
    if (result.backend === backend) {
      const notes = failures.map((failure) => `${failure}: using ${result.backend}`);
      return { ...result, notes };
    }
    const reason = result.notes.map(reasonOf).filter(Boolean).join('; ');
    failures.push(`${backendLabel[backend]} unavailable${reason ? ` (${reason})` : ''}`);
  }
  if (!last) throw new Error(`no tfjs backend could start: ${failures.join('; ')}`);
  const used = last.backend;
  return { ...last, notes: failures.map((failure) => `${failure}: using ${used}`) };
}
