// Tests of the shortcut table: which key does what in which mode.
import { describe, expect, it } from 'vitest';
import { codeMirrorKey, commandForKey, shortcutRows, shortcuts, type KeyCommand, type KeyPress } from './keys';
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
  ])('in %s mode, %o -> %s', (mode, p, expected) => {
    expect(commandForKey(mode, p)).toBe(expected);
  });
});

describe('codeMirrorKey', () => {
  it.each([
    ['runAndAdvance', 'Shift-Enter'],
    ['runInPlace', 'Mod-Enter'],
    ['leaveEditor', 'Escape'],
  ])('%s is bound in CodeMirror as %s', (command, key) => {
    const s = shortcuts.find((x) => x.command === command && x.modes.includes('edit'));
    expect(s && codeMirrorKey(s)).toBe(key);
  });
});

describe('shortcutRows', () => {
  it('lists each key once, Run first', () => {
    const labels = shortcutRows().map((r) => r.label);
    expect(labels).toEqual(['Shift + Enter', 'Ctrl/Cmd + Enter', 'Esc', 'Enter', '↑ or k', '↓ or j', '?']);
  });
});
