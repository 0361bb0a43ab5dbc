// Presentation keys as one table (what a presenter's clicker and keyboard send), read by the handler and the `?` dialog.
import type { KeyPress } from '../keys';

export type PresentCommand =
  | 'next'
  | 'previous'
  | 'first'
  | 'last'
  | 'fullscreen'
  | 'scaleUp'
  | 'scaleDown'
  | 'scaleReset'
  | 'toggleCode'
  | 'toggleContrast'
  | 'runAll'
  | 'black'
  | 'pointer'
  | 'presenterView'
  | 'leave';

export interface PresentShortcut {
  command: PresentCommand;
  /** `KeyboardEvent.key` values; letters match either case. */
  keys: string[];
  /** How the `?` dialog writes the keys. */
  label: string;
  does: string;
}

export const presentShortcuts: PresentShortcut[] = [
  { command: 'next', keys: ['ArrowRight', 'PageDown', ' '], label: '→, Page Down or Space', does: 'Next slide (first the next part of a long slide)' },
  { command: 'previous', keys: ['ArrowLeft', 'PageUp'], label: '←, Page Up or Shift + Space', does: 'Previous slide (first the previous part)' },
  { command: 'first', keys: ['Home'], label: 'Home', does: 'First slide' },
  { command: 'last', keys: ['End'], label: 'End', does: 'Last slide' },
  { command: 'scaleUp', keys: ['+', '='], label: '+', does: 'Everything on the slide larger (text, code, maths, plots)' },
  { command: 'scaleDown', keys: ['-', '_'], label: '−', does: 'Everything on the slide smaller' },
  { command: 'scaleReset', keys: ['0'], label: '0', does: 'Default size' },
  { command: 'toggleCode', keys: ['h'], label: 'H', does: 'Hide or show the code (outputs stay)' },
  { command: 'toggleContrast', keys: ['c'], label: 'C', does: 'High-contrast colours for a projector (remembered)' },
  { command: 'runAll', keys: ['r'], label: 'R', does: 'Run all the code cells' },
  { command: 'black', keys: ['b'], label: 'B', does: 'Black screen, and back' },
  { command: 'pointer', keys: ['l'], label: 'L', does: 'A pointer that follows the mouse, on or off' },
  { command: 'presenterView', keys: ['v'], label: 'V', does: 'Presenter view in a second window: notes, next slide, timer (both windows move together)' },
  { command: 'fullscreen', keys: ['f'], label: 'F', does: 'Full screen on or off' },
  { command: 'leave', keys: ['Escape'], label: 'Esc', does: 'Leave the presentation, back to the same place in the notebook' },
];

/** Typing a slide's number then Enter (handled apart: digits mean nothing alone). */
export const jumpShortcut = { label: '1 4 Enter', does: 'Go to the slide of that number' };

/** The key that starts a presentation from the notebook's command mode. */
export const presentKey = 'p';

const named = (key: string): boolean => key.length > 1;

/**
 * The command a key press means while presenting, or null (the key then does what it normally does).
 * Ctrl, Cmd and Alt combinations stay the browser's (Ctrl + `+` is page zoom, Ctrl + F is find);
 * Shift only matters for Space (back) and named keys (Shift + → is not "next").
 */
export function presentCommandForKey(press: KeyPress): PresentCommand | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.key === ' ' && press.shiftKey) return 'previous';
  if (named(press.key) && press.shiftKey) return null;
  const key = named(press.key) ? press.key : press.key.toLowerCase();
  return presentShortcuts.find((s) => s.keys.includes(key))?.command ?? null;
}

/** Whether this press starts the presentation (`P` in command mode, no modifiers). */
export function isPresentKey(press: KeyPress): boolean {
  return !press.ctrlKey && !press.metaKey && !press.altKey && press.key.toLowerCase() === presentKey;
}
