// Keeps the kernel on its own site: requests and module imports aimed at another origin are refused with a message.

/*
 * Why this is needed: the page's Content-Security-Policy (a <meta> in index.html) does not reach the
 * kernel. A dedicated Worker loaded from a same-origin URL takes its policy from its own response
 * headers, and a static host like GitHub Pages sends none, so without this a cell could fetch() or
 * import() anything. The worker installs `guardNetwork` before any cell runs; the compiler routes
 * every `import(...)` through `checkImportUrl`.
 */

export const offSiteReason = 'the notebook does not reach other sites (everything a cell needs is bundled with the page)';

/** A request a cell may not make: named after the DOMException a browser gives for a blocked request. */
export class OffSiteError extends Error {
  constructor(what: string, url: string, reason: string = offSiteReason) {
    super(`${what} ${url} refused: ${reason}`);
    this.name = 'SecurityError';
  }
}

const networkSchemes = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);

/**
 * The absolute URL `target` points at when it leaves `baseHref`'s site (another host, port or
 * http(s) scheme; WebSocket URLs compare by host), else null: relative URLs, same-origin ones and
 * local data: and blob: URLs stay. Without a base (Node) only absolute network URLs are off-site.
 */
export function offSiteUrl(target: string, baseHref: string | undefined): string | null {
  let url: URL;
  // Without a page, `//host/x` still names another site: the page would load it over https.
  const absolute = baseHref === undefined && /^\s*\/\//.test(target) ? `https:${target.trim()}` : target;
  try {
    url = new URL(absolute, baseHref);
  } catch {
    return null; // not a URL at all (a bare module name): nothing leaves through it
  }
  if (!networkSchemes.has(url.protocol)) return null;
  if (baseHref === undefined) return url.href;
  const base = new URL(baseHref);
  const sameSite = url.protocol === 'ws:' || url.protocol === 'wss:' ? url.host === base.host : url.origin === base.origin;
  return sameSite ? null : url.href;
}

/** The page's address as the kernel sees it (a Worker's location), or undefined in Node. */
const currentHref = (): string | undefined => (globalThis as { location?: { href?: string } }).location?.href;

/** What a cell's `import(specifier)` loads, checked: throws OffSiteError for another site. */
export function checkImportUrl(specifier: unknown): unknown {
  const target = offSiteUrl(String(specifier), currentHref());
  if (target !== null) throw new OffSiteError('import()', target);
  return specifier;
}

/** The URL a fetch() input names (a string, a URL or a Request). */
function inputUrl(input: unknown): string {
  if (typeof input === 'object' && input !== null && 'url' in input && typeof (input as { url: unknown }).url === 'string') return (input as { url: string }).url;
  return String(input);
}

/** Replaces a property for good: a cell cannot put the original back. */
function pin(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: false, configurable: false, enumerable: false });
}

type Constructor = new (...args: unknown[]) => object;

/** The URLs in a FontFace source (`url(a) format("woff2"), url(b)`). */
const fontSourceUrls = (source: unknown): string[] =>
  typeof source === 'string' ? [...source.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi)].map((m) => m[2]) : [];

/**
 * Replaces a constructor by one that checks the URLs in its arguments before making the native
 * object. The native prototype's `constructor` points back at the guard, so `new ws.constructor(url)`
 * is checked too. `refuseLocal`: blob: and data: URLs are refused too (a worker started from one
 * would run without these guards).
 */
function guardConstructor(scope: Record<string, unknown>, name: string, baseHref: string, urlsOf: (args: unknown[]) => string[], refuseLocal = false): void {
  const Native = scope[name] as Constructor | undefined;
  if (typeof Native !== 'function') return;
  const guarded = function (...args: unknown[]) {
    if (!new.target) throw new TypeError(`Failed to construct '${name}': Please use the 'new' operator.`);
    for (const url of urlsOf(args)) {
      const off = offSiteUrl(url, baseHref);
      if (off !== null) throw new OffSiteError(`new ${name}()`, off);
      if (refuseLocal && /^\s*(blob|data):/i.test(url)) {
        throw new OffSiteError(`new ${name}()`, `${url.trim().slice(0, 40)}…`, 'a cell cannot start workers from blob: or data: URLs (they would run without these checks)');
      }
    }
    return Reflect.construct(Native, args, Native);
  } as unknown as Constructor;
  Object.defineProperty(guarded, 'prototype', { value: Native.prototype });
  Object.defineProperty(Native.prototype, 'constructor', { value: guarded, writable: false, configurable: false });
  pin(scope, name, guarded);
}

/** Wraps a method (of a prototype, or a global function) so the URLs `urlsOf` finds in its arguments are checked first. */
function guardMethod(owner: object | undefined, method: string, label: string, baseHref: string, urlsOf: (args: unknown[]) => string[], rejects: boolean): void {
  const native = owner && (owner as Record<string, unknown>)[method];
  if (typeof native !== 'function') return;
  pin(owner as object, method, function (this: unknown, ...args: unknown[]) {
    for (const url of urlsOf(args)) {
      const off = offSiteUrl(url, baseHref);
      if (off === null) continue;
      const error = new OffSiteError(label, off);
      if (rejects) return Promise.reject(error);
      throw error;
    }
    // A global function called bare (`fetch(url)`) has no `this`: give it its global, as the engine would.
    return (native as (...a: unknown[]) => unknown).apply(this ?? owner, args);
  });
}

const argUrl = (at: number) => (args: unknown[]): string[] => [inputUrl(args[at])];

/**
 * Makes every way a worker has to reach the network refuse URLs off `baseHref`'s origin:
 * fetch, XMLHttpRequest, WebSocket, EventSource, WebTransport, importScripts, the Cache API,
 * nested workers (blob: and data: ones too) and FontFace sources. Same-origin requests (tfjs's
 * wasm files, lazily loaded chunks) pass unchanged.
 */
export function guardNetwork(scope: object, baseHref: string): void {
  const s = scope as Record<string, unknown>;
  guardMethod(scope, 'fetch', 'fetch()', baseHref, argUrl(0), true);
  guardMethod(scope, 'importScripts', 'importScripts()', baseHref, (args) => args.map(String), false);
  guardMethod((s.XMLHttpRequest as Constructor | undefined)?.prototype, 'open', 'XMLHttpRequest.open()', baseHref, argUrl(1), false);
  const cacheProto = (s.Cache as Constructor | undefined)?.prototype;
  guardMethod(cacheProto, 'add', 'cache.add()', baseHref, argUrl(0), true);
  guardMethod(cacheProto, 'addAll', 'cache.addAll()', baseHref, (args) => (Array.isArray(args[0]) ? args[0].map(inputUrl) : []), true);
  for (const name of ['WebSocket', 'EventSource', 'WebTransport']) guardConstructor(s, name, baseHref, argUrl(0));
  for (const name of ['Worker', 'SharedWorker']) guardConstructor(s, name, baseHref, argUrl(0), true);
  guardConstructor(s, 'FontFace', baseHref, (args) => fontSourceUrls(args[1]));
}
