// Builds the site once and serves it under a sub-path, gzip-compressed, for every browser test.
import { execFileSync } from 'node:child_process';
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
  if (process.env.E2E_SKIP_BUILD !== '1') {
    execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
    });
  }
  const site = await serveStatic(join(root, 'dist'), basePath);
  project.provide('siteUrl', site.url);
  project.provide('siteOrigin', site.origin);
  return () => site.close();
}
