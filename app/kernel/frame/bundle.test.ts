// Rewriting the kernel's built modules for blob: URLs: the shapes the bundler writes.
import { describe, expect, it } from 'vitest';
import { chunkTable, entryToken, prepareKernel, prepareModule } from './bundle';

describe('prepareModule', () => {
  it('routes lazy imports through the chunk table and fixes import.meta.url', () => {
    const entry = 'let u=new URL(`a.wasm`,import.meta.url).href;async function f(){let n=await import(`./dist-A.js`);return import("./dist-B.js")}';
    const prepared = prepareModule(entry, 'https://site.test/x/assets/worker-Q.js', 'worker-Q.js');
    expect(prepared.lazy).toEqual(['dist-A.js', 'dist-B.js']);
    expect(prepared.parts).toEqual([
      `let u=new URL(\`a.wasm\`,"https://site.test/x/assets/worker-Q.js").href;async function f(){let n=await import(globalThis.${chunkTable}["./dist-A.js"]);return import(globalThis.${chunkTable}["./dist-B.js"])}`,
    ]);
  });

  it('cuts the text around static imports, the entry named by its token', () => {
    const prepared = prepareModule('import{n as e}from"./worker-Q.js";import{u}from"./U.js";import"./V.js";e()', 'https://site.test/a/dist-A.js', 'worker-Q.js');
    expect(prepared.parts).toEqual(['import{n as e}from"', entryToken, '";import{u}from"', './U.js', '";import"', './V.js', '";e()']);
    expect(prepared.imports).toEqual(['U.js', 'V.js']);
  });
});

describe('prepareKernel', () => {
  const site = 'https://site.test/assets/';
  const kernelOf = async (files: Record<string, string>) => {
    const read: string[] = [];
    const kernel = await prepareKernel(`${site}worker-Q.js`, async (href) => {
      read.push(href.slice(site.length));
      return files[href.slice(site.length)];
    });
    return { kernel, read };
  };

  it('reads the entry and every chunk it reaches once, each chunk after those it imports', async () => {
    const { kernel, read } = await kernelOf({
      'worker-Q.js': 'import(`./a.js`);import(`./b.js`)',
      'a.js': 'import{x}from"./worker-Q.js";import{u}from"./u.js";import(`./b.js`)',
      'b.js': 'import{u}from"./u.js";export const b=1',
      'u.js': 'import{x}from"./worker-Q.js";export const u=1',
    });
    expect(read).toEqual(['worker-Q.js', 'a.js', 'b.js', 'u.js']);
    expect(kernel.chunks.map((c) => c.name)).toEqual(['./u.js', './a.js', './b.js']);
  });

  it('refuses an entry with static imports, and chunks importing each other in a cycle', async () => {
    await expect(kernelOf({ 'worker-Q.js': 'import"./a.js";' })).rejects.toThrow('imports modules statically');
    await expect(kernelOf({ 'worker-Q.js': 'import(`./a.js`)', 'a.js': 'import"./b.js"', 'b.js': 'import"./a.js"' })).rejects.toThrow('in a cycle through a.js');
  });
});
