// `npm run notebook` as a subprocess on fixture notebooks: outputs as text, exit 0 when all pass, 1 naming the failing cell.
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const fixtures = join(repoRoot, 'app/kernel/__fixtures__/cells');

function notebookCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'cli/notebook.ts', ...args], { cwd: repoRoot }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

describe('npm run notebook', () => {
  it('runs every code cell in order, prints outputs as text and exits 0', async () => {
    const run = await notebookCli(['--cells', join(fixtures, 'passing')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const headers = [...run.stdout.matchAll(/── \[(\d+)\] (\S+)/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(headers).toEqual(['1 02-setup.ts', '2 03a-manual.ts', '3 03b-async.ts']);
    // NumPy's print of the original W1, and z1 = W1 X0 + beta1 = (0, -0.75, 2.25) worked by hand.
    expect(run.stdout).toContain('W1 = [[ 0.5 -2.5]\n [ 1.2  0.1]\n [-0.7 -1.2]]\n');
    expect(run.stdout).toContain('z1 = [[ 0.  ]\n      [-0.75]\n      [ 2.25]]\n[3, 1]\n');
    expect(run.stdout).toContain('name    value\n------  -----\nanswer     42\n');
    expect(run.stdout).toContain('$$ z_1 = W_1 X_0 + \\beta_1 $$\n[plot: a line]\n42\n');
    expect(run.stdout).toMatch(/ran 3 code cell\(s\) in [\d.]+ s: all passed\n$/);
  });

  it('stops at the first failing cell and exits 1 naming it and its line', async () => {
    const run = await notebookCli(['--cells', join(fixtures, 'failing')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('a is 1\n');
    expect(run.stdout).toContain("TypeError: Cannot read properties of undefined (reading 'field')\n  at line 5");
    expect(run.stdout).not.toContain('must not run');
    expect(run.stderr).toContain('FAILED: cell 02-broken (line 5): TypeError');
  });

  it('fails the cell during which a promise was rejected without await', async () => {
    const run = await notebookCli(['--cells', join(fixtures, 'rejecting')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Unhandled promise rejection: nobody awaited me\n  at line 2');
    expect(run.stdout).toContain('the cell went on');
    expect(run.stderr).toContain('FAILED: cell 01-reject (line 2)');
  });

  it('exits 0 on a directory without code cells', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'no-cells-'));
    const run = await notebookCli(['--cells', empty]);
    expect(run).toMatchObject({ code: 0, stdout: `no code cells in ${empty}\n` });
  });

  it.each([
    [['--cells'], '--cells needs a value'],
    [['--backend', 'webgl'], '--backend must be cpu or wasm'],
    [['--bogus'], 'unknown argument "--bogus"'],
  ])('exits 2 on bad arguments %j', async (args, message) => {
    const run = await notebookCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
