// Presentation mode in the built site: enter, clicker keys, zoom, hide code, contrast, leave; every slide fits 1280x720 and 1920x1080.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, screenshot, type Session } from './browser';
import { runAll } from './faultKit';

const runAllTimeoutMs = 240_000;

/** A fresh browser on the built site at 1280x720 with every cell run (outputs, plots, maths on the slides). */
async function ranNotebook(): Promise<Session> {
  const session = await launch(inject('siteOrigin'));
  await session.page.goto(inject('siteUrl'));
  await runAll(session.page, runAllTimeoutMs);
  return session;
}

async function counter(page: Page): Promise<{ at: number; of: number }> {
  const text = (await page.getByTestId('slide-counter').textContent()) ?? '';
  const [at, of] = text.split('/').map((s) => Number(s.trim()));
  return { at, of };
}

async function pressAndExpectSlide(page: Page, key: string, slide: number): Promise<void> {
  await page.keyboard.press(key);
  await expect.poll(async () => (await counter(page)).at, { message: `after ${key}` }).toBe(slide);
  expect(new URL(page.url()).searchParams.get('present')).toBe(String(slide));
}

/** Goes to the first slide on which `selector` matches a shown element; returns its number. */
async function slideShowing(page: Page, selector: string): Promise<number> {
  await page.keyboard.press('Home');
  const { of } = await counter(page);
  for (let k = 1; k <= of; k++) {
    await slideMounted(page);
    const shown = await page.evaluate((sel) => [...document.querySelectorAll(sel)].some((el) => el.getClientRects().length > 0), selector);
    if (shown) return k;
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await counter(page)).at).toBe(k + 1);
  }
  throw new Error(`no slide shows ${selector}`);
}

/**
 * Waits for what the slide shows to finish mounting: a slide's editors, text and plots not built
 * yet (the page builds far parts only once it is quiet) mount as the slide comes into view.
 */
async function slideMounted(page: Page): Promise<void> {
  const pending = '.markdown-pending, .cell-code > .code-fallback, .plot-pending';
  await page.waitForFunction((sel) => ![...document.querySelectorAll(sel)].some((el) => el.getClientRects().length > 0), pending, { timeout: 15_000 });
}

/** On-screen sizes of the first shown code line, formula and plot (CSS pixels after every zoom). */
function sizes(page: Page) {
  return page.evaluate(() => {
    const shown = (sel: string) => [...document.querySelectorAll<HTMLElement>(sel)].find((el) => el.getClientRects().length > 0);
    // getComputedStyle gives the font size before CSS zoom; currentCSSZoom is the zoom in effect.
    const fontPx = (el: HTMLElement | undefined) => (el ? parseFloat(getComputedStyle(el).fontSize) * el.currentCSSZoom : NaN);
    const plot = shown('.out-plot');
    const svg = plot?.querySelector('svg.main-svg');
    return {
      codePx: fontPx(shown('.cm-line')),
      mathPx: fontPx(shown('.katex')),
      plotHeightPx: plot?.getBoundingClientRect().height ?? NaN,
      // Plotly drew at the box's own width (it re-laid out after the zoom), not at its old size.
      plotDrawnPx: Number(svg?.getAttribute('width') ?? NaN),
      plotBoxPx: plot?.clientWidth ?? NaN,
    };
  });
}

describe('presentation mode', () => {
  let session: Session;
  let page: Page;
  beforeAll(async () => {
    session = await ranNotebook();
    page = session.page;
  }, runAllTimeoutMs + 30_000);
  afterAll(async () => {
    await session?.close();
  });

  it('enters from the Present button, moves by clicker keys, and Esc goes back to the slide in the notebook', async () => {
    const headings = await page.locator('[data-cell-type="markdown"] .markdown h1, [data-cell-type="markdown"] .markdown h2').allTextContents();
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('presenting'))).toBe(true);
    expect(await page.getByRole('button', { name: 'Run all' }).isVisible()).toBe(false);

    await pressAndExpectSlide(page, 'Home', 1);
    const { of } = await counter(page);
    // Every # and ## heading starts a slide; authors' ---slide--- lines may add more.
    expect(of).toBeGreaterThanOrEqual(headings.length);
    await expect.poll(() => page.getByTestId('slide-announcement').textContent()).toBe(`Slide 1 of ${of}: ${headings[0]}`);

    await pressAndExpectSlide(page, 'ArrowRight', 2);
    await pressAndExpectSlide(page, 'PageDown', 3);
    await pressAndExpectSlide(page, 'Space', 4);
    await pressAndExpectSlide(page, 'ArrowLeft', 3);
    await pressAndExpectSlide(page, 'PageUp', 2);
    await pressAndExpectSlide(page, 'Shift+Space', 1);
    await pressAndExpectSlide(page, 'End', of);
    await pressAndExpectSlide(page, 'ArrowRight', of);
    await pressAndExpectSlide(page, 'Home', 1);
    await pressAndExpectSlide(page, 'ArrowLeft', 1);

    await pressAndExpectSlide(page, 'ArrowRight', 2);
    await expect.poll(() => page.getByTestId('slide-announcement').textContent()).toBe(`Slide 2 of ${of}: ${headings[1]}`);
    const firstOnSlide = await page.evaluate(() => [...document.querySelectorAll('[data-cell]')].find((el) => el.getClientRects().length > 0)?.getAttribute('data-cell'));
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('presenting'))).toBe(false);
    expect(new URL(page.url()).searchParams.has('present')).toBe(false);
    expect(await page.getByRole('button', { name: 'Run all' }).isVisible()).toBe(true);
    // Back in the notebook at slide 2's first cell, at the top of the screen below the header.
    const top = await page.locator(`[data-cell="${firstOnSlide}"]`).evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(200);
  });

  it('Esc without moving returns to the very scroll position it left', async () => {
    await page.evaluate(() => window.scrollTo(0, 900));
    const before = await page.evaluate(() => window.scrollY);
    expect(before).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await expect.poll(async () => (await counter(page)).of).toBeGreaterThan(0);
    // Focus starts at the presentation's bar (the Present button went away with the header)...
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Presentation');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(before);
    // ...and comes back to the Present button.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain('Present');
  });

  it('opens with P, and at the slide a ?present=N address names; the ? dialog lists its keys', async () => {
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    for (const text of ['Presenting', 'Next slide', 'Hide or show the code (outputs stay)', 'Handout:']) expect(await dialog.textContent()).toContain(text);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.keyboard.press('p');
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('presenting'))).toBe(true);
    await page.keyboard.press('Escape');
    const url = new URL(inject('siteUrl'));
    url.searchParams.set('present', '3');
    await page.goto(url.href);
    await expect.poll(async () => (await counter(page)).at).toBe(3);
    await page.keyboard.press('Escape');
    await runAll(page, runAllTimeoutMs);
  });

  it('+ and - scale code, maths and plots together; 0 goes back', async () => {
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    const slide = await slideShowing(page, '.out-plot .main-svg');
    expect(await page.evaluate(() => [...document.querySelectorAll('.cm-line, .katex')].filter((el) => el.getClientRects().length > 0).length)).toBeGreaterThan(0);
    const base = await sizes(page);
    // Some slide with a plot also shows code and maths (the activations slide does).
    for (const value of Object.values(base)) expect(value).toBeGreaterThan(0);
    await screenshot(page, `present-scale-100-slide-${slide}`);

    const expectScaled = async (ratio: number): Promise<void> => {
      await expect.poll(async () => (await sizes(page)).codePx / base.codePx).toBeCloseTo(ratio, 2);
      const now = await sizes(page);
      expect(now.mathPx / base.mathPx).toBeCloseTo(ratio, 2);
      await expect.poll(async () => (await sizes(page)).plotHeightPx / base.plotHeightPx).toBeCloseTo(ratio, 1);
      await expect.poll(async () => Math.abs((await sizes(page)).plotDrawnPx - (await sizes(page)).plotBoxPx)).toBeLessThan(2);
    };
    // The scale steps are 1, 1.1, 1.25 up and 0.9, 0.8 down (a projector's usual range).
    await page.keyboard.press('+');
    await page.keyboard.press('=');
    await expectScaled(1.25);
    await expect.poll(() => page.getByTestId('slide-scale').textContent()).toBe('125%');
    await screenshot(page, `present-scale-125-slide-${slide}`);
    for (const key of ['-', '-', '-', '-']) await page.keyboard.press(key);
    await expectScaled(0.8);
    await page.keyboard.press('0');
    await expectScaled(1);
    await page.keyboard.press('Escape');
  });

  it('H hides the code and keeps the outputs; Run cell and Shift+Enter run a cell from the slide', async () => {
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    const slide = await slideShowing(page, '.out-plot .main-svg');
    const codeCell = page.locator('[data-cell-type="code"]').filter({ has: page.locator('.out-plot') }).first();
    const prompt = async () => (await codeCell.locator('.prompt').textContent()) ?? '';
    const before = await prompt();
    await codeCell.getByRole('button', { name: 'Run cell' }).click();
    await expect.poll(prompt).not.toBe(before);
    await expect.poll(() => codeCell.getAttribute('data-cell-status')).toBe('done');

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('h');
    await expect.poll(() => codeCell.locator('.code-editor').isVisible()).toBe(false);
    expect(await codeCell.locator('.out-plot').isVisible()).toBe(true);
    await screenshot(page, 'present-code-hidden');
    await page.keyboard.press('H');
    await expect.poll(() => codeCell.locator('.code-editor').isVisible()).toBe(true);

    // Shift+Enter runs the selected cell and moves on, as in the notebook: to the next slide after its last cell.
    await codeCell.locator('.prompt').click();
    const afterButton = await prompt();
    await page.keyboard.press('Shift+Enter');
    await expect.poll(prompt).not.toBe(afterButton);
    await expect.poll(() => codeCell.getAttribute('data-cell-status')).toBe('done');
    expect([slide, slide + 1]).toContain((await counter(page)).at);
    await expect.poll(() => page.locator('.cell-selected').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
  });

  it('C switches to high contrast, remembered after a reload', async () => {
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await page.keyboard.press('c');
    const colours = () =>
      page.evaluate(() => ({
        on: document.documentElement.classList.contains('theme-contrast'),
        page: getComputedStyle(document.body).backgroundColor,
        text: getComputedStyle(document.body).color,
      }));
    await expect.poll(colours).toEqual({ on: true, page: 'rgb(255, 255, 255)', text: 'rgb(0, 0, 0)' });
    await screenshot(page, 'present-high-contrast');
    await page.reload();
    await screenshot(page, 'present-high-contrast-reloaded');
    await expect.poll(colours).toEqual({ on: true, page: 'rgb(255, 255, 255)', text: 'rgb(0, 0, 0)' });
    await page.keyboard.press('c');
    await expect.poll(async () => (await colours()).on).toBe(false);
    await page.keyboard.press('Escape');
    // Outside the presentation the notebook keeps its ordinary theme.
    expect(await page.evaluate(() => document.documentElement.classList.contains('theme-contrast'))).toBe(false);
  });

  it('F goes full screen, or says why it cannot', async () => {
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await page.keyboard.press('f');
    await expect
      .poll(async () => (await page.evaluate(() => document.fullscreenElement !== null)) || (await page.getByRole('alert').count()) > 0)
      .toBe(true);
    if (await page.evaluate(() => document.fullscreenElement !== null)) {
      await page.keyboard.press('f');
      await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
    }
    await page.keyboard.press('Escape');
    expect(session.consoleErrors).toEqual([]);
  });
});

interface SlideProblem {
  slide: number;
  title: string;
  problem: string;
}

/** What keeps the shown slide from fitting the screen: page scroll, content under the bar, squeezed code or output. */
function slideProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.scrollingElement as HTMLElement;
    if (root.scrollHeight > innerHeight) problems.push(`page ${root.scrollHeight - innerHeight}px taller than the screen`);
    if (root.scrollWidth > innerWidth) problems.push(`page ${root.scrollWidth - innerWidth}px wider than the screen`);
    const barTop = document.querySelector('.present-bar')?.getBoundingClientRect().top ?? innerHeight;
    for (const cell of document.querySelectorAll<HTMLElement>('main [data-cell]')) {
      if (cell.getClientRects().length === 0) continue;
      const box = cell.getBoundingClientRect();
      const id = cell.dataset.cell;
      if (box.bottom > barTop + 1) problems.push(`cell ${id} ends ${Math.round(box.bottom - barTop)}px below the top of the bar`);
      // Content spilling out of its cell (a cell squeezed below what its parts need) hides under the bar too.
      const contentBottom = Math.max(...[...cell.children].filter((c) => c.getClientRects().length > 0).map((c) => c.getBoundingClientRect().bottom));
      const spillPx = contentBottom - (box.bottom - parseFloat(getComputedStyle(cell).borderBottomWidth) * cell.currentCSSZoom);
      if (spillPx > 1) problems.push(`cell ${id}: content spills ${Math.round(spillPx)}px out of the cell`);
      if (box.right > innerWidth + 1 || box.left < -1) problems.push(`cell ${id} reaches outside the screen`);
      for (const part of cell.querySelectorAll<HTMLElement>('.code-editor, .outputs')) {
        // Scrolled inside is fine; squeezed below ~5 lines of code or a small output is not.
        // (CodeMirror scrolls in its own .cm-scroller: that is where the code's full height shows.)
        const fullPx = (part.querySelector('.cm-scroller') ?? part).scrollHeight;
        const needPx = Math.min(fullPx, part.classList.contains('outputs') ? 150 : 90) * cell.currentCSSZoom;
        if (part.getBoundingClientRect().height + 1 < needPx) problems.push(`cell ${id}: ${part.className} squeezed to ${Math.round(part.getBoundingClientRect().height)}px`);
      }
    }
    return problems;
  });
}

describe('every slide of the lesson fits the screen at the default scale', () => {
  let session: Session;
  let page: Page;
  beforeAll(async () => {
    session = await ranNotebook();
    page = session.page;
    await page.getByRole('button', { name: 'Present', exact: true }).click();
  }, runAllTimeoutMs + 30_000);
  afterAll(async () => {
    await session?.close();
  });

  it.each([
    [1280, 720],
    [1920, 1080],
  ])('at %i x %i', async (width, height) => {
    await page.setViewportSize({ width, height });
    await page.keyboard.press('Home');
    const { of } = await counter(page);
    const found: SlideProblem[] = [];
    for (let slide = 1; slide <= of; slide++) {
      await expect.poll(async () => (await counter(page)).at).toBe(slide);
      // Plotly re-lays out on resize; KaTeX fonts and outputs settle within a frame or two.
      await page.waitForTimeout(150);
      const title = ((await page.getByTestId('slide-announcement').textContent()) ?? '').replace(/^Slide \d+ of \d+: /, '');
      for (const problem of await slideProblems(page)) found.push({ slide, title, problem });
      await screenshot(page, `present-${width}x${height}-${String(slide).padStart(2, '0')}`);
      await page.keyboard.press('ArrowRight');
    }
    expect(found).toEqual([]);
  });
});

describe('presentation colours follow the system', () => {
  let session: Session;
  afterAll(async () => {
    await session?.close();
  });

  it('dark system: dark slides, and high contrast is white on black', async () => {
    session = await launch(inject('siteOrigin'), { colorScheme: 'dark' });
    const { page } = session;
    const url = new URL(inject('siteUrl'));
    url.searchParams.set('present', '2');
    await page.goto(url.href);
    const colours = () => page.evaluate(() => ({ page: getComputedStyle(document.body).backgroundColor, text: getComputedStyle(document.body).color }));
    // theme.css's dark palette: --bg #161b22, --fg #e6edf3.
    await expect.poll(colours).toEqual({ page: 'rgb(22, 27, 34)', text: 'rgb(230, 237, 243)' });
    await page.locator('main .markdown h2').first().waitFor();
    await screenshot(page, 'present-dark');
    await page.keyboard.press('c');
    await expect.poll(colours).toEqual({ page: 'rgb(0, 0, 0)', text: 'rgb(255, 255, 255)' });
    await screenshot(page, 'present-dark-high-contrast');
    expect(session.consoleErrors).toEqual([]);
  });
});
