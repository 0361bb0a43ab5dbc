// Boxes that scroll sideways get a tab stop exactly while they overflow: on a phone, and again after the window widens.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Session } from './browser';

const scrollers = '.katex-display, pre, .md-table-scroll, .network-scroll';

/** Each scroll box on the page: whether it overflows now, and whether it has the tab stop. */
async function boxes(page: Page): Promise<{ overflowing: boolean; tabStop: boolean; html: string }[]> {
  return page.$$eval(scrollers, (els) =>
    els
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => ({ overflowing: el.scrollWidth > el.clientWidth + 1, tabStop: el.getAttribute('tabindex') === '0', html: el.outerHTML.slice(0, 80) })),
  );
}

/** Waits until every visible scroll box's tab stop matches its overflow (the checks run in an animation frame). */
async function settled(page: Page): Promise<{ overflowing: boolean; tabStop: boolean; html: string }[]> {
  await page.waitForFunction(
    (selector) =>
      [...document.querySelectorAll(selector)]
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .every((el) => el.scrollWidth > el.clientWidth + 1 === (el.getAttribute('tabindex') === '0')),
    scrollers,
    { timeout: 20_000, polling: 100 },
  ).catch(() => undefined);
  return boxes(page);
}

describe('keyboard scrolling of wide boxes', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch(inject('siteOrigin'), { viewport: { width: 375, height: 800 } });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('on a phone the overflowing boxes have a tab stop and the others none; widening the window takes the stops away', async () => {
    const { page } = session;
    await page.goto(inject('siteUrl'));
    await page.locator('.markdown .katex').first().waitFor();
    await page.evaluate(() => document.fonts.ready);
    // Far text cells render in idle time, each with its formulas (checked at the next idle moment):
    // read the boxes once all have come, or a formula just rendered may not have been checked yet.
    await page.waitForFunction(() => document.querySelectorAll('.markdown-pending').length === 0, undefined, { timeout: 30_000 });
    await page.evaluate(() => document.fonts.ready);
    const narrow = await settled(page);
    expect(narrow.filter((b) => b.overflowing !== b.tabStop)).toEqual([]);
    const wideOnPhone = narrow.filter((b) => b.overflowing).length;
    expect(wideOnPhone).toBeGreaterThan(0);

    await page.setViewportSize({ width: 1600, height: 900 });
    const wide = await settled(page);
    expect(wide.filter((b) => b.overflowing !== b.tabStop)).toEqual([]);
    expect(wide.filter((b) => b.overflowing).length).toBeLessThan(wideOnPhone);
    expect(session.consoleErrors).toEqual([]);
  });
});
