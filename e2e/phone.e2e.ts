// On a phone (375x800, touch): a swipe that starts on a plot scrolls the page and leaves the plot as it was.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, screenshot, type Session } from './browser';
import { runAll } from './faultKit';

/** The x and y axis ranges Plotly shows for the plot `index` (what a zoom or pan would change). */
function axisRanges(page: Page, index: number): Promise<number[][]> {
  return page.evaluate((i) => {
    const plot = document.querySelectorAll('.out-plot')[i] as HTMLElement & { _fullLayout?: Record<string, { range?: number[] }> };
    const full = plot._fullLayout ?? {};
    return Object.keys(full)
      .filter((k) => /^[xy]axis\d*$/.test(k))
      .sort()
      .map((k) => [...(full[k].range ?? [])]);
  }, index);
}

/** A one-finger swipe from (x, y) by dy pixels, as touch events the browser scrolls by. */
async function swipe(page: Page, x: number, y: number, dy: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const point = (py: number) => [{ x, y: py, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(y) });
  const steps = 12;
  for (let i = 1; i <= steps; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(y + (dy * i) / steps) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

describe('on a phone', () => {
  let session: Session;
  let page: Page;
  beforeAll(async () => {
    session = await launch(inject('siteOrigin'), { viewport: { width: 375, height: 800 }, touch: true });
    page = session.page;
    await page.goto(inject('siteUrl'));
    await runAll(page, 240_000);
  }, 300_000);
  afterAll(async () => {
    await session?.close();
  });

  it('a vertical swipe that starts on a plot scrolls the page; the plot\'s axes are unchanged', async () => {
    const plot = page.locator('.out-plot').first();
    await plot.scrollIntoViewIfNeeded();
    await plot.locator('.main-svg').first().waitFor();
    // The plot's middle, a little above the screen's centre, so the page has room to scroll down.
    await page.evaluate(() => {
      const el = document.querySelector('.out-plot') as HTMLElement;
      window.scrollBy(0, el.getBoundingClientRect().top - 150);
    });
    await page.waitForTimeout(300);
    const box = await plot.boundingBox();
    if (!box) throw new Error('the plot has no box');
    const before = { scrollY: await page.evaluate(() => window.scrollY), ranges: await axisRanges(page, 0) };
    expect(before.ranges.length).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'phone-plot-before-swipe');
    await swipe(page, box.x + box.width / 2, box.y + box.height / 2, -250);
    await page.waitForTimeout(500);
    await screenshot(page, 'phone-plot-after-swipe');
    const after = { scrollY: await page.evaluate(() => window.scrollY), ranges: await axisRanges(page, 0) };
    expect(after.scrollY - before.scrollY).toBeGreaterThan(100);
    expect(after.ranges).toEqual(before.ranges);
    // No "Double-click to zoom back out" over the page.
    expect(await page.getByText('Double-click to zoom back out').count()).toBe(0);
  });

  it('a wide table scrolls sideways with its first column (the gradient\'s name) in place', async () => {
    const table = page.locator('figure.out-table', { has: page.locator('figcaption', { hasText: 'Every gradient' }) }).first();
    await table.scrollIntoViewIfNeeded();
    const moved = await table.evaluate((figure) => {
      const box = figure.querySelector('.scroll-box') as HTMLElement;
      const first = figure.querySelector('tbody td') as HTMLElement;
      const second = figure.querySelector('tbody td:nth-child(2)') as HTMLElement;
      const before = { first: first.getBoundingClientRect().left, second: second.getBoundingClientRect().left };
      box.scrollLeft = 200;
      return { wide: box.scrollWidth > box.clientWidth, first: first.getBoundingClientRect().left - before.first, second: second.getBoundingClientRect().left - before.second };
    });
    await screenshot(page, 'phone-wide-table-scrolled');
    expect(moved.wide).toBe(true);
    expect(moved.second).toBeLessThan(-100);
    expect(Math.abs(moved.first)).toBeLessThan(1);
  });

  it('titles fit the phone\'s width; zoom and pan come with a button', async () => {
    const overflow = await page.evaluate(() =>
      [...document.querySelectorAll<SVGGraphicsElement>('.out-plot .gtitle')].map((t) => {
        const box = t.getBoundingClientRect();
        return box.left >= -1 && box.right <= innerWidth + 1;
      }),
    );
    expect(overflow.length).toBeGreaterThan(0);
    expect(overflow.every(Boolean)).toBe(true);
    const toggle = page.getByRole('button', { name: 'Zoom and pan' }).first();
    await toggle.click();
    await expect.poll(() => page.locator('.out-plot-touch-active').count()).toBe(1);
    await page.getByRole('button', { name: 'Done zooming' }).click();
    await expect.poll(() => page.locator('.out-plot-touch-active').count()).toBe(0);
  });
});
