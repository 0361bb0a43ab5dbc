// Tests of the Markdown export: its shape, exact round trips (also code full of backticks), and every refusal's message.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMarkerLine, markdownHeader, parseMarkdown, toMarkdown } from './markdownExport';
import type { ExportCell } from './notebookFile';

const cells: ExportCell[] = [
  { id: '00-intro', type: 'markdown', source: '# Title\n\nSome $x^2$ and code:\n\n```ts\nconst a = 1;\n```', originalHash: '1-a', execCount: null, outputs: [] },
  {
    id: '05-forward',
    type: 'code',
    source: 'print(X1)\nconst s = "```";',
    originalHash: '2-b',
    execCount: 2,
    outputs: [
      { kind: 'text', text: '[[0.5]]\n', stream: 'stdout' },
      { kind: 'error', name: 'RangeError', message: 'bad' },
    ],
  },
];

const back = (some: readonly ExportCell[]) => some.map(({ id, type, source, originalHash }) => ({ id, type, source, originalHash, foreign: null }));

describe('toMarkdown', () => {
  it('writes markdown as is, code in a ts block and each output in its own marked block', () => {
    expect(toMarkdown(cells)).toBe(
      [
        markdownHeader,
        '',
        '<!-- jn-cell id="00-intro" type="markdown" original="1-a" -->',
        '# Title\n\nSome $x^2$ and code:\n\n```ts\nconst a = 1;\n```',
        '',
        '<!-- jn-cell id="05-forward" type="code" original="2-b" -->',
        '````ts\nprint(X1)\nconst s = "```";\n````',
        '',
        '```output stdout\n[[0.5]]\n```',
        '',
        '```output error\nRangeError: bad\n```',
        '',
      ].join('\n'),
    );
  });
});

describe('parseMarkdown', () => {
  it('reads back the cells of an export, ignoring outputs', () => {
    expect(parseMarkdown(toMarkdown(cells), 'n.md')).toEqual({ ok: true, cells: back(cells) });
  });
  it('reads a file saved with Windows line endings', () => {
    expect(parseMarkdown(toMarkdown(cells).replace(/\n/g, '\r\n'), 'n.md')).toEqual({ ok: true, cells: back(cells) });
  });
  it('round-trips any cells exactly (blank lines, trailing newlines, backtick runs included)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '`', '#', '$', '-', '<', '!', '>', 'é'), maxLength: 60 });
    const anyCell = fc.record({
      id: fc.stringMatching(/^[a-z0-9-]{1,12}$/),
      type: fc.constantFrom('markdown' as const, 'code' as const),
      source: text.filter((s) => !s.split('\n').some(isMarkerLine)),
      originalHash: fc.stringMatching(/^[0-9]{1,3}-[0-9a-f]{8}$/),
      outputs: fc.array(text.map((t) => ({ kind: 'text' as const, text: t, stream: 'stdout' as const })), { maxLength: 2 }),
    });
    fc.assert(
      fc.property(fc.array(anyCell, { minLength: 1, maxLength: 5 }), (some) => {
        const written = some.map((c) => ({ ...c, execCount: null, outputs: c.type === 'code' ? c.outputs : [] }));
        expect(parseMarkdown(toMarkdown(written), 'n.md')).toEqual({ ok: true, cells: back(written) });
      }),
      { numRuns: 300 },
    );
  });

  const marker = (id: string, type = 'code') => `<!-- jn-cell id="${id}" type="${type}" -->`;
  it.each([
    ['any Markdown file', '# My notes\n\ntext\n', 'n.md is not a Markdown export of this notebook'],
    ['an export with no cells', `${markdownHeader}\n`, 'n.md has no cells: there is nothing to import.'],
    ['a cell of an unknown type', `${markdownHeader}\n\n${marker('a', 'widget')}\nx\n`, 'line 3: cell "a" is of type "widget": this notebook has only markdown and code cells.'],
    ['a code cell without its block', `${markdownHeader}\n\n${marker('a')}\nprint(1)\n`, 'line 4: code cell "a" has text where its ```ts block should start.'],
    ['text after the code', `${markdownHeader}\n\n${marker('a')}\n\`\`\`ts\nx\n\`\`\`\nstray\n`, 'line 7: code cell "a" has text after its code, outside an ```output block.'],
    ['a block never closed', `${markdownHeader}\n\n${marker('a')}\n\`\`\`ts\nx\n`, 'line 4: the block opened here in cell "a" is never closed.'],
    ['a code cell of another language', `${markdownHeader}\n\n${marker('a')}\n\`\`\`python\nx = 1\n\`\`\`\n`, 'line 4: code cell "a" is a ```python block: only TypeScript (```ts) code can be imported.'],
  ])('refuses %s with a message saying so', (_case, text, message) => {
    const parsed = parseMarkdown(text, 'n.md');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });
});

describe('new and foreign cells in Markdown', () => {
  const raw = { cell_type: 'code', execution_count: 1, id: 'py1', metadata: {}, outputs: [{ output_type: 'stream', name: 'stdout', text: ['4\n'] }], source: ['print(2 + 2)'] };
  const some: ExportCell[] = [
    { id: 'new-a', type: 'code', source: 'const z = 1', originalHash: null, execCount: null, outputs: [] },
    { id: 'py1', type: 'code', source: 'print(2 + 2)', originalHash: null, execCount: null, outputs: [], foreign: { language: 'python', raw } },
  ];
  it('writes a new cell without an original and Python code in a python block with its saved output', () => {
    const text = toMarkdown(some);
    expect(text).toContain('<!-- jn-cell id="new-a" type="code" -->\n```ts\nconst z = 1\n```');
    expect(text).toContain('<!-- jn-cell id="py1" type="code" language="python" -->\n```python\nprint(2 + 2)\n```\n\n```output stream\n4\n```');
  });
  it('reads them back: the new cell as it was, the Python cell as Python code (its outputs were text only)', () => {
    const parsed = parseMarkdown(toMarkdown(some), 'n.md');
    expect(parsed.ok && parsed.cells.map((c) => [c.id, c.source, c.originalHash, c.foreign?.language ?? null])).toEqual([
      ['new-a', 'const z = 1', null, null],
      ['py1', 'print(2 + 2)', null, 'python'],
    ]);
  });
});
