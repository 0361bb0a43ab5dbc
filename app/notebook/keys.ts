// Keyboard shortcuts (Jupyter habits) as one table: the key handlers and the `?` dialog both read it.
import type { EditorMode } from './types';

/** Keys typed into these belong to them (editors, fields, dialogs), not to the notebook's or the slides' shortcuts. */
export const ownKeysSelector = 'dialog, textarea, input, select, [contenteditable="true"], .cm-editor';

export type KeyCommand =
  | 'runAndAdvance'
  | 'runInPlace'
  | 'runAndInsert'
  | 'leaveEditor'
  | 'selectPrevious'
  | 'selectNext'
  | 'extendUp'
  | 'extendDown'
  | 'enterEditor'
  | 'insertAbove'
  | 'insertBelow'
  | 'deleteCells'
  | 'undo'
  | 'cutCells'
  | 'copyCells'
  | 'pasteBelow'
  | 'pasteAbove'
  | 'toMarkdown'
  | 'toCode'
  | 'mergeBelow'
  | 'splitCell'
  | 'moveUp'
  | 'moveDown'
  | 'toggleOutput'
  | 'interrupt'
  | 'restart'
  | 'save'
  | 'showShortcuts';

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
  /** Alt (Option on macOS). */
  alt?: boolean;
  /** The character the key types with Shift held (`_` for `-` on a US layout), matched as well. */
  shiftedKey?: string;
  /** Pressed twice within `twiceWithinMs` (Jupyter's `D D`), so one stray press does nothing. */
  twice?: boolean;
  /** How the dialog writes the key. */
  label: string;
  does: string;
}

export const shortcuts: Shortcut[] = [
  { command: 'runAndAdvance', modes: ['edit', 'command'], key: 'Enter', shift: true, label: 'Shift + Enter', does: 'Run the cell and move to the next one (from the last cell, to a new code cell below)' },
  { command: 'runInPlace', modes: ['edit', 'command'], key: 'Enter', mod: true, label: 'Ctrl/Cmd + Enter', does: 'Run the cell and stay on it' },
  { command: 'runAndInsert', modes: ['edit', 'command'], key: 'Enter', alt: true, label: 'Alt + Enter', does: 'Run the cell and insert a new code cell below it' },
  { command: 'leaveEditor', modes: ['edit'], key: 'Escape', label: 'Esc', does: 'Leave the editor (command mode)' },
  { command: 'splitCell', modes: ['edit'], key: '-', shiftedKey: '_', mod: true, shift: true, label: 'Ctrl/Cmd + Shift + -', does: 'Split the cell at the cursor' },
  { command: 'enterEditor', modes: ['command'], key: 'Enter', label: 'Enter', does: 'Edit the selected cell' },
  { command: 'selectPrevious', modes: ['command'], key: 'ArrowUp', label: '↑ or k', does: 'Select the cell above' },
  { command: 'selectPrevious', modes: ['command'], key: 'k', label: '↑ or k', does: 'Select the cell above' },
  { command: 'selectNext', modes: ['command'], key: 'ArrowDown', label: '↓ or j', does: 'Select the cell below' },
  { command: 'selectNext', modes: ['command'], key: 'j', label: '↓ or j', does: 'Select the cell below' },
  { command: 'extendUp', modes: ['command'], key: 'ArrowUp', shift: true, label: 'Shift + ↑', does: 'Extend the selection to the cell above' },
  { command: 'extendDown', modes: ['command'], key: 'ArrowDown', shift: true, label: 'Shift + ↓', does: 'Extend the selection to the cell below' },
  { command: 'insertAbove', modes: ['command'], key: 'a', label: 'A', does: 'Insert a code cell above' },
  { command: 'insertBelow', modes: ['command'], key: 'b', label: 'B', does: 'Insert a code cell below' },
  { command: 'deleteCells', modes: ['command'], key: 'd', twice: true, label: 'D, D', does: 'Delete the selected cells' },
  { command: 'undo', modes: ['command'], key: 'z', label: 'Z', does: 'Undo the last deletion or merge (again for the one before)' },
  { command: 'cutCells', modes: ['command'], key: 'x', label: 'X', does: 'Cut the selected cells' },
  { command: 'copyCells', modes: ['command'], key: 'c', label: 'C', does: 'Copy the selected cells' },
  { command: 'pasteBelow', modes: ['command'], key: 'v', label: 'V', does: 'Paste cells below' },
  { command: 'pasteAbove', modes: ['command'], key: 'V', label: 'Shift + V', does: 'Paste cells above' },
  { command: 'toMarkdown', modes: ['command'], key: 'm', label: 'M', does: 'Make the selected cells text (markdown)' },
  { command: 'toCode', modes: ['command'], key: 'y', label: 'Y', does: 'Make the selected cells code' },
  { command: 'mergeBelow', modes: ['command'], key: 'M', label: 'Shift + M', does: 'Merge the cell with the one below (or the selected cells)' },
  { command: 'toggleOutput', modes: ['command'], key: 'o', label: 'O', does: "Hide or show the cell's output" },
  { command: 'interrupt', modes: ['command'], key: 'i', twice: true, label: 'I, I', does: 'Interrupt the kernel' },
  { command: 'restart', modes: ['command'], key: '0', twice: true, label: '0, 0', does: 'Restart the kernel' },
  // Taken before the others, editors and dialogs included, by habits/useSaveShortcut.tsx.
  { command: 'save', modes: ['edit', 'command'], key: 's', mod: true, label: 'Ctrl/Cmd + S', does: 'Save now and say so (the notebook also saves itself in this browser as you type)' },
  { command: 'showShortcuts', modes: ['command'], key: '?', label: '?', does: 'Show these shortcuts' },
];

/** How soon the second press of a `twice` key must follow the first. */
export const twiceWithinMs = 1000;

/** True for the keys pressed twice (`D D`, `I I`, `0 0`). */
export function needsTwoPresses(command: KeyCommand): boolean {
  return shortcuts.some((s) => s.command === command && s.twice);
}

/** The first press of a `twice` key, waiting for its second. */
export interface FirstPress {
  command: KeyCommand;
  atMs: number;
}

/**
 * Whether a press of `command` (null: any other key) at `nowMs` carries out its command, and the
 * first press to remember for the next key. Keys pressed once act at once; another key in between
 * or a slow second press starts over.
 */
export function pressTwice(first: FirstPress | null, command: KeyCommand | null, nowMs: number): { fire: boolean; first: FirstPress | null } {
  if (command === null) return { fire: false, first: null };
  if (!needsTwoPresses(command)) return { fire: true, first: null };
  if (first?.command === command && nowMs - first.atMs <= twiceWithinMs) return { fire: true, first: null };
  return { fire: false, first: { command, atMs: nowMs } };
}

/** The shortcut's key, or the character it types with Shift; with Ctrl/Cmd a letter in either case (Caps Lock). */
function sameKey(s: Shortcut, key: string): boolean {
  return s.key === key || s.shiftedKey === key || (Boolean(s.mod) && s.key.length === 1 && s.key === key.toLowerCase());
}

/** The command a key press means in `mode`, or null (the key then does what it normally does). */
export function commandForKey(mode: EditorMode, press: KeyPress): KeyCommand | null {
  const mod = press.ctrlKey || press.metaKey;
  for (const s of shortcuts) {
    if (!s.modes.includes(mode) || !sameKey(s, press.key) || Boolean(s.alt) !== press.altKey) continue;
    // `?` is typed with Shift on most layouts: Shift only matters for keys that are not characters,
    // and beside Ctrl/Cmd, where it makes another key (Ctrl+Shift+S is the browser's "save as").
    if ((s.key.length > 1 || s.mod) && Boolean(s.shift) !== press.shiftKey) continue;
    if (Boolean(s.mod) !== mod) continue;
    return s.command;
  }
  return null;
}

/** CodeMirror's name for a shortcut's key (`Shift-Enter`, `Mod-Enter`, `Escape`, `Mod-Shift--`). */
export function codeMirrorKey(s: Shortcut): string {
  return `${s.mod ? 'Mod-' : ''}${s.alt ? 'Alt-' : ''}${s.shift ? 'Shift-' : ''}${s.key}`;
}

/** The shortcuts for the dialog: one row per distinct label, in table order. */
export function shortcutRows(): { label: string; does: string; modes: EditorMode[] }[] {
  const seen = new Set<string>();
  return shortcuts.filter((s) => !seen.has(s.label) && seen.add(s.label)).map(({ label, does, modes }) => ({ label, does, modes }));
}
