// Tests of which cells a slide opened before any run needs run.
import { describe, expect, it } from 'vitest';
import { cellsToRunFor, type RunnableCell } from './runOnEntry';
import type { Slide } from './slides';

const code = (id: string, execCount: number | null = null, status = 'idle'): RunnableCell => ({ id, type: 'code', execCount, status });
const text = (id: string): RunnableCell => ({ id, type: 'markdown', execCount: null, status: 'idle' });
const slide = (...ids: string[]): Slide => ({ title: 't', parts: ids.map((cellId) => ({ cellId })) });

describe('cellsToRunFor', () => {
  const cells = [text('m1'), code('a'), text('m2'), code('b'), code('c'), text('m3'), code('d')];

  it('a fresh page: the slide\'s code and every code cell above it, in order', () => {
    expect(cellsToRunFor(cells, slide('m2', 'b', 'c'))).toEqual(['a', 'b', 'c']);
  });

  it('nothing for a slide of text only', () => {
    expect(cellsToRunFor(cells, slide('m3'))).toEqual([]);
  });

  it('nothing when the slide\'s cells have run', () => {
    const ran = [text('m1'), code('a', 1), text('m2'), code('b', 2), code('c', 3), text('m3'), code('d')];
    expect(cellsToRunFor(ran, slide('m2', 'b', 'c'))).toEqual([]);
  });

  it('cells that ran are not run again; cells below the slide are not run', () => {
    const some = [text('m1'), code('a', 1), text('m2'), code('b'), code('c'), text('m3'), code('d')];
    expect(cellsToRunFor(some, slide('m2', 'b', 'c'))).toEqual(['b', 'c']);
  });

  it('kept outputs of the previous session count as shown; a later slide still runs the cells above it, kept or not', () => {
    const kept = [text('m1'), { ...code('a'), fromPrevious: true }, text('m2'), { ...code('b'), fromPrevious: true }, code('c')];
    expect(cellsToRunFor(kept, slide('m2', 'b'))).toEqual([]);
    expect(cellsToRunFor(kept, slide('c'))).toEqual(['a', 'b', 'c']);
  });

  it('a queued or running cell is not asked for twice', () => {
    const queued = [code('a', null, 'queued'), code('b')];
    expect(cellsToRunFor(queued, slide('b'))).toEqual(['b']);
  });
});
