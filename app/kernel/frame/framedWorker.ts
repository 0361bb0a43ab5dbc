// The kernel's Worker made inside a sandboxed frame of an opaque origin: cell code reaches nothing of the site's.
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import workerUrl from '../worker.ts?worker&url';
import type { HostToKernel } from '../protocol';
import type { KernelWorker } from '../workerHost';
import { entryToken, prepareKernel } from './bundle';
import type { FrameFromPage, FrameToPage } from './frameProtocol';
import { answered, heartbeatStart, pingEveryMs, tick } from './heartbeat';

/** The frame's page, built by vite.kernelFrame.ts next to index.html. */
export const kernelFrameFile = 'kernel-frame.html';

/** tfjs's wasm binary, or an empty one if it cannot be read: tfjs then starts on cpu and says why. */
const wasmBytes = (href: string): Promise<ArrayBuffer> =>
  fetch(href).then((r) => (r.ok ? r.arrayBuffer() : new ArrayBuffer(0)), () => new ArrayBuffer(0));

/** What the frame needs, read by the page: the kernel's modules as text and tfjs's wasm binaries. */
async function readKernelFiles(): Promise<Extract<FrameFromPage, { jn: 'load' }>> {
  const entryHref = new URL(workerUrl, document.baseURI).href;
  const [kernel, plain, simd] = await Promise.all([
    prepareKernel(entryHref, async (href) => {
      const response = await fetch(href);
      if (!response.ok) throw new Error(`${href} answered ${response.status}`);
      return response.text();
    }),
    wasmBytes(new URL(wasmPlainUrl, document.baseURI).href),
    wasmBytes(new URL(wasmSimdUrl, document.baseURI).href),
  ]);
  // tfjs wants a path for the threaded build too; it loads it only where SharedArrayBuffer exists
  // (cross-origin isolation), never in the frame: an empty file would fail loudly, not silently.
  const wasm = { 'tfjs-backend-wasm.wasm': plain, 'tfjs-backend-wasm-simd.wasm': simd, 'tfjs-backend-wasm-threaded-simd.wasm': new ArrayBuffer(0) };
  return { jn: 'load', entryToken, ...kernel, wasm };
}

/** What the page keeps of each Worker in the frame. */
interface FramedEnd {
  heard(message: Extract<FrameToPage, { id: number }>): void;
  /** The frame is gone (it stopped answering): so is the Worker. */
  lost(why: string): void;
}

interface Frame {
  iframe: HTMLIFrameElement;
  /** Resolves once the frame's script runs. */
  ready: Promise<Window>;
  ends: Map<number, FramedEnd>;
  /** Stops listening to the frame and pinging it. */
  stop(): void;
}

let frame: Frame | null = null;
/** The frame, once it holds the kernel's files; null again after a failure, so Restart tries anew. */
let loaded: Promise<Window> | null = null;

const lostWhy = 'the browser ended it, most likely because it ran out of memory (its frame stopped answering)';

/** The frame went quiet: it is removed, its Workers are told, and the next Worker gets a new frame. */
function lose(gone: Frame): void {
  if (frame !== gone) return;
  frame = null;
  loaded = null;
  gone.stop();
  gone.iframe.remove();
  const ends = [...gone.ends.values()];
  gone.ends.clear();
  for (const end of ends) end.lost(lostWhy);
}

/** Pings the frame once it is up; four unanswered pings in a row and it is lost (heartbeat.ts). */
function startHeartbeat(current: Frame, target: Window): { answer(n: number): void; stop(): void } {
  let beat = heartbeatStart;
  const timer = setInterval(() => {
    const next = tick(beat);
    beat = next.state;
    if (next.lost) return lose(current);
    target.postMessage({ jn: 'ping', n: next.ping } satisfies FrameFromPage, '*');
  }, pingEveryMs);
  return { answer: (n) => (beat = answered(beat, n)), stop: () => clearInterval(timer) };
}

/**
 * The one kernel frame of this page. Its inner frame, `sandbox="allow-scripts"` without
 * `allow-same-origin`, has an opaque origin (no storage, caches, service worker or cookies of the
 * site), and the policy it inherits refuses every connection (see vite.kernelFrame.ts).
 */
function kernelFrame(): Frame {
  if (frame) return frame;
  // kernel-frame.html runs no script: it carries the kernel's policy and the sandboxed frame that
  // runs frameScript.ts (see vite.kernelFrame.ts for why two).
  const iframe = document.createElement('iframe');
  iframe.setAttribute('aria-hidden', 'true');
  iframe.setAttribute('tabindex', '-1');
  iframe.title = 'kernel';
  iframe.hidden = true;
  iframe.dataset.kernelFrame = '';
  iframe.src = new URL(kernelFrameFile, document.baseURI).href;
  const ends = new Map<number, FramedEnd>();
  let heartbeat: ReturnType<typeof startHeartbeat> | null = null;
  let listener: ((event: MessageEvent<FrameToPage>) => void) | null = null;
  const current: Frame = {
    iframe,
    ends,
    ready: new Promise<Window>((resolve) => {
      listener = (event) => {
        const inner = iframe.contentWindow?.frames[0];
        if (!inner || event.source !== inner) return;
        const message = event.data;
        if (message?.jn === 'frame-ready') {
          heartbeat ??= startHeartbeat(current, inner);
          resolve(inner);
        } else if (message?.jn === 'pong' && typeof message.n === 'number') heartbeat?.answer(message.n);
        else if ((message?.jn === 'error' || message?.jn === 'self') && typeof message.id === 'number') ends.get(message.id)?.heard(message);
      };
      window.addEventListener('message', listener);
    }),
    stop() {
      heartbeat?.stop();
      if (listener) window.removeEventListener('message', listener);
    },
  };
  document.body.append(iframe);
  frame = current;
  return current;
}

/** The frame holding the kernel's files: read and sent once, again after a failure. */
function loadedFrame(): Promise<Window> {
  const { ready } = kernelFrame();
  if (loaded) return loaded;
  const attempt = Promise.all([ready, readKernelFiles()]).then(([target, load]) => {
    target.postMessage(load, '*', Object.values(load.wasm));
    return target;
  });
  loaded = attempt;
  attempt.catch(() => {
    if (loaded === attempt) loaded = null;
  });
  return attempt;
}

let nextId = 0;

/** A KernelWorker whose Worker lives in the kernel frame; made at once, it starts once the frame holds the kernel's files. */
export function createFramedWorker(): KernelWorker {
  const { ends } = kernelFrame();
  const id = ++nextId;
  let ended = false;
  const worker: KernelWorker = {
    onmessage: null,
    onerror: null,
    onlost: null,
    postMessage(message: HostToKernel, transfer: Transferable[] = []) {
      if (message.type !== 'init') throw new Error('the kernel frame takes only the init; later messages go through its port');
      loadedFrame().then(
        (target) => {
          if (!ended) target.postMessage({ jn: 'spawn', id, init: message } satisfies FrameFromPage, '*', transfer);
        },
        (error: unknown) => worker.onerror?.(new ErrorEvent('error', { message: `the kernel's files could not be read (${error instanceof Error ? error.message : String(error)})` })),
      );
    },
    terminate() {
      ended = true;
      ends.delete(id);
      void loaded?.then((target) => target.postMessage({ jn: 'terminate', id } satisfies FrameFromPage, '*'), () => undefined);
    },
  };
  ends.set(id, {
    heard(message) {
      if (message.jn === 'error') worker.onerror?.(new ErrorEvent('error', { message: message.message }));
      else worker.onmessage?.(new MessageEvent('message', { data: undefined }));
    },
    lost(why) {
      ended = true;
      worker.onlost?.(why);
    },
  });
  return worker;
}
