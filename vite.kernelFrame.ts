// The kernel's frame page, kernel-frame.html, written into the build: its script inline, allowed by its hash in the frame's own CSP.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'sucrase';
import type { Plugin } from 'vite';

/**
 * What the kernel frame (its inner frame, and the Worker that makes, inherit this policy) may do: run its own
 * script, the kernel's modules from blob: URLs it made, eval (cells are compiled at run time) and
 * WebAssembly; fetch only its own blob: URLs (tfjs reads its wasm binary so). Nothing else: no
 * connection, image, font, style or frame of any origin, so a cell's request to another site is
 * refused by the browser. The inner frame is sandboxed (allow-scripts only): an opaque origin.
 */
export const kernelFramePolicy = (scriptHash: string): string =>
  [
    "default-src 'none'",
    `script-src '${scriptHash}' blob: 'unsafe-eval' 'wasm-unsafe-eval'`,
    'worker-src blob:',
    'connect-src blob:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

const escapeAttribute = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The frame's page. It runs no script itself: it holds the policy, and an inner frame,
 * `sandbox="allow-scripts"` with its document in `srcdoc`, which inherits that policy and runs
 * `kernelFrame()` of app/kernel/frame/frameScript.ts in an opaque origin. Why two: the browser
 * sends the navigation of a sandboxed frame past the service worker (so offline it would not load),
 * and a frame made of `srcdoc`, `blob:` or `data:` takes the page's own policy, which has no eval.
 * This page is a same-origin file the service worker serves, carrying the kernel's policy.
 */
export function kernelFrameHtml(root: string): string {
  const source = readFileSync(join(root, 'app/kernel/frame/frameScript.ts'), 'utf8');
  const js = transform(source, { transforms: ['typescript'], disableESTransforms: true }).code.replace(/^export /m, '').replace(/^"use strict";\n?/, '');
  const script = `${js.trim()}\nkernelFrame();\n`;
  const hash = `sha256-${createHash('sha256').update(script).digest('base64')}`;
  const inner = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>kernel</title></head><body><script>${script}</script></body></html>`;
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${kernelFramePolicy(hash)}">`,
    '<title>kernel</title></head><body>',
    `<iframe sandbox="allow-scripts" title="kernel" srcdoc="${escapeAttribute(inner)}"></iframe>`,
    '</body></html>',
    '',
  ].join('\n');
}

/** Emits kernel-frame.html next to index.html (the built site only: the dev server runs the kernel in a plain Worker). */
export function kernelFrame(root: string): Plugin {
  return {
    name: 'kernel-frame',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'kernel-frame.html', source: kernelFrameHtml(root) });
    },
  };
}
