// Smoke test of `npm run bench -- --quick` as a subprocess: every method and size in the table, dense refused, progress on stderr.
import { describe, expect, it } from 'vitest';
import { runCli } from './runCli';

const benchCli = (args: string[]) => runCli('cli/bench.ts', args);

describe('npm run bench', () => {
  it('--quick times every method at every size, refuses dense where its estimate is over the limit', async () => {
    const run = await benchCli(['--quick']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[1]).toMatch(/^Node v\d+\.\d+\.\d+, .+; machine: .+, \d+ logical cores$/);
    for (const [method, backend] of [
      ['dense', 'JS float64'],
      ['structured', 'JS float64'],
      ['tfjs-cpu', 'tfjs cpu float32'],
      ['tfjs-wasm', 'tfjs wasm float32'],
    ]) {
      for (const widths of ['2-3-1', '3-3-1', '32-32-1', '128-128-1']) {
        const row = lines.find((l) => l.startsWith(`${method} `) && l.includes(` ${widths} `));
        expect(row, `${method} ${widths}`).toBeDefined();
        expect(row).toContain(backend);
        if (method === 'dense' && widths === '128-128-1') {
          expect(row).toMatch(/refused: estimated [\d.]+ (ms|s) per gradient \(limit 100 ms\)$/);
          continue;
        }
        // median, min, max, first call: positive numbers, min <= median <= max.
        const [median, min, max, first] = row!.split(/\s{2,}/).slice(3, 7).map((x) => Number(x.replace(/,/g, '')));
        expect(min).toBeGreaterThan(0);
        expect(first).toBeGreaterThan(0);
        expect(min).toBeLessThanOrEqual(median);
        expect(median).toBeLessThanOrEqual(max);
      }
    }
    expect(run.stdout).toMatch(/^ {2}structured 2-3-1: median [\d.]+ us, min [\d.]+ us \(target <= 2 us\): (met|MISSED.*)$/m);
    expect(run.stderr.split('\n').at(-2)).toBe('bench: 100%  done');
    expect(run.stderr).not.toMatch(/tfjs-node|Hi, looks like/);
  });

  it('exits 2 on an unknown option', async () => {
    const run = await benchCli(['--fast']);
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'bench: unknown option "--fast"; usage: npm run bench [-- --quick]\n' });
  });
});
