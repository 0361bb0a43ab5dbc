// Offline: after one visit the service worker serves everything, and Run all still works without a network.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, type Session } from './browser';

describe('offline use', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch(inject('siteOrigin'));
  });
  afterAll(async () => {
    await session?.close();
  });

  it('reloads and runs every cell with the network off', async () => {
    const { page, context } = session;
    await page.goto(inject('siteUrl'));
    await expect(page.getByTestId('update-prompt').textContent({ timeout: 60_000 })).resolves.toContain(
      'Ready to work offline',
    );
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      let entries = 0;
      for (const name of names) entries += (await (await caches.open(name)).keys()).length;
      return entries;
    });
    expect(cached).toBeGreaterThan(10);

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('button', { name: 'Run all' }).click();
    const codeCells = page.locator('[data-cell-type="code"]');
    const count = await codeCells.count();
    expect(count).toBeGreaterThan(0);
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-cell-type="code"]')].every((cell) =>
          ['done', 'error'].includes(cell.getAttribute('data-cell-status') ?? ''),
        ),
      undefined,
      { timeout: 90_000 },
    );
    const statuses = await codeCells.evaluateAll((cells) => cells.map((c) => c.getAttribute('data-cell-status')));
    expect(statuses).toEqual(statuses.map(() => 'done'));
    await context.setOffline(false);
  });

  it('with the service worker installed, an address under another folder is never a blank page', async () => {
    const { page, context } = session;
    const site = inject('siteUrl');
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state)).toBe('activated');
    for (const path of ['some/folder/', 'some/folder/index.html', 'assets/']) {
      await page.goto(new URL(path, site).href);
      // Not the notebook (its assets would be looked for under the wrong folder): the 404 page, whose link comes back to it.
      const home = page.getByRole('link', { name: 'Open the notebook' });
      await expect.poll(() => home.getAttribute('href'), { message: path }).toBe(new URL(site).pathname);
      expect(((await page.locator('body').textContent()) ?? '').trim()).toContain('Page not found');
      await home.click();
      await page.locator('main.notebook [data-cell]').first().waitFor({ timeout: 30_000 });
    }
    // The notebook's own address with a query (a slide link) is served from the cache, offline too.
    await context.setOffline(true);
    await page.goto(`${site}?present=2`);
    await expect.poll(() => page.locator('main.notebook [data-cell]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await context.setOffline(false);
  });
});
