// Keyboard shortcuts (Jupyter habits) as one table: the key handlers and the `?` dialog both read it.
import type { EditorMode } from './types';

export type KeyCommand = 'runAndAdvance' | 'runInPlace' | 'leaveEditor' | 'selectPrevious' | 'selectNext' | 'enterEditor' | 'showShortcuts';

export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export interface Shortcut {
  command: KeyCommand;
  /** Where the key works: in an editor, on a selected cell, or both. */
  modes: EditorMode[];
  key: string;
  shift?: boolean;
  /** Ctrl on Windows/Linux, Cmd on macOS. */
  mod?: boolean;
  /** How the dialog writes the key. */
  label: string;
  does: string;
}

export const shortcuts: Shortcut[] = [
  { command: 'runAndAdvance', modes: ['edit', 'command'], key: 'Enter', shift: true, label: 'Shift + Enter', does: 'Run the cell and move to the next one' },
  { command: 'runInPlace', modes: ['edit', 'command'], key: 'Enter', mod: true, label: 'Ctrl/Cmd + Enter', does: 'Run the cell and stay on it' },
  { command: 'leaveEditor', modes: ['edit'], key: 'Escape', label: 'Esc', does: 'Leave the editor (command mode)' },
  { command: 'enterEditor', modes: ['command'], key: 'Enter', label: 'Enter', does: 'Edit the selected cell' },
  { command: 'selectPrevious', modes: ['command'], key: 'ArrowUp', label: '↑ or k', does: 'Select the cell above' },
  { command: 'selectPrevious', modes: ['command'], key: 'k', label: '↑ or k', does: 'Select the cell above' },
  { command: 'selectNext', modes: ['command'], key: 'ArrowDown', label: '↓ or j', does: 'Select the cell below' },
  { command: 'selectNext', modes: ['command'], key: 'j', label: '↓ or j', does: 'Select the cell below' },
  { command: 'showShortcuts', modes: ['command'], key: '?', label: '?', does: 'Show these shortcuts' },
];

/** The command a key press means in `mode`, or null (the key then does what it normally does). */
export function commandForKey(mode: EditorMode, press: KeyPress): KeyCommand | null {
  const mod = press.ctrlKey || press.metaKey;
  for (const s of shortcuts) {
    if (!s.modes.includes(mode) || s.key !== press.key || press.altKey) continue;
    // `?` is typed with Shift on most layouts: Shift only matters for keys that are not characters.
    if (s.key.length > 1 && Boolean(s.shift) !== press.shiftKey) continue;
    if (Boolean(s.mod) !== mod) continue;
    return s.command;
  }
  return null;
}

/** CodeMirror's name for a shortcut's key (`Shift-Enter`, `Mod-Enter`, `Escape`). */
export function codeMirrorKey(s: Shortcut): string {
  return `${s.mod ? 'Mod-' : ''}${s.shift ? 'Shift-' : ''}${s.key}`;
}

/** The shortcuts for the dialog: one row per distinct label, in table order. */
export function shortcutRows(): { label: string; does: string; modes: EditorMode[] }[] {
  const seen = new Set<string>();
  return shortcuts.filter((s) => !seen.has(s.label) && seen.add(s.label)).map(({ label, does, modes }) => ({ label, does, modes }));
}
