// Tests of slide splitting: where slides start, what each holds, titles, and the CSS that shows one slide.
import { describe, expect, it } from 'vitest';
import { openingHeading, slideBreakEdges, slideCss, slideOfCell, slidesFrom, splitAtSlideBreaks, type SlideSourceCell } from './slides';

const md = (id: string, source: string): SlideSourceCell => ({ id, type: 'markdown', source });
const code = (id: string, source = 'print(1)'): SlideSourceCell => ({ id, type: 'code', source });

describe('splitAtSlideBreaks', () => {
  it.each<[string, string, string[]]>([
    ['no marker', 'a\n\nb', ['a\n\nb']],
    ['one marker', 'a\n---slide---\nb', ['a', 'b']],
    ['marker with spaces around', 'a\n  ---slide---  \nb', ['a', 'b']],
    ['marker first: no empty slide', '---slide---\na', ['a']],
    ['two markers in a row', 'a\n---slide---\n\n---slide---\nb', ['a', 'b']],
    ['marker inside a backtick fence is text', '```\n---slide---\n```', ['```\n---slide---\n```']],
    ['marker inside a tilde fence is text', '~~~md\n---slide---\n~~~\n---slide---\nb', ['~~~md\n---slide---\n~~~', 'b']],
    ['marker in a sentence is text', 'see ---slide--- here', ['see ---slide--- here']],
    ['a thematic break is not a marker', 'a\n\n---\n\nb', ['a\n\n---\n\nb']],
    ['empty source', '', []],
  ])('%s', (_name, source, expected) => {
    expect(splitAtSlideBreaks(source)).toEqual(expected);
  });
});

describe('slideBreakEdges', () => {
  it.each<[string, { atStart: boolean; atEnd: boolean }]>([
    ['text', { atStart: false, atEnd: false }],
    ['---slide---\ntext', { atStart: true, atEnd: false }],
    ['\n\n---slide---\n\ntext', { atStart: true, atEnd: false }],
    ['text\n\n---slide---\n\n', { atStart: false, atEnd: true }],
    ['a\n---slide---\nb', { atStart: false, atEnd: false }],
    ['---slide---', { atStart: true, atEnd: true }],
    ['```\n---slide---\n```', { atStart: false, atEnd: false }],
    ['```\ncode\n```\n---slide---', { atStart: false, atEnd: true }],
    ['', { atStart: false, atEnd: false }],
  ])('%j -> %o', (source, expected) => {
    expect(slideBreakEdges(source)).toEqual(expected);
  });
});

describe('openingHeading', () => {
  it.each<[string, string | null]>([
    ['# Title\ntext', 'Title'],
    ['## The chain rule, backwards\n\ntext', 'The chain rule, backwards'],
    ['\n\n## After blank lines', 'After blank lines'],
    ['## Closed heading ##', 'Closed heading'],
    ['## **Bold** and `code`', 'Bold and code'],
    ['### A third level', null],
    ['#hashtag', null],
    ['text\n## later', null],
    ['    ## indented code', null],
    ['Setext title\n===', 'Setext title'],
    ['Setext two\n---', 'Setext two'],
    ['', null],
  ])('%j -> %j', (source, expected) => {
    expect(openingHeading(source)).toBe(expected);
  });
});

describe('slidesFrom', () => {
  it('starts a slide at each # or ## cell and puts the code after it on that slide', () => {
    const slides = slidesFrom([md('00-intro', '# Intro\ntext'), md('01-net', '## Net\ntext'), code('02a'), code('02b'), md('03-more', 'plain text'), md('04-act', '## Act')]);
    expect(slides).toEqual([
      { title: 'Intro', parts: [{ cellId: '00-intro' }] },
      { title: 'Net', parts: [{ cellId: '01-net' }, { cellId: '02a' }, { cellId: '02b' }, { cellId: '03-more' }] },
      { title: 'Act', parts: [{ cellId: '04-act' }] },
    ]);
  });

  it('splits a markdown cell at ---slide--- into segments, later ones titled as continued', () => {
    const slides = slidesFrom([md('07', '## Jacobians\nA\n---slide---\nB\n---slide---\nC'), code('08')]);
    expect(slides).toEqual([
      { title: 'Jacobians', parts: [{ cellId: '07', segment: 0 }] },
      { title: 'Jacobians (continued)', parts: [{ cellId: '07', segment: 1 }] },
      { title: 'Jacobians (continued)', parts: [{ cellId: '07', segment: 2 }, { cellId: '08' }] },
    ]);
  });

  it('takes the heading of a segment after a break as its title', () => {
    const slides = slidesFrom([md('a', 'intro\n---slide---\n## Second')]);
    expect(slides.map((s) => s.title)).toEqual(['Slide 1', 'Second']);
  });

  it('gives the cells after a markdown cell ending with ---slide--- a slide of their own', () => {
    const slides = slidesFrom([md('19', '## Your turn\ntext\n\n---slide---\n'), code('20'), code('21'), md('22', '## Next')]);
    expect(slides).toEqual([
      { title: 'Your turn', parts: [{ cellId: '19' }] },
      { title: 'Your turn (continued)', parts: [{ cellId: '20' }, { cellId: '21' }] },
      { title: 'Next', parts: [{ cellId: '22' }] },
    ]);
  });

  it('starts a slide at a markdown cell opening with ---slide---', () => {
    expect(slidesFrom([md('a', '## A'), md('b', '---slide---\nmore'), code('c')]).map((s) => s.parts.map((p) => p.cellId))).toEqual([['a'], ['b', 'c']]);
  });

  it('treats a cell holding only a marker as a break before the next cell', () => {
    expect(slidesFrom([md('a', '## A'), code('b'), md('brk', '---slide---'), code('c')]).map((s) => s.parts.map((p) => p.cellId))).toEqual([
      ['a', 'b', 'brk'],
      ['c'],
    ]);
  });

  it('puts cells before any heading on slide 1', () => {
    expect(slidesFrom([code('c1'), md('m', '## Later')])).toEqual([
      { title: 'Slide 1', parts: [{ cellId: 'c1' }] },
      { title: 'Later', parts: [{ cellId: 'm' }] },
    ]);
  });

  it('ignores a break in a code cell (code is never split)', () => {
    expect(slidesFrom([md('m', '## A'), code('c', 'x\n---slide---\ny')])).toHaveLength(1);
  });

  it('gives no slides for no cells', () => {
    expect(slidesFrom([])).toEqual([]);
  });
});

describe('slideOfCell', () => {
  const slides = slidesFrom([md('a', '## A'), code('b'), md('c', '## C\n---slide---\nmore'), code('d')]);
  it.each<[string, number]>([
    ['a', 0],
    ['b', 0],
    ['c', 1],
    ['d', 2],
    ['missing', -1],
  ])('%s is on slide %i', (id, expected) => {
    expect(slideOfCell(slides, id)).toBe(expected);
  });
});

describe('slideCss', () => {
  it('hides the cells of other slides, empty pair rows and the other segments of a split cell', () => {
    const css = slideCss({ title: 'T', parts: [{ cellId: '07', segment: 1 }, { cellId: '08a' }] });
    expect(css).toContain('html.presenting main.notebook [data-cell]:not([data-cell="07"], [data-cell="08a"]) { display: none !important; }');
    expect(css).toContain('.cell-pair:not(:has([data-cell="07"], [data-cell="08a"]))');
    expect(css).toContain('[data-cell="07"] .slide-segment:not(:nth-child(2))');
  });

  it('escapes quotes and backslashes in imported cell ids', () => {
    expect(slideCss({ title: 'T', parts: [{ cellId: 'a"b\\c' }] })).toContain('[data-cell="a\\"b\\\\c"]');
  });

  it('hides every cell for an empty slide', () => {
    expect(slideCss({ title: 'T', parts: [] })).toBe('html.presenting main.notebook [data-cell] { display: none !important; }');
  });
});
