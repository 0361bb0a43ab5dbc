// Tests of where a slide's steps start: every block wholly shown at some step, in as few steps as that takes.
import { describe, expect, it } from 'vitest';
import { seenInStep, stepStarts, wholeInStep, type BlockSpan } from './steps';

const span = (top: number, bottom: number): BlockSpan => ({ top, bottom });

/** Every block is whole at one step or another (the property the slide test checks in the browser). */
function everyBlockWhole(blocks: BlockSpan[], windowPx: number): boolean {
  const starts = stepStarts(blocks, windowPx);
  return blocks.every((b) => b.bottom - b.top > windowPx || starts.some((s) => wholeInStep(b, s, windowPx)));
}

describe('stepStarts', () => {
  it('a slide that fits has one step', () => {
    expect(stepStarts([span(0, 100), span(110, 500)], 600)).toEqual([0]);
  });

  it('no blocks: one step', () => {
    expect(stepStarts([], 600)).toEqual([0]);
  });

  it('the next step starts at the first block cut off by the view', () => {
    // View 0-600: the third block (550-700) is cut; the next view starts at 550 and shows it and the fourth.
    expect(stepStarts([span(0, 100), span(120, 500), span(550, 700), span(720, 1000)], 600)).toEqual([0, 550]);
  });

  it('three steps for a long cell of outputs', () => {
    const blocks = [span(0, 300), span(310, 610), span(620, 920), span(930, 1230)];
    expect(stepStarts(blocks, 620)).toEqual([0, 620]);
    expect(stepStarts(blocks, 500)).toEqual([0, 310, 620, 930]);
  });

  it('a block taller than the view gets its own step, and the step after goes past it (no endless loop)', () => {
    expect(stepStarts([span(0, 100), span(150, 900), span(910, 1000)], 600)).toEqual([0, 150, 900]);
  });

  it('blocks given out of order are sorted by their tops', () => {
    expect(stepStarts([span(550, 700), span(0, 100)], 600)).toEqual([0, 550]);
  });

  it.each([300, 450, 600, 777])('random blocks are each whole at some step (view %i px)', (windowPx) => {
    // A fixed pseudo-random layout: heights 20-420 px with gaps 0-30 px.
    let seed = windowPx;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const blocks: BlockSpan[] = [];
    let y = 0;
    for (let i = 0; i < 40; i++) {
      const top = y + Math.floor(random() * 30);
      const bottom = top + 20 + Math.floor(random() * 400);
      blocks.push(span(top, bottom));
      y = bottom;
    }
    expect(everyBlockWhole(blocks, windowPx)).toBe(true);
  });
});

describe('wholeInStep', () => {
  it.each<[BlockSpan, number, boolean]>([
    [span(0, 600), 0, true],
    [span(10, 601), 0, false],
    [span(550, 700), 550, true],
    [span(500, 700), 550, false],
  ])('%o from %i -> %s', (block, start, expected) => {
    expect(wholeInStep(block, start, 600)).toBe(expected);
  });
});

describe('seenInStep', () => {
  it('a block any of which is in the view is seen; one wholly above or below it, or only touching its edge, is not', () => {
    expect(seenInStep(span(550, 700), 0, 600)).toBe(true);
    expect(seenInStep(span(-50, 10), 0, 600)).toBe(true);
    expect(seenInStep(span(600, 700), 0, 600)).toBe(false);
    expect(seenInStep(span(-100, 0), 0, 600)).toBe(false);
    expect(seenInStep(span(700, 800), 600, 600)).toBe(true);
  });
});
