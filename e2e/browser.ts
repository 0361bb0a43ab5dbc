// Launches headless Chromium for a test, and records what a page should never do (console errors, off-origin requests).
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { findChrome } from './chrome';

export const artifactsDir = join(import.meta.dirname, 'artifacts');

export interface LaunchOptions {
  viewport?: { width: number; height: number };
  extraArgs?: string[];
  colorScheme?: 'light' | 'dark';
  /** A phone: touch events and a mobile viewport (meta viewport, `pointer: coarse`). */
  touch?: boolean;
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors seen so far. */
  consoleErrors: string[];
  /** Requests to any origin other than the site's own (data: and blob: are local). */
  offOrigin: string[];
  close(): Promise<void>;
}

const baseArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** A fresh browser profile (nothing cached, nothing stored) with one page, watching `origin`. */
export async function launch(origin: string, options: LaunchOptions = {}): Promise<Session> {
  const profile = mkdtempSync(join(tmpdir(), 'jn-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChrome(),
    headless: true,
    args: [...baseArgs, ...(options.extraArgs ?? [])],
    viewport: options.viewport ?? { width: 1280, height: 720 },
    colorScheme: options.colorScheme ?? 'light',
    ...(options.touch ? { hasTouch: true, isMobile: true } : {}),
  });
  const consoleErrors: string[] = [];
  const offOrigin: string[] = [];
  const watch = (page: Page): void => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
    page.on('pageerror', (err) => consoleErrors.push(`pageerror: ${err.message}`));
  };
  context.on('page', watch);
  context.on('response', (res) => {
    if (res.status() >= 400) consoleErrors.push(`HTTP ${res.status()} for ${res.url()}`);
  });
  context.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (!url.startsWith(origin)) offOrigin.push(url);
  });
  const page = context.pages()[0] ?? (await context.newPage());
  watch(page);
  return {
    context,
    page,
    consoleErrors,
    offOrigin,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot under e2e/artifacts/ for a person to look at. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}
