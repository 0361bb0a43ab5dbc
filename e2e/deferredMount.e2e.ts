// Text cells and editors far from the screen wait for idle time; those on screen render before the first paint, and every one arrives soon after.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Session } from './browser';

interface FirstLesson {
  markdownCells: number;
  pending: number;
  pendingOnScreen: number;
  lastMarkdownPending: boolean;
  /** With `print`: right after the browser's Print (its `beforeprint`), in the same task. */
  printed?: {
    pendingAfter: number;
    /** Text cells shown as their markdown source on paper. */
    sourceAfter: number;
  };
}

/** At the commit that first shows the lesson's cells: what is rendered, and where; with `print`, what Print then rendered. */
function watchFirstLesson(print: boolean): void {
  const observer = new MutationObserver(() => {
    const cells = document.querySelectorAll('main.notebook [data-cell-type=markdown]');
    // React may insert the lesson hidden while a chunk still loads: wait until it is shown.
    if (cells.length === 0 || cells[0].getClientRects().length === 0) return;
    observer.disconnect();
    const pending = [...document.querySelectorAll('.markdown-pending')];
    const onScreen = (el: Element): boolean => {
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight;
    };
    const first: FirstLesson = {
      markdownCells: cells.length,
      pending: pending.length,
      pendingOnScreen: pending.filter(onScreen).length,
      lastMarkdownPending: cells[cells.length - 1].querySelector('.markdown-pending') !== null,
    };
    if (print) {
      window.dispatchEvent(new Event('beforeprint'));
      // Read in the same task: no idle callback can have mounted anything in between.
      first.printed = {
        pendingAfter: document.querySelectorAll('.markdown-pending').length,
        sourceAfter: [...cells].filter((cell) => /(^|\n)(#{1,6} |---slide---)/.test(cell.textContent ?? '')).length,
      };
      window.dispatchEvent(new Event('afterprint'));
    }
    (window as unknown as { firstLesson: FirstLesson }).firstLesson = first;
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['style'] });
}

/** Opens the site in `page` and returns what the lesson's first showing held. */
async function openAndWatch(page: Session['page'], print: boolean): Promise<FirstLesson> {
  await page.addInitScript(watchFirstLesson, print);
  await page.goto(inject('siteUrl'));
  return (await (await page.waitForFunction(() => (window as unknown as { firstLesson?: FirstLesson }).firstLesson)).jsonValue()) as FirstLesson;
}

describe('deferred mounting of text cells and editors', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch(inject('siteOrigin'), { viewport: { width: 1280, height: 720 } });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('renders what is on screen at once, the far cells later, and every cell within seconds', async () => {
    const { page } = session;
    const seen = await openAndWatch(page, false);
    expect(seen.pendingOnScreen).toBe(0); // no flash of raw markdown where the student looks
    expect(seen.lastMarkdownPending).toBe(true); // the far end waits
    expect(seen.pending).toBeLessThan(seen.markdownCells);

    await page.waitForFunction(() => document.querySelectorAll('.markdown-pending').length === 0, undefined, { timeout: 30_000 });
    const codeCells = await page.locator('[data-cell-type=code]').count();
    await expect.poll(() => page.locator('[data-cell-type=code] .cm-editor').count(), { timeout: 30_000 }).toBe(codeCells);
    // Rendered, not left as source: the last text cell's markdown became elements.
    await expect(page.locator('[data-cell-type=markdown]').last().locator('.markdown:not(.markdown-pending) > *').count()).resolves.toBeGreaterThan(0);
    expect(session.consoleErrors).toEqual([]);
  });

  it('builds nothing far off while the page that just opened is quiet; the first scroll brings the near cells', async () => {
    const page = await session.context.newPage();
    const chunks: string[] = [];
    page.on('request', (request) => {
      if (/\/(richTextChunk|CodeEditor)-[^/]*\.js$/.test(request.url())) chunks.push(request.url().replace(/.*\//, ''));
    });
    const seen = await openAndWatch(page, false);
    // Less than the quiet time the page waits for (settleMs, 5 s): nothing of the far lesson is
    // built, and the markdown renderer is not even fetched (the lesson's text comes prerendered).
    await page.waitForTimeout(3000);
    const pendingQuiet = await page.locator('.markdown-pending').count();
    expect(pendingQuiet).toBe(seen.pending);
    expect(chunks.filter((name) => name.startsWith('richTextChunk'))).toEqual([]);
    await page.mouse.move(640, 400);
    await page.mouse.wheel(0, 120);
    // Within half a screen of view, at once: the student scrolls into rendered text.
    await expect.poll(() => page.locator('.markdown-pending').count(), { timeout: 10_000 }).toBeLessThan(pendingQuiet);
    await page.close();
  });

  it("shows the lesson's text and formulas without the markdown renderer: they were rendered when the site was built", async () => {
    const page = await session.context.newPage();
    const blocked: string[] = [];
    await page.route(/\/richTextChunk-[^/]*\.js$/, (route) => {
      blocked.push(route.request().url());
      return route.abort();
    });
    await page.goto(inject('siteUrl'));
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    // Scroll through the whole lesson: every text cell comes near the screen and mounts.
    const cells = page.locator('[data-cell-type=markdown]');
    const count = await cells.count();
    for (let i = 0; i < count; i++) await cells.nth(i).scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('.markdown-pending').count(), { timeout: 10_000 }).toBe(0);
    expect(await page.locator('.loading').count()).toBe(0);
    // Typeset by KaTeX (its HTML), not left as $...$ source; the chunk may have been asked for, never delivered.
    expect(await page.locator('[data-cell-type=markdown] .katex').count()).toBeGreaterThan(50);
    const sourceLeft = await cells.evaluateAll((all) => all.filter((cell) => /\$[^$\s]/.test(cell.querySelector('.markdown')?.textContent ?? '')).length);
    expect(sourceLeft).toBe(0);
    await page.close();
  });

  it('prints every text cell rendered, even before the far ones had their turn', async () => {
    const page = await session.context.newPage();
    const seen = await openAndWatch(page, true);
    expect(seen.pending).toBeGreaterThan(0); // the far cells were still waiting
    expect(seen.printed).toEqual({ pendingAfter: 0, sourceAfter: 0 });
    await page.close();
  });
});

/** A code cell's Run button: its distance from the top of the screen in each of the next `frames` painted frames. */
async function topsAfterJump(page: Page, id: string, frames: number): Promise<{ before: number; after: number[] }> {
  return page.locator(`[data-cell="${id}"]`).getByRole('button', { name: 'Run cell' }).evaluate(async (button, count) => {
    button.scrollIntoView({ block: 'center' });
    const before = button.getBoundingClientRect().top;
    const after: number[] = [];
    for (let i = 0; i < count; i++) {
      // After the frame is painted: a task queued from its animation frame.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      after.push(button.getBoundingClientRect().top);
    }
    return { before, after };
  }, frames);
}

describe('what the reader looks at stays in place while the parts around it mount', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch(inject('siteOrigin'));
  });
  afterAll(async () => {
    await session?.close();
  });

  for (const viewport of [{ width: 1280, height: 720 }, { width: 375, height: 700 }]) {
    it(`a jump to a far cell right after opening, ${viewport.width}x${viewport.height}: its Run button stays where the jump put it`, async () => {
      for (const id of ['08-jacobians', '14-comparison']) {
        const page = await session.context.newPage();
        await page.setViewportSize(viewport);
        await page.goto(inject('siteUrl'));
        const cell = page.locator(`[data-cell="${id}"]`);
        await cell.getByRole('button', { name: 'Run cell' }).waitFor();
        // The cells around it are still placeholders (their source, or a guessed size): the jump mounts them.
        await expect(cell.locator('.code-fallback').count()).resolves.toBe(1);
        const { before, after } = await topsAfterJump(page, id, 40);
        await expect(cell.locator('.code-fallback').count()).resolves.toBe(0);
        // The cells above it changed height by hundreds of pixels as they mounted (it moved 90-960 px
        // before the page kept it): where the jump put it, within a pixel or two, once they are done.
        expect(Math.abs(after[after.length - 1] - before), `${id}: ${before} -> ${after.map(Math.round).join(' ')}`).toBeLessThanOrEqual(2);
        await page.close();
      }
      expect(session.consoleErrors).toEqual([]);
    });
  }

  it('a click on a phone that moves the selection lands on the button pressed (the tools row above it goes away)', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 375, height: 700 });
    await page.goto(inject('siteUrl'));
    // Everything mounted first (the lesson shown, no placeholder left): only the selection changes the layout here.
    await page.waitForFunction(
      () => document.querySelectorAll('[data-cell]').length > 20 && document.querySelectorAll('.markdown-pending, .code-fallback').length === 0,
      undefined,
      { timeout: 60_000 },
    );
    const text = page.locator('[data-cell="05-forward-pass"]');
    await text.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await text.locator('.markdown p').first().click();
    // Selected, a text cell shows its row of tools (Edit) on a phone, above its text.
    await expect(text.getAttribute('class')).resolves.toContain('cell-selected');
    await expect(text.getByRole('button', { name: 'Edit cell 05-forward-pass' }).isVisible()).resolves.toBe(true);
    const run = page.locator('[data-cell="06-forward-pass"]').getByRole('button', { name: 'Run cell' });
    await run.evaluate((button) => button.scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(500);
    // The row that will go away is on screen above the button, and the page can scroll back by its height.
    const edit = await text.getByRole('button', { name: 'Edit cell 05-forward-pass' }).boundingBox();
    const box = await run.boundingBox();
    const scrollY = await page.evaluate(() => window.scrollY);
    expect(edit && box && edit.y + edit.height < box.y && box.y + box.height < 700 && scrollY > 100, `Edit ${edit?.y}, Run ${box?.y}, scrollY ${scrollY}`).toBe(true);
    await run.click();
    // Selecting cell 06 hid cell 05's tools row (31 px) between the press and the release: the
    // click used to end on the code below and never ran the cell.
    await page.waitForFunction(() => document.querySelector('[data-cell="06-forward-pass"]')?.getAttribute('data-cell-status') !== 'idle', undefined, { timeout: 10_000 });
    await expect(text.getByRole('button', { name: 'Edit cell 05-forward-pass' }).isVisible()).resolves.toBe(false);
    await page.close();
  });
});
