// A small notice: "ready to work offline" once cached, and "a new version is available" with Reload.
import { useEffect, useSyncExternalStore } from 'react';
import type { ServiceWorkerStatus } from './serviceWorker';
import './updatePrompt.css';

export function UpdatePrompt({ status }: { status: ServiceWorkerStatus }) {
  const state = useSyncExternalStore(status.subscribe, status.getSnapshot);
  useEffect(() => {
    if (state !== 'offline-ready') return;
    const timer = setTimeout(() => status.dismiss(), 6000);
    return () => clearTimeout(timer);
  }, [state, status]);
  if (state === 'none' || state === 'failed') return null;
  return (
    <div className="update-prompt" role="status" data-testid="update-prompt">
      {state === 'offline-ready' ? (
        <span>Ready to work offline: this lesson now opens without a network.</span>
      ) : (
        <>
          <span>A new version of the notebook is available. Your edits are kept.</span>
          <button type="button" onClick={() => void status.update()}>
            Reload to update
          </button>
        </>
      )}
      <button type="button" aria-label="Dismiss" onClick={() => status.dismiss()}>
        ×
      </button>
    </div>
  );
}
