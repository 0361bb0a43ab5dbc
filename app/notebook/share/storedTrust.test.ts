// Tests that saved edits keep received code untrusted across a reload and never store it as the student's own.
import { describe, expect, it } from 'vitest';
import { newCellState } from '../cellState';
import { initialNotebookState, notebookReducer, type NotebookEvent } from '../notebookState';
import { problemWith, restoreCells, snapshotEdits } from '../storage';
import type { SourceCell } from '../types';
import { editsChanged } from '../useAutosave';
import { shownCode, untrustedCells } from './received';

const lesson: SourceCell[] = [
  { id: '02-a', type: 'code', source: 'a()\n', group: 2 },
  { id: '03-b', type: 'code', source: 'b()\n', group: 3 },
];
const events: NotebookEvent[] = [
  { type: 'cell', id: '03-b', event: { type: 'edit', source: 'mine()' } },
  { type: 'received', event: { type: 'receive', origin: 'link', cells: [{ id: '02-a', source: 'new()' }, { id: '03-b', source: 'theirs()' }] } },
];
const state = events.reduce(notebookReducer, initialNotebookState(lesson.map((c) => newCellState(c))));

describe('snapshotEdits', () => {
  it('saves the student\'s own text as edits and the received code apart, marked with its origin', () => {
    const saved = snapshotEdits(state.cells, {});
    expect(Object.fromEntries(Object.entries(saved.edits).map(([id, e]) => [id, e.source]))).toEqual({ '03-b': 'mine()' });
    expect(Object.fromEntries(Object.entries(saved.untrusted ?? {}).map(([id, e]) => [id, [e.source, e.origin]]))).toEqual({
      '02-a': ['new()', 'link'],
      '03-b': ['theirs()', 'link'],
    });
    expect(problemWith(JSON.stringify(saved))).toBeNull();
  });
});

describe('restoreCells', () => {
  it('brings received code back untrusted, over the student\'s own text', () => {
    const saved = JSON.parse(JSON.stringify(snapshotEdits(state.cells, {})));
    const restored = restoreCells(lesson, saved).cells;
    expect(restored.map((c) => [c.source, c.untrusted])).toEqual(state.cells.map((c) => [c.source, c.untrusted]));
  });
});

describe('problemWith', () => {
  it.each([
    [{ '02-a': { source: 'x', originalHash: 'h' } }],
    [{ '02-a': { source: 'x', originalHash: 'h', origin: 'email' } }],
    [[]],
  ])('refuses an "untrusted" map that is not edits from a link or a file: %j', (untrusted) => {
    expect(problemWith(JSON.stringify({ version: 1, edits: {}, aside: {}, untrusted }))).toContain('"untrusted"');
  });
});

describe('editsChanged', () => {
  it('sees trusting as a change to save even though no source changed', () => {
    const trusted = notebookReducer(state, { type: 'received', event: { type: 'trust', origin: 'link', shown: shownCode(untrustedCells(state, 'link')) } });
    expect(trusted.cells[0].source).toBe(state.cells[0].source);
    expect(editsChanged(state.cells, trusted.cells)).toBe(true);
  });
});
