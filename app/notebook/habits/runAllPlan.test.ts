// Run all's plan: everything when all code is trusted, a question when some waits for trust.
import { describe, expect, it } from 'vitest';
import type { CellState } from '../cellState';
import { runAllPlan } from './runAllPlan';

type Shape = Pick<CellState, 'id' | 'type' | 'untrusted'>;
const code = (id: string, untrusted = false): Shape => ({ id, type: 'code', untrusted: untrusted ? { origin: 'link', displaced: '' } : null });
const text = (id: string, untrusted = false): Shape => ({ ...code(id, untrusted), type: 'markdown' });

describe('runAllPlan', () => {
  it('runs every code cell in order when all are trusted (text cells are not run)', () => {
    expect(runAllPlan([text('01'), code('02'), text('03'), code('04')])).toEqual({ kind: 'run', ids: ['02', '04'] });
  });

  it('asks when code waits for trust, offering the trusted code cells above the first untrusted one only', () => {
    expect(runAllPlan([code('02'), text('03'), code('04'), code('06', true), code('08'), code('10', true)])).toEqual({
      kind: 'ask',
      untrusted: ['06', '10'],
      before: ['02', '04'],
    });
  });

  it('offers nothing to run when the first code cell is the untrusted one', () => {
    expect(runAllPlan([text('01'), code('02', true), code('04')])).toEqual({ kind: 'ask', untrusted: ['02'], before: [] });
  });

  it('does not ask about an untrusted text cell: Run all runs code only', () => {
    expect(runAllPlan([text('01', true), code('02')])).toEqual({ kind: 'run', ids: ['02'] });
  });
});
