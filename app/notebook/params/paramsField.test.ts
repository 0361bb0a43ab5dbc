// Tests for reading the panel's fields: every bad number named at its field, widths refused with the reason.
import { describe, expect, it } from 'vitest';
import { estimateDenseMs, readBatch, readNumber, readWidths, slowDenseWarning } from './paramsField';

describe('readNumber', () => {
  it.each([
    ['', 'X0 entry 1 is empty: type a number'],
    ['  ', 'X0 entry 1 is empty: type a number'],
    ['abc', 'X0 entry 1: "abc" is not a number'],
    ['NaN', 'X0 entry 1: "NaN" is not allowed, entries must be finite numbers'],
    ['Infinity', 'X0 entry 1: "Infinity" is not allowed, entries must be finite numbers'],
    ['-Infinity', 'X0 entry 1: "-Infinity" is not allowed, entries must be finite numbers'],
    ['1e400', 'X0 entry 1: "1e400" is too large (beyond a float64\'s range, about 1.8e308)'],
    ['0,5', 'X0 entry 1: "0,5" has a decimal comma: write 0.5'],
    ['-1,25', 'X0 entry 1: "-1,25" has a decimal comma: write -1.25'],
    ['0x1f', 'X0 entry 1: "0x1f" is not a number'],
    ['1 2', 'X0 entry 1: "1 2" is not a number'],
  ])('refuses %j with a message naming the field', (text, message) => {
    expect(readNumber(text, 'X0 entry 1')).toEqual({ ok: false, message });
  });

  it.each([
    ['-0', 0],
    ['0.5', 0.5],
    [' -2.5e-1 ', -0.25],
    ['.5', 0.5],
    ['1e308', 1e308],
  ])('reads %j as %d', (text, value) => {
    const read = readNumber(text, 'x');
    expect(read.ok).toBe(true);
    // Object.is: -0 must come back as +0, so the hash never shows "-0".
    expect(read.ok && Object.is(read.value, value)).toBe(true);
  });
});

describe('readWidths', () => {
  it.each([
    ['2, 3, 1', [2, 3, 1]],
    ['2,3,1', [2, 3, 1]],
    [' 3 4 2 1 ', [3, 4, 2, 1]],
    ['4096, 1', [4096, 1]],
  ])('reads %j', (text, widths) => {
    expect(readWidths(text)).toEqual({ ok: true, value: widths });
  });

  it.each([
    ['', 'Widths are empty: type the layer widths, e.g. 2, 3, 1'],
    ['3', 'Widths need at least 2 entries (input and output width), got 1'],
    ['2, 0, 1', 'Width 2 is 0: a layer needs at least 1 unit'],
    ['2, -3, 1', 'Width 2 is -3: a layer needs at least 1 unit'],
    ['2, 2.5, 1', 'Width 2 is 2.5: widths are whole numbers'],
    ['2, abc', 'Width 2 ("abc") is not a whole number'],
    ['2, NaN, 1', 'Width 2 ("NaN") is not a whole number'],
    ['2, Infinity, 1', 'Width 2 ("Infinity") is not a whole number'],
    ['2, 1e400, 1', 'Width 2 ("1e400") is not a whole number'],
    ['2, -0, 1', 'Width 2 is 0: a layer needs at least 1 unit'],
    ['2,,1', 'Widths have an empty entry between two commas: type a width there or remove a comma'],
    ['2, 10000, 1', 'Width 2 is 10,000: at most 4,096 units per layer (the dense method\'s matrices would not fit in memory)'],
    ['2, 5000', 'Width 2 is 5,000: at most 4,096 units per layer (the dense method\'s matrices would not fit in memory)'],
    // 4096 x 4096 + 4096 + 4096 x 1 + 1 = 16,785,409 parameters, four times the limit.
    ['4096, 4096, 1', 'These widths give 16,785,409 parameters: at most 4,194,304 (memory for a browser tab)'],
    [Array(18).fill(1).join(','), 'Widths have 18 entries: at most 17 (16 layers)'],
  ])('refuses %j with the reason', (text, message) => {
    expect(readWidths(text)).toEqual({ ok: false, message });
  });
});

describe('estimateDenseMs', () => {
  it('counts the dense operations of the 2-3-1 network, and its forward pass, at 2 ns each, per sample', () => {
    // By hand: layer 1 (c=3, p=2): 27*2 + 2*9*2 + 3*2 + 9 = 105; layer 2 (c=1, p=3): 3 + 6 + 3 + 1 = 13;
    // the forward pass W_k X_{k-1}: 3*2 + 1*3 = 9. The dense method runs once per sample.
    expect(estimateDenseMs([2, 3, 1])).toBeCloseTo(((118 + 9) * 2) / 1e6, 12);
    expect(estimateDenseMs([2, 3, 1], 4)).toBeCloseTo((4 * (118 + 9) * 2) / 1e6, 12);
  });
});

describe('slowDenseWarning', () => {
  it('stays quiet where the dense method is fast', () => {
    expect(slowDenseWarning([2, 3, 1])).toBeNull();
    expect(slowDenseWarning([64, 64, 1])).toBeNull(); // 64^4 ops ~ 34 ms
  });

  it('warns with an estimate where it is slow', () => {
    // Width 512: ~512^4 = 6.9e10 ops, at 2 ns each about 137 s.
    expect(slowDenseWarning([512, 512, 1])).toContain('about 2.3 minutes per gradient');
    expect(slowDenseWarning([160, 160, 1])).toContain('about 1.3 s per gradient');
  });
});

describe('readBatch', () => {
  it.each([
    ['4', 4],
    [' 1 ', 1],
    ['1024', 1024],
  ])('reads %j as %i samples', (text, B) => {
    expect(readBatch(text)).toEqual({ ok: true, value: B });
  });

  it.each([
    ['', 'Batch size ("") is not a whole number: type how many samples, e.g. 4'],
    ['abc', 'Batch size ("abc") is not a whole number: type how many samples, e.g. 4'],
    ['0', 'Batch size is 0: a batch is a whole number of samples, at least 1'],
    ['2.5', 'Batch size is 2.5: a batch is a whole number of samples, at least 1'],
    ['1025', 'Batch size is 1,025: at most 1,024 samples'],
  ])('refuses %j with the reason', (text, message) => {
    expect(readBatch(text)).toEqual({ ok: false, message });
  });
});
