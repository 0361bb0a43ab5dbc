// Notices that answer a key press (a refused structure change): in the corner, where the student is, gone by themselves.
import { useEffect } from 'react';
import type { Notice } from '../types';
import '../updatePrompt.css';

/** How long a corner notice stays (it can be dismissed sooner). */
export const cornerNoticeMs = 6000;

export function CornerNotices({ notices, onDismiss }: { notices: readonly Notice[]; onDismiss(id: string): void }) {
  return (
    <div role="status" aria-live="polite">
      {notices.map((n) => (
        <CornerNotice key={n.id} notice={n} onDismiss={onDismiss} />
      ))}
    </div>
  );
}

function CornerNotice({ notice, onDismiss }: { notice: Notice; onDismiss(id: string): void }) {
  // Keyed on the notice itself: a new refusal with the same id shows its full time again.
  useEffect(() => {
    const timer = setTimeout(() => onDismiss(notice.id), cornerNoticeMs);
    return () => clearTimeout(timer);
  }, [notice, onDismiss]);
  return (
    <div className={`corner-notice notice-${notice.tone}`} data-notice={notice.id}>
      <span>{notice.text}</span>
      <button type="button" className="btn btn-small btn-quiet" onClick={() => onDismiss(notice.id)} aria-label={`Dismiss: ${notice.text}`}>
        ×
      </button>
    </div>
  );
}
