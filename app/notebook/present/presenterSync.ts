// The audience's window and the presenter's, kept on the same slide and part through a BroadcastChannel.

export const presenterParam = 'presenter';
const channelName = 'jacobian-notebook/presentation';

export interface SlidePosition {
  /** 0-based slide and part. */
  slide: number;
  step: number;
}

/** Whether this window is the presenter's (`?present=N&presenter`). */
export function isPresenterWindow(search: string): boolean {
  return new URLSearchParams(search).has(presenterParam);
}

/** `href` of the presenter's window for the same slide. */
export function presenterHref(href: string): string {
  const url = new URL(href);
  url.searchParams.set(presenterParam, '');
  return url.href;
}

/** A message from the other window, or null if it is not one of ours. */
export function readPosition(data: unknown): SlidePosition | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, slide, step } = data as Record<string, unknown>;
  if (type !== 'position' || !Number.isInteger(slide) || !Number.isInteger(step)) return null;
  return { slide: slide as number, step: step as number };
}

/** Sends this window's position, and hands the other window's to `onPosition`; null where BroadcastChannel is missing. */
export function openPresenterSync(onPosition: (position: SlidePosition) => void): { send(position: SlidePosition): void; close(): void } | null {
  if (typeof BroadcastChannel !== 'function') return null;
  const channel = new BroadcastChannel(channelName);
  channel.onmessage = (event: MessageEvent) => {
    const position = readPosition(event.data);
    if (position) onPosition(position);
  };
  return {
    send: (position) => channel.postMessage({ type: 'position', ...position }),
    close: () => channel.close(),
  };
}

/** Typing a slide's number then Enter: the digits so far and a key give the new digits, and the slide to go to (1-based) on Enter. */
export function typeSlideNumber(digits: string, key: string): { digits: string; goTo: number | null; used: boolean } {
  if (/^[0-9]$/.test(key) && (digits !== '' || key !== '0')) return { digits: (digits + key).slice(-4), goTo: null, used: true };
  if (key === 'Enter' && digits !== '') return { digits: '', goTo: Number(digits), used: true };
  if ((key === 'Escape' || key === 'Backspace') && digits !== '') return { digits: key === 'Backspace' ? digits.slice(0, -1) : '', goTo: null, used: true };
  return { digits: digits === '' ? '' : digits, goTo: null, used: false };
}
