// The page's kernel Worker: in the built site inside the sandboxed kernel frame, under the dev server a plain module worker.
import workerUrl from './worker.ts?worker&url';
import { createFramedWorker } from './frame/framedWorker';
import type { KernelWorker } from './workerHost';

/**
 * The dev server has no kernel frame (its page is built at build time) and no CSP; the built site
 * always runs cells in the frame, where the browser, not the kernel, keeps them off the site.
 */
export const createKernelWorker = (): KernelWorker =>
  import.meta.env.PROD ? createFramedWorker() : (new Worker(workerUrl, { type: 'module' }) as unknown as KernelWorker);
