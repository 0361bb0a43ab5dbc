// Presentation mode in the built site: enter, clicker keys, zoom, hide code, contrast, leave; every slide fits 1280x720 and 1920x1080.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { join } from 'node:path';
import { readCellsDir } from '../app/kernel/cellsDir';
import { slideOfCell, slidesFrom } from '../app/notebook/present/slides';
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

/** The shown slide and part, e.g. "3 part 2 of 2" ("3" for a slide in one part). */
async function position(page: Page): Promise<string> {
  const part = (await page.getByTestId('slide-step').count()) > 0 ? ` ${await page.getByTestId('slide-step').textContent()}` : '';
  return `${(await counter(page)).at}${part}`;
}

/**
 * Presses `key` until slide `slide` shows (a long slide's parts come first: next/previous keys step
 * through them), checking each press moves the slide by at most one, in the key's direction.
 */
async function pressAndExpectSlide(page: Page, key: string, slide: number): Promise<void> {
  for (let presses = 0; presses < 10; presses++) {
    const before = (await counter(page)).at;
    const from = await position(page);
    await page.keyboard.press(key);
    await expect.poll(async () => (await counter(page)).at === slide || (await position(page)) !== from, { message: `after ${key}` }).toBe(true);
    const now = (await counter(page)).at;
    if (now === slide) break;
    expect(Math.abs(now - before), `${key} moved from slide ${before} to ${now}`).toBeLessThanOrEqual(1);
  }
  expect((await counter(page)).at).toBe(slide);
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
    await pressAndExpectSlide(page, 'ArrowRight', k + 1);
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
    await page.getByTestId('slide-counter').waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('presenting'))).toBe(true);
    // The notebook's toolbar steps aside; the presentation's bar has its own Run all.
    expect(await page.locator('.toolbar-wrap').getByRole('button', { name: 'Run all' }).isVisible()).toBe(false);
    expect(await page.locator('.present-bar').getByRole('button', { name: 'Run all' }).isVisible()).toBe(true);

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
    await page.getByTestId('slide-counter').waitFor();
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
    for (const text of ['Presenting', 'Next slide', 'Hide or show the code (outputs stay)', 'Black screen', 'A pointer that follows the mouse', 'Presenter view', 'Go to the slide of that number', 'Handout:']) expect(await dialog.textContent()).toContain(text);
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
    await page.getByTestId('slide-counter').waitFor();
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
    await page.getByTestId('slide-counter').waitFor();
    const slide = await slideShowing(page, '.out-plot .main-svg');
    const codeCell = page.locator('[data-cell-type="code"]').filter({ has: page.locator('.out-plot') }).first();
    const prompt = async () => (await codeCell.locator('.prompt').textContent()) ?? '';
    const before = await prompt();
    // A long slide shows in parts: on to the part that shows the cell's code.
    const runButton = codeCell.getByRole('button', { name: 'Run cell' });
    for (let i = 0; i < 5 && !(await runButton.isVisible()); i++) await page.keyboard.press('PageDown');
    await runButton.click();
    await expect.poll(prompt).not.toBe(before);
    await expect.poll(() => codeCell.getAttribute('data-cell-status')).toBe('done');

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('h');
    await expect.poll(() => codeCell.locator('.code-editor').isVisible()).toBe(false);
    // The outputs stay laid out on the slide (on this part, or a later one if the slide has several).
    expect(await codeCell.locator('.out-plot').evaluate((el) => el.getClientRects().length > 0)).toBe(true);
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
    await page.getByTestId('slide-counter').waitFor();
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
    await page.getByTestId('slide-counter').waitFor();
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

/** What a step of a slide shows: each formula, table, diagram and plot on the slide, and whether it is wholly on screen. */
interface StepView {
  slide: number;
  step: string;
  title: string;
  targets: { key: string; what: string; whole: boolean }[];
  pageScrolls: boolean;
  /** What a person would see wrongly: an empty cell frame, an editing control, a legend on an axis title, table text cut off. */
  faults: string[];
}

/**
 * What a step shows that it should not: a cell's frame on screen with nothing of the cell in it,
 * editing buttons (insert, move, delete, Edit, Revert), a plot's legend drawn over its x axis' title,
 * text in a table cell cut off (wider than its box) or set in monospace (numbers may be).
 */
function stepFaults(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const faults: string[] = [];
    const barTop = document.querySelector('.present-bar')?.getBoundingClientRect().top ?? innerHeight;
    const seen = (el: Element): boolean => {
      if (el.getClientRects().length === 0 || getComputedStyle(el).visibility !== 'visible') return false;
      const box = el.getBoundingClientRect();
      return box.bottom > 1 && box.top < barTop - 1 && box.width > 0 && box.height > 0;
    };
    for (const cell of document.querySelectorAll<HTMLElement>('main [data-cell]')) {
      if (!seen(cell)) continue;
      const content = cell.querySelectorAll(':scope > .cell-bar, :scope > .code-editor, :scope > .code-fallback, .output, .markdown > *, .markdown > .slide-segment > *');
      if (![...content].some(seen)) faults.push(`empty frame of cell ${cell.dataset.cell}`);
    }
    for (const el of document.querySelectorAll('main .cell-tools button, main .cell-structure button, main button[aria-label="Revert cell"]')) {
      if (el.getClientRects().length > 0) faults.push(`editing control "${el.getAttribute('aria-label') ?? el.textContent}"`);
    }
    const overlap = (a: DOMRect, b: DOMRect): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    for (const plot of document.querySelectorAll('main .out-plot')) {
      const title = plot.querySelector('.g-xtitle text');
      if (!title || !seen(plot)) continue;
      for (const entry of plot.querySelectorAll('g.legend .legendtext')) {
        if (overlap(entry.getBoundingClientRect(), title.getBoundingClientRect())) faults.push(`legend "${entry.textContent}" over the x axis title "${title.textContent}"`);
      }
    }
    for (const td of document.querySelectorAll<HTMLElement>('main .out-table td')) {
      const text = (td.textContent ?? '').trim();
      if (!seen(td) || text.startsWith('[') || !/[a-z]{3}/i.test(text)) continue;
      for (const el of [td, ...td.querySelectorAll<HTMLElement>('*')]) {
        if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') faults.push(`table text cut: "${text.slice(0, 40)}"`);
        if (/mono/i.test(getComputedStyle(el).fontFamily)) faults.push(`table text in monospace: "${text.slice(0, 40)}"`);
      }
    }
    return [...new Set(faults)];
  });
}

/**
 * The shown slide's formulas, tables, diagrams and plots, each with whether it is wholly visible now:
 * inside the screen above the bar, inside every ancestor that clips its overflow (a scrolling box, the
 * slide itself), and not hidden. Each gets a stable key the first time it is seen.
 */
function stepView(page: Page): Promise<Omit<StepView, 'slide' | 'step' | 'title' | 'faults'>> {
  return page.evaluate(() => {
    const w = window as unknown as { fitKeys?: number };
    const barTop = document.querySelector('.present-bar')?.getBoundingClientRect().top ?? innerHeight;
    const targets: { key: string; what: string; whole: boolean }[] = [];
    const selector = '.katex, table, .network-svg, .out-plot';
    for (const el of document.querySelectorAll<HTMLElement>(`main [data-cell] :is(${selector})`)) {
      if (el.getClientRects().length === 0) continue;
      // A formula inside a table or a formula is checked with it.
      if (el.parentElement?.closest(selector)) continue;
      if (!el.dataset.fitKey) el.dataset.fitKey = String((w.fitKeys = (w.fitKeys ?? 0) + 1));
      const box = el.getBoundingClientRect();
      let whole = getComputedStyle(el).visibility === 'visible' && box.top >= -1 && box.left >= -1 && box.bottom <= barTop + 1 && box.right <= innerWidth + 1;
      for (let a = el.parentElement; a && whole && a !== document.body; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const clip = a.getBoundingClientRect();
        const zoom = a.currentCSSZoom;
        // The padding box clips: the border box less the borders.
        const left = clip.left + parseFloat(style.borderLeftWidth) * zoom;
        const right = clip.right - parseFloat(style.borderRightWidth) * zoom;
        const top = clip.top + parseFloat(style.borderTopWidth) * zoom;
        const bottom = clip.bottom - parseFloat(style.borderBottomWidth) * zoom;
        if (box.left < left - 1 || box.right > right + 1 || box.top < top - 1 || box.bottom > bottom + 1) whole = false;
      }
      const what = el.classList.contains('out-plot') ? 'plot' : el.classList.contains('network-svg') ? 'diagram' : el.tagName === 'TABLE' ? 'table' : 'formula';
      targets.push({ key: el.dataset.fitKey, what, whole });
    }
    const root = document.scrollingElement as HTMLElement;
    return { targets, pageScrolls: root.scrollHeight > innerHeight + 1 || root.scrollWidth > innerWidth + 1 };
  });
}

/** Font sizes on screen (CSS pixels after every zoom): the smallest of the shown paragraphs and code lines. */
function typeSizes(page: Page): Promise<{ textPx: number; codePx: number; outputPx: number }> {
  return page.evaluate(() => {
    const smallest = (sel: string): number => {
      // A block too wide for the slide is scaled down to fit it (stepLayout.ts): its text is smaller on purpose.
      const sizes = [...document.querySelectorAll<HTMLElement>(sel)]
        .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility === 'visible' && !el.closest('[data-present-scaled]'))
        .map((el) => parseFloat(getComputedStyle(el).fontSize) * el.currentCSSZoom);
      return sizes.length > 0 ? Math.min(...sizes) : Infinity;
    };
    return { textPx: smallest('main .markdown p, main .markdown li'), codePx: smallest('main .cm-line'), outputPx: smallest('main .out-text pre, main .out-table td') };
  });
}

describe('after Run all, PageDown alone shows every formula, table, diagram and plot of every slide whole', () => {
  let session: Session;
  let page: Page;
  beforeAll(async () => {
    session = await ranNotebook();
    page = session.page;
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await page.getByTestId('slide-counter').waitFor();
  }, runAllTimeoutMs + 30_000);
  afterAll(async () => {
    await session?.close();
  });

  it.each([
    [1280, 720, 20, 16],
    [1920, 1080, 24, 18],
  ])('at %i x %i (text >= %i px, code >= %i px)', async (width, height, minTextPx, minCodePx) => {
    await page.setViewportSize({ width, height });
    await page.keyboard.press('Home');
    const { of } = await counter(page);
    const views: StepView[] = [];
    let smallestText = Infinity;
    let smallestCode = Infinity;
    const smallOutputs: string[] = [];
    // PageDown only, until the last part of the last slide (a bound, in case PageDown stopped moving).
    for (let presses = 0; presses < of * 8; presses++) {
      await slideMounted(page);
      // Plotly re-lays out on resize; KaTeX fonts, outputs and the step's layout settle within a few frames.
      await page.waitForTimeout(250);
      const { at } = await counter(page);
      const stepText = (await page.getByTestId('slide-step').count()) > 0 ? ((await page.getByTestId('slide-step').textContent()) ?? '') : 'part 1 of 1';
      const title = ((await page.getByTestId('slide-announcement').textContent()) ?? '').replace(/^Slide \d+ of \d+: /, '');
      views.push({ slide: at, step: stepText, title, ...(await stepView(page)), faults: await stepFaults(page) });
      const sizes = await typeSizes(page);
      smallestText = Math.min(smallestText, sizes.textPx);
      smallestCode = Math.min(smallestCode, sizes.codePx);
      if (sizes.outputPx < minCodePx - 0.01) smallOutputs.push(`slide ${at} ${stepText}: ${sizes.outputPx.toFixed(1)} px`);
      await screenshot(page, `present-${width}x${height}-${String(at).padStart(2, '0')}-${stepText.replace(/\D+/g, '-')}`);
      const [partAt, partsOf] = stepText.match(/\d+/g)?.map(Number) ?? [1, 1];
      if (at === of && partAt === partsOf) break;
      const label = async () => `${(await counter(page)).at} ${(await page.getByTestId('slide-step').count()) > 0 ? await page.getByTestId('slide-step').textContent() : ''}`;
      const before = await label();
      // A view with steps of its own on the slide (the step-through view) takes PageDown first, as a clicker's would.
      const viewSteps = () => page.evaluate(() => [...document.querySelectorAll('[data-backprop-view]')].map((el) => el.getAttribute('data-step')).join(','));
      for (let press = 0; press < 40; press++) {
        const stepsBefore = await viewSteps();
        await page.keyboard.press('PageDown');
        await expect.poll(async () => (await label()) !== before || (await viewSteps()) !== stepsBefore).toBe(true);
        if ((await label()) !== before) break;
      }
      expect(await label()).not.toBe(before);
    }
    // Every slide was reached, in order, by PageDown alone.
    expect([...new Set(views.map((v) => v.slide))]).toEqual(Array.from({ length: of }, (_, i) => i + 1));
    expect(views.filter((v) => v.pageScrolls).map((v) => `${v.slide} ${v.step}`)).toEqual([]);
    expect(views.flatMap((v) => v.faults.map((f) => `slide ${v.slide} ${v.step}: ${f}`))).toEqual([]);
    const seen = new Map<string, { slide: number; title: string; what: string; whole: boolean }>();
    for (const v of views) {
      for (const t of v.targets) {
        const before = seen.get(t.key);
        seen.set(t.key, { slide: v.slide, title: v.title, what: t.what, whole: (before?.whole ?? false) || t.whole });
      }
    }
    const never = [...seen.values()].filter((t) => !t.whole).map((t) => `slide ${t.slide} (${t.title}): a ${t.what}`);
    expect(never).toEqual([]);
    // The lesson has plots, a diagram, tables and formulas on its slides: the walk saw each kind.
    expect(new Set([...seen.values()].map((t) => t.what))).toEqual(new Set(['formula', 'table', 'diagram', 'plot']));
    expect(smallestText).toBeGreaterThanOrEqual(minTextPx - 0.01);
    expect(smallestCode).toBeGreaterThanOrEqual(minCodePx - 0.01);
    // Outputs (printed text, tables) as large as code, where not scaled down to fit the slide.
    expect(smallOutputs).toEqual([]);
  });
});

describe('a slide opened by its address never opens empty', () => {
  let session: Session;
  afterAll(async () => {
    await session?.close();
  });

  it('?present=N of the timing study\'s slide, on a fresh page, runs the slide\'s cells (and those above them) and shows their outputs; the bar has Run all', async () => {
    // The slide the timing study's code is on, counted from the lesson's files as the page counts slides.
    const { cells } = await readCellsDir(join(import.meta.dirname, '..', 'cells'));
    const timing = slideOfCell(slidesFrom(cells), '16-timing') + 1;
    expect(timing).toBeGreaterThan(1);
    session = await launch(inject('siteOrigin'));
    const { page } = session;
    const url = new URL(inject('siteUrl'));
    url.searchParams.set('present', String(timing));
    await page.goto(url.href);
    await expect.poll(async () => (await counter(page)).at).toBe(timing);
    // On the slide, in any of its parts (a later part's cell is laid out but not shown yet).
    const onSlide = (sel: string) => page.locator(sel).evaluateAll((els) => els.filter((el) => el.getClientRects().length > 0).length);
    expect(await onSlide('main [data-cell-type="code"]')).toBeGreaterThan(0);
    // No Run all pressed: every code cell of the slide finishes by itself, with outputs and without errors.
    await page.waitForFunction(
      () => [...document.querySelectorAll('main [data-cell-type="code"]')].filter((el) => el.getClientRects().length > 0).every((el) => el.getAttribute('data-cell-status') === 'done'),
      undefined,
      { timeout: 90_000 },
    );
    const withoutOutput = await page
      .locator('main [data-cell-type="code"]')
      .evaluateAll((els) => els.filter((el) => el.getClientRects().length > 0 && el.querySelector('.output') === null).map((el) => el.getAttribute('data-cell')));
    expect(withoutOutput).toEqual([]);
    expect(await onSlide('main .out-error')).toBe(0);
    await screenshot(page, 'present-opened-at-timing');
    expect(await page.locator('.present-bar').getByRole('button', { name: 'Run all' }).isVisible()).toBe(true);
    expect(session.consoleErrors).toEqual([]);
  });
});

describe('presenter tools', () => {
  let session: Session;
  afterAll(async () => {
    await session?.close();
  });

  it('a presenter view in a second window: next/previous in either moves both, a running timer, notes only there', async () => {
    session = await launch(inject('siteOrigin'));
    const audience = session.page;
    const url = new URL(inject('siteUrl'));
    url.searchParams.set('present', '1');
    await audience.goto(url.href);
    await expect.poll(async () => (await counter(audience)).at).toBe(1);
    const opening = session.context.waitForEvent('page');
    await audience.getByRole('button', { name: 'Presenter view' }).click();
    const presenter = await opening;
    await presenter.setViewportSize({ width: 1280, height: 720 });
    await expect.poll(async () => (await counter(presenter)).at, { timeout: 30_000 }).toBe(1);

    // The introduction's notes: in the presenter's window, nowhere on the audience's.
    const noteWords = 'Ask who has computed a gradient by hand';
    await expect.poll(() => presenter.getByTestId('presenter-notes').textContent()).toContain(noteWords);
    expect(await audience.getByTestId('presenter-notes').count()).toBe(0);
    expect(await audience.getByText(noteWords).count()).toBe(0);
    expect(await presenter.locator('main').getByText(noteWords).count()).toBe(0);
    await screenshot(presenter, 'presenter-view');

    // Either window leads; the other follows (the presenter's narrower slide may have more parts: it steps through them).
    await pressAndExpectSlide(audience, 'ArrowRight', 2);
    await expect.poll(async () => (await counter(presenter)).at).toBe(2);
    await pressAndExpectSlide(presenter, 'ArrowRight', 3);
    await expect.poll(async () => (await counter(audience)).at).toBe(3);
    await pressAndExpectSlide(presenter, 'ArrowLeft', 2);
    await expect.poll(async () => (await counter(audience)).at).toBe(2);
    await presenter.keyboard.press('Home');
    await expect.poll(async () => (await counter(audience)).at).toBe(1);

    // B in the presenter's window blacks the room's screen; the presenter keeps the notes and the timer, and a mark says so.
    const middle = (page: Page) =>
      page.evaluate(() => {
        const el = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
        return el ? getComputedStyle(el).backgroundColor : '';
      });
    await presenter.keyboard.press('b');
    await expect.poll(() => audience.getByTestId('present-black').isVisible()).toBe(true);
    expect(await middle(audience)).toBe('rgb(0, 0, 0)');
    expect(await presenter.getByTestId('present-black').count()).toBe(0);
    expect(await presenter.getByTestId('present-black-mark').textContent()).toContain('Screen is black');
    expect(await presenter.getByTestId('presenter-notes').isVisible()).toBe(true);
    expect(await presenter.getByTestId('presenter-timer').isVisible()).toBe(true);
    await screenshot(presenter, 'presenter-view-black');
    await presenter.keyboard.press('b');
    await expect.poll(() => audience.getByTestId('present-black').count()).toBe(0);
    await expect.poll(() => presenter.getByTestId('present-black-mark').count()).toBe(0);
    // B in the audience's window: black there, the mark in the presenter's; B again, both back.
    await audience.keyboard.press('b');
    await expect.poll(() => presenter.getByTestId('present-black-mark').count()).toBe(1);
    expect(await audience.getByTestId('present-black').isVisible()).toBe(true);
    await audience.keyboard.press('b');
    await expect.poll(() => presenter.getByTestId('present-black-mark').count()).toBe(0);
    expect(await audience.getByTestId('present-black').count()).toBe(0);

    // The timer runs.
    const first = await presenter.getByTestId('presenter-timer').textContent();
    await presenter.waitForTimeout(2200);
    expect(await presenter.getByTestId('presenter-timer').textContent()).not.toBe(first);
    expect(session.consoleErrors).toEqual([]);
  });

  it('a number then Enter jumps to that slide; B blacks the screen and back; L shows a pointer that follows the mouse', async () => {
    const page = session.page;
    await page.bringToFront();
    await page.locator('.present-bar').focus();
    await page.keyboard.press('5');
    await expect.poll(() => page.getByTestId('slide-typed').textContent()).toContain('5');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await counter(page)).at).toBe(5);
    await page.keyboard.press('1');
    await page.keyboard.press('0');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await counter(page)).at).toBe(10);

    await page.keyboard.press('b');
    await expect.poll(() => page.getByTestId('present-black').isVisible()).toBe(true);
    const colour = await page.evaluate(() => {
      const el = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
      return el ? getComputedStyle(el).backgroundColor : '';
    });
    expect(colour).toBe('rgb(0, 0, 0)');
    await screenshot(page, 'present-black');
    await page.keyboard.press('b');
    await expect.poll(() => page.getByTestId('present-black').count()).toBe(0);

    await page.keyboard.press('l');
    await page.mouse.move(400, 300);
    await expect.poll(() => page.locator('.present-pointer-dot').evaluate((el) => el.getBoundingClientRect().left + el.getBoundingClientRect().width / 2)).toBeCloseTo(400, 0);
    await page.mouse.move(700, 200);
    await expect.poll(() => page.locator('.present-pointer-dot').evaluate((el) => Math.round(el.getBoundingClientRect().top + el.getBoundingClientRect().height / 2))).toBe(200);
    await page.keyboard.press('l');
    await expect.poll(() => page.locator('.present-pointer-dot').count()).toBe(0);
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
