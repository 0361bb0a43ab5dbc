// The lesson's cells: parsing `cells/NN-slug.{md,ts}` file names into ordered cells, and the browser's bundled copy.

/** One cell of the notebook, as the UI and the CLI use it. */
export interface Cell {
  /** The file stem, e.g. `05a-manual-gradients`. */
  id: string;
  type: 'markdown' | 'code';
  source: string;
  /** `a`/`b`: two cells of one number, meant to be read side by side. */
  pair?: 'a' | 'b';
  /** The numeric prefix: cells are ordered by it. */
  group: number;
}

export interface CellFile {
  /** The file name without directories, e.g. `05a-manual-gradients.ts`. */
  name: string;
  source: string;
}

export interface ParsedCells {
  cells: Cell[];
  /** Files ignored or oddities found, each naming the file(s). */
  warnings: string[];
}

const cellFileName = /^(\d+)([ab])?-([A-Za-z0-9][A-Za-z0-9_-]*)\.(md|ts)$/;

/** Files that may sit next to the cells without being cells: the folder's readme, types, tests. */
const companionFile = /^(README\.md|.*\.d\.ts|.*\.test\.ts)$/;

/** Sort key within a numeric group: a plain cell, then the `a` cell, then the `b` cell. */
const pairRank = (pair: Cell['pair']): number => (pair === undefined ? 0 : pair === 'a' ? 1 : 2);

/**
 * Turns file names and contents into cells ordered by numeric prefix (then a/b, then name).
 * Names that do not read `NN-slug.md`, `NN-slug.ts`, `NNa-slug.ts` or `NNb-slug.ts` are left out
 * with one warning listing them; so are half pairs and shared numbers, named in warnings.
 */
export function parseCellFiles(files: readonly CellFile[]): ParsedCells {
  const cells: Cell[] = [];
  const badNames: string[] = [];
  for (const file of files) {
    const match = cellFileName.exec(file.name);
    if (!match) {
      if (!companionFile.test(file.name)) badNames.push(file.name);
      continue;
    }
    const [, digits, pair, , ext] = match;
    const cell: Cell = {
      id: file.name.slice(0, -(ext.length + 1)),
      type: ext === 'md' ? 'markdown' : 'code',
      source: file.source,
      group: Number(digits),
    };
    if (pair === 'a' || pair === 'b') cell.pair = pair;
    cells.push(cell);
  }
  cells.sort((x, y) => x.group - y.group || pairRank(x.pair) - pairRank(y.pair) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));

  const warnings: string[] = [];
  if (badNames.length > 0) {
    warnings.push(`ignored ${badNames.length} file(s) not named NN-slug.md / NN-slug.ts (a/b suffix for pairs): ${badNames.sort().join(', ')}`);
  }
  warnings.push(...groupWarnings(cells));
  return { cells, warnings };
}

/** Half pairs, doubled halves and numbers shared without a/b: kept, but the author is told. */
function groupWarnings(cells: readonly Cell[]): string[] {
  const byGroup = new Map<number, Cell[]>();
  for (const cell of cells) byGroup.set(cell.group, [...(byGroup.get(cell.group) ?? []), cell]);
  const warnings: string[] = [];
  for (const [group, members] of byGroup) {
    const ids = members.map((c) => c.id).join(', ');
    const as = members.filter((c) => c.pair === 'a').length;
    const bs = members.filter((c) => c.pair === 'b').length;
    const plain = members.length - as - bs;
    if (as + bs > 0 && (as !== 1 || bs !== 1)) {
      warnings.push(`cells numbered ${group} should be one "a" and one "b" cell to make a pair: ${ids}`);
    } else if (as + bs > 0 && plain > 0) {
      warnings.push(`cells numbered ${group} mix a pair with unpaired cells: ${ids}`);
    } else if (plain > 1) {
      warnings.push(`cells share the number ${group} (ordered by name): ${ids}`);
    }
  }
  return warnings;
}

/** Groups cells for layout: each pair becomes one two-element row, every other cell a row of its own. */
export function layoutRows(cells: readonly Cell[]): Cell[][] {
  const rows: Cell[][] = [];
  for (const cell of cells) {
    const previous = rows.at(-1);
    const partner = previous?.length === 1 ? previous[0] : undefined;
    if (cell.pair === 'b' && partner?.pair === 'a' && partner.group === cell.group) previous?.push(cell);
    else rows.push([cell]);
  }
  return rows;
}

/** The file name of a path (either slash). */
export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/**
 * The cells bundled into the site by Vite (their text, at build time). Only callable where Vite
 * transforms the code (app, vitest); Node scripts use readCellsDir from cellsDir.ts.
 */
export function loadBundledCells(): ParsedCells {
  const sources = import.meta.glob<string>(['/cells/*.{md,ts}', '!/cells/*.d.ts', '!/cells/*.test.ts'], {
    query: '?raw',
    import: 'default',
    eager: true,
  });
  return parseCellFiles(Object.entries(sources).map(([path, source]) => ({ name: baseName(path), source })));
}
