// Tests of the shortcut table: which key does what in which mode.
import { describe, expect, it } from 'vitest';
import { codeMirrorKey, commandForKey, pressTwice, shortcutRows, shortcuts, twiceWithinMs, type KeyCommand, type KeyPress } from './keys';
import type { EditorMode } from './types';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('commandForKey', () => {
  it.each<[EditorMode, KeyPress, KeyCommand | null]>([
    ['edit', press('Enter', { shiftKey: true }), 'runAndAdvance'],
    ['command', press('Enter', { shiftKey: true }), 'runAndAdvance'],
    ['edit', press('Enter', { ctrlKey: true }), 'runInPlace'],
    ['edit', press('Enter', { metaKey: true }), 'runInPlace'],
    ['edit', press('Escape'), 'leaveEditor'],
    ['command', press('Escape'), null],
    ['edit', press('Enter'), null],
    ['command', press('Enter'), 'enterEditor'],
    ['command', press('ArrowUp'), 'selectPrevious'],
    ['command', press('k'), 'selectPrevious'],
    ['command', press('ArrowDown'), 'selectNext'],
    ['command', press('j'), 'selectNext'],
    ['edit', press('j'), null],
    ['command', press('?', { shiftKey: true }), 'showShortcuts'],
    ['edit', press('?', { shiftKey: true }), null],
    ['command', press('j', { ctrlKey: true }), null],
    ['command', press('ArrowDown', { altKey: true }), null],
    ['command', press('Enter', { shiftKey: true, ctrlKey: true }), null],
    ['command', press('Enter', { altKey: true }), 'runAndInsert'],
    ['edit', press('Enter', { altKey: true }), 'runAndInsert'],
    ['command', press('a'), 'insertAbove'],
    ['command', press('b'), 'insertBelow'],
    ['edit', press('b'), null],
    ['command', press('d'), 'deleteCells'],
    ['command', press('z'), 'undo'],
    ['command', press('z', { ctrlKey: true }), null],
    ['command', press('x'), 'cutCells'],
    ['command', press('c'), 'copyCells'],
    ['command', press('c', { ctrlKey: true }), null],
    ['command', press('c', { metaKey: true }), null],
    ['command', press('v'), 'pasteBelow'],
    ['command', press('V', { shiftKey: true }), 'pasteAbove'],
    ['command', press('m'), 'toMarkdown'],
    ['command', press('M', { shiftKey: true }), 'mergeBelow'],
    ['command', press('y'), 'toCode'],
    ['command', press('o'), 'toggleOutput'],
    ['command', press('i'), 'interrupt'],
    ['command', press('0'), 'restart'],
    ['command', press('ArrowUp', { shiftKey: true }), 'extendUp'],
    ['command', press('ArrowDown', { shiftKey: true }), 'extendDown'],
    // Ctrl+Shift+- types "_" on a US layout, "-" on others: both split.
    ['edit', press('_', { ctrlKey: true, shiftKey: true }), 'splitCell'],
    ['edit', press('-', { ctrlKey: true, shiftKey: true }), 'splitCell'],
    ['edit', press('-', { metaKey: true, shiftKey: true }), 'splitCell'],
    ['edit', press('-'), null],
    ['command', press('-', { ctrlKey: true, shiftKey: true }), null],
    // Ctrl+- is the browser's zoom out: without Shift it splits nothing.
    ['edit', press('-', { ctrlKey: true }), null],
    // Ctrl/Cmd+S saves wherever the focus is, Caps Lock or not; Ctrl+Shift+S (save as) and Ctrl+Alt+S are not it.
    ['command', press('s', { ctrlKey: true }), 'save'],
    ['edit', press('s', { ctrlKey: true }), 'save'],
    ['edit', press('s', { metaKey: true }), 'save'],
    ['command', press('S', { ctrlKey: true }), 'save'],
    ['command', press('S', { ctrlKey: true, shiftKey: true }), null],
    ['edit', press('s', { ctrlKey: true, altKey: true }), null],
    ['command', press('s'), null],
  ])('in %s mode, %o -> %s', (mode, p, expected) => {
    expect(commandForKey(mode, p)).toBe(expected);
  });
});

describe('codeMirrorKey', () => {
  it.each([
    ['runAndAdvance', 'Shift-Enter'],
    ['runInPlace', 'Mod-Enter'],
    ['leaveEditor', 'Escape'],
    ['runAndInsert', 'Alt-Enter'],
    ['splitCell', 'Mod-Shift--'],
  ])('%s is bound in CodeMirror as %s', (command, key) => {
    const s = shortcuts.find((x) => x.command === command && x.modes.includes('edit'));
    expect(s && codeMirrorKey(s)).toBe(key);
  });
});

describe('shortcutRows', () => {
  it('lists each key once, Run first', () => {
    const labels = shortcutRows().map((r) => r.label);
    expect(labels.slice(0, 3)).toEqual(['Shift + Enter', 'Ctrl/Cmd + Enter', 'Alt + Enter']);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it("lists every key of Jupyter's command mode the notebook has", () => {
    const labels = shortcutRows().map((r) => r.label);
    for (const key of ['A', 'B', 'D, D', 'Z', 'X', 'C', 'V', 'Shift + V', 'M', 'Y', 'Shift + M', 'Shift + ↑', 'Shift + ↓', 'O', 'I, I', '0, 0', 'Ctrl/Cmd + Shift + -', 'Ctrl/Cmd + S', '?']) {
      expect(labels).toContain(key);
    }
  });
});

describe('the save row', () => {
  it('is listed as working anywhere and says what the key does', () => {
    const row = shortcutRows().find((r) => r.label === 'Ctrl/Cmd + S');
    expect(row?.modes).toEqual(['edit', 'command']);
    expect(row?.does).toMatch(/^Save now/);
  });
});

describe('pressTwice', () => {
  it('acts on the second of two presses within the window, not on the first', () => {
    const one = pressTwice(null, 'deleteCells', 1000);
    expect(one.fire).toBe(false);
    expect(pressTwice(one.first, 'deleteCells', 1000 + twiceWithinMs).fire).toBe(true);
  });
  it('starts over after a slow second press, or another key in between', () => {
    const one = pressTwice(null, 'deleteCells', 0);
    const slow = pressTwice(one.first, 'deleteCells', twiceWithinMs + 1);
    expect(slow.fire).toBe(false);
    expect(pressTwice(slow.first, 'deleteCells', twiceWithinMs + 2).fire).toBe(true);
    const other = pressTwice(one.first, null, 10);
    expect(pressTwice(other.first, 'deleteCells', 20).fire).toBe(false);
    expect(pressTwice(pressTwice(null, 'interrupt', 0).first, 'deleteCells', 5).fire).toBe(false);
  });
  it('acts at once on a key pressed once', () => {
    expect(pressTwice(null, 'insertBelow', 0)).toEqual({ fire: true, first: null });
  });
});
