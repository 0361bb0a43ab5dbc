// Tests of the Jupyter file: nbformat 4.5's required shape, outputs by kind, round trips, and every refusal's message.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Output } from '../../kernel/protocol';
import { ipynbOutput, nbLines } from './exportOutputs';
import { parseIpynb, toIpynb } from './ipynb';
import type { ExportCell } from './notebookFile';

const cells: ExportCell[] = [
  { id: '00-intro', type: 'markdown', source: '# Title\n\n$x^2$', originalHash: '14-00000001', execCount: null, outputs: [] },
  {
    id: '05a-manual',
    type: 'code',
    source: 'print(1)\nx',
    originalHash: '11-00000002',
    execCount: 3,
    outputs: [
      { kind: 'text', text: '1\n', stream: 'stdout' },
      { kind: 'text', text: '42' },
    ],
  },
  { id: '06-never-run', type: 'code', source: '', originalHash: '0-811c9dc5', execCount: null, outputs: [] },
];

const notebook = (): Record<string, unknown> => JSON.parse(toIpynb(cells));

// The keys nbformat 4.5's schema requires and allows (additionalProperties: false) for each object.
const cellKeys = { markdown: ['cell_type', 'id', 'metadata', 'source'], code: ['cell_type', 'execution_count', 'id', 'metadata', 'outputs', 'source'] };
const outputKeys: Record<string, string[]> = {
  stream: ['name', 'output_type', 'text'],
  execute_result: ['data', 'execution_count', 'metadata', 'output_type'],
  display_data: ['data', 'metadata', 'output_type'],
  error: ['ename', 'evalue', 'output_type', 'traceback'],
};

describe('toIpynb', () => {
  it('writes nbformat 4.5 with a TypeScript kernelspec and language_info', () => {
    const nb = notebook();
    expect(Object.keys(nb).sort()).toEqual(['cells', 'metadata', 'nbformat', 'nbformat_minor']);
    expect([nb.nbformat, nb.nbformat_minor]).toEqual([4, 5]);
    // Deno's Jupyter kernel installs itself under this kernelspec: Jupyter offers it to run the file.
    expect(nb.metadata).toMatchObject({ kernelspec: { name: 'deno', display_name: 'Deno', language: 'typescript' }, language_info: { name: 'typescript', file_extension: '.ts' } });
  });
  it('names the helpers the code needs in a first cell, which Import skips', () => {
    const first = (notebook().cells as Record<string, unknown>[])[0];
    const text = (first.source as string[]).join('');
    for (const name of ['`la`', '`tf`', '`params`', '`print`', '`display`', '`bench`', '`lesson`']) expect(text).toContain(name);
    expect(first.metadata).toMatchObject({ slideshow: { slide_type: 'skip' } });
  });
  it('gives each cell exactly the keys the schema requires, ids from the lesson and In [n] as execution_count', () => {
    const nbCells = (notebook().cells as Record<string, unknown>[]).slice(1);
    expect(nbCells.map((c) => Object.keys(c).sort())).toEqual([cellKeys.markdown, cellKeys.code, cellKeys.code]);
    expect(nbCells.map((c) => [c.id, c.execution_count])).toEqual([['00-intro', undefined], ['05a-manual', 3], ['06-never-run', null]]);
    for (const c of nbCells) expect(c.id).toMatch(/^[a-zA-Z0-9-_]{1,64}$/);
    expect(nbCells[1].source).toEqual(['print(1)\n', 'x']);
  });
});

describe('nbLines', () => {
  it.each([
    ['', []],
    ['a', ['a']],
    ['a\n', ['a\n']],
    ['a\nb', ['a\n', 'b']],
    ['a\n\nb\n', ['a\n', '\n', 'b\n']],
  ])('%j becomes %j, and joins back', (text, lines) => {
    expect(nbLines(text)).toEqual(lines);
    expect(nbLines(text).join('')).toBe(text);
  });
});

describe('ipynbOutput', () => {
  const matrix: Output = { kind: 'matrix', rows: [[1, 2], [3, 4.5]], as: 'latex', label: 'W1' };
  it.each<[string, Output, Record<string, unknown>]>([
    ['printed text: a stream', { kind: 'text', text: 'a\nb\n', stream: 'stdout' }, { output_type: 'stream', name: 'stdout', text: ['a\n', 'b\n'] }],
    ['stderr: a stream', { kind: 'text', text: 'warn', stream: 'stderr' }, { output_type: 'stream', name: 'stderr', text: ['warn'] }],
    ['the last value: execute_result', { kind: 'text', text: '42' }, { output_type: 'execute_result', execution_count: 7, data: { 'text/plain': ['42'] }, metadata: {} }],
    ['LaTeX: text/latex', { kind: 'latex', tex: 'x^2', display: true }, { output_type: 'display_data', data: { 'text/plain': ['x^2'], 'text/latex': ['$$x^2$$'] }, metadata: {} }],
    ['an error: ename, evalue, traceback', { kind: 'error', name: 'TypeError', message: 'x is not a function', line: 3 }, { output_type: 'error', ename: 'TypeError', evalue: 'x is not a function', traceback: ['TypeError: x is not a function', '  at line 3'] }],
  ])('%s', (_what, output, expected) => {
    const nb = ipynbOutput(output, 7);
    expect(nb).toEqual(expected);
    expect(Object.keys(nb).sort()).toEqual(outputKeys[nb.output_type as string]);
  });
  it('gives a matrix as NumPy-like text and as a TeX bmatrix', () => {
    const data = ipynbOutput(matrix, 1).data as Record<string, string[]>;
    expect(data['text/latex'].join('')).toBe('$$W1 = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4.5 \\end{bmatrix}$$');
    expect(data['text/plain'].join('')).toBe('W1 = [[1.  2. ]\n      [3.  4.5]]\n');
  });
  it('gives a table as GitHub-flavoured Markdown beside aligned text, and never HTML', () => {
    const data = ipynbOutput({ kind: 'table', columns: ['name', 'value'], rows: [['dl/dX0', 0.25]] }, 1).data as Record<string, string[]>;
    expect(Object.keys(data)).toEqual(['text/markdown', 'text/plain']);
    expect(data['text/markdown'].join('')).toBe('| name | value |\n| --- | ---: |\n| dl/dX0 | 0.25 |\n');
    expect(data['text/plain'].join('')).toBe('name    value\n------  -----\ndl/dX0   0.25\n');
  });
  it('gives a plot as Plotly JSON with its title as text', () => {
    const figure = { data: [{ x: [1, 2], y: [3, 4], type: 'scatter' }], layout: { title: { text: 'Scaling' } } };
    const data = ipynbOutput({ kind: 'plot', figure }, 1).data as Record<string, unknown>;
    expect(data['application/vnd.plotly.v1+json']).toEqual(figure);
    expect(data['text/plain']).toEqual(['[plot: Scaling]\n']);
  });
});

describe('slides in the export', () => {
  const lesson: ExportCell[] = [
    { id: 'a', type: 'markdown', source: '# One\n\ntext\n---slide---\nmore', originalHash: 'h1', execCount: null, outputs: [] },
    { id: 'b', type: 'code', source: 'x', originalHash: 'h2', execCount: 1, outputs: [] },
    { id: 'c', type: 'markdown', source: '## Two', originalHash: 'h3', execCount: null, outputs: [] },
  ];
  const nbCells = () => (JSON.parse(toIpynb(lesson)).cells as { id: string; source: string[]; metadata: { slideshow: { slide_type: string } } }[]).slice(1);

  it('cuts a markdown cell at its slide breaks: no marker is left for a reader to show', () => {
    expect(nbCells().map((c) => [c.id, c.source.join('')])).toEqual([
      ['a', '# One\n\ntext'],
      ['a-part2', 'more'],
      ['b', 'x'],
      ['c', '## Two'],
    ]);
    expect(nbCells().flatMap((c) => c.source).join('')).not.toContain('---slide---');
  });
  it('marks each cell that starts a slide as slideshow "slide", the others "-"', () => {
    expect(nbCells().map((c) => c.metadata.slideshow.slide_type)).toEqual(['slide', 'slide', '-', 'slide']);
  });
  it('reads the parts back as the one cell they were', () => {
    const parsed = parseIpynb(toIpynb(lesson), 'x.ipynb');
    expect(parsed).toEqual({ ok: true, cells: lesson.map(({ id, type, source, originalHash }) => ({ id, type, source, originalHash, foreign: null })) });
  });
  it.each(['---slide---\nafter a break that opens the cell', 'before a break that closes the cell\n---slide---', 'a\n\n---slide---\n\nb\n', '---slide---'])('round-trips %j exactly', (source) => {
    const one: ExportCell = { id: 'e', type: 'markdown', source, originalHash: 'h', execCount: null, outputs: [] };
    expect(parseIpynb(toIpynb([one]), 'x.ipynb')).toEqual({ ok: true, cells: [{ id: 'e', type: 'markdown', source, originalHash: 'h', foreign: null }] });
  });
  it('reads parts edited in Jupyter as the edited text', () => {
    const nb = JSON.parse(toIpynb(lesson)) as { cells: { source: string[] }[] };
    nb.cells[2].source = ['changed'];
    const parsed = parseIpynb(JSON.stringify(nb), 'x.ipynb');
    expect(parsed.ok && parsed.cells[0].source).toBe('# One\n\ntext\n---slide---\nchanged');
  });
  it('keeps speaker notes as the cell\'s metadata.notes (and in its text, a comment no reader shows)', () => {
    const noted: ExportCell = { id: 'n', type: 'markdown', source: '# T\n<!-- notes: say this -->', originalHash: 'h', execCount: null, outputs: [] };
    const [cell] = (JSON.parse(toIpynb([noted])).cells as { metadata: { notes?: string } }[]).slice(1);
    expect(cell.metadata.notes).toBe('say this');
  });
  it('leaves a marker inside a code fence as it is', () => {
    const fenced: ExportCell = { id: 'f', type: 'markdown', source: '```\n---slide---\n```', originalHash: 'h', execCount: null, outputs: [] };
    expect((JSON.parse(toIpynb([fenced])).cells as unknown[]).length).toBe(2);
  });
});

describe('parseIpynb', () => {
  it('reads back every cell of an export: id, type, source and original hash', () => {
    const parsed = parseIpynb(toIpynb(cells), 'x.ipynb');
    expect(parsed).toEqual({ ok: true, cells: cells.map(({ id, type, source, originalHash }) => ({ id, type, source, originalHash, foreign: null })) });
  });
  it('round-trips any cells', () => {
    const anyCell = fc.record({
      id: fc.stringMatching(/^[a-zA-Z0-9_-]{1,20}$/),
      type: fc.constantFrom('markdown' as const, 'code' as const),
      source: fc.string({ unit: 'grapheme', maxLength: 200 }),
      originalHash: fc.string({ maxLength: 12 }),
      execCount: fc.option(fc.nat(99)),
    });
    fc.assert(
      fc.property(fc.array(anyCell, { minLength: 1, maxLength: 5 }), (some) => {
        const written = some.map((c) => ({ ...c, outputs: [] }));
        const parsed = parseIpynb(toIpynb(written), 'x.ipynb');
        expect(parsed).toEqual({ ok: true, cells: some.map(({ id, type, source, originalHash }) => ({ id, type, source, originalHash, foreign: null })) });
      }),
    );
  });
  it('round-trips new cells and cells of another language among the lesson\'s: order, text and the foreign cells\' JSON', () => {
    const foreignRaw = fc.record({
      cell_type: fc.constant('code'),
      execution_count: fc.option(fc.nat(99)),
      metadata: fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), fc.oneof(fc.string({ maxLength: 8 }), fc.integer())),
      outputs: fc.array(fc.record({ output_type: fc.constant('stream'), name: fc.constantFrom('stdout', 'stderr'), text: fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }) }), { maxLength: 2 }),
      source: fc.array(fc.string({ maxLength: 30 }), { maxLength: 3 }),
    });
    const anyCell = fc.oneof(
      fc.record({ kind: fc.constant('lesson' as const), type: fc.constantFrom('markdown' as const, 'code' as const), source: fc.string({ maxLength: 80 }) }),
      fc.record({ kind: fc.constant('new' as const), type: fc.constantFrom('markdown' as const, 'code' as const), source: fc.string({ maxLength: 80 }) }),
      fc.record({ kind: fc.constant('foreign' as const), raw: foreignRaw, language: fc.constantFrom('python', 'julia', 'r') }),
    );
    fc.assert(
      fc.property(fc.array(anyCell, { minLength: 1, maxLength: 6 }), (some) => {
        const written: ExportCell[] = some.map((c, i) => {
          const id = `${c.kind}-${i}`;
          if (c.kind === 'foreign') {
            const raw = { ...c.raw, id };
            return { id, type: 'code', source: raw.source.join(''), originalHash: null, execCount: null, outputs: [], foreign: { language: c.language, raw } };
          }
          return { id, type: c.type, source: c.source, originalHash: c.kind === 'lesson' ? 'h' : null, execCount: null, outputs: [], foreign: null };
        });
        const text = toIpynb(written);
        const parsed = parseIpynb(text, 'x.ipynb');
        expect(parsed).toEqual({ ok: true, cells: written.map(({ id, type, source, originalHash, foreign }) => ({ id, type, source, originalHash, foreign: foreign ?? null })) });
        // A foreign cell is written as the very JSON it was read as.
        const nbCells = (JSON.parse(text) as { cells: { id: string }[] }).cells;
        for (const cell of written) if (cell.foreign) expect(JSON.stringify(nbCells.find((c) => c.id === cell.id))).toBe(JSON.stringify(cell.foreign.raw));
      }),
    );
  });
  it('reads a source given as one string and cells without ids (nbformat 4.4)', () => {
    const text = JSON.stringify({ nbformat: 4, nbformat_minor: 4, metadata: {}, cells: [{ cell_type: 'code', source: 'a()', metadata: {}, outputs: [] }] });
    expect(parseIpynb(text, 'old.ipynb')).toEqual({ ok: true, cells: [{ id: null, type: 'code', source: 'a()', originalHash: null, foreign: null }] });
  });

  const withCells = (extra: Record<string, unknown>, cellList: unknown[] = [{ cell_type: 'code', id: 'a', source: '', metadata: {} }]) =>
    JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: notebook().metadata, cells: cellList, ...extra });
  it.each([
    ['not JSON', '{\n "nbformat": 4,\n "cells": [,]\n}', "b.ipynb is not valid JSON: line 3, column 12: expected a value, found ','."],
    ['not a notebook', '[1, 2]', 'b.ipynb is not a Jupyter notebook: it has no "nbformat" field.'],
    ['nbformat 3', withCells({ nbformat: 3 }), 'b.ipynb is in nbformat 3; this notebook reads nbformat 4'],
    ['no cells', withCells({}, []), 'b.ipynb has no cells: there is nothing to import.'],
    ['no cell list', withCells({ cells: 'x' }), 'b.ipynb has no list of "cells".'],
    ['a cell of an unknown type', withCells({}, [{ cell_type: 'heading', id: 'h1', source: '', metadata: {} }]), 'b.ipynb is not importable: cell 1 ("h1") is of type "heading": a Jupyter notebook has only markdown, code and raw cells.'],
    ['a cell without type', withCells({}, [{ source: 'x' }]), 'cell 1 has no "cell_type"'],
    ['a source that is not text', withCells({}, [{ cell_type: 'code', id: 'c', source: [1] }]), 'cell 1 ("c") has a "source" that is not text'],
  ])('refuses %s with a message saying so', (_case, text, message) => {
    const parsed = parseIpynb(text, 'b.ipynb');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });
});
