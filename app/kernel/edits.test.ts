// Tests for text edits: order at one position, overlap refused, positions mapped back.
import { describe, expect, it } from 'vitest';
import { applyEdits, keepNewlines, originalOffset } from './edits';

describe('applyEdits', () => {
  it('applies insertions before replacements at one position, in order', () => {
    expect(
      applyEdits('ab cd', [
        { start: 0, end: 2, text: 'X' },
        { start: 0, end: 0, text: '(' },
        { start: 2, end: 2, text: ')' },
        { start: 3, end: 3, text: '!' },
      ]),
    ).toBe('(X) !cd');
  });

  it('refuses overlapping edits', () => {
    expect(() => applyEdits('abc', [{ start: 0, end: 2, text: 'x' }, { start: 1, end: 3, text: 'y' }])).toThrow('overlapping edits');
  });
});

describe('originalOffset', () => {
  it('maps offsets after, inside and before edits back to the original text', () => {
    const edits = [{ start: 2, end: 3, text: '__scope.x' }];
    // 'a=x+1' -> 'a=__scope.x+1'
    expect(originalOffset(edits, 0)).toBe(0);
    expect(originalOffset(edits, 5)).toBe(2);
    expect(originalOffset(edits, 12)).toBe(4);
  });
});

describe('keepNewlines', () => {
  it('keeps only the line breaks', () => expect(keepNewlines('const\n  /* x */\n')).toBe('\n\n'));
});
