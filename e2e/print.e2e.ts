// The printed handout of the built site: every heading and the whole code, outputs, KaTeX fonts, no toolbar or panels.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { artifactsDir, launch, type Session } from './browser';
import { runAll } from './faultKit';

const cellsDir = join(import.meta.dirname, '..', 'cells');
const runAllTimeoutMs = 240_000;

/** The lesson as files, read independently of the app: code cells by id, every # / ## heading, all the text. */
function lessonFiles(): { code: Map<string, string>; headings: string[]; text: string } {
  const code = new Map<string, string>();
  const headings: string[] = [];
  let text = '';
  for (const name of readdirSync(cellsDir).sort()) {
    if (!/^\d+[ab]?-.*\.(md|ts)$/.test(name) || name.endsWith('.d.ts') || name.endsWith('.test.ts')) continue;
    const source = readFileSync(join(cellsDir, name), 'utf8');
    text += `${source}\n`;
    if (name.endsWith('.ts')) code.set(name.slice(0, -3), source);
    else {
      for (const m of source.matchAll(/^#{1,2} +(.+?) *$/gm)) headings.push(m[1]);
    }
  }
  return { code, headings, text };
}

const has = (tool: string): boolean => {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const hasPoppler = has('pdftotext') && has('pdffonts') && has('pdftoppm');
if (!hasPoppler) console.warn('print.e2e: pdftotext/pdffonts/pdftoppm not found (Debian: apt-get install poppler-utils); the PDF text checks are skipped');

/** Whitespace-free, so lines wrapped on paper still match the source. */
const squeeze = (text: string): string => text.replace(/\s+/g, '');
const occurrences = (text: string, word: string): number => text.replace(/\s+/g, ' ').split(word).length - 1;

/** Labels of the page's controls: none may reach paper (beyond the lesson's own text mentioning them). */
const controlLabels = ['Run all', 'Interrupt', 'Restart kernel', 'Revert to original', 'Keyboard shortcuts', 'Change the network', 'Run cell'];

describe('the printed handout', () => {
  const lesson = lessonFiles();
  let session: Session;
  let page: Page;
  const pdfPath = join(artifactsDir, 'handout.pdf');
  /** Each code cell's source as the page held it when it printed. */
  let printedSources: [string, string][] = [];
  /** The plot outputs of the page after printing: how many, and the titles Plotly drew. */
  let plots = { count: 0, titles: [] as string[] };

  beforeAll(async () => {
    mkdirSync(artifactsDir, { recursive: true });
    session = await launch(inject('siteOrigin'));
    page = session.page;
    await page.goto(inject('siteUrl'));
    await runAll(page, runAllTimeoutMs);
    await page.pdf({ path: pdfPath, format: 'A4' });
    plots = await page.evaluate(() => ({
      count: document.querySelectorAll('main .output:has(.out-plot, .plot-pending)').length,
      titles: [...document.querySelectorAll('main .out-plot .gtitle')].map((t) => t.textContent ?? ''),
    }));
    printedSources = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-cell-type="code"]')].map((c): [string, string] => [c.dataset.cell ?? '', c.querySelector('.print-source')?.textContent ?? '']),
    );
  }, runAllTimeoutMs + 60_000);
  afterAll(async () => {
    await session?.close();
  });

  it('lays out for paper: one column, whole code as text, no controls, plots within the page', async () => {
    await page.emulateMedia({ media: 'print' });
    // What the browser's Print does first (page.pdf above did too); it scales the plots.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    try {
      for (const name of ['Run all', 'Interrupt', 'Present', 'Keyboard shortcuts']) {
        expect(await page.getByRole('button', { name, exact: true }).isVisible(), name).toBe(false);
      }
      const layout = await page.evaluate(() => {
        const shown = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
        const main = document.querySelector('main.notebook') as HTMLElement;
        const mainBox = main.getBoundingClientRect();
        return {
          buttons: [...main.querySelectorAll('button')].filter(shown).map((b) => b.textContent),
          editors: [...main.querySelectorAll('.cm-editor')].filter(shown).length,
          sources: Object.fromEntries([...main.querySelectorAll<HTMLElement>('[data-cell-type="code"]')].map((c) => [c.dataset.cell, c.querySelector('.print-source')?.textContent ?? null])),
          // Pairs stacked: no two cells side by side.
          sideBySide: [...main.querySelectorAll('.cell-pair')].filter((p) => {
            const [a, b] = [...p.querySelectorAll(':scope > [data-cell]')].map((c) => c.getBoundingClientRect());
            return a && b && Math.abs(a.top - b.top) < 1;
          }).length,
          plotsTooWide: [...main.querySelectorAll('.out-plot .main-svg')].filter((s) => s.getBoundingClientRect().right > mainBox.right + 1).length,
          plots: main.querySelectorAll('.out-plot .main-svg').length,
        };
      });
      expect(layout.buttons).toEqual([]);
      expect(layout.editors).toBe(0);
      expect(layout.sideBySide).toBe(0);
      expect(layout.plots).toBeGreaterThan(0);
      expect(layout.plotsTooWide).toBe(0);
      // Every code cell prints its whole source as the lesson file has it (the notebook drops the final newline).
      expect(Object.keys(layout.sources).sort()).toEqual([...lesson.code.keys()].sort());
      for (const [id, source] of lesson.code) expect(layout.sources[id]?.trimEnd(), id).toBe(source.trimEnd());
    } finally {
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it.skipIf(!hasPoppler)('has every heading, the end of every code cell and its outputs, KaTeX fonts, and no controls', () => {
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).not.toMatch(/Kernel: (starting|idle|busy|restarting|unavailable)/);
    writeFileSync(join(artifactsDir, 'handout.txt'), text);
    const flat = squeeze(text);
    // (Booleans: a failure names the missing piece instead of printing the whole handout.)
    for (const heading of lesson.headings) expect(flat.includes(squeeze(heading.replace(/[*`]/g, ''))), `heading "${heading}" on paper`).toBe(true);
    // The last line of each cell's code: CodeMirror on screen would have drawn only the first screenful.
    expect(printedSources.length).toBe(lesson.code.size);
    for (const [id, source] of printedSources) {
      const last = source.trimEnd().split('\n').at(-1) ?? '';
      expect(flat.includes(squeeze(last)), `last line of ${id} on paper: ${last}`).toBe(true);
    }
    // Outputs printed: the original network's loss, as the forward pass prints it (seed value).
    expect(text).toMatch(/-0\.38161037914/);
    // The lesson itself may name a control ("press Run all"); a printed toolbar would add one more.
    for (const label of controlLabels) {
      const inLesson = occurrences(lesson.text.replace(/[*`]/g, ''), label);
      expect(occurrences(text, label), `"${label}" on paper`).toBe(inLesson);
    }
    // Every plot drawn on paper, whether or not the reader had scrolled to it: its title, no placeholder.
    expect(text).not.toMatch(/Loading/);
    expect(plots.count).toBeGreaterThan(0);
    expect(plots.titles.length).toBe(plots.count);
    for (const title of plots.titles) expect(flat.includes(squeeze(title)), `plot "${title}" on paper`).toBe(true);
    const fonts = execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' });
    expect(fonts).toMatch(/KaTeX_Main/);
    expect(fonts).toMatch(/KaTeX_Math/);
  });

  it.skipIf(!hasPoppler)('renders its pages for a person to look at (e2e/artifacts/print-page-*.png)', () => {
    for (const old of readdirSync(artifactsDir).filter((f) => f.startsWith('print-page-'))) rmSync(join(artifactsDir, old));
    execFileSync('pdftoppm', ['-r', '60', '-png', pdfPath, join(artifactsDir, 'print-page')]);
    const pages = readdirSync(artifactsDir).filter((f) => f.startsWith('print-page-'));
    // A handout, not a stack: the lesson (with its second part, going deeper) prints on a few tens of A4 pages.
    expect(pages.length).toBeGreaterThan(3);
    expect(pages.length).toBeLessThan(60);
  });
});
