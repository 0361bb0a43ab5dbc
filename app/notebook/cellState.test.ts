// Tests of a cell's pure transitions: runs, outputs, edits, revert, kept-aside edits.
import { describe, expect, it } from 'vitest';
import type { OutputMessage, RunStatus } from '../kernel/protocol';
import {
  applyOutput,
  cellReducer,
  cancelledNotice,
  differsFromOriginal,
  editedSinceRun,
  interruptedNotice,
  lessonText,
  newCellState,
  promptLabel,
  type CellEvent,
  type CellState,
  type CellStatus,
} from './cellState';

const code = (source = 'const x = 1;'): CellState => newCellState({ id: '02-code', type: 'code', source, group: 2 });
const text = (s: string): OutputMessage => ({ output: { kind: 'text', text: s } });
const run = (cell: CellState, ...events: CellEvent[]): CellState => events.reduce(cellReducer, cell);

describe('newCellState', () => {
  it('starts idle, never run, showing the saved source over the original', () => {
    const cell = newCellState({ id: '01a-x', type: 'code', source: 'a', group: 1, pair: 'a' }, 'b');
    expect(cell).toMatchObject({ status: 'idle', execCount: null, source: 'b', original: 'a', pair: 'a', outputs: [] });
  });
});

describe('lessonText', () => {
  it.each([
    ['const x = 1;\n', 'const x = 1;'],
    ['# Title\n\ntext\n\n', '# Title\n\ntext'],
    ['  indented\n', '  indented'],
    ['', ''],
  ])('%j reads %j', (file, shown) => {
    expect(lessonText(file)).toBe(shown);
  });
});

describe('applyOutput', () => {
  it('appends outputs without a displayId', () => {
    const outs = applyOutput(applyOutput([], text('a'), 0), text('b'), 1);
    expect(outs.map((o) => [o.key, o.output])).toEqual([
      [0, { kind: 'text', text: 'a' }],
      [1, { kind: 'text', text: 'b' }],
    ]);
  });
  it('replaces the earlier output with the same displayId in place, keeping its key', () => {
    const first = applyOutput([], { ...text('10%'), displayId: 'p' }, 0);
    const second = applyOutput(applyOutput(first, text('log'), 1), { ...text('50%'), displayId: 'p' }, 2);
    expect(second.map((o) => [o.key, (o.output as { text: string }).text])).toEqual([
      [0, '50%'],
      [1, 'log'],
    ]);
  });
});

describe('cellReducer', () => {
  it('goes queued -> running -> done and counts the run', () => {
    const queued = cellReducer(code(), { type: 'queue' });
    expect(queued.status).toBe('queued');
    const running = cellReducer(queued, { type: 'start', execCount: 3 });
    expect([running.status, running.execCount, running.ranSource]).toEqual(['running', 3, 'const x = 1;']);
    expect(cellReducer(running, { type: 'finish', status: 'ok' }).status).toBe('done');
  });

  it.each<[RunStatus, CellStatus, string | null]>([
    ['ok', 'done', null],
    ['error', 'error', null],
    ['interrupted', 'idle', interruptedNotice],
    ['cancelled', 'idle', cancelledNotice],
  ])('a run ending %s leaves the cell %s with notice %s', (status, expected, notice) => {
    const ended = run(code(), { type: 'queue' }, { type: 'start', execCount: 1 }, { type: 'finish', status });
    expect([ended.status, ended.notice]).toEqual([expected, notice]);
  });

  it('clears the previous outputs when a run starts, not when it is queued', () => {
    const done = run(code(), { type: 'start', execCount: 1 }, { type: 'output', message: text('old') }, { type: 'finish', status: 'ok' });
    expect(cellReducer(done, { type: 'queue' }).outputs).toHaveLength(1);
    expect(run(done, { type: 'queue' }, { type: 'start', execCount: 2 }).outputs).toEqual([]);
  });

  it('drops outputs that arrive when the cell is not running (a late message of an interrupted run)', () => {
    const idle = run(code(), { type: 'start', execCount: 1 }, { type: 'finish', status: 'interrupted' });
    expect(cellReducer(idle, { type: 'output', message: text('late') })).toBe(idle);
  });

  it('ignores a finish for a cell that is not queued or running', () => {
    const done = run(code(), { type: 'start', execCount: 1 }, { type: 'finish', status: 'ok' });
    expect(cellReducer(done, { type: 'finish', status: 'cancelled' })).toBe(done);
  });

  it('edits and reverts the source; returns the same object when nothing changes', () => {
    const cell = code('a');
    expect(cellReducer(cell, { type: 'edit', source: 'a' })).toBe(cell);
    const edited = cellReducer(cell, { type: 'edit', source: 'b' });
    expect(edited.source).toBe('b');
    expect(cellReducer(edited, { type: 'revert' }).source).toBe('a');
  });

  it('opens the editor of markdown cells only', () => {
    const md = newCellState({ id: '01-intro', type: 'markdown', source: '# Hi', group: 1 });
    expect(cellReducer(md, { type: 'openEditor' }).editing).toBe(true);
    expect(cellReducer(code(), { type: 'openEditor' }).editing).toBe(false);
    expect(run(md, { type: 'openEditor' }, { type: 'closeEditor' }).editing).toBe(false);
  });

  it('does not queue markdown cells', () => {
    const md = newCellState({ id: '01-intro', type: 'markdown', source: '# Hi', group: 1 });
    expect(cellReducer(md, { type: 'queue' }).status).toBe('idle');
  });

  it('uses or discards an edit kept aside', () => {
    const cell = newCellState({ id: '02-code', type: 'code', source: 'new', group: 2 }, 'new', { source: 'mine', originalHash: 'h' });
    const used = cellReducer(cell, { type: 'useAside' });
    expect([used.source, used.aside]).toEqual(['mine', null]);
    const discarded = cellReducer(cell, { type: 'discardAside' });
    expect([discarded.source, discarded.aside]).toEqual(['new', null]);
  });
});

describe('promptLabel', () => {
  it.each<[CellStatus, number | null, string]>([
    ['idle', null, 'In [ ]'],
    ['queued', null, 'In [*]'],
    ['queued', 4, 'In [*]'],
    ['running', 4, 'In [*]'],
    ['done', 4, 'In [4]'],
    ['error', 12, 'In [12]'],
    ['idle', 7, 'In [7]'],
  ])('status %s, count %s -> %s', (status, execCount, label) => {
    expect(promptLabel({ status, execCount })).toBe(label);
  });
});

describe('editedSinceRun', () => {
  it.each<[string, string | null, boolean]>([
    ['a', null, false],
    ['a', 'a', false],
    ['b', 'a', true],
  ])('source %s, last run %s -> %s', (source, ranSource, edited) => {
    expect(editedSinceRun({ source, ranSource })).toBe(edited);
  });
});

describe('differsFromOriginal', () => {
  it.each<[string, string, boolean]>([
    ['a', 'a', false],
    ['a', 'b', true],
  ])('source %s, original %s -> %s', (source, original, differs) => {
    expect(differsFromOriginal({ source, original })).toBe(differs);
  });
});
