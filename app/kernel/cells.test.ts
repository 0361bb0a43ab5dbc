// Tests for the cells loader: ordering by numeric prefix, a/b pairs, ignored names, bundled and on-disk loading.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseName, layoutRows, loadBundledCells, parseCellFiles, type Cell, type CellFile } from './cells';
import { readCellsDir } from './cellsDir';

const files = (...names: string[]): CellFile[] => names.map((name) => ({ name, source: `source of ${name}` }));
const ids = (cells: readonly Cell[]): string[] => cells.map((c) => c.id);

describe('parseCellFiles', () => {
  it('orders by the numeric value of the prefix, not by text', () => {
    const { cells, warnings } = parseCellFiles(files('10-ten.md', '9-nine.ts', '02-two.md', '100-hundred.ts'));
    expect(ids(cells)).toEqual(['02-two', '9-nine', '10-ten', '100-hundred']);
    expect(cells.map((c) => c.group)).toEqual([2, 9, 10, 100]);
    expect(warnings).toEqual([]);
  });

  it.each([
    ['intro.md', 'markdown' as const],
    ['setup.ts', 'code' as const],
  ])('reads the type of %s from its extension', (slug, type) => {
    const { cells } = parseCellFiles(files(`01-${slug}`));
    expect(cells[0].type).toBe(type);
    expect(cells[0].source).toBe(`source of 01-${slug}`);
  });

  it('puts a before b in a pair, after any earlier number, whatever the input order', () => {
    const { cells, warnings } = parseCellFiles(files('05b-tfjs.ts', '06-after.md', '05a-manual.ts', '04-before.md'));
    expect(ids(cells)).toEqual(['04-before', '05a-manual', '05b-tfjs', '06-after']);
    expect(cells.map((c) => c.pair)).toEqual([undefined, 'a', 'b', undefined]);
    expect(warnings).toEqual([]);
  });

  it('ignores badly named files with one warning listing them all', () => {
    const { cells, warnings } = parseCellFiles(files('01-ok.md', 'intro.md', '02_under.ts', '03c-third.ts', '04-x.txt', '-5-neg.md', '06-.md'));
    expect(ids(cells)).toEqual(['01-ok']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('ignored 6 file(s)');
    for (const name of ['intro.md', '02_under.ts', '03c-third.ts', '04-x.txt', '-5-neg.md', '06-.md']) expect(warnings[0]).toContain(name);
  });

  it.each(['README.md', 'globals.d.ts', '03-helpers.test.ts'])('leaves the companion file %s out without a warning', (name) => {
    const { cells, warnings } = parseCellFiles(files('01-ok.md', name));
    expect(ids(cells)).toEqual(['01-ok']);
    expect(warnings).toEqual([]);
  });

  it.each([
    [['05a-only.ts'], 'should be one "a" and one "b"'],
    [['05a-one.ts', '05a-two.ts', '05b-three.ts'], 'should be one "a" and one "b"'],
    [['05a-one.ts', '05b-two.ts', '05-plain.md'], 'mix a pair with unpaired cells'],
    [['05-one.md', '05-two.md'], 'share the number 5'],
  ])('keeps %j but warns: %s', (names, warning) => {
    const { cells, warnings } = parseCellFiles(files(...names));
    expect(cells).toHaveLength(names.length);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(warning);
    for (const name of names) expect(warnings[0]).toContain(name.replace(/\.(md|ts)$/, ''));
  });
});

describe('layoutRows', () => {
  it('puts a complete pair side by side and everything else alone', () => {
    const { cells } = parseCellFiles(files('01-a.md', '02a-left.ts', '02b-right.ts', '03a-lonely.ts', '04b-orphan.ts', '05-end.md'));
    expect(layoutRows(cells).map(ids)).toEqual([['01-a'], ['02a-left', '02b-right'], ['03a-lonely'], ['04b-orphan'], ['05-end']]);
  });
});

describe('baseName', () => {
  it.each([
    ['/cells/01-a.md', '01-a.md'],
    ['C:\\x\\cells\\02-b.ts', '02-b.ts'],
    ['03-c.ts', '03-c.ts'],
  ])('%s -> %s', (path, name) => expect(baseName(path)).toBe(name));
});

describe('loadBundledCells', () => {
  it("gives the repository's cells/ folder, parsed and ordered, with nothing ignored", async () => {
    const { readdir } = await import('node:fs/promises');
    const onDisk = (await readdir('cells')).filter((n) => /^\d+[ab]?-.+\.(md|ts)$/.test(n) && !n.endsWith('.d.ts') && !n.endsWith('.test.ts'));
    const { cells } = loadBundledCells();
    expect(ids(cells).sort()).toEqual(onDisk.map((n) => n.replace(/\.(md|ts)$/, '')).sort());
    expect(cells.map((c) => c.group)).toEqual([...cells.map((c) => c.group)].sort((a, b) => a - b));
  });
});

describe('readCellsDir', () => {
  it('reads the cells of a directory with their text', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cells-'));
    await writeFile(join(dir, '02-second.ts'), 'print(2)\n');
    await writeFile(join(dir, '01-first.md'), '# One\n');
    await writeFile(join(dir, 'notes.txt'), 'not a cell');
    const { cells, warnings } = await readCellsDir(dir);
    expect(cells).toEqual([
      { id: '01-first', type: 'markdown', source: '# One\n', group: 1 },
      { id: '02-second', type: 'code', source: 'print(2)\n', group: 2 },
    ]);
    expect(warnings).toEqual([]);
  });

  it('names the directory it cannot read', async () => {
    await expect(readCellsDir('no/such/dir')).rejects.toThrow('cannot read the cells directory "no/such/dir"');
  });
});
