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
