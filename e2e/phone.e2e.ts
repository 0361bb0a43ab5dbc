// On a phone (375x800, touch): a swipe that starts on a plot scrolls the page and leaves the plot as it was;
// the toolbar is one row, the other actions in a More menu.
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

/** A one-finger swipe from (x, y) by dy pixels down (and dx across), as touch events the browser scrolls by. */
async function swipe(page: Page, x: number, y: number, dy: number, dx = 0): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const point = (f: number) => [{ x: x + dx * f, y: y + dy * f, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(0) });
  const steps = 12;
  for (let i = 1; i <= steps; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(i / steps) });
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

/** Every action the More menu holds, by accessible name, in the bar's order. */
const foldedActions = ['Interrupt', 'Restart kernel', 'Revert to original', 'Present', 'Share', 'Export', 'Import', 'Keyboard shortcuts'];

/** The accessible name (aria-label, else text) of the focused element. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return (el?.getAttribute('aria-label') ?? el?.textContent ?? '').replace(/[^\w ()?]/g, '').trim();
  });
}

describe('the toolbar on a phone', () => {
  let session: Session;
  let page: Page;
  beforeAll(async () => {
    session = await launch(inject('siteOrigin'), { viewport: { width: 375, height: 800 }, touch: true });
    page = session.page;
    await page.goto(inject('siteUrl'));
    await page.getByRole('button', { name: 'Run all' }).waitFor();
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  });

  const more = () => page.getByRole('button', { name: 'More actions' });

  it('the header is the title and one row: Run all, the kernel\'s status and More', async () => {
    await screenshot(page, 'phone-toolbar-closed');
    const boxes = await page.evaluate(() => {
      const box = (el: Element | null) => {
        if (!el) throw new Error('missing part of the header');
        const r = el.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };
      };
      const status = document.querySelector('[data-testid=kernel-status]') as HTMLElement;
      return {
        header: box(document.querySelector('.site-header')),
        title: box(document.querySelector('.site-header h1')),
        runAll: box([...document.querySelectorAll('button')].find((b) => b.textContent?.includes('Run all')) ?? null),
        more: box(document.querySelector('button[aria-label="More actions"]')),
        status: box(status),
        statusPx: parseFloat(getComputedStyle(status).fontSize),
        statusCut: status.scrollWidth > status.clientWidth + 1,
      };
    });
    // One button's row under the title, and the paddings around them (well under a second row).
    expect(boxes.header.height).toBeLessThanOrEqual(boxes.title.height + boxes.runAll.height + 32);
    expect(Math.abs(boxes.more.top - boxes.runAll.top)).toBeLessThan(2);
    expect(boxes.status.top).toBeGreaterThanOrEqual(boxes.runAll.top - 1);
    expect(boxes.status.bottom).toBeLessThanOrEqual(boxes.runAll.bottom + 1);
    expect(boxes.status.left).toBeGreaterThanOrEqual(boxes.runAll.right);
    expect(boxes.status.right).toBeLessThanOrEqual(boxes.more.left);
    expect(boxes.more.right).toBeLessThanOrEqual(375);
    expect(boxes.statusPx).toBeGreaterThanOrEqual(12);
    expect(boxes.statusCut).toBe(false);
    expect(await page.getByTestId('kernel-status').textContent()).toMatch(/Kernel: \w+/);
    // Folded away until asked for.
    expect(await page.getByRole('button', { name: 'Export', exact: true }).isVisible()).toBe(false);
    expect(await more().getAttribute('aria-expanded')).toBe('false');
    expect(await more().getAttribute('aria-haspopup')).toBe('menu');
  });

  it('More opens a menu holding every other action by name; arrows move in it, skipping what is disabled', async () => {
    await more().tap();
    const menu = page.getByRole('menu', { name: 'More actions' });
    await menu.waitFor();
    await screenshot(page, 'phone-toolbar-menu-open');
    expect(await more().getAttribute('aria-expanded')).toBe('true');
    for (const name of foldedActions) {
      const item = menu.getByRole('menuitem', { name, exact: true });
      expect(await item.isVisible(), name).toBe(true);
      const box = await item.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 375 && box.y + box.height <= 800, name).toBe(true);
    }
    // Nothing runs and nothing is edited: Interrupt and Revert to original are disabled.
    expect(await focusedName(page)).toBe('Restart kernel');
    await page.keyboard.press('ArrowDown');
    expect(await focusedName(page)).toBe('Present');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await focusedName(page)).toBe('Keyboard shortcuts');
    await page.keyboard.press('Home');
    expect(await focusedName(page)).toBe('Restart kernel');
  });

  it('Escape closes the menu and gives the focus back to More', async () => {
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('menu').count()).toBe(0);
    expect(await more().getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('More actions');
    expect(await page.getByRole('button', { name: 'Share', exact: true }).isVisible()).toBe(false);
  });

  it('Export in the menu opens the export dialog; closing it comes back to More', async () => {
    await more().tap();
    await page.getByRole('menuitem', { name: 'Export', exact: true }).tap();
    const dialog = page.getByRole('dialog', { name: 'Export the notebook' });
    await dialog.waitFor();
    expect(await dialog.isVisible()).toBe(true);
    expect(await page.getByRole('menu').count()).toBe(0);
    await screenshot(page, 'phone-toolbar-export-dialog');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('More actions');
  });

  it('a tap outside the menu closes it', async () => {
    await more().tap();
    await page.getByRole('menu').waitFor();
    const title = await page.locator('.site-header h1').boundingBox();
    if (!title) throw new Error('the title has no box');
    await page.touchscreen.tap(title.x + 20, title.y + title.height / 2);
    await expect.poll(() => page.getByRole('menu').count()).toBe(0);
    expect(await more().getAttribute('aria-expanded')).toBe('false');
  });

  it('Present chosen in the menu, then Escape: the focus comes back to More (the folded Present button is hidden)', async () => {
    await more().tap();
    await page.getByRole('menuitem', { name: 'Present', exact: true }).tap();
    await page.locator('.present-bar').waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName ?? null);
    // Presenting, the focus is on the slides' bar (the header is gone).
    await expect.poll(focused).toBe('Presentation');
    await page.keyboard.press('Escape');
    await page.locator('.present-bar').waitFor({ state: 'detached' });
    await expect.poll(focused).toBe('More actions');
    expect(await more().getAttribute('aria-expanded')).toBe('false');
  });

  it('presenting, the bar fits the phone: Leave and More on screen, the rest in More\'s menu; a sideways swipe goes to the next or previous slide', async () => {
    await more().tap();
    await page.getByRole('menuitem', { name: 'Present', exact: true }).tap();
    const bar = page.locator('.present-bar');
    await bar.waitFor();
    try {
      await screenshot(page, 'phone-present-bar');
      expect(await bar.evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && el.getBoundingClientRect().right <= innerWidth + 1)).toBe(true);
      const onScreen = (name: string) =>
        bar.getByRole('button', { name, exact: true }).evaluate((el) => {
          const box = el.getBoundingClientRect();
          return box.width > 0 && box.left >= 0 && box.right <= innerWidth;
        });
      expect(await onScreen('Leave')).toBe(true);
      expect(await onScreen('More actions')).toBe(true);
      await bar.getByRole('button', { name: 'More actions' }).tap();
      for (const name of ['Run all', 'Hide code', 'High contrast', 'Presenter view', 'Full screen']) {
        expect(await page.getByRole('menuitem', { name, exact: true }).evaluate((el) => el.getBoundingClientRect().right <= innerWidth && el.getBoundingClientRect().top >= 0), name).toBe(true);
      }
      await screenshot(page, 'phone-present-menu');
      await bar.getByRole('button', { name: 'More actions' }).tap();
      await expect.poll(() => page.getByRole('menu').count()).toBe(0);

      // A sideways swipe on the slide: right to left is the next slide (or part), left to right back; the browser does not take it.
      const where = () => page.evaluate(() => `${document.querySelector('[data-testid="slide-counter"]')?.textContent} ${document.querySelector('[data-testid="slide-step"]')?.textContent ?? ''}`);
      await page.evaluate(() => {
        const w = window as unknown as { sideways: boolean[] };
        w.sideways = [];
        window.addEventListener('touchmove', (e) => w.sideways.push(e.defaultPrevented));
      });
      const before = await where();
      const url = page.url();
      await swipe(page, 300, 300, 10, -220);
      await expect.poll(where).not.toBe(before);
      expect(page.url().split('?')[0]).toBe(url.split('?')[0]);
      expect(await page.evaluate(() => (window as unknown as { sideways: boolean[] }).sideways.slice(-6))).toEqual([true, true, true, true, true, true]);
      await swipe(page, 60, 300, -10, 220);
      await expect.poll(where).toBe(before);
    } finally {
      await page.keyboard.press('Escape');
      await bar.waitFor({ state: 'detached' });
    }
  });

  it('a window widened to a desktop\'s has the buttons in the bar again and no More', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    try {
      await expect.poll(() => more().count()).toBe(0);
      for (const name of foldedActions) expect(await page.getByRole('button', { name, exact: true }).isVisible(), name).toBe(true);
      expect(await page.getByRole('menuitem').count()).toBe(0);
    } finally {
      await page.setViewportSize({ width: 375, height: 800 });
    }
    await more().waitFor();
  });
});
