// The kernel's built modules made loadable from blob: URLs in an opaque origin: relative imports and import.meta.url rewritten.

/** In a module's parts, stands for the entry's URL (known only once the frame made its blob: URL). */
export const entryToken = '<kernel entry>';

/** Where the entry reads a lazily imported chunk's blob: URL (set by worker.ts from the init). */
export const chunkTable = '__jacobianKernelChunks';

const dynamicImport = /\bimport\(\s*([`'"])\.\/([\w.-]+\.js)\1\s*\)/g;
const staticImport = /\b(from\s*|import\s*)([`'"])\.\/([\w.-]+\.js)\2/g;

/**
 * A module as text around the modules it imports statically: even parts are text, odd parts name
 * a module (`./x.js`, or `entryToken`) whose blob: URL the frame puts there.
 */
export interface PreparedModule {
  parts: string[];
  /** Chunks it imports lazily and statically, by name (`dist-x.js`). */
  lazy: string[];
  imports: string[];
}

/**
 * One module of the kernel's build, rewritten: `import('./x.js')` reads the blob: URL from the
 * chunk table, a static import becomes a part the frame fills in, and `import.meta.url` becomes
 * `href` (the module's address on the site, used only to name files).
 */
export function prepareModule(text: string, href: string, entryName: string): PreparedModule {
  const lazy = new Set<string>();
  const imports = new Set<string>();
  const rewritten = text
    .replace(dynamicImport, (_m, _q: string, name: string) => {
      lazy.add(name);
      return `import(globalThis.${chunkTable}[${JSON.stringify(`./${name}`)}])`;
    })
    .replace(/\bimport\.meta\.url\b/g, JSON.stringify(href));
  const parts: string[] = [];
  let last = 0;
  for (const match of rewritten.matchAll(staticImport)) {
    const [whole, lead, quote, name] = match;
    const at = match.index as number;
    if (name !== entryName) imports.add(name);
    parts.push(`${rewritten.slice(last, at)}${lead}${quote}`, name === entryName ? entryToken : `./${name}`);
    last = at + whole.length - quote.length;
  }
  parts.push(rewritten.slice(last));
  return { parts, lazy: [...lazy], imports: [...imports] };
}

/** What the frame's `load` message carries: the entry's text and its chunks, each after the chunks it imports. */
export interface PreparedKernel {
  entry: string;
  chunks: { name: string; parts: string[] }[];
}

/**
 * The entry at `entryHref` and every chunk it reaches (lazily, then statically), read with `read`
 * and prepared. The entry may import nothing statically, and chunks not each other in a cycle
 * (the frame makes each blob: URL after those it names): else this throws, naming the module.
 */
export async function prepareKernel(entryHref: string, read: (href: string) => Promise<string>): Promise<PreparedKernel> {
  const entryName = new URL(entryHref).pathname.split('/').pop() as string;
  const entry = prepareModule(await read(entryHref), entryHref, entryName);
  if (entry.parts.length > 1) throw new Error(`the kernel's entry ${entryName} imports modules statically, which the kernel frame cannot load`);
  const modules = new Map<string, PreparedModule>();
  const queue = [...entry.lazy];
  while (queue.length > 0) {
    const name = queue.shift() as string;
    if (modules.has(name)) continue;
    const href = new URL(name, entryHref).href;
    const chunk = prepareModule(await read(href), href, entryName);
    modules.set(name, chunk);
    queue.push(...chunk.lazy, ...chunk.imports);
  }
  const ordered: { name: string; parts: string[] }[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string): void => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`the kernel's chunks import each other in a cycle through ${name}`);
    state.set(name, 'visiting');
    const chunk = modules.get(name) as PreparedModule;
    chunk.imports.forEach(visit);
    state.set(name, 'done');
    ordered.push({ name: `./${name}`, parts: chunk.parts });
  };
  [...modules.keys()].forEach(visit);
  return { entry: entry.parts[0], chunks: ordered };
}
