// Messages between the page and the kernel's frame (see frameScript.ts and framedWorker.ts).
import type { HostToKernel } from '../protocol';

type Init = Extract<HostToKernel, { type: 'init' }>;

/** Page -> frame. */
export type FrameFromPage =
  /**
   * The kernel's files, once: `entry` is the worker's module, `chunks` the modules it imports, each
   * after those it imports; in a chunk's `parts` the odd ones name a module (`./x.js`, or
   * `entryToken`) whose blob: URL goes there (see bundle.ts).
   */
  | { jn: 'load'; entry: string; entryToken: string; chunks: { name: string; parts: string[] }[]; wasm: Record<string, ArrayBuffer> }
  | { jn: 'spawn'; id: number; init: Init }
  | { jn: 'terminate'; id: number }
  /** The page's heartbeat (heartbeat.ts): the frame answers `pong` at once, whatever its Workers do. */
  | { jn: 'ping'; n: number };

/** Frame -> page. */
export type FrameToPage =
  | { jn: 'frame-ready' }
  /** Worker `id` failed (its error event) or could not be made. */
  | { jn: 'error'; id: number; message: string }
  /** Worker `id` posted on itself: not the kernel's channel; the data stays in the frame. */
  | { jn: 'self'; id: number }
  | { jn: 'pong'; n: number };
