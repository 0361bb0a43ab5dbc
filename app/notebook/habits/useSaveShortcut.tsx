// Ctrl/Cmd+S anywhere on the page (editors included) saves at once and says so in a corner, instead of the browser's "save page".
import { useEffect, useState } from 'react';
import type { SaveNowOutcome } from '../useAutosave';
import { isSaveKey, savedNotice, type SavedNotice } from './saveKey';

/** The notice of the last Ctrl/Cmd+S while it shows, and a way to close it early. */
export function useSaveShortcut(saveNow: () => SaveNowOutcome): { notice: SavedNotice | null; dismiss(): void } {
  const [notice, setNotice] = useState<SavedNotice | null>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!isSaveKey(e)) return;
      // Capture phase, before an editor or a dialog sees it: the page's own save, never the browser's.
      e.preventDefault();
      if (!e.repeat) setNotice(savedNotice(saveNow()));
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [saveNow]);
  useEffect(() => {
    if (!notice) return undefined;
    const timer = setTimeout(() => setNotice(null), notice.ms);
    return () => clearTimeout(timer);
  }, [notice]);
  return { notice, dismiss: () => setNotice(null) };
}

/**
 * In a corner of the screen, where it is seen wherever the page is scrolled (the notices at the top
 * are off screen once the student is down in a cell); the live region is always there, so it is read out.
 */
export function SavedToast({ notice, onDismiss }: { notice: SavedNotice | null; onDismiss(): void }) {
  return (
    <div className="saved-toast-region" role="status" aria-live="polite">
      {notice && (
        <div className={`corner-notice saved-toast notice-${notice.tone}`} data-testid="saved-toast">
          <span>{notice.text}</span>
          <button type="button" className="btn btn-small btn-quiet" onClick={onDismiss} aria-label="Dismiss the save notice">
            ×
          </button>
        </div>
      )}
    </div>
  );
}
