// Tests for the panel's blocks: names and labels, text form, and reshaping that keeps every value it can.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import seed from '../../../reference/seed-values.json' with { type: 'json' };
import { validateNetSpec } from '../../core/netspec';
import type { NetSpec } from '../../core/types';
import { blockRows, blocksOf, entryAt, entryKey, entryLabel, formatBlock, randomRows, readBlockText, reshapeNet, type Block } from './paramsBlocks';

const original = (): NetSpec => structuredClone(seed.net) as NetSpec;
const [X0, W1, beta1, W2] = blocksOf([2, 3, 1]);

describe('blocksOf', () => {
  it('lists X0 then W_k and beta_k layer by layer, with their shapes', () => {
    expect(blocksOf([2, 3, 1]).map((b) => `${b.name} ${b.rows}x${b.cols}`)).toEqual(['X0 2x1', 'W1 3x2', 'beta1 3x1', 'W2 1x3', 'beta2 1x1']);
  });
});

describe('entryKey', () => {
  it("names entries as the URL hash's messages do (0-based)", () => {
    expect([entryKey(X0, 1), entryKey(W1, 0, 1), entryKey(beta1, 2)]).toEqual(['X0[1]', 'W1[0][1]', 'beta1[2]']);
  });
});

describe('entryLabel', () => {
  it('labels entries for people (1-based)', () => {
    expect([entryLabel(X0, 1), entryLabel(W1, 0, 1), entryLabel(beta1, 2)]).toEqual(['X0 entry 2', 'W1 row 1 column 2', 'beta1 entry 3']);
  });
});

describe('entryAt', () => {
  const blocks = blocksOf([2, 3, 1]);
  it.each([
    ['W1[2][1]', 'W1', 2, 1],
    ['X0[1]', 'X0', 1, 0],
    ['beta2[0]', 'beta2', 0, 0],
  ])('finds %s', (key, name, i, j) => {
    expect(entryAt(key, blocks)).toMatchObject({ block: { name }, i, j });
  });
  it.each(['W1[3][0]', 'W1[0][2]', 'X0[2]', 'W3[0][0]', 'W1[0]', 'X0[0][0]', 'widths'])('knows %s is no entry here', (key) => {
    expect(entryAt(key, blocks)).toBeNull();
  });
});

describe('blockRows', () => {
  it("reads each block of the original network (the seed's numbers)", () => {
    const net = original();
    expect(blockRows(net, W1)).toEqual(seed.net.W[0]);
    expect(blockRows(net, beta1)).toEqual(seed.net.beta[0].map((v) => [v]));
    expect(blockRows(net, X0)).toEqual([[0.5], [-0.5]]);
  });
});

describe('formatBlock', () => {
  it('writes a matrix as rows split by ; and a vector as one line', () => {
    const net = original();
    expect(formatBlock(blockRows(net, W1), W1)).toBe('0.5, -2.5;\n1.2, 0.1;\n-0.7, -1.2');
    expect(formatBlock(blockRows(net, beta1), beta1)).toBe('-1.5, -1.3, 2');
  });
});

describe('readBlockText', () => {
  it('reads what formatBlock writes, and rows on one line', () => {
    const net = original();
    expect(readBlockText(formatBlock(blockRows(net, W1), W1), W1)).toEqual({ ok: true, rows: seed.net.W[0] });
    expect(readBlockText('0.5,-2.5; 1.2,0.1; -0.7,-1.2;', W1)).toEqual({ ok: true, rows: seed.net.W[0] });
    expect(readBlockText('-1.5\n-1.3\n2', beta1)).toEqual({ ok: true, rows: [[-1.5], [-1.3], [2]] });
  });

  it('names the shape and each bad entry', () => {
    expect(readBlockText('1, 2; 3, x; 5', W1)).toEqual({
      ok: false,
      problems: ['W1 row 3 has 1 entry, expected 2', 'W1 row 2 column 2: "x" is not a number'],
    });
    expect(readBlockText('1, 2', W2)).toEqual({ ok: false, problems: ['W2 row 1 has 2 entries, expected 3'] });
    expect(readBlockText('1, 2', beta1)).toEqual({ ok: false, problems: ['beta1 has 2 entries, expected 3'] });
  });

  it.each<[string, Block, string[]]>([
    ['1, 2, 3, 4', W2, ['W2 row 1 has 4 entries, expected 3']],
    ['1, 2; 3, 4; 5, 6; 7, 8', W1, ['W1 has 4 rows, expected 3']],
    ['', W2, ['W2 has 0 rows, expected 1']],
    ['1e400, 2, 3', W2, ['W2 row 1 column 1: "1e400" is too large (beyond a float64\'s range, about 1.8e308)']],
    ['NaN, 1, 2', beta1, ['beta1 entry 1: "NaN" is not allowed, entries must be finite numbers']],
    ['1, Infinity, 2', beta1, ['beta1 entry 2: "Infinity" is not allowed, entries must be finite numbers']],
  ])('refuses %j for %s, naming the row or entry', (text, block, problems) => {
    expect(readBlockText(text, block)).toEqual({ ok: false, problems });
  });

  it('reads -0 as 0', () => {
    const read = readBlockText('-0, 1, 2', beta1);
    expect(read.ok && Object.is(read.rows[0][0], 0)).toBe(true);
  });

  it('lists five bad entries and counts the rest', () => {
    const read = readBlockText(Array(3).fill('a, b').join(';'), W1);
    expect(read).toEqual({ ok: false, problems: expect.arrayContaining(['and 1 more entry that is not numbers']) });
    expect(!read.ok && read.problems).toHaveLength(6);
  });
});

describe('randomRows', () => {
  it('is seeded: the same seed, the same numbers; W within ±sqrt(3/cols), 3 decimals', () => {
    const [first, again, other] = [randomRows(W1, 3), randomRows(W1, 3), randomRows(W1, 4)];
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    const bound = Math.sqrt(3 / 2);
    for (const v of first.flat()) {
      expect(Math.abs(v)).toBeLessThanOrEqual(bound);
      expect(Math.round(v * 1000) / 1000).toBe(v);
    }
  });

  it('gives zero biases', () => {
    expect(randomRows(beta1, 1)).toEqual([[0], [0], [0]]);
  });
});

describe('reshapeNet', () => {
  it('keeps every value whose place still exists and fills new ones (random W and X0, zero beta)', () => {
    const { spec } = reshapeNet(original(), [3, 4, 2, 1], new Map());
    expect(() => validateNetSpec(spec)).not.toThrow();
    expect(spec.X0.slice(0, 2)).toEqual([0.5, -0.5]);
    // W1 was 3x2; now 4x3: the top-left 3x2 is the original.
    expect(spec.W[0].slice(0, 3).map((r) => r.slice(0, 2))).toEqual(seed.net.W[0]);
    expect(spec.beta[0]).toEqual([-1.5, -1.3, 2, 0]);
    // W2 was 1x3; now 2x4: row 1's first 3 entries are the original.
    expect(spec.W[1][0].slice(0, 3)).toEqual(seed.net.W[1][0]);
    expect(spec.beta[1]).toEqual([1, 0]);
    expect(spec.beta[2]).toEqual([0]);
    // New weights of W3 (1x2) are random, not zero, within their bound.
    expect(spec.W[2][0].every((v) => v !== 0 && Math.abs(v) <= Math.sqrt(3 / 2))).toBe(true);
  });

  it('fills the same widths with the same numbers (a link without weights always means one network)', () => {
    expect(reshapeNet(original(), [3, 4, 1], new Map()).spec).toEqual(reshapeNet(original(), [3, 4, 1], new Map()).spec);
  });

  it('brings back what narrower widths cut off: typing "2, 3, 1" through "2, 1, 1" loses nothing', () => {
    const narrow = reshapeNet(original(), [2, 1, 1], new Map());
    expect(narrow.spec.W[0]).toEqual([[0.5, -2.5]]);
    const back = reshapeNet(narrow.spec, [2, 3, 1], narrow.stash);
    expect(back.spec).toEqual(original());
    expect(back.stash.size).toBe(0);
  });

  it('round-trips any shrink and grow back', () => {
    const widthsArb = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 4 });
    fc.assert(
      fc.property(widthsArb, widthsArb, (a, b) => {
        const start = reshapeNet(original(), a, new Map()).spec;
        const there = reshapeNet(start, b, new Map());
        expect(reshapeNet(there.spec, a, there.stash).spec).toEqual(start);
      }),
    );
  });
});
