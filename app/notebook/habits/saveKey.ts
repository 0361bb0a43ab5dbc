// Ctrl/Cmd+S in a notebook that saves itself: the key, and what the short notice it brings says.
import { commandForKey, type KeyPress } from '../keys';
import type { SaveNowOutcome } from '../useAutosave';

/** What the notice says, and how long it stays before it goes by itself. */
export interface SavedNotice {
  tone: 'info' | 'warning';
  text: string;
  ms: number;
}

/** A confirmation is a glance; a failure stays longer (the page's storage notice stays for good). */
export const savedNoticeMs = { info: 2500, warning: 8000 } as const;

/** Ctrl+S (Cmd+S on a Mac), the browser's "save page": the `save` row of the one key table, which works in both modes. */
export const isSaveKey = (e: KeyPress): boolean => commandForKey('command', e) === 'save';

/** The notice for what saving found; only a real save says "saved". */
export function savedNotice(outcome: SaveNowOutcome): SavedNotice {
  const info = (text: string): SavedNotice => ({ tone: 'info', text, ms: savedNoticeMs.info });
  const warning = (text: string): SavedNotice => ({ tone: 'warning', text, ms: savedNoticeMs.warning });
  switch (outcome) {
    case 'saved':
      return info('Saved in this browser. (The notebook saves itself as you type.)');
    case 'failed':
      return warning("Not saved: this browser's storage refused it. Export the notebook to keep your work.");
    case 'unavailable':
      return warning("Not saved: this browser's storage is unavailable here, so your edits last while this page is open. Export the notebook to keep them.");
    default: {
      const never: never = outcome;
      throw new Error(`unknown save outcome ${String(never)}`);
    }
  }
}
