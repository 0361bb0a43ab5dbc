// Builds the site once and serves it under a sub-path, gzip-compressed, for every browser test.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChrome } from './chrome';
import { serveStatic } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    siteOrigin: string;
  }
}

export const basePath = '/jacobian-notebook/';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  findChrome(); // fail first, with the message saying how to get a browser
  const root = join(import.meta.dirname, '..');
  // E2E_DIST=<dir> serves an existing build; otherwise build into a private folder, so that
  // several runs at once (and `npm run build`) never overwrite each other's files.
  let dist = process.env.E2E_DIST;
  let ownBuild = false;
  if (!dist) {
    dist = mkdtempSync(join(tmpdir(), 'jn-site-'));
    ownBuild = true;
    execFileSync(
      process.execPath,
      [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', dist, '--emptyOutDir'],
      // vitest sets NODE_ENV=test, which would give a development build of React: test what ships.
      { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
    );
  }
  const site = await serveStatic(dist, basePath);
  project.provide('siteUrl', site.url);
  project.provide('siteOrigin', site.origin);
  return async () => {
    await site.close();
    if (ownBuild) rmSync(dist, { recursive: true, force: true });
  };
}
