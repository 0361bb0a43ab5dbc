// The kernel's Web Worker: code cells run here, so a busy or runaway cell never freezes the page.
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { initTf } from '../core/tfjsGradients';
import { chunkTable } from './frame/bundle';
import type { HostToKernel, KernelToHost } from './protocol';
import { guardNetwork } from './sameOrigin';
import { browserBackendOrder, chooseTfBackend } from './tfBackend';
import { createWorkerKernel } from './workerKernel';

/** The wasm binaries are bundled assets: tell tfjs where the build put them (or the frame's blob: URLs of them, see the init). */
let wasmPaths: Record<string, string> = {
  'tfjs-backend-wasm.wasm': wasmPlainUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
};

const workerScope = self as unknown as DedicatedWorkerGlobalScope;

// Before any cell can run: the page's Content-Security-Policy does not reach this worker, so the
// worker itself refuses requests to other sites (see sameOrigin.ts).
guardNetwork(workerScope, workerScope.location.href);

/**
 * The kernel's end of its private channel (the init message brings it). Its `postMessage` is taken
 * now, before any cell runs: a cell that patches MessagePort.prototype cannot reach the channel.
 */
let sendToPage: ((message: KernelToHost) => void) | null = null;
const postMessageOfPort = MessagePort.prototype.postMessage;

const kernel = createWorkerKernel(
  (message: KernelToHost) => sendToPage?.(message),
  (requested) => chooseTfBackend(requested ? [...new Set([requested, 'cpu'] as const)] : browserBackendOrder, (backend) => initTf(backend, { wasmPaths })),
);

// close() says so first: in the kernel frame's opaque origin there are no Web Locks for the lifeline.
// Pinned on the scope and its prototype, so a cell reaches only this one.
const nativeClose = workerScope.close;
const closeSaying = function close(): void {
  sendToPage?.({ type: 'closing' });
  Reflect.apply(nativeClose, workerScope, []);
};
for (const owner of [workerScope, Object.getPrototypeOf(workerScope) as object]) {
  Object.defineProperty(owner, 'close', { value: closeSaying, writable: false, configurable: false });
}

// A debugging handle, outside the page protocol: leak checks and the browser's console for this
// worker read what the kernel holds with `await __kernel.memory()` (see the README).
Object.defineProperty(workerScope, '__kernel', { value: Object.freeze({ memory: () => kernel.memory() }) });

/**
 * Holds the page's lifeline lock until this worker ends (see HostToKernel 'init'). Messages wait
 * until it is held, so no cell runs in a worker whose end the page could miss.
 */
function holdLifeline(name: string): Promise<void> {
  const locks = workerScope.navigator.locks as LockManager | undefined;
  return new Promise<void>((held) => {
    try {
      // Without locks (or refused) the kernel works as before; only a silent end goes unnoticed.
      if (!locks) return held();
      locks
        .request(name, () => {
          sendToPage?.({ type: 'lifeline' });
          held();
          return new Promise<never>(() => undefined);
        })
        .catch(() => held());
    } catch {
      held();
    }
  });
}

let lifelineHeld: Promise<void> = Promise.resolve();
const receive = (message: HostToKernel): void => {
  if (message.type === 'init' && message.lifeline) lifelineHeld = holdLifeline(message.lifeline);
  // Every message waits on the same promise, so they stay in order.
  void lifelineHeld.then(() => kernel.onMessage(message));
};

// The page speaks once on the worker itself (the init, with the channel's port); after that only
// through the port. A cell's own listeners on `self` see nothing of the kernel's messages.
const onFirst = (event: MessageEvent<HostToKernel>): void => {
  const message = event.data;
  if (message.type !== 'init' || !message.port || sendToPage !== null) return;
  workerScope.removeEventListener('message', onFirst);
  const { port, files } = message;
  if (files) {
    // In the kernel frame: this module and its chunks came as blob: URLs (frame/bundle.ts).
    Object.defineProperty(globalThis, chunkTable, { value: Object.freeze({ ...files.chunks }) });
    wasmPaths = { ...files.wasm };
  }
  sendToPage = (m) => Reflect.apply(postMessageOfPort, port, [m]);
  port.onmessage = (e: MessageEvent<HostToKernel>) => receive(e.data);
  receive(message);
};
workerScope.addEventListener('message', onFirst);

// Errors no cell caught: shown as the running cell's error (or a kernel message), never lost in a console.
workerScope.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
  event.preventDefault();
  kernel.reportUncaught(event.reason, 'rejection');
});
workerScope.addEventListener('error', (event: ErrorEvent) => {
  event.preventDefault();
  kernel.reportUncaught(event.error ?? event.message, 'exception');
});
