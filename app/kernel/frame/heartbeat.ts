// The page's ping of the kernel frame: a frame that stops answering (the browser ended it) is noticed within seconds.

/**
 * The frame, not its Worker, answers: a cell in a long synchronous loop keeps the Worker busy but
 * never the frame, so only a frame that is gone goes quiet. Pure: the page's timer calls `tick`,
 * each answer `answered`.
 */
export interface Heartbeat {
  /** Number of the last ping sent. */
  sent: number;
  /** Highest ping number the frame answered. */
  answered: number;
  /** Ticks in a row that found the previous ping unanswered. */
  misses: number;
}

/** A ping a second; four unanswered in a row: the frame is gone. A page held busy answers late, not never (see tick). */
export const pingEveryMs = 1000;
export const lostAfterMisses = 4;

export const heartbeatStart: Heartbeat = { sent: 0, answered: 0, misses: 0 };

/**
 * One beat of the page's timer: counts a miss if the last ping is still unanswered, and sends the
 * next ping. Misses are counted in the page's own ticks, so a page that was itself blocked (its
 * timer late) loses no more than one tick, and the frame's answer resets the count.
 */
export function tick(state: Heartbeat): { state: Heartbeat; ping: number; lost: boolean } {
  const misses = state.answered >= state.sent ? 0 : state.misses + 1;
  const ping = state.sent + 1;
  return { state: { sent: ping, answered: state.answered, misses }, ping, lost: misses >= lostAfterMisses };
}

/** The frame answered ping `n` (an old answer arriving late changes nothing). */
export const answered = (state: Heartbeat, n: number): Heartbeat => ({ ...state, answered: Math.max(state.answered, Math.min(n, state.sent)) });
