// Tests for the step-through view's state: stepping within the ends, keys, gradients known so far, and the check of the kernel's data.
import { describe, expect, it } from 'vitest';
import { originalNet } from '../../core/netspec';
import { backpropView } from '../../kernel/lesson/backpropView';
import type { BackpropView } from '../../kernel/protocol';
import { backpropViewProblem } from '../../kernel/backpropCheck';
import { knownGradients, stepActionForKey, stepReducer, type StepState } from './backpropState';

const start: StepState = { at: 0, count: 8, mode: 'dense' };

describe('stepReducer', () => {
  it('steps forward and back, and stays at either end (the same object)', () => {
    const one = stepReducer(start, { type: 'next' });
    expect(one.at).toBe(1);
    expect(stepReducer(one, { type: 'previous' }).at).toBe(0);
    expect(stepReducer(start, { type: 'previous' })).toBe(start);
    const end = stepReducer(start, { type: 'last' });
    expect(end.at).toBe(7);
    expect(stepReducer(end, { type: 'next' })).toBe(end);
    expect(stepReducer(end, { type: 'first' }).at).toBe(0);
  });

  it('switches the way the step is shown, keeping the step', () => {
    const at3 = { ...start, at: 3 };
    expect(stepReducer(at3, { type: 'mode', mode: 'vjp' })).toEqual({ at: 3, count: 8, mode: 'vjp' });
    expect(stepReducer(at3, { type: 'mode', mode: 'dense' })).toBe(at3);
  });
});

describe('stepActionForKey', () => {
  it.each([
    ['ArrowRight', 'next'],
    ['ArrowDown', 'next'],
    ['PageDown', 'next'],
    ['ArrowLeft', 'previous'],
    ['ArrowUp', 'previous'],
    ['PageUp', 'previous'],
    ['Home', 'first'],
    ['End', 'last'],
  ])('%s is %s', (key, type) => expect(stepActionForKey(key)).toEqual({ type }));

  it('leaves other keys alone', () => {
    expect(stepActionForKey('a')).toBeNull();
    expect(stepActionForKey('Enter')).toBeNull();
  });
});

describe('knownGradients', () => {
  const view = backpropView(originalNet());

  it('knows nothing at the forward pass, then each dl/dX_k as the steps reach it', () => {
    expect([...knownGradients(view, 0).keys()]).toEqual([]);
    expect([...knownGradients(view, 1).keys()]).toEqual([2]);
    expect([...knownGradients(view, 3).keys()].sort()).toEqual([0, 1, 2]);
    expect(knownGradients(view, 3).get(0)).toHaveLength(2);
  });
});

describe('backpropViewProblem', () => {
  const good = backpropView(originalNet());
  const withStep = (i: number, patch: object): BackpropView => ({ ...good, steps: good.steps.map((s, j) => (j === i ? { ...s, ...patch } : s)) });

  it('accepts what the kernel builds', () => {
    expect(backpropViewProblem(good)).toBeNull();
  });

  it.each([
    ['not an object', 'x', /not an object/],
    ['a bad network', { ...good, spec: { ...good.spec, widths: [2, 0, 1] } }, /^spec: .*widths/],
    ['X of the wrong shape', { ...good, X: [[1]] }, /X must hold X_0..X_2/],
    ['edges outside the network', withStep(2, { edges: 7 }), /steps\[2\]\.edges is 7, expected a layer 1..2/],
    ['a carried vector of the wrong width', withStep(1, { carried: { layer: 2, values: [1, 2] } }), /steps\[1\]\.carried\.values must be 1 numbers/],
    ['a formula that is not text', withStep(3, { tex: { dense: 1, vjp: '' } }), /steps\[3\]\.tex\.dense is not text/],
    ['no steps', { ...good, steps: [] }, /steps is not a list/],
  ])('names %s', (_, value, message) => {
    expect(backpropViewProblem(value)).toMatch(message);
  });
});
