// Switching TensorFlow.js backends for a while (the timing study times each one the device offers),
// always restoring the kernel's own backend afterwards.
import type { Tf, TfBackendName } from '../../core/tfjsGradients';
import type { Unavailable } from './timing';

/** In a browser (page or Worker) rather than Node: there the wasm binaries are bundled assets. */
const inBrowser = (): boolean => typeof process === 'undefined' || !process.versions?.node;

/** The backends worth trying here: WebGL only where a canvas can exist (a page, or a Worker with OffscreenCanvas). */
export function offeredBackends(): TfBackendName[] {
  const canvas = typeof OffscreenCanvas !== 'undefined' || typeof document !== 'undefined';
  return canvas && inBrowser() ? ['cpu', 'wasm', 'webgl'] : ['cpu', 'wasm'];
}

/**
 * Where the build put the wasm binaries (the same assets the kernel's Worker uses). A glob, so the
 * build resolves the hashed names while Node, which finds the binaries itself, never evaluates it.
 */
function browserWasmPaths(): Record<string, string> {
  const urls = import.meta.glob<string>('/node_modules/@tensorflow/tfjs-backend-wasm/dist/*.wasm', { query: '?url', import: 'default', eager: true, exhaustive: true });
  return Object.fromEntries(Object.entries(urls).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]));
}

/** Registers the wasm backend (and, in a browser, tells it where its binaries are) unless it is running already. */
async function prepareWasm(tf: Tf): Promise<void> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const started = (() => {
    try {
      return tf.engine().registry.wasm !== undefined;
    } catch {
      return false;
    }
  })();
  if (!started && inBrowser()) wasm.setWasmPaths(browserWasmPaths());
}

/** Makes `backend` the active one; the reason when it cannot start. */
async function activate(tf: Tf, backend: TfBackendName): Promise<string | null> {
  try {
    if (backend === 'wasm') await prepareWasm(tf);
    if (!(await tf.setBackend(backend))) return 'it did not start on this device';
    await tf.ready();
    return tf.getBackend() === backend ? null : `tfjs chose ${tf.getBackend()} instead`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Runs `work` with `backend` active, then switches back to the backend that was active before (also
 * when `work` throws). A backend that cannot start gives an Unavailable row named `name`.
 */
export async function withBackend<T>(tf: Tf, backend: TfBackendName, name: string, work: () => Promise<T>): Promise<T | Unavailable> {
  const original = tf.getBackend();
  try {
    const problem = backend === original ? null : await activate(tf, backend);
    if (problem !== null) return { name, unavailable: problem };
    return await work();
  } finally {
    if (tf.getBackend() !== original) await tf.setBackend(original);
  }
}

/** The active backend and whether it computes in float32 (WebGL on some GPUs, many phones among them, uses 16-bit floats). */
export function tfPrecision(tf: Tf): { backend: string; float32: boolean } {
  const backend = tf.getBackend();
  const float32 = backend !== 'webgl' || tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED');
  return { backend, float32 };
}
