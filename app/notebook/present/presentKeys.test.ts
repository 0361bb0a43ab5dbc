// Tests of the presentation key table: what a clicker's and a keyboard's keys do while presenting.
import { describe, expect, it } from 'vitest';
import type { KeyPress } from '../keys';
import { isPresentKey, presentCommandForKey, presentShortcuts, type PresentCommand } from './presentKeys';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('presentCommandForKey', () => {
  it.each<[KeyPress, PresentCommand | null]>([
    [press('ArrowRight'), 'next'],
    [press('PageDown'), 'next'],
    [press(' '), 'next'],
    [press(' ', { shiftKey: true }), 'previous'],
    [press('ArrowLeft'), 'previous'],
    [press('PageUp'), 'previous'],
    [press('Home'), 'first'],
    [press('End'), 'last'],
    [press('f'), 'fullscreen'],
    [press('F', { shiftKey: true }), 'fullscreen'],
    [press('+', { shiftKey: true }), 'scaleUp'],
    [press('='), 'scaleUp'],
    [press('-'), 'scaleDown'],
    [press('0'), 'scaleReset'],
    [press('h'), 'toggleCode'],
    [press('H', { shiftKey: true }), 'toggleCode'],
    [press('c'), 'toggleContrast'],
    [press('Escape'), 'leave'],
    // The browser's own: page zoom, find, history.
    [press('=', { ctrlKey: true }), null],
    [press('-', { metaKey: true }), null],
    [press('f', { ctrlKey: true }), null],
    [press('ArrowLeft', { altKey: true }), null],
    // Running a cell and moving between cells stay the notebook's.
    [press('Enter', { shiftKey: true }), null],
    [press('ArrowDown'), null],
    [press('ArrowRight', { shiftKey: true }), null],
    [press('x'), null],
  ])('%o -> %s', (p, expected) => {
    expect(presentCommandForKey(p)).toBe(expected);
  });

  it.each(presentShortcuts.map((s) => [s.command, s] as const))('every key listed for %s reaches it', (command, shortcut) => {
    for (const key of shortcut.keys) expect(presentCommandForKey(press(key))).toBe(command);
  });
});

describe('isPresentKey', () => {
  it.each<[KeyPress, boolean]>([
    [press('p'), true],
    [press('P', { shiftKey: true }), true],
    [press('p', { ctrlKey: true }), false],
    [press('p', { metaKey: true }), false],
    [press('o'), false],
  ])('%o -> %s', (p, expected) => {
    expect(isPresentKey(p)).toBe(expected);
  });
});
