// Tests for the output channel: batching by time, merged prints, coalesced updates, the per-run budget.
import { describe, expect, it } from 'vitest';
import { OutputChannel, outputChars, screenOf, type OutputLimits } from './outputs';
import type { OutputMessage } from './protocol';

const print = (text: string, stream: 'stdout' | 'stderr' = 'stdout'): OutputMessage => ({ output: { kind: 'text', text, stream } });
const progress = (done: number, id = 'p'): OutputMessage => ({ output: { kind: 'progress', label: 'x', done, total: 10, state: 'running' }, displayId: id });

/** A channel on a hand-moved clock; `sent` collects the batches. */
function channel(limits: Partial<OutputLimits> = {}) {
  let nowMs = 0;
  const sent: OutputMessage[][] = [];
  const ch = new OutputChannel((batch) => sent.push(batch), { maxChars: 1000, maxOutputs: 5, flushMs: 16, ...limits }, () => nowMs);
  return { ch, sent, advance: (ms: number) => (nowMs += ms) };
}

describe('OutputChannel', () => {
  it('sends nothing before flushMs, then everything queued in one batch with prints merged', () => {
    const { ch, sent, advance } = channel();
    ch.push(print('a\n'));
    ch.push(print('b\n'));
    ch.push(print('!\n', 'stderr'));
    expect(sent).toEqual([]);
    advance(16);
    ch.push(print('c\n', 'stderr'));
    expect(sent).toEqual([[print('a\nb\n'), print('!\nc\n', 'stderr')]]);
    ch.finish();
    expect(sent).toHaveLength(1);
  });

  it('flushes on a timer when nothing else is pushed', async () => {
    const { ch, sent } = channel({ flushMs: 5 });
    ch.push(print('late\n'));
    await new Promise((r) => setTimeout(r, 30));
    expect(sent).toEqual([[print('late\n')]]);
  });

  it('keeps only the latest update of a display id within a batch, at its first place', () => {
    const { ch, sent } = channel();
    ch.push(progress(1));
    ch.push(print('between\n'));
    ch.push(progress(2));
    ch.push(progress(3));
    ch.finish();
    expect(sent).toEqual([[progress(3), print('between\n')]]);
  });

  it('cuts text at the budget and reports what was dropped at the end', () => {
    const { ch, sent } = channel({ maxChars: 10 });
    ch.push(print('0123456'));
    ch.push(print('789abcdef'));
    ch.push(print('more'));
    ch.finish();
    const [batch] = sent;
    expect(batch[0]).toEqual(print('0123456789'));
    expect(batch[1].output).toMatchObject({ kind: 'text', stream: 'stderr', truncatedChars: 10 });
    expect(batch[1].output.kind === 'text' && batch[1].output.text).toContain('10 characters not shown');
  });

  it('drops rich outputs past the count limit, but never updates of ones shown', () => {
    const { ch, sent } = channel({ maxOutputs: 2 });
    ch.push(progress(1, 'a'));
    ch.push({ output: { kind: 'latex', tex: 'x', display: true } });
    ch.push({ output: { kind: 'latex', tex: 'dropped', display: true } });
    ch.push(progress(5, 'a'));
    ch.push(print('prints still count by characters only\n'));
    ch.finish();
    const outputs = screenOf(sent.flat());
    expect(outputs.map((o) => o.kind)).toEqual(['progress', 'latex', 'text', 'text']);
    expect(outputs[0]).toMatchObject({ done: 5 });
    expect(outputs[3].kind === 'text' && outputs[3].text).toContain('1 outputs not shown');
  });
});

describe('outputChars', () => {
  it.each([
    [{ kind: 'text' as const, text: 'abc' }, 3],
    [{ kind: 'matrix' as const, rows: [[1, 2], [3, 4]], as: 'table' as const }, 40],
    [{ kind: 'latex' as const, tex: '\\beta', display: true }, 5],
  ])('weighs %j as %i', (output, chars) => expect(outputChars(output)).toBe(chars));
});

describe('screenOf', () => {
  it('replaces outputs by display id and keeps order', () => {
    expect(screenOf([progress(1, 'a'), print('x'), progress(2, 'b'), progress(9, 'a')]).map((o) => (o.kind === 'progress' ? o.done : o.kind))).toEqual([9, 'text', 2]);
  });
});
