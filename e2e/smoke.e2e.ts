// The built site opens under a sub-path without errors and without leaving its origin.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, screenshot, type Session } from './browser';

describe('the built site', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch(inject('siteOrigin'));
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows the title, logs no console errors and requests nothing off its origin', async () => {
    const { page } = session;
    await page.goto(inject('siteUrl'));
    await expect(page.getByRole('heading', { level: 1 }).first().textContent()).resolves.toContain('Jacobian Notebook');
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'smoke-1280x720');
    expect(session.consoleErrors).toEqual([]);
    expect(session.offOrigin).toEqual([]);
  });

  it('Run all pressed far down the lesson keeps the lesson on screen and never moves the page up', async () => {
    const page = await session.context.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { hidden: string[] }).hidden = seen;
      new MutationObserver(() => {
        if (document.querySelector('p.loading')) seen.push(`"Loading the lesson…" at ${Math.round(performance.now())} ms`);
        if (document.querySelector('main.notebook[style*="none"]')) seen.push(`the lesson hidden at ${Math.round(performance.now())} ms`);
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['style'] });
    });
    await page.goto(inject('siteUrl'));
    const runAll = page.getByRole('button', { name: 'Run all' });
    await runAll.waitFor();
    await page.locator('[data-cell="13-comparison"]').scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => {
      (window as unknown as { hidden: string[] }).hidden.length = 0;
      return scrollY;
    });
    expect(before).toBeGreaterThan(1000);
    await runAll.click();
    await page.waitForFunction(() => document.querySelector('[data-cell="14-comparison"]')?.getAttribute('data-cell-status') === 'done', undefined, { timeout: 120_000 });
    // Nothing hid the lesson (the first formula a cell displayed once suspended all of it, and the
    // page jumped to its top); outputs growing above the view move the page down, never up.
    expect(await page.evaluate(() => (window as unknown as { hidden: string[] }).hidden)).toEqual([]);
    expect(await page.evaluate(() => scrollY)).toBeGreaterThanOrEqual(before);
    await page.close();
  });
});
