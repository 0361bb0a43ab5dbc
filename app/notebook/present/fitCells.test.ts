// Tests of a code cell's least height on a slide: what its editor and outputs can give up, and no more.
import { describe, expect, it } from 'vitest';
import { cellMinHeightPx, type ShrinkablePart } from './fitCells';

describe('cellMinHeightPx', () => {
  it.each<[string, number, ShrinkablePart[], number]>([
    ['nothing to give up', 200, [], 200],
    // A 300px editor can go down to 128px: 172px less.
    ['a long editor down to its minimum', 500, [{ currentPx: 300, fullPx: 300, minPx: 128 }], 328],
    // Short content is its own minimum: a 60px editor gives up nothing.
    ['a short editor keeps its height', 200, [{ currentPx: 60, fullPx: 60, minPx: 128 }], 200],
    // Already scrolled down to 150 of 400: 22px more to give.
    ['an editor already shrunk', 400, [{ currentPx: 150, fullPx: 400, minPx: 128 }], 378],
    // Squeezed below the minimum (spilling over): the cell needs that much more.
    ['an output squeezed below its minimum', 100, [{ currentPx: 20, fullPx: 32, minPx: 224 }], 112],
    [
      'editor and outputs together',
      700,
      [
        { currentPx: 300, fullPx: 300, minPx: 128 },
        { currentPx: 350, fullPx: 500, minPx: 224 },
      ],
      402,
    ],
  ])('%s', (_name, naturalPx, parts, expected) => {
    expect(cellMinHeightPx(naturalPx, parts)).toBe(expected);
  });
});
