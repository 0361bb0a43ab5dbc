// The audience's window and the presenter's, kept on the same slide and part through a BroadcastChannel.

export const presenterParam = 'presenter';
const channelName = 'jacobian-notebook/presentation';

export interface SlidePosition {
  /** 0-based slide and part. */
  slide: number;
  step: number;
  /** `B`: the room's screen is black (the audience's window goes black; the presenter's keeps its notes and says so). */
  black: boolean;
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

/** Which move is the latest: a count of moves, then the window that made it (so two windows moving at once agree on one). */
export interface Stamp {
  seq: number;
  from: string;
}

export type SyncMessage = ({ type: 'position'; seq: number; from: string } & SlidePosition) | { type: 'ask' };

/** A message from the other window, or null if it is not one of ours. */
export function readMessage(data: unknown): SyncMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, slide, step, black, seq, from } = data as Record<string, unknown>;
  if (type === 'ask') return { type };
  if (type !== 'position' || !Number.isInteger(slide) || !Number.isInteger(step) || typeof black !== 'boolean' || !Number.isInteger(seq) || typeof from !== 'string') return null;
  return { type, slide: slide as number, step: step as number, black, seq: seq as number, from };
}

/** Whether `a` is a later move than `b`. */
export function isLater(a: Stamp, b: Stamp): boolean {
  return a.seq > b.seq || (a.seq === b.seq && a.from > b.from);
}

/**
 * One window's side of the channel: only its own moves are sent (a window that follows the
 * other's never echoes it back), and a move older than the one shown is ignored, so a late
 * message cannot pull both windows back to a slide they have left.
 */
export interface SyncState {
  me: string;
  last: Stamp;
}

/** A window opened as the presenter's takes the other's position as soon as it answers (any stamp is later than -1). */
export function startSync(me: string, presenter: boolean): SyncState {
  return { me, last: { seq: presenter ? -1 : 0, from: me } };
}

/** This window moved to `position` (or blacked the screen, or brought it back): the message to send. */
export function moveHere(state: SyncState, position: SlidePosition): { state: SyncState; send: SyncMessage } {
  const last = { seq: Math.max(state.last.seq, 0) + 1, from: state.me };
  return { state: { ...state, last }, send: { type: 'position', ...position, ...last } };
}

/** A message came: the position to follow (if any), and the answer to send (if any). */
export function receive(
  state: SyncState,
  message: SyncMessage,
  shown: SlidePosition,
): { state: SyncState; follow: SlidePosition | null; send: SyncMessage | null } {
  if (message.type === 'ask') return { state, follow: null, send: { type: 'position', ...shown, ...state.last } };
  const stamp = { seq: message.seq, from: message.from };
  if (message.from === state.me || !isLater(stamp, state.last)) return { state, follow: null, send: null };
  return { state: { ...state, last: stamp }, follow: { slide: message.slide, step: message.step, black: message.black }, send: null };
}

/** The channel; `moved` for this window's own moves, `onFollow` for the other's. Null where BroadcastChannel is missing. */
export function openPresenterSync(
  presenter: boolean,
  shown: () => SlidePosition,
  onFollow: (position: SlidePosition) => void,
): { moved(position: SlidePosition): void; close(): void } | null {
  if (typeof BroadcastChannel !== 'function') return null;
  const channel = new BroadcastChannel(channelName);
  let state = startSync(Math.random().toString(36).slice(2), presenter);
  channel.onmessage = (event: MessageEvent) => {
    const message = readMessage(event.data);
    if (!message) return;
    const result = receive(state, message, shown());
    state = result.state;
    if (result.send) channel.postMessage(result.send);
    if (result.follow) onFollow(result.follow);
  };
  // A window opening (or reloaded) asks where the other one is.
  channel.postMessage({ type: 'ask' } satisfies SyncMessage);
  return {
    moved: (position) => {
      const result = moveHere(state, position);
      state = result.state;
      channel.postMessage(result.send);
    },
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
