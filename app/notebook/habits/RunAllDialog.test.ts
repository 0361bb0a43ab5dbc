// The words of Run all's question: cells named as the page shows them, and only what the plan found said.
import { describe, expect, it } from 'vitest';
import { cellsWords, runAllQuestion } from './RunAllDialog';
import type { CellRef, RunAllPlan } from './runAllPlan';

type Ask = Extract<RunAllPlan, { kind: 'ask' }>;
const ref = (position: number, firstLine = `line ${position}`): CellRef => ({ id: `new-${position}x`, position, firstLine });
const plan = (over: Partial<Ask>): Ask => ({ kind: 'ask', untrusted: [ref(9)], origins: ['link'], skipped: [], names: [], direct: 0, runnable: [], total: 48, ...over });

describe('cellsWords', () => {
  it('names cells by position and first line, never by id, and counts those past three', () => {
    expect(cellsWords([ref(9)], 48)).toBe('cell 9 of 48 (“line 9”)');
    expect(cellsWords([ref(9), ref(12, '')], 48)).toBe('cells 9 (“line 9”) and 12 of 48');
    expect(cellsWords([ref(1), ref(2), ref(3), ref(4), ref(5)], 48)).toBe('cells 1 (“line 1”), 2 (“line 2”), 3 (“line 3”) and 2 more of 48');
  });
});

describe('runAllQuestion', () => {
  it('says nothing depends on the untrusted code when nothing does, and offers to run every trusted cell', () => {
    const words = runAllQuestion(plan({ runnable: ['a', 'b', 'c'] }));
    expect(words.title).toBe('A cell is not trusted yet');
    expect(words.body).toBe(
      'Cell 9 of 48 (“line 9”) holds code from a link that runs only once you trust it in the banner at the top (Trust and run runs the whole notebook). ' +
        'No trusted cell needs a name from it: all 3 trusted code cells can run now.',
    );
    expect(words.body).not.toContain('new-9x');
    expect(words.runLabel).toBe('Run the 3 trusted cells');
  });

  it('says how many cells are skipped and which names they use, directly and through skipped cells', () => {
    const words = runAllQuestion(
      plan({ untrusted: [ref(9), ref(20)], origins: ['link', 'import'], skipped: [ref(11), ref(14), ref(30)], names: ['f', 'k'], direct: 2, runnable: ['a'] }),
    );
    expect(words.title).toBe('2 cells are not trusted yet');
    expect(words.body).toContain('hold code from a link and an imported file');
    expect(words.body).toContain('2 cells use names from them (f and k) and 1 more uses names from those: skipped; the one other trusted code cell can run now.');
    expect(words.runLabel).toBe('Run 1 cell, skip 3');
  });

  it('offers no run when every trusted cell needs the untrusted code', () => {
    const words = runAllQuestion(plan({ skipped: [ref(11)], names: ['x'], direct: 1 }));
    expect(words.body).toContain('1 cell uses a name from it (x): nothing else can run before you trust it.');
    expect(words.runLabel).toBeNull();
  });
});
