// Whether the window is a phone's: then the toolbar is one row, Run all and a More menu.
import { useSyncExternalStore } from 'react';

/** Below this the nine buttons took four rows, half of a phone's first screen. */
export const compactToolbarQuery = '(max-width: 600px)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(compactToolbarQuery);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

const isCompact = (): boolean => window.matchMedia(compactToolbarQuery).matches;

export function useCompactToolbar(): boolean {
  return useSyncExternalStore(subscribe, isCompact, () => false);
}
