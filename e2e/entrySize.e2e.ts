// The first screen's budget (design.md "Budgets"): the entry JavaScript, as served gzip-compressed, is at most 200 kB.
import { describe, expect, inject, it } from 'vitest';
import { measureEntry } from './siteSizes';

/** 200 kB, in bytes on the wire. */
const entryBudgetBytes = 200_000;

describe('measureEntry', () => {
  it('the entry script and its static imports weigh at most 200 kB as served (gzip)', async () => {
    const entry = await measureEntry(inject('siteUrl'));
    expect(entry.scripts.length).toBeGreaterThan(0);
    expect(entry.scripts.every((f) => f.wireBytes < f.rawBytes)).toBe(true); // served compressed
    expect(entry.scriptWireBytes).toBeLessThanOrEqual(entryBudgetBytes);
  });
});
