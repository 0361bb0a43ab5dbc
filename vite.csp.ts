// The page's Content-Security-Policy, written into the built index.html as a <meta> (static hosts send no headers).
import type { Plugin } from 'vite';

/**
 * What the built page may load and run. Each source, and why it is needed:
 * - script-src 'self': only the bundled scripts; no inline script, no eval (the kernel's eval runs in
 *   the kernel frame's Worker, under the frame's policy).
 * - style-src 'unsafe-inline': KaTeX's HTML carries style attributes, Plotly and CodeMirror add
 *   <style> elements; styles cannot run script.
 * - img-src data: blob:: Plotly's SVG images and its "download plot" (a blob: URL).
 * - font-src data:: Vite inlines KaTeX's smallest font into the CSS as a data: URL.
 * - worker-src 'self': the offline service worker (and the kernel Worker under the dev server).
 * - frame-src 'self': the kernel's frame, kernel-frame.html, sandboxed to an opaque origin under its
 *   own policy that refuses every connection (vite.kernelFrame.ts); cells run there.
 * - object-src 'none', base-uri 'self', form-action 'none': no plugins, no <base> hijack, no form
 *   posting anywhere.
 * Not settable from a <meta> (a host that can send headers should add them): frame-ancestors
 * (who may frame the page), report-to, sandbox.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "frame-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/**
 * Adds the policy to the built page only: the dev server's hot reload injects an inline script the
 * policy would (rightly) refuse.
 */
export function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'content-security-policy-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy }, injectTo: 'head-prepend' }],
    },
  };
}
