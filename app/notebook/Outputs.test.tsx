// Tests of how each output kind renders (server-rendered in Node: markup only, no DOM needed).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { Output } from '../kernel/protocol';
import type { ShownOutput } from './cellState';
import { mergeStreams, OutputView, shownTextChars, textCut } from './Outputs';
import { NodeHost } from '../kernel/nodeHost';
import { runCell } from '../kernel/testing';
import { hostileCellCode, hostileStrings, hostileTex, unsafeMarkup } from './testing/hostile';

// The markdown and KaTeX renderers without their lazy chunk: server rendering does not wait for one.
vi.mock('./richText', () => import('./richTextChunk'));

const noActions = { cancel: () => undefined };
const html = (output: Output): string => renderToStaticMarkup(<OutputView output={output} actions={noActions} />);

describe('OutputView', () => {
  it('shows text in a <pre>, with a note when the kernel cut it short', () => {
    const out = html({ kind: 'text', text: 'a < b', truncatedChars: 12345 });
    expect(out).toContain('<pre>a &lt; b</pre>');
    expect(out).toContain('12,345 more characters not shown');
  });

  it('marks stderr text apart', () => {
    expect(html({ kind: 'text', text: 'warn', stream: 'stderr' })).toContain('out-stderr');
  });

  it('gives a table its test id and marks rows ok or bad in words, not colour only', () => {
    const out = html({ kind: 'table', testid: 'gradient-comparison', columns: ['gradient', 'manual'], rows: [['dl/dX0', 0.5], ['dl/dW1', null]], rowOk: [true, false] });
    expect(out).toContain('data-testid="gradient-comparison"');
    expect(out).toMatch(/<tr class="row-ok"><td class="text">dl\/dX0<\/td><td class="num" title="0.5">0.5<\/td><td class="check check-ok">.*ok<\/td><\/tr>/);
    expect(out).toMatch(/<tr class="row-bad">.*differs<\/td><\/tr>/);
  });

  it('leaves the check column out when the kernel gives no rowOk', () => {
    expect(html({ kind: 'table', columns: ['a'], rows: [[1]] })).not.toContain('check');
  });

  it('shows a matrix as a table of formatted numbers', () => {
    const out = html({ kind: 'matrix', rows: [[-0.05948231, 0.05948231]], label: 'dl/dW1', as: 'table' });
    expect(out).toContain('<figcaption>dl/dW1</figcaption>');
    expect(out).toContain('>-0.0594823</td>');
  });

  it('names the error, its line and column in the cell', () => {
    const out = html({ kind: 'error', name: 'TypeError', message: 'x is not a function', line: 3, column: 7 });
    expect(out).toContain('<strong>TypeError</strong>');
    expect(out).toContain('at line 3, column 7');
    expect(out).toContain('x is not a function');
  });

  it.each<[Output & { kind: 'progress' }, boolean]>([
    [{ kind: 'progress', label: 'Sweep', done: 3, total: 9, state: 'running', cancelToken: 't' }, true],
    [{ kind: 'progress', label: 'Sweep', done: 3, total: 9, state: 'running' }, false],
    [{ kind: 'progress', label: 'Sweep', done: 9, total: 9, state: 'done', cancelToken: 't' }, false],
  ])('shows progress %o with a Cancel button: %s', (output, cancellable) => {
    const out = html(output);
    expect(out).toContain(`<progress value="${output.done}" max="9" aria-label="Sweep">`);
    expect(out.includes('>Cancel</button>')).toBe(cancellable);
  });

  it('draws the network as an SVG image with one line per weight', () => {
    const spec = { widths: [2, 3, 1], activation: 'sigmoid' as const, X0: [0.5, -0.5], W: [[[0.5, -2.5], [1.2, 0.1], [-0.7, -1.2]], [[-1.5, 0.2, 0.5]]], beta: [[-1.5, -1.3, 2], [1]] };
    const out = html({ kind: 'network', spec });
    expect(out).toContain('role="img"');
    expect(out.match(/<line /g)).toHaveLength(9);
  });

  it('shows a placeholder while Plotly loads', () => {
    expect(html({ kind: 'plot', figure: { data: [] } })).toContain('Loading the plot');
  });
});

describe('OutputView with hostile strings from a cell', () => {
  const spec = { widths: [2, 1], activation: 'sigmoid' as const, X0: [1, 2], W: [[[1, 1]]], beta: [[0]] };
  const outputsCarrying = (s: string): Output[] => [
    { kind: 'text', text: s },
    { kind: 'text', text: s, stream: 'stderr', truncatedChars: 3 },
    { kind: 'error', name: s, message: s, line: 1, column: 1, source: s },
    { kind: 'table', columns: [s, 'x'], rows: [[s, 1], [null, s]], caption: s, testid: s, rowOk: [true, false] },
    { kind: 'matrix', rows: [[1, 2]], label: s, as: 'table' },
    { kind: 'matrix', rows: [[1, 2]], label: s, as: 'latex' },
    { kind: 'markdown', source: s },
    { kind: 'progress', label: s, done: 1, total: 2, state: 'running', cancelToken: s },
    // A cell may hand display.network anything: the activation's name is only ever text.
    { kind: 'network', spec: { ...spec, activation: s as 'sigmoid' } },
  ];

  it.each(hostileStrings)('shows %j as text in every kind of output', (s) => {
    for (const output of outputsCarrying(s)) {
      const out = html(output);
      expect(unsafeMarkup(out), `${output.kind}: ${out}`).toEqual([]);
    }
  });

  it.each(hostileTex)('typesets the formula %j without links, ids, classes, data, styles or images', (tex) => {
    const out = html({ kind: 'latex', tex, display: true });
    expect(unsafeMarkup(out)).toEqual([]);
    expect(out).not.toMatch(/<a[\s>]|<img[\s>]/);
  });
});

describe('textCut', () => {
  it('cuts after the last line break close to the limit, else at the limit', () => {
    expect(textCut(`${'x'.repeat(95)}\n${'y'.repeat(20)}`, 100)).toBe(96); // after the line break at 95
    expect(textCut('x'.repeat(50), 20)).toBe(20);
    expect(textCut(`${'x'.repeat(5)}\n${'y'.repeat(50)}`, 20)).toBe(20); // the break is too far back
  });
});

describe('a long text output', () => {
  it(`puts the first ${shownTextChars.toLocaleString('en')} characters on the page, with the rest one click away`, () => {
    const line = `${'x'.repeat(99)}\n`;
    const text = line.repeat(2500); // 250,000 characters in lines of 100
    const out = html({ kind: 'text', text, stream: 'stdout' });
    const pre = /<pre>([^<]*)<\/pre>/.exec(out)?.[1] ?? '';
    expect(pre).toBe(line.repeat(1000));
    expect(out).toContain('150,000 more characters of this output are not on the page, to keep it fast.');
    expect(out).toContain('>Show all 250,000 characters</button>');
  });

  it('shows a shorter one whole, without the button', () => {
    const out = html({ kind: 'text', text: 'y'.repeat(shownTextChars) });
    expect(out).not.toContain('Show all');
    expect(out).toContain(`<pre>${'y'.repeat(shownTextChars)}</pre>`);
  });
});

describe('mergeStreams', () => {
  const out = (key: number, output: Output, displayId?: string): ShownOutput => ({ key, output, ...(displayId ? { displayId } : {}) });
  it('joins consecutive prints of one stream, keeping the first key, and nothing else', () => {
    const merged = mergeStreams([
      out(0, { kind: 'text', text: 'a\n', stream: 'stdout' }),
      out(1, { kind: 'text', text: 'b\n', stream: 'stdout' }),
      out(2, { kind: 'text', text: 'warn\n', stream: 'stderr' }),
      out(3, { kind: 'text', text: '[cut]\n', stream: 'stderr', truncatedChars: 7 }),
      out(4, { kind: 'text', text: 'c\n', stream: 'stdout' }),
      out(5, { kind: 'text', text: '42' }), // a value shown, not a print
      out(6, { kind: 'text', text: 'live', stream: 'stdout' }, 'd1'),
      out(7, { kind: 'text', text: 'd\n', stream: 'stdout' }),
    ]);
    expect(merged).toEqual([
      out(0, { kind: 'text', text: 'a\nb\n', stream: 'stdout' }),
      out(2, { kind: 'text', text: 'warn\n[cut]\n', stream: 'stderr', truncatedChars: 7 }),
      out(4, { kind: 'text', text: 'c\n', stream: 'stdout' }),
      out(5, { kind: 'text', text: '42' }),
      out(6, { kind: 'text', text: 'live', stream: 'stdout' }, 'd1'),
      out(7, { kind: 'text', text: 'd\n', stream: 'stdout' }),
    ]);
  });
});

describe('the outputs of a cell that displays hostile strings (run by the real kernel)', () => {
  it('render every one of them as text: nothing that could run or load', async () => {
    const run = await runCell(new NodeHost(), hostileCellCode());
    expect(run.status).toBe('error');
    expect(new Set(run.outputs.map((o) => o.kind))).toEqual(new Set(['text', 'markdown', 'latex', 'table', 'matrix', 'plot', 'error']));
    for (const output of run.outputs) expect(unsafeMarkup(html(output)), output.kind).toEqual([]);
  });
});
