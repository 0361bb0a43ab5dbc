// Registers the offline service worker and tells the page when an update waits or offline use is ready.
/// <reference types="vite-plugin-pwa/vanillajs" />

export type ServiceWorkerState = 'none' | 'offline-ready' | 'update-available' | 'failed';

export interface ServiceWorkerStatus {
  subscribe(listener: () => void): () => void;
  getSnapshot(): ServiceWorkerState;
  /** Activates the waiting version and reloads (edits are saved on pagehide). */
  update(): Promise<void>;
  dismiss(): void;
}

/** How long after the page's load event the service worker waits before registering (then for an idle moment). */
const settleDelayMs = 4000;

/**
 * Runs `register` once the page has loaded and then had a few quiet seconds: installing the
 * service worker precaches the whole lesson (~1.5 MB, tfjs and Plotly included), a second of CPU
 * that would otherwise compete with opening the page and a Run all pressed at once.
 */
function whenSettled(register: () => void): void {
  const whenIdle = (): void => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(register, { timeout: 10_000 });
    else register();
  };
  const afterLoad = (): void => void setTimeout(whenIdle, settleDelayMs);
  if (document.readyState === 'complete') afterLoad();
  else window.addEventListener('load', afterLoad, { once: true });
}

/** One registration per page, asked for before React renders (StrictMode would register twice). */
export function registerServiceWorker(): ServiceWorkerStatus {
  let state: ServiceWorkerState = 'none';
  const listeners = new Set<() => void>();
  const set = (next: ServiceWorkerState): void => {
    state = next;
    for (const listener of listeners) listener();
  };
  let updateSW: (reload?: boolean) => Promise<void> = async () => {};
  if (typeof navigator !== 'undefined' && 'serviceWorker' in navigator) {
    // Offline support is a convenience: a refused registration (private mode, file://) changes nothing else.
    const unavailable = (error: unknown): void => console.warn('Offline support is unavailable:', error);
    whenSettled(() => {
      // Loaded only now (workbox-window): the first screen's scripts do not carry it.
      import('virtual:pwa-register').then(({ registerSW }) => {
        updateSW = registerSW({
          // The page has loaded already: register now, not on a load event that has passed.
          immediate: true,
          onNeedRefresh: () => set('update-available'),
          onOfflineReady: () => set('offline-ready'),
          onRegisterError: unavailable,
        });
      }, unavailable);
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
