// What is kept of a cell's outputs, within which bounds, and what a cell shows again (and marks) after a reload.
import { describe, expect, it } from 'vitest';
import type { Output } from '../../kernel/protocol';
import { cellReducer, newCellState, type CellState } from '../cellState';
import { toIpynb } from '../share/ipynb';
import { toMarkdown } from '../share/markdownExport';
import { exportCellsOf } from '../share/notebookFile';
import { notKeptNote, recordOf, restorable, storedChars, withinTotal, type KeptRecord } from './keptOutputs';

const source = 'print(1)';
const text = (t: string): Output => ({ kind: 'text', text: t, stream: 'stdout' });
/** A code cell that ran `source` and printed `outputs`. */
function ran(outputs: Output[], id = '02-code'): CellState {
  let cell = cellReducer(newCellState({ id, type: 'code', source, group: 2 }), { type: 'start', execCount: 1 });
  for (const output of outputs) cell = cellReducer(cell, { type: 'output', message: { output } });
  return cellReducer(cell, { type: 'finish', status: 'ok' });
}
const fresh = (src = source): CellState => newCellState({ id: '02-code', type: 'code', source: src, group: 2 });

describe('recordOf', () => {
  it('keeps the outputs the kernel sent, keyed by the source they came from', () => {
    const record = recordOf(ran([text('1\n'), { kind: 'latex', tex: 'x^2', display: true }]));
    expect(record).toMatchObject({ id: '02-code', outputs: [{ output: text('1\n') }, { output: { kind: 'latex', tex: 'x^2', display: true } }] });
    // Another source, another key.
    expect(record?.sourceHash).not.toBe(recordOf({ ...ran([]), ranSource: 'print(2)' })?.sourceHash);
  });

  it('keeps nothing of a cell that never ran, and drops a cancel token that means nothing after a reload', () => {
    expect(recordOf(fresh())).toBeNull();
    const record = recordOf(ran([{ kind: 'progress', label: 'sweep', done: 3, total: 3, state: 'done', cancelToken: 't1' }]));
    expect(record && 'outputs' in record ? record.outputs[0].output : null).toEqual({ kind: 'progress', label: 'sweep', done: 3, total: 3, state: 'done' });
  });

  it('keeps only the size of outputs larger than the limit per cell', () => {
    const record = recordOf(ran([text('x'.repeat(5000))]), { perCellChars: 4000, totalChars: 1e6 });
    expect(record).toMatchObject({ tooLarge: { limit: 4000 } });
    expect(record && 'tooLarge' in record ? record.tooLarge.chars : 0).toBeGreaterThan(5000);
    expect(record && 'outputs' in record).toBe(false);
  });
});

describe('withinTotal', () => {
  const limits = { perCellChars: 1000, totalChars: 2500 };
  const record = (chars: number): KeptRecord => ({ id: 'c', sourceHash: 'h', outputs: [], chars });

  it('stores a record while the total has room, counting the other cells only (its own old record is replaced)', () => {
    expect(withinTotal(record(900), new Map([['a', 800], ['b', 800], ['c', 900]]), limits)).toEqual(record(900));
  });

  it('past the total, keeps only the size and the room that was left', () => {
    expect(withinTotal(record(1000), new Map([['a', 1000], ['b', 1000]]), limits)).toEqual({ id: 'c', sourceHash: 'h', tooLarge: { chars: 1000, limit: 500 } });
  });
});

describe('restorable', () => {
  const stored = recordOf(ran([text('1\n')]));

  it('gives the outputs back for the very source they came from, and nothing for another', () => {
    expect(restorable(stored, fresh())).toEqual([{ output: text('1\n') }]);
    expect(restorable(stored, fresh('print(2)'))).toBeNull();
    expect(restorable(stored, { id: 'other', source })).toBeNull();
  });

  it('refuses what the page would refuse from the kernel (storage is outside input), and junk', () => {
    const forged = { ...stored, outputs: [{ output: { kind: 'html', html: '<img onerror=alert(1)>' } }] };
    expect(restorable(forged, fresh())).toBeNull();
    expect(restorable('junk', fresh())).toBeNull();
    expect(restorable(null, fresh())).toBeNull();
    expect(storedChars({ id: 'x', outputs: [], chars: -5 })).toBe(0);
    expect(storedChars({ id: 'x', outputs: [], chars: 42 })).toBe(42);
  });
});

describe('restoring and marking (cellReducer restoreOutputs)', () => {
  const outputs = [{ output: text('1\n') }];

  it('shows kept outputs on a cell untouched in this session, marked as from the previous session', () => {
    const cell = cellReducer(fresh(), { type: 'restoreOutputs', outputs });
    expect(cell.outputs.map((o) => o.output)).toEqual([text('1\n')]);
    expect(cell.fromPrevious).toBe(true);
    // No `In [n]`: that count belongs to a session that is gone.
    expect(cell.execCount).toBeNull();
    // An edit afterwards shows as "edited since it ran", as after a run.
    expect(cell.ranSource).toBe(source);
  });

  it('the mark goes when the cell runs again', () => {
    const restored = cellReducer(fresh(), { type: 'restoreOutputs', outputs });
    const started = cellReducer(cellReducer(restored, { type: 'queue' }), { type: 'start', execCount: 1 });
    expect(started.fromPrevious).toBe(false);
    expect(started.outputs).toEqual([]);
  });

  it('never overwrites a cell that already ran or is queued in this session', () => {
    const done = ran([text('new\n')]);
    expect(cellReducer(done, { type: 'restoreOutputs', outputs })).toBe(done);
    const queued = cellReducer(fresh(), { type: 'queue' });
    expect(cellReducer(queued, { type: 'restoreOutputs', outputs })).toBe(queued);
  });
});

describe('notKeptNote', () => {
  it('names the size and the limit that applied', () => {
    expect(notKeptNote({ chars: 3_100_000, limit: 2_000_000 })).toBe('Its outputs (3.1 MB) are too large to keep for your next visit: at most 2.0 MB of outputs are kept per cell.');
    expect(notKeptNote({ chars: 900_000, limit: 450_000 })).toBe('Its outputs (900 kB) are too large to keep for your next visit: the room left for kept outputs is 450 kB.');
  });
});

describe('exports of a cell showing kept outputs', () => {
  it('.ipynb and markdown hold the kept outputs, with no execution count of a gone session', () => {
    const cell = cellReducer(fresh(), { type: 'restoreOutputs', outputs: [{ output: text('kept-output-7\n') }] });
    const nb = JSON.parse(toIpynb(exportCellsOf([cell]))) as { cells: { id: string; execution_count: number | null; outputs: { text?: string[] }[] }[] };
    const exported = nb.cells.find((c) => c.id === '02-code');
    expect(exported?.execution_count).toBeNull();
    expect(exported?.outputs.map((o) => (o.text ?? []).join(''))).toEqual(['kept-output-7\n']);
    expect(toMarkdown(exportCellsOf([cell]))).toContain('kept-output-7');
  });
});
