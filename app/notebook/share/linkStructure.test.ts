// Tests of links that carry the notebook's structure: new, deleted and moved cells, round trips, trust and discard.
import fc from 'fast-check';
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { newCellState, type CellState } from '../cellState';
import { initialNotebookState, notebookReducer, type NotebookState } from '../notebookState';
import { newCell } from '../structure/cells';
import type { SourceCell } from '../types';
import { base64UrlDecode, base64UrlEncode, decodeEdits, encodeLink } from './linkEdits';
import { linkContentOf, planLink } from './linkStructure';
import { shownCode, untrustedCells } from './received';

const lessonCells: SourceCell[] = [
  { id: '00-intro', type: 'markdown', source: '# Intro\n', group: 0 },
  { id: '05-forward', type: 'code', source: 'const a = 1\n', group: 5 },
  { id: '07-back', type: 'code', source: 'print(a)\n', group: 7 },
  { id: '09-end', type: 'markdown', source: 'The end\n', group: 9 },
];
const lesson = (): CellState[] => lessonCells.map((c) => newCellState(c));
const shapes = lessonCells.map(({ id, type }) => ({ id, type }));
const visible = (cells: readonly CellState[]) => cells.map((c) => [c.id, c.type, c.source]);

/** The link's value as the receiver reads it, then received into a fresh lesson. */
function receive(sender: readonly CellState[], into: NotebookState = initialNotebookState(lesson())): NotebookState {
  const decoded = decodeEdits(encodeLink(linkContentOf(sender, shapes)));
  if (!decoded.ok) throw new Error(decoded.error);
  let n = 0;
  const plan = planLink(into.cells, decoded, () => `new-fresh${(n += 1)}`);
  return notebookReducer(into, { type: 'received', event: { type: 'receive', origin: 'link', cells: plan.incoming, ...(plan.structure ? { structure: plan.structure } : {}) } });
}

/** A student's notebook: 07-back deleted, 09-end moved to the top, 05-forward edited, two new cells. */
function worked(): CellState[] {
  const [intro, forward, , end] = lesson();
  return [end, intro, newCell('new-scratch01', 'code', 'const z = a + 1\nz'), { ...forward, source: 'const a = 2' }, newCell('new-note0001', 'markdown', 'My *note*')];
}

describe('a link with the structure', () => {
  it('gives the receiver the sender\'s cells: inserted, deleted and moved, in order', () => {
    const state = receive(worked());
    expect(visible(state.cells)).toEqual(visible(worked()));
    // Everything the sender wrote waits for trust; the lesson's own text does not.
    expect(state.cells.map((c) => c.untrusted?.origin ?? null)).toEqual([null, null, 'link', 'link', 'link']);
  });

  it('is format 1, as before, while the notebook is the lesson\'s cells in the lesson\'s order', () => {
    const edited = lesson().map((c) => (c.id === '05-forward' ? { ...c, source: 'const a = 3' } : c));
    const value = encodeLink(linkContentOf(edited, shapes));
    const json = JSON.parse(strFromU8(inflateSync(base64UrlDecode(value)))) as { v: number; cells: unknown[] };
    expect(json).toEqual({ v: 1, cells: [['05-forward', expect.any(String), 'const a = 3']] });
  });

  it('Discard puts the receiver\'s notebook back exactly; Trust keeps the sender\'s', () => {
    const start = initialNotebookState(lesson());
    const received = receive(worked(), start);
    const discarded = notebookReducer(received, { type: 'received', event: { type: 'discard', origin: 'link' } });
    expect(discarded.cells).toEqual(start.cells);
    const trusted = notebookReducer(received, { type: 'received', event: { type: 'trust', origin: 'link', shown: shownCode(untrustedCells(received, 'link')) } });
    expect(visible(trusted.cells)).toEqual(visible(worked()));
    expect(trusted.cells.every((c) => c.untrusted === null)).toBe(true);
    expect(trusted.structureBefore?.link).toBeUndefined();
  });

  it('carries a retyped lesson cell, and Discard gives it back its own type', () => {
    const sender = lesson().map((c) => (c.id === '09-end' ? { ...c, type: 'code' as const, source: 'print("end")' } : c));
    const start = initialNotebookState(lesson());
    const received = receive(sender, start);
    expect(visible(received.cells)).toEqual(visible(sender));
    const discarded = notebookReducer(received, { type: 'received', event: { type: 'discard', origin: 'link' } });
    expect(discarded.cells).toEqual(start.cells);
  });

  it('opened again (a reload keeps the address), it adds no second copy of its new cells', () => {
    const once = receive(worked());
    const twice = receive(worked(), once);
    expect(visible(twice.cells)).toEqual(visible(worked()));
  });

  it('keeps a cell the receiver made that the link does not know, after the cell it followed', () => {
    const mine = initialNotebookState([...lesson().slice(0, 2), newCell('new-mine0001', 'code', 'mine()'), ...lesson().slice(2)]);
    const state = receive(worked(), mine);
    // new-mine0001 followed 05-forward here; 05-forward is fourth in the link.
    expect(state.cells.map((c) => c.id)).toEqual(['09-end', '00-intro', 'new-scratch01', '05-forward', 'new-mine0001', 'new-note0001']);
  });

  it('round-trips any order of any lesson cells with new cells between them', () => {
    const anyNotebook = fc
      .tuple(fc.subarray(lessonCells.map((c) => c.id)), fc.array(fc.record({ type: fc.constantFrom<'code' | 'markdown'>('code', 'markdown'), source: fc.string({ maxLength: 40 }) }), { maxLength: 4 }))
      .chain(([kept, made]) =>
        fc.shuffledSubarray([...kept, ...made.map((m, i) => ({ ...m, id: `new-cell${i}` }))], { minLength: kept.length + made.length }),
      );
    fc.assert(
      fc.property(anyNotebook, (entries) => {
        const byId = new Map(lesson().map((c) => [c.id, c]));
        const sender = entries.map((e) => (typeof e === 'string' ? (byId.get(e) as CellState) : newCell(e.id, e.type, e.source)));
        const state = receive(sender);
        expect(visible(state.cells)).toEqual(visible(sender));
        expect(new Set(state.cells.map((c) => c.id)).size).toBe(state.cells.length);
      }),
    );
  });

  it('opened in a blank notebook, gives exactly the linked cells: the empty cell it opened with goes, Discard brings it back', () => {
    const sender = [newCell('new-a0000001', 'code', 'const a = 1'), newCell('new-b0000001', 'markdown', '# B'), newCell('new-c0000001', 'code', 'a')];
    const blank = initialNotebookState([newCell('new-start0001', 'code')]);
    const state = receive(sender, blank);
    expect(visible(state.cells)).toEqual(visible(sender));
    const discarded = notebookReducer(state, { type: 'received', event: { type: 'discard', origin: 'link' } });
    expect(discarded.cells).toEqual(blank.cells);
  });

  it('keeps the receiver\'s own new cells when it has typed in one (only an untouched blank notebook is replaced)', () => {
    const sender = [newCell('new-a0000001', 'code', 'const a = 1')];
    const typed = initialNotebookState([newCell('new-start0001', 'code', 'mine()')]);
    expect(receive(sender, typed).cells.map((c) => c.id)).toEqual(['new-start0001', 'new-a0000001']);
    const twoEmpty = initialNotebookState([newCell('new-start0001', 'code'), newCell('new-start0002', 'markdown')]);
    expect(receive(sender, twoEmpty).cells.map((c) => c.id)).toEqual(['new-start0001', 'new-start0002', 'new-a0000001']);
  });

  it('carries a Python cell whole, never runnable', () => {
    const raw = { cell_type: 'code', execution_count: 1, id: 'py1', metadata: {}, outputs: [{ output_type: 'stream', name: 'stdout', text: '2\n' }], source: 'print(1 + 1)' };
    const sender = [...lesson(), newCell('py1', 'code', 'print(1 + 1)', { language: 'python', raw })];
    const state = receive(sender);
    expect(state.cells.at(-1)?.foreign).toEqual({ language: 'python', raw });
  });
});

describe('decodeEdits, format 2', () => {
  const pack = (data: unknown) => base64UrlEncode(deflateSync(strToU8(JSON.stringify(data))));
  it.each([
    [{ v: 2, cells: [3], deleted: [] }, 'entry 0 of "cells" is neither an id, [id, originalHash, source] nor a new cell {id, type, source}'],
    [{ v: 2, cells: [{ id: 'n', type: 'raw', source: '' }], deleted: [] }, 'entry 0 of "cells" is neither'],
    [{ v: 2, cells: [{ id: 'n', type: 'code', source: '', foreign: { language: 'python', raw: { cell_type: 'markdown' } } }], deleted: [] }, 'entry 0 of "cells" is neither'],
    [{ v: 2, cells: ['a', 'a'], deleted: [] }, 'the id "a" comes twice in "cells"'],
    [{ v: 2, cells: [], deleted: 'x' }, '"deleted" is not a list of ids'],
    [{ v: 3, cells: [] }, 'they are in format 3, this page reads formats 1 and 2'],
  ])('refuses %j, saying why', (data, why) => {
    const decoded = decodeEdits(pack(data));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error).toContain(why);
  });
});
