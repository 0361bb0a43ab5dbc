// The script of the kernel's frame (a sandboxed document of an opaque origin, inside kernel-frame.html): it makes the kernel's Worker and relays the page's orders.
import type { FrameFromPage, FrameToPage } from './frameProtocol';

/**
 * Written into `kernel-frame.html` as the source of this function (its hash is in the frame's CSP),
 * so it must hold everything it uses: no imports at run time, only types. The page sends the
 * kernel's files once (`load`: text and wasm bytes, since this origin can read nothing of the
 * site), then `spawn`/`terminate` per worker. What a worker posts on itself is never passed on:
 * the page only hears that it happened (a cell posting outside the kernel's channel).
 */
export function kernelFrame(): void {
  let entryUrl: string | null = null;
  const chunks: Record<string, string> = {};
  const wasm: Record<string, string> = {};
  const workers = new Map<number, Worker>();
  // This frame sits inside kernel-frame.html, which sits in the page.
  const page = parent.parent;
  const toPage = (message: FrameToPage, transfer: Transferable[] = []): void => page.postMessage(message, '*', transfer);
  const blobUrl = (part: BlobPart, type: string): string => URL.createObjectURL(new Blob([part], { type }));

  addEventListener('message', (event: MessageEvent<FrameFromPage>) => {
    if (event.source !== page) return;
    const message = event.data;
    if (message.jn === 'ping') {
      toPage({ jn: 'pong', n: message.n });
    } else if (message.jn === 'load') {
      if (entryUrl !== null) return;
      // Chromium starts no module worker from a blob: URL of an opaque origin, but a classic one
      // may import() the module: it says so once (its first message), then the page's init follows.
      const moduleUrl = blobUrl(message.entry, 'text/javascript');
      entryUrl = blobUrl(`import(${JSON.stringify(moduleUrl)}).then(() => postMessage('booted'), (e) => setTimeout(() => { throw e; }));`, 'text/javascript');
      const urls: Record<string, string> = { [message.entryToken]: moduleUrl };
      for (const { name, parts } of message.chunks) {
        urls[name] = blobUrl(parts.map((part, i) => (i % 2 === 1 ? urls[part] : part)).join(''), 'text/javascript');
        chunks[name] = urls[name];
      }
      for (const [name, bytes] of Object.entries(message.wasm)) wasm[name] = blobUrl(bytes, 'application/wasm');
    } else if (message.jn === 'spawn') {
      if (entryUrl === null) return toPage({ jn: 'error', id: message.id, message: 'the kernel frame has no kernel script' });
      const { id, init } = message;
      let worker: Worker;
      try {
        worker = new Worker(entryUrl, { name: 'kernel' });
      } catch (error) {
        return toPage({ jn: 'error', id, message: String(error) });
      }
      workers.set(id, worker);
      let booted = false;
      const transfer: Transferable[] = init.port ? [init.port, init.params.values.buffer] : [init.params.values.buffer];
      worker.onmessage = () => {
        // Before the init no cell has run: the first message is the boot's.
        if (booted) return toPage({ jn: 'self', id });
        booted = true;
        worker.postMessage({ ...init, files: { chunks, wasm } }, transfer);
      };
      worker.onmessageerror = () => toPage({ jn: 'self', id });
      worker.onerror = (error) => {
        error.preventDefault();
        toPage({ jn: 'error', id, message: String(error.message || '') });
      };
    } else if (message.jn === 'terminate') {
      workers.get(message.id)?.terminate();
      workers.delete(message.id);
    }
  });
  toPage({ jn: 'frame-ready' });
}
