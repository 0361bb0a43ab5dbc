// The page's heartbeat of the kernel frame: lost only after four of the page's ticks in a row found no answer.
import { describe, expect, it } from 'vitest';
import { answered, heartbeatStart, tick, type Heartbeat } from './heartbeat';

/** Runs ticks, the frame answering each ping when `answers(i)` says so (i = the ping's number); the tick at which the frame was declared lost. */
function lostAt(ticks: number, answers: (ping: number) => boolean): number | null {
  let state: Heartbeat = heartbeatStart;
  for (let i = 1; i <= ticks; i++) {
    const beat = tick(state);
    if (beat.lost) return i;
    state = beat.state;
    if (answers(beat.ping)) state = answered(state, beat.ping);
  }
  return null;
}

describe('kernel frame heartbeat', () => {
  it('a frame that answers every ping is never lost', () => {
    expect(lostAt(100, () => true)).toBeNull();
  });

  it('a frame that never answers is lost at the fifth tick: four pings went unanswered, a tick apart', () => {
    expect(lostAt(100, () => false)).toBe(5);
  });

  it('a frame that goes quiet after ping 10 is lost four ticks after the next one', () => {
    // Ping 11 is the first unanswered: ticks 12, 13, 14, 15 each find the last ping unanswered.
    expect(lostAt(100, (n) => n <= 10)).toBe(15);
  });

  it('a frame answering late (three pings in a row unanswered, then one answered) is not lost', () => {
    expect(lostAt(100, (n) => n % 4 === 0)).toBeNull();
  });

  it('an answer to a ping never sent, or an old answer arriving late, changes nothing', () => {
    const beat = tick(heartbeatStart).state;
    expect(answered(beat, 99)).toEqual({ sent: 1, answered: 1, misses: 0 });
    const later = answered({ sent: 5, answered: 4, misses: 0 }, 2);
    expect(later.answered).toBe(4);
    expect(tick(later)).toMatchObject({ lost: false, state: { misses: 1 } });
  });
});
