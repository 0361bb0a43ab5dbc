// Reading a cells directory from disk (Node only: the CLI and tests), parsed like the bundled cells.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCellFiles, type ParsedCells } from './cells';

/** Reads every `.md`/`.ts` file directly in `dir` and parses them as cells. */
export async function readCellsDir(dir: string): Promise<ParsedCells> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot read the cells directory "${dir}": ${reason}`, { cause: error });
  }
  const wanted = names.filter((name) => name.endsWith('.md') || name.endsWith('.ts'));
  const files = await Promise.all(wanted.map(async (name) => ({ name, source: await readFile(join(dir, name), 'utf8') })));
  return parseCellFiles(files);
}
