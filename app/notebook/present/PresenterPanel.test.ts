// Tests of the presenter panel's clock and of which notes belong to a slide.
import { describe, expect, it } from 'vitest';
import { clock, notesOfSlide } from './PresenterPanel';
import { slidesFrom, type SlideSourceCell } from './slides';

describe('clock', () => {
  it.each<[number, string]>([
    [0, '0:00'],
    [9.9, '0:09'],
    [61, '1:01'],
    [3599, '59:59'],
    [3661, '1:01:01'],
  ])('%d s -> %s', (seconds, text) => expect(clock(seconds)).toBe(text));
});

describe('notesOfSlide', () => {
  const cells: SlideSourceCell[] = [
    { id: 'a', type: 'markdown', source: '# One\n<!-- notes: first slide -->\n---slide---\nsecond part <!-- notes: second slide -->' },
    { id: 'b', type: 'code', source: '// <!-- notes: not in code -->' },
    { id: 'c', type: 'markdown', source: '## Two' },
  ];
  const slides = slidesFrom(cells);
  it('gives each slide the notes of its own text, a split cell\'s per segment', () => {
    expect(slides.map((s) => notesOfSlide(cells, s))).toEqual([['first slide'], ['second slide'], []]);
  });
});
