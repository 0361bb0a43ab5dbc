// The step-through view of the backward pass on the built site: buttons, keys, a clicker's Page Down in
// presentation mode, the lit edges of each step, nothing clipped at 1280x720, stacked on a phone.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { artifactsDir, launch, screenshot, type Session } from './browser';
import { kernelReady, net3421Link } from './faultKit';
import { cellOf } from './profiles';

const cell = '10-chain-rule-numbers';
const view = `[data-cell="${cell}"] [data-backprop-view]`;


/** The layer whose edges each step lights, from first principles: the loss none, dl/dX_{k-1} and W_k layer k, beta none. */
const litEdges231 = [null, null, 2, 1, null, 2, null, 1];

/** Opens the site (at `hash`), runs the chain-rule cell alone (it reads only the network) and waits for its view. */
async function openView(session: Session, hash = ''): Promise<Page> {
  const { page } = session;
  await page.goto(`${inject('siteUrl')}${hash}`);
  if (hash) await page.reload();
  await kernelReady(page);
  await cellOf(page, cell).scrollIntoViewIfNeeded();
  await cellOf(page, cell).getByRole('button', { name: 'Run cell' }).click();
  await page.locator(view).waitFor({ timeout: 60_000 });
  await page.locator(`${view} .katex`).first().waitFor();
  return page;
}

const stepOf = async (page: Page): Promise<number> => Number(await page.locator(view).getAttribute('data-step'));

async function expectStep(page: Page, step: number, of: number): Promise<void> {
  await expect.poll(() => stepOf(page)).toBe(step);
  expect(await page.getByTestId('backprop-count').textContent()).toBe(`Step ${step} of ${of}`);
  expect(await page.getByTestId('backprop-announcement').textContent()).toMatch(new RegExp(`^Step ${step} of ${of}: `));
}

/** The layers of the lit edges and how many edges are lit. */
async function litEdges(page: Page): Promise<{ layers: number[]; count: number }> {
  return page.locator(`${view} line.bp-on`).evaluateAll((lines) => ({
    layers: [...new Set(lines.map((l) => Number(l.getAttribute('data-layer'))))],
    count: lines.length,
  }));
}

/**
 * Boxes of the view's parts that lie outside the viewport or outside a scrolling (or clipping)
 * ancestor, and formulas that need a scroll bar: each named, so a failure says what is cut.
 */
async function clipped(page: Page): Promise<string[]> {
  return page.locator(view).evaluate((root) => {
    const problems: string[] = [];
    const vw = document.documentElement.clientWidth;
    const parts = root.querySelectorAll<HTMLElement>('.bp-controls button, .bp-count, .bp-svg, .bp-title, .katex-display, .bp-code, .bp-cost');
    for (const el of parts) {
      const r = el.getBoundingClientRect();
      const name = `${el.className || el.tagName} "${(el.textContent ?? '').slice(0, 30)}"`;
      if (r.left < -0.5 || r.right > vw + 0.5) problems.push(`${name}: x ${r.left.toFixed(0)}..${r.right.toFixed(0)} outside the viewport (${vw})`);
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (!/(auto|scroll|hidden|clip)/.test(style.overflowX + style.overflowY)) continue;
        const box = a.getBoundingClientRect();
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5) problems.push(`${name}: cut by ${a.className || a.tagName} (x ${box.left.toFixed(0)}..${box.right.toFixed(0)})`);
      }
    }
    for (const tex of root.querySelectorAll<HTMLElement>('.tex-display')) {
      if (tex.scrollWidth > tex.clientWidth + 1) problems.push(`formula needs a scroll bar: ${tex.scrollWidth} > ${tex.clientWidth}`);
    }
    return problems;
  });
}

describe('the backward pass, step by step', () => {
  let session: Session | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('steps by buttons and keys, lights the edges of each step, keeps focus on the controls, fits 1280x720', { timeout: 240_000 }, async () => {
    session = await launch(inject('siteOrigin'), { viewport: { width: 1280, height: 720 } });
    const page = await openView(session);
    await expectStep(page, 0, 7);
    await page.locator(view).scrollIntoViewIfNeeded();
    await screenshot(page, 'backprop-231-dense-step0');

    // Next through every step by the button: the lit edges are the step's, and focus stays on Next.
    const next = page.locator(view).getByRole('button', { name: 'Next' });
    for (let step = 0; step <= 7; step++) {
      if (step > 0) await next.click();
      await expectStep(page, step, 7);
      const want = litEdges231[step];
      expect(await litEdges(page), `step ${step}`).toEqual(want === null ? { layers: [], count: 0 } : { layers: [want], count: want === 2 ? 3 : 6 });
      expect(await clipped(page), `step ${step}`).toEqual([]);
      const box = await page.locator(view).boundingBox();
      expect(box!.height, `step ${step}: the view is taller than the screen`).toBeLessThanOrEqual(720);
      if (step === 2 || step === 5) await screenshot(page, `backprop-231-dense-step${step}`);
    }
    // At the end Next does nothing, and focus is still on it (a disabled button would drop it).
    expect(await next.getAttribute('aria-disabled')).toBe('true');
    await page.keyboard.press('Enter');
    await expectStep(page, 7, 7);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Next');

    // Keys while the view has focus.
    await page.keyboard.press('Home');
    await expectStep(page, 0, 7);
    await page.keyboard.press('ArrowRight');
    await expectStep(page, 1, 7);
    await page.keyboard.press('PageDown');
    await expectStep(page, 2, 7);
    await page.keyboard.press('ArrowDown');
    await expectStep(page, 3, 7);
    await page.keyboard.press('PageUp');
    await expectStep(page, 2, 7);
    await page.keyboard.press('ArrowLeft');
    await expectStep(page, 1, 7);
    await page.keyboard.press('End');
    await expectStep(page, 7, 7);
    await page.locator(view).getByRole('button', { name: 'Previous' }).click();
    await expectStep(page, 6, 7);
    // A click on the diagram gives the view focus: the keys then step it.
    await page.locator(`${view} .bp-svg`).click();
    await page.keyboard.press('ArrowLeft');
    await expectStep(page, 5, 7);

    // The dense way fades the zeros of diag(f'(z_1)) (3 x 3, step 3); the VJP way has no diag at all.
    await page.keyboard.press('Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expectStep(page, 3, 7);
    expect(await page.locator(`${view} .katex [style*="color:#6e7781"]`).count()).toBeGreaterThan(0);
    await page.locator(view).getByRole('button', { name: 'Vector-Jacobian products' }).click();
    expect(await page.locator(view).getAttribute('data-mode')).toBe('vjp');
    expect(await page.locator(`${view} .katex [style*="color:#6e7781"]`).count()).toBe(0);
    expect(await page.locator(`${view} .bp-code`).textContent()).toContain('structured.ts');
    await expectStep(page, 3, 7);
    for (const step of [0, 2, 5]) {
      await page.keyboard.press('Home');
      for (let i = 0; i < step; i++) await page.keyboard.press('ArrowRight');
      await expectStep(page, step, 7);
      expect(await clipped(page), `vjp step ${step}`).toEqual([]);
      await screenshot(page, `backprop-231-vjp-step${step}`);
    }
    // The formula is also there for a screen reader (KaTeX's MathML).
    expect(await page.locator(`${view} .katex-mathml math`).count()).toBeGreaterThan(0);
    expect(session.consoleErrors).toEqual([]);
  });

  it('in presentation mode Page Down and the arrows step the view on the slide, then turn the slide', { timeout: 240_000 }, async () => {
    session = await launch(inject('siteOrigin'), { viewport: { width: 1280, height: 720 } });
    const page = await openView(session);
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    // The slides load when first shown: keys pressed before they are there would go to the notebook.
    await page.getByTestId('slide-counter').waitFor();
    const counter = async (): Promise<number> => Number(((await page.getByTestId('slide-counter').textContent()) ?? '').split('/')[0].trim());
    // To the slide that shows the view.
    await page.keyboard.press('Home');
    // (A long slide shows in parts: a press may show its next part rather than the next slide.)
    for (let k = 0; k < 80 && (await page.locator(view).evaluate((el) => el.getClientRects().length === 0 || el.closest('.present-later') !== null)); k++) {
      await page.keyboard.press('ArrowRight');
    }
    const slide = await counter();
    await expectStep(page, 0, 7);
    for (let step = 1; step <= 7; step++) {
      await page.keyboard.press('PageDown');
      await expectStep(page, step, 7);
      expect(await counter()).toBe(slide);
    }
    await screenshot(page, 'backprop-slide-step7');
    // The whole view on the slide, above the presentation's bar.
    const box = (await page.locator(view).boundingBox())!;
    const barTop = (await page.locator('.present-bar').boundingBox())?.y ?? 720;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(barTop + 0.5);
    expect(await clipped(page)).toEqual([]);
    await page.keyboard.press('PageDown');
    await expect.poll(counter).toBe(slide + 1);
    await page.keyboard.press('PageUp');
    await expect.poll(counter).toBe(slide);
    await page.keyboard.press('PageUp');
    await expectStep(page, 6, 7);
    expect(await counter()).toBe(slide);
    // The arrows do as Page Down and Page Up: the view's steps first, then the slide.
    await page.keyboard.press('ArrowRight');
    await expectStep(page, 7, 7);
    expect(await counter()).toBe(slide);
    await page.keyboard.press('ArrowRight');
    await expect.poll(counter).toBe(slide + 1);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(counter).toBe(slide);
    await page.keyboard.press('ArrowLeft');
    await expectStep(page, 6, 7);
    await page.locator(view).getByRole('button', { name: 'Previous' }).click();
    await expectStep(page, 5, 7);
    await page.keyboard.press('ArrowLeft');
    await expectStep(page, 4, 7);
    expect(await counter()).toBe(slide);
    expect(session.consoleErrors).toEqual([]);
  });

  it('prints its final state and the list of every step with its formula, then comes back to the step it was at', { timeout: 240_000 }, async () => {
    session = await launch(inject('siteOrigin'), { viewport: { width: 1280, height: 720 } });
    const page = await openView(session);
    await page.locator(view).getByRole('button', { name: 'Next' }).click();
    await page.locator(view).getByRole('button', { name: 'Next' }).click();
    await expectStep(page, 2, 7);
    mkdirSync(artifactsDir, { recursive: true });
    const pdfPath = join(artifactsDir, 'backprop-print.pdf');
    await page.emulateMedia({ media: 'print' });
    // Headless PDF output fires beforeprint/afterprint as the browser's Print does.
    await page.pdf({ path: pdfPath, format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
    await expectStep(page, 2, 7);
    // The same, observed in the page: during print the view is at its last step and lists all 8.
    const during = await page.evaluate((sel) => {
      window.dispatchEvent(new Event('beforeprint'));
      const el = document.querySelector(sel)!;
      const seen = { step: el.getAttribute('data-step'), items: el.querySelectorAll('.bp-print-steps li').length, formulas: el.querySelectorAll('.bp-print-steps .katex').length };
      window.dispatchEvent(new Event('afterprint'));
      return seen;
    }, view);
    expect(during).toEqual({ step: '7', items: 8, formulas: 8 });
    await expectStep(page, 2, 7);
    try {
      const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
      for (const title of ["dl/dX0 = dl/dX1 diag(f'(z1)) W1", "dl/dbeta2 = dl/dX2 diag(f'(z2))", 'dl/dW1[i,:] = dl/dX1']) expect(text).toContain(title);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      console.warn('backprop.e2e: pdftotext not found (Debian: poppler-utils); the PDF text check is skipped');
    }
    expect(session.consoleErrors).toEqual([]);
  });

  it('a 3-4-2-1 network from the link: the forward pass and 10 factors, each step lighting its own layer', { timeout: 240_000 }, async () => {
    session = await launch(inject('siteOrigin'), { viewport: { width: 1280, height: 720 } });
    const page = await openView(session, `#${net3421Link}`);
    await expectStep(page, 0, 10);
    const next = page.locator(view).getByRole('button', { name: 'Next' });
    // dl/dX3 (loss), then dl/dX2 via W3 (1x2), dl/dX1 via W2 (2x4), dl/dX0 via W1 (4x3).
    const want = [null, null, [3, 2], [2, 8], [1, 12]] as const;
    for (let step = 0; step < want.length; step++) {
      if (step > 0) await next.click();
      await expectStep(page, step, 10);
      const w = want[step];
      expect(await litEdges(page), `step ${step}`).toEqual(w === null ? { layers: [], count: 0 } : { layers: [w[0]], count: w[1] });
      expect(await clipped(page), `step ${step}`).toEqual([]);
    }
    await page.locator(view).scrollIntoViewIfNeeded();
    await screenshot(page, 'backprop-3421-step3');
    expect(session.consoleErrors).toEqual([]);
  });

  it('on a dark system the faded zeros stay faint but readable', { timeout: 240_000 }, async () => {
    session = await launch(inject('siteOrigin'), { viewport: { width: 1280, height: 720 }, colorScheme: 'dark' });
    const page = await openView(session);
    await page.locator(view).getByRole('button', { name: 'Next' }).click();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expectStep(page, 3, 7);
    const colour = await page.locator(`${view} .katex [style*="color:#6e7781"]`).first().evaluate((el) => getComputedStyle(el).color);
    expect(colour).toBe('rgb(139, 148, 158)'); // backprop.css's lighter grey on the dark background
    await page.locator(view).scrollIntoViewIfNeeded();
    await screenshot(page, 'backprop-231-dark-step3');
    expect(session.consoleErrors).toEqual([]);
  });

  it('on a phone (375x800) the diagram and the formula stack, and nothing is cut', { timeout: 240_000 }, async () => {
    session = await launch(inject('siteOrigin'), { viewport: { width: 375, height: 800 } });
    const page = await openView(session);
    await page.locator(view).getByRole('button', { name: 'Next' }).click();
    await page.locator(view).getByRole('button', { name: 'Next' }).click();
    await expectStep(page, 2, 7);
    const diagram = (await page.locator(`${view} .bp-diagram`).boundingBox())!;
    const formula = (await page.locator(`${view} .bp-formula`).boundingBox())!;
    expect(formula.y).toBeGreaterThanOrEqual(diagram.y + diagram.height - 0.5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const buttons = await page.locator(`${view} .bp-controls button`).evaluateAll((els) => els.map((b) => b.getBoundingClientRect().right));
    expect(Math.max(...buttons)).toBeLessThanOrEqual(375);
    await page.locator(view).scrollIntoViewIfNeeded();
    await screenshot(page, 'backprop-phone-step2');
    expect(session.consoleErrors).toEqual([]);
  });
});
