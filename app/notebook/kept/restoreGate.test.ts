import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { restoreGate } from './restoreGate';

describe('restoreGate', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Whether `p` has resolved after the microtasks queued so far have run. */
  async function resolved(p: Promise<void>): Promise<boolean> {
    let done = false;
    void p.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    return done;
  }

  it('a wait ends when the restore settles, before its limit', async () => {
    const gate = restoreGate();
    const waiting = gate.wait(2000);
    await vi.advanceTimersByTimeAsync(500);
    expect(await resolved(waiting)).toBe(false);
    expect(gate.settled).toBe(false);
    gate.settle();
    expect(gate.settled).toBe(true);
    expect(await resolved(waiting)).toBe(true);
    // No timer left behind for the limit.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a restore that never settles (IndexedDB stuck) lets the wait go on at its limit, not before', async () => {
    const gate = restoreGate();
    const waiting = gate.wait(2000);
    await vi.advanceTimersByTimeAsync(1999);
    expect(await resolved(waiting)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await resolved(waiting)).toBe(true);
    expect(gate.settled).toBe(false);
  });

  it('a wait begun later ends at the first wait\'s limit: asking again does not start the limit over', async () => {
    const gate = restoreGate();
    void gate.wait(2000);
    await vi.advanceTimersByTimeAsync(1500);
    const again = gate.wait(2000);
    await vi.advanceTimersByTimeAsync(499);
    expect(await resolved(again)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await resolved(again)).toBe(true);
  });

  it('once settled, a wait ends at once and settling again changes nothing', async () => {
    const gate = restoreGate();
    gate.settle();
    gate.settle();
    expect(await resolved(gate.wait(60_000))).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });
});
