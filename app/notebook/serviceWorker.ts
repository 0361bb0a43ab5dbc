// Registers the offline service worker and tells the page when an update waits or offline use is ready.
/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';

export type ServiceWorkerState = 'none' | 'offline-ready' | 'update-available' | 'failed';

export interface ServiceWorkerStatus {
  subscribe(listener: () => void): () => void;
  getSnapshot(): ServiceWorkerState;
  /** Activates the waiting version and reloads (edits are saved on pagehide). */
  update(): Promise<void>;
  dismiss(): void;
}

/** One registration per page, made before React renders (StrictMode would register twice). */
export function registerServiceWorker(): ServiceWorkerStatus {
  let state: ServiceWorkerState = 'none';
  const listeners = new Set<() => void>();
  const set = (next: ServiceWorkerState): void => {
    state = next;
    for (const listener of listeners) listener();
  };
  let updateSW: (reload?: boolean) => Promise<void> = async () => {};
  if (typeof navigator !== 'undefined' && 'serviceWorker' in navigator) {
    updateSW = registerSW({
      onNeedRefresh: () => set('update-available'),
      onOfflineReady: () => set('offline-ready'),
      // Offline support is a convenience: a refused registration (private mode, file://) changes nothing else.
      onRegisterError: (error: unknown) => {
        console.warn('Offline support is unavailable:', error);
      },
    });
  }
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    update: () => updateSW(true),
    dismiss: () => set('none'),
  };
}
