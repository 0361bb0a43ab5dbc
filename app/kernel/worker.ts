// The kernel's Web Worker: code cells run here, so a busy or runaway cell never freezes the page.
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { initTf } from '../core/tfjsGradients';
import type { HostToKernel, KernelToHost } from './protocol';
import { guardNetwork } from './sameOrigin';
import { browserBackendOrder, chooseTfBackend } from './tfBackend';
import { createWorkerKernel } from './workerKernel';

/** The wasm binaries are bundled assets: tell tfjs where the build put them. */
const wasmPaths = {
  'tfjs-backend-wasm.wasm': wasmPlainUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
};

const workerScope = self as unknown as DedicatedWorkerGlobalScope;

// Before any cell can run: the page's Content-Security-Policy does not reach this worker, so the
// worker itself refuses requests to other sites (see sameOrigin.ts).
guardNetwork(workerScope, workerScope.location.href);

const kernel = createWorkerKernel(
  (message: KernelToHost) => workerScope.postMessage(message),
  (requested) => chooseTfBackend(requested ? [...new Set([requested, 'cpu'] as const)] : browserBackendOrder, (backend) => initTf(backend, { wasmPaths })),
);

workerScope.addEventListener('message', (event: MessageEvent<HostToKernel>) => kernel.onMessage(event.data));

// Errors no cell caught: shown as the running cell's error (or a kernel message), never lost in a console.
workerScope.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
  event.preventDefault();
  kernel.reportUncaught(event.reason, 'rejection');
});
workerScope.addEventListener('error', (event: ErrorEvent) => {
  event.preventDefault();
  kernel.reportUncaught(event.error ?? event.message, 'exception');
});
