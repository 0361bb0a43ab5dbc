// Tests the lesson's text cells as the build prerenders them: every one there, every formula typeset, nothing that could run.
import { describe, expect, it } from 'vitest';
import { loadBundledCells } from '../kernel/cells';
import { lessonText } from './cellState';
import { prerenderedHtml } from './lessonHtml';
import { unsafeMarkup } from './testing/hostile';

const textCells = loadBundledCells().cells.filter((cell) => cell.type === 'markdown');

/** The TeX of every `$...$` and `$$...$$` of a markdown source, in order (code spans left out). */
function formulasOf(source: string): string[] {
  const withoutCode = source.replace(/`[^`\n]*`/g, '');
  return [...withoutCode.matchAll(/\$\$([\s\S]+?)\$\$|\$([^$\n]+?)\$/g)].map((m) => (m[1] ?? m[2]).trim());
}

/** KaTeX keeps each formula's TeX in an <annotation>: read them back out of the HTML, in order. */
function annotationsOf(html: string): string[] {
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&');
  return [...html.matchAll(/<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/g)].map((m) => unescape(m[1]).trim());
}

describe("the lesson's prerendered text cells", () => {
  it('has every text cell, found by the text the notebook shows', () => {
    expect(textCells.length).toBeGreaterThanOrEqual(10);
    const missing = textCells.filter((cell) => prerenderedHtml(lessonText(cell.source)) === undefined).map((cell) => cell.id);
    expect(missing).toEqual([]);
  });

  it('has every formula of each cell typeset, in order', () => {
    let formulas = 0;
    for (const cell of textCells) {
      const source = lessonText(cell.source);
      const expected = formulasOf(source);
      formulas += expected.length;
      expect(annotationsOf(prerenderedHtml(source) ?? ''), cell.id).toEqual(expected);
    }
    expect(formulas).toBeGreaterThan(50);
  });

  it('holds rendered markdown, not its source: headings are elements, no $ delimiters are left', () => {
    for (const cell of textCells) {
      const html = prerenderedHtml(lessonText(cell.source)) ?? '';
      expect(html.slice(0, 40), cell.id).toMatch(/^(<div class="slide-segment">)?<h[1-6]>/);
      const text = html.replace(/<annotation[\s\S]*?<\/annotation>/g, '').replace(/<[^>]+>/g, '');
      expect(text.match(/\$[^$\s].{0,30}/)?.[0], cell.id).toBeUndefined();
    }
  });

  it('holds nothing that could run: no script, no event handler, no javascript: link', () => {
    for (const cell of textCells) expect(unsafeMarkup(prerenderedHtml(lessonText(cell.source)) ?? ''), cell.id).toEqual([]);
  });

  it('is not used for a cell the student changed, nor for the file text with its final newline', () => {
    const source = textCells[1].source;
    expect(prerenderedHtml(`${lessonText(source)} (edited)`)).toBeUndefined();
    expect(source.endsWith('\n')).toBe(true);
    expect(prerenderedHtml(source)).toBeUndefined();
  });
});
