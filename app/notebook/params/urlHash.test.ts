// Tests for the URL hash format: the design's example, round trips, and every bad value named.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import seed from '../../../reference/seed-values.json' with { type: 'json' };
import type { ActivationName, NetSpec } from '../../core/types';
import { classifyNumber, parseHash, parseNumber, serializeHash } from './urlHash';

const designExample =
  '#widths=2,3,1&act=sigmoid&X0=0.5,-0.5&W1=0.5,-2.5;1.2,0.1;-0.7,-1.2&beta1=-1.5,-1.3,2&W2=-1.5,0.2,0.5&beta2=1';

describe('parseHash', () => {
  it("reads the design's example as the original notebook's network", () => {
    const parsed = parseHash(designExample);
    expect(parsed.errors).toEqual([]);
    expect(parsed.hasNetwork).toBe(true);
    expect(parsed.candidate).toEqual(seed.net);
  });

  it('reads an empty hash as saying nothing about the network', () => {
    for (const hash of ['', '#', '#  ']) {
      const parsed = parseHash(hash);
      expect(parsed.hasNetwork).toBe(false);
      expect(parsed.errors).toEqual([]);
    }
  });

  it.each([
    ['X0=abc,1', 'X0[0] is not a finite number ("abc")'],
    ['X0=0.5,NaN', 'X0[1] is not a finite number ("NaN")'],
    ['X0=Infinity', 'X0[0] is not a finite number ("Infinity")'],
    ['X0=1e400', 'X0[0] is too large for a float64 ("1e400")'],
    ['X0=1,,2', 'X0[1] is empty'],
    ['W1=1,2;3,x', 'W1[1][1] is not a finite number ("x")'],
    ['beta2=0x10', 'beta2[0] is not a finite number ("0x10")'],
    ['W0=1', 'W0: layers are numbered from 1'],
    ['X0=%E0%A4%A', 'the link\'s "X0=%E0%A4%A" is not valid URL encoding'],
    ['W1=%ZZ', 'the link\'s "W1=%ZZ" is not valid URL encoding'],
    ['%ZZ=1', 'the link\'s "%ZZ=1" is not valid URL encoding'],
    ['X0=1,2&X0=3,4', 'X0 appears twice in the link: keep one'],
  ])('names the bad value in %s', (hash, message) => {
    expect(parseHash('#' + hash).errors).toEqual([message]);
  });

  it('counts a network key with a value that is not URL-decodable as the link setting the network', () => {
    expect(parseHash('#X0=%ZZ').hasNetwork).toBe(true);
  });

  it("passes another feature's value that is not URL-decodable on as written, for that feature to name", () => {
    const parsed = parseHash('#edits=%ZZ');
    expect(parsed.errors).toEqual([]);
    expect(parsed.other.get('edits')).toBe('%ZZ');
  });

  it('keeps keys it does not own for other features', () => {
    const parsed = parseHash('#widths=1,1&edits=abc%20def');
    expect(parsed.other.get('edits')).toBe('abc def');
  });

  // Found by hostile links: an index this large once sized an array of 4 billion entries at start
  // (a RangeError, and the notebook never rendered). 16 layers: netLimits.maxLayers.
  it.each([
    ['beta4294967295=1', 'beta4294967295: the network has at most 16 layers'],
    ['W100000000=1', 'W100000000: the network has at most 16 layers'],
    ['W17=1', 'W17: the network has at most 16 layers'],
    ['beta99999999999999999999=1', 'beta99999999999999999999: the network has at most 16 layers'],
  ])('refuses the layer number of %s before sizing anything, naming the key', (pair, message) => {
    const parsed = parseHash(`#widths=2,3,1&${pair}`);
    expect(parsed.errors).toEqual([message]);
    expect(parsed.hasNetwork).toBe(true);
    expect(parsed.candidate.W ?? []).toHaveLength(0);
    expect(parsed.candidate.beta ?? []).toHaveLength(0);
  });

  it('reads the last layer the limits allow', () => {
    expect(parseHash('#W16=1').candidate.W).toHaveLength(16);
  });

  it('leaves a gap where a layer is missing so validation can name it', () => {
    const parsed = parseHash('#W1=1&W3=2');
    expect(parsed.candidate.W).toEqual([[[1]], null, [[2]]]);
  });
});

describe('parseNumber', () => {
  it.each([
    ['-0', 0],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['-2.', -2],
    ['1e-3', 0.001],
    [' 7 ', 7],
  ])('reads %s', (text, value) => {
    expect(Object.is(parseNumber(text, 'x'), value)).toBe(true);
  });
  it('refuses a comma decimal', () => {
    expect(() => parseNumber('0,5', 'X0[0]')).toThrow('X0[0] is not a finite number ("0,5")');
  });
});

const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((x) => (x === 0 ? 0 : x));

const netArbitrary: fc.Arbitrary<NetSpec> = fc
  .array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 5 })
  .chain((widths) =>
    fc.record({
      widths: fc.constant(widths),
      activation: fc.constantFrom<ActivationName>('sigmoid', 'tanh', 'relu', 'leakyRelu'),
      X0: fc.array(finite, { minLength: widths[0], maxLength: widths[0] }),
      W: fc.tuple(
        ...widths.slice(1).map((rows, k) =>
          fc.array(fc.array(finite, { minLength: widths[k], maxLength: widths[k] }), { minLength: rows, maxLength: rows }),
        ),
      ),
      beta: fc.tuple(...widths.slice(1).map((n) => fc.array(finite, { minLength: n, maxLength: n }))),
    }),
  );

describe('classifyNumber', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['0,5', 'commaDecimal'],
    ['-1,25', 'commaDecimal'],
    ['abc', 'notANumber'],
    ['0x10', 'notANumber'],
    ['1.2.3', 'notANumber'],
    ['NaN', 'notFinite'],
    ['Infinity', 'notFinite'],
    ['-inf', 'notFinite'],
    ['1e400', 'overflow'],
    ['-1e309', 'overflow'],
  ])('says why %j is not a number: %s', (text, problem) => {
    expect(classifyNumber(text)).toEqual({ problem });
  });

  it.each([
    ['-0', 0],
    ['+3', 3],
    ['1e-400', 0],
    ['2.5e3', 2500],
  ])('reads %j as %d', (text, value) => {
    const read = classifyNumber(text);
    expect('value' in read && Object.is(read.value, value)).toBe(true);
  });
});

describe('serializeHash', () => {
  it('writes only the other keys without a network, and nothing when there are none', () => {
    expect(serializeHash(null, new Map([['edits', 'a b']]))).toBe('#edits=a%20b');
    expect(serializeHash(null)).toBe('');
  });

  it("writes the original network exactly as the design's example", () => {
    expect(serializeHash(seed.net as NetSpec)).toBe(designExample);
  });

  it('round-trips any network and the other keys', () => {
    fc.assert(
      fc.property(netArbitrary, fc.string(), (spec, edits) => {
        const other = new Map([['edits', edits]]);
        const parsed = parseHash(serializeHash(spec, other));
        expect(parsed.errors).toEqual([]);
        expect(parsed.candidate).toEqual(spec);
        expect(parsed.other).toEqual(other);
      }),
    );
  });
});
