// Finds a Chromium or Chrome to drive the browser tests, or explains how to get one.
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

const executableNames = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

function inPlaywrightCache(): string | undefined {
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), '.cache', 'ms-playwright');
  if (!existsSync(cache)) return undefined;
  const builds = readdirSync(cache).filter((d) => d.startsWith('chromium')).sort().reverse();
  for (const build of builds) {
    for (const rel of ['chrome-linux64/chrome', 'chrome-linux/chrome', 'chrome-mac/Chromium.app/Contents/MacOS/Chromium']) {
      const candidate = join(cache, build, rel);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

/** The browser executable: CHROME_PATH, else a system Chromium/Chrome, else Playwright's cache. */
export function findChrome(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to "${fromEnv}", but no file is there.`);
  }
  for (const name of executableNames) {
    const found = onPath(name);
    if (found) return found;
  }
  const cached = inPlaywrightCache();
  if (cached) return cached;
  throw new Error(
    'The browser tests need Chromium or Chrome and found none. Install one ' +
      '(Debian/Ubuntu: `sudo apt-get install -y chromium`; macOS: install Google Chrome) ' +
      'or point CHROME_PATH at its executable, then run `npm test` again.',
  );
}
