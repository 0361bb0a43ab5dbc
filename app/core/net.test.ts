// Tests for the prepared (typed-array) network and the conversions around it.
import { describe, expect, it } from 'vitest';
import { allocGradients, prepareNet, toGradients, workspaceFor, type PreparedNet } from './net';
import { NetSpecError, originalNet } from './netspec';

describe('prepareNet', () => {
  it('copies the parameters row-major and shares X0 as X[0]', () => {
    const net = prepareNet(originalNet());
    expect(net.K).toBe(2);
    expect(net.activations.map((a) => a.name)).toEqual(['sigmoid', 'sigmoid']);
    expect(Array.from(net.W[0])).toEqual([0.5, -2.5, 1.2, 0.1, -0.7, -1.2]);
    expect(Array.from(net.X[0])).toEqual([0.5, -0.5]);
    expect(net.z.map((v) => v.length)).toEqual([3, 1]);
    expect(net.X.map((v) => v.length)).toEqual([2, 3, 1]);
  });

  it('validates the spec first', () => {
    expect(() => prepareNet({ ...originalNet(), X0: [1] })).toThrow(NetSpecError);
  });
});

describe('allocGradients', () => {
  it('sizes every buffer from the widths', () => {
    const g = allocGradients([2, 3, 1]);
    expect([g.dX, g.dW, g.dbeta].map((group) => group.map((b) => b.length))).toEqual([[2, 3, 1], [6, 3], [3, 1]]);
  });
});

describe('toGradients', () => {
  it('turns row-major dW back into rows, as copies', () => {
    const typed = allocGradients([2, 3, 1]);
    typed.dW[0].set([1, 2, 3, 4, 5, 6]);
    const plain = toGradients(typed, [2, 3, 1]);
    expect(plain.dW[0]).toEqual([[1, 2], [3, 4], [5, 6]]);
    typed.dW[0][0] = 9;
    expect(plain.dW[0][0][0]).toBe(1);
  });
});

describe('workspaceFor', () => {
  it('makes one workspace per network', () => {
    const cache = new WeakMap<PreparedNet, object>();
    const a = prepareNet(originalNet());
    const first = workspaceFor(cache, a, () => ({}));
    expect(workspaceFor(cache, a, () => ({}))).toBe(first);
    expect(workspaceFor(cache, prepareNet(originalNet()), () => ({}))).not.toBe(first);
  });
});
