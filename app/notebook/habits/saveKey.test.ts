// Ctrl/Cmd+S: which keys it is, and that only a real save says "saved".
import { describe, expect, it } from 'vitest';
import { isSaveKey, savedNotice } from './saveKey';

const keys = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('isSaveKey', () => {
  it.each([
    ['Ctrl+S', keys('s', { ctrlKey: true }), true],
    ['Cmd+S', keys('s', { metaKey: true }), true],
    ['Ctrl+S with Caps Lock', keys('S', { ctrlKey: true }), true],
    ['S alone (a letter typed)', keys('s'), false],
    ['Ctrl+Shift+S (save as, left to the browser)', keys('S', { ctrlKey: true, shiftKey: true }), false],
    ['Ctrl+Alt+S', keys('s', { ctrlKey: true, altKey: true }), false],
    ['Ctrl+D', keys('d', { ctrlKey: true }), false],
  ])('%s: %s', (_name, e, expected) => {
    expect(isSaveKey(e)).toBe(expected);
  });
});

describe('savedNotice', () => {
  it('confirms a save quietly, and says plainly when nothing was saved', () => {
    expect(savedNotice('saved')).toMatchObject({ tone: 'info', text: expect.stringMatching(/^Saved in this browser/) });
    // A confirmation is brief; a failure stays long enough to read.
    expect(savedNotice('saved').ms).toBeLessThanOrEqual(3000);
    expect(savedNotice('failed').ms).toBeGreaterThan(savedNotice('saved').ms);
    expect(savedNotice('failed')).toMatchObject({ tone: 'warning', text: expect.stringMatching(/^Not saved/) });
    expect(savedNotice('unavailable')).toMatchObject({ tone: 'warning', text: expect.stringMatching(/^Not saved/) });
  });
});
