// What the first screen must download before anything runs: the entry script and its static imports, sized as served (gzip).
import { request } from 'node:http';

export interface ServedFile {
  /** Path relative to the site root, e.g. "assets/index-abc.js". */
  path: string;
  /** Bytes on the wire (gzip when the server compresses it). */
  wireBytes: number;
  /** Bytes after decompression. */
  rawBytes: number;
}

export interface EntrySizes {
  /** The page's module script and every chunk it imports statically (the modulepreloads included). */
  scripts: ServedFile[];
  stylesheets: ServedFile[];
  scriptWireBytes: number;
}

/** Fetches `url` asking for gzip, without decompressing: the bytes as they cross the wire. */
export function fetchWire(url: string): Promise<{ status: number; encoding: string; wire: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, encoding: String(res.headers['content-encoding'] ?? 'identity'), wire: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function served(siteUrl: string, path: string): Promise<{ file: ServedFile; text: string }> {
  const url = new URL(path, siteUrl).href;
  const { status, encoding, wire } = await fetchWire(url);
  if (status !== 200) throw new Error(`siteSizes: ${url} answered HTTP ${status}`);
  const { gunzipSync } = await import('node:zlib');
  const raw = encoding === 'gzip' ? gunzipSync(wire) : wire;
  return { file: { path, wireBytes: wire.length, rawBytes: raw.length }, text: raw.toString('utf8') };
}

/** `src`/`href` of the tags in index.html that the browser fetches before the page runs. */
export function entryReferences(html: string): { scripts: string[]; stylesheets: string[] } {
  const attr = (tag: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]+)"`).exec(tag)?.[1];
  const scripts: string[] = [];
  const stylesheets: string[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    if (tag.startsWith('<script') && /\btype="module"/.test(tag)) {
      const src = attr(tag, 'src');
      if (src) scripts.push(src);
    } else if (/\brel="modulepreload"/.test(tag)) {
      const href = attr(tag, 'href');
      if (href) scripts.push(href);
    } else if (/\brel="stylesheet"/.test(tag)) {
      const href = attr(tag, 'href');
      if (href) stylesheets.push(href);
    }
  }
  return { scripts, stylesheets };
}

/**
 * Specifiers a module imports statically (`import x from "./a.js"`, `import "./a.js"`,
 * `export * from "./a.js"`); `import("./a.js")` loads lazily and is not one of them.
 */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{][^'"();]*?\bfrom\s*)?["']([^"']+)["']/g)) found.add(m[1]);
  return [...found];
}

/** Sizes of what index.html makes the browser download and run at once, following static imports. */
export async function measureEntry(siteUrl: string): Promise<EntrySizes> {
  const { text: html } = await served(siteUrl, './');
  const refs = entryReferences(html);
  const scripts: ServedFile[] = [];
  const seen = new Set<string>();
  const queue = refs.scripts.map((src) => new URL(src, siteUrl).href);
  while (queue.length > 0) {
    const url = queue.shift() as string;
    if (seen.has(url)) continue;
    seen.add(url);
    const path = url.slice(new URL('./', siteUrl).href.length);
    const { file, text } = await served(siteUrl, path);
    scripts.push(file);
    for (const spec of staticImports(text)) if (spec.startsWith('.') || spec.startsWith('/')) queue.push(new URL(spec, url).href);
  }
  const stylesheets = await Promise.all(refs.stylesheets.map(async (href) => (await served(siteUrl, href)).file));
  return { scripts, stylesheets, scriptWireBytes: scripts.reduce((sum, f) => sum + f.wireBytes, 0) };
}
