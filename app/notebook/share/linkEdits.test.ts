// Tests of edits in a link: base64url against Node's, encode/decode round trips, broken links, the hash around them.
import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { newCellState } from '../cellState';
import { contentHash } from '../contentHash';
import { parseHash } from '../params/urlHash';
import {
  base64UrlDecode,
  base64UrlEncode,
  decodeEdits,
  encodeEdits,
  linkEditsOf,
  maxInflatedBytes,
  otherVersionIds,
  type LinkEdit,
} from './linkEdits';

const edit = fc.record({ id: fc.string({ minLength: 1, maxLength: 30 }), originalHash: fc.string({ maxLength: 20 }), source: fc.string({ unit: 'grapheme', maxLength: 300 }) });

describe('base64UrlEncode', () => {
  it('agrees with Node\'s base64url for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(base64UrlEncode(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
      }),
    );
  });
});

describe('base64UrlDecode', () => {
  it('reads back what Node encodes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect([...base64UrlDecode(Buffer.from(bytes).toString('base64url'))]).toEqual([...bytes]);
      }),
    );
  });
  it.each([
    ['abc+', '"+" at position 3'],
    ['ab%2', '"%" at position 2'],
    ['abcde', '5 characters'],
  ])('refuses %j naming the problem (%s)', (text, problem) => {
    expect(() => base64UrlDecode(text)).toThrow(problem);
  });
});

describe('encodeEdits', () => {
  it('round-trips any edits through decodeEdits', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 6 }), (edits: LinkEdit[]) => {
        expect(decodeEdits(encodeEdits(edits))).toEqual({ ok: true, edits, structure: null });
      }),
    );
  });
  it('writes only URL-safe characters that the hash parser gives back unchanged', () => {
    const value = encodeEdits([{ id: '05-forward', originalHash: '12-0badf00d', source: 'const x = "é ∂ 😀";\n'.repeat(20) }]);
    expect(value).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(parseHash(`#widths=2,3,1&edits=${value}`).other.get('edits')).toBe(value);
  });
  it('compresses repetitive code well below its length', () => {
    const source = 'print(la.matmul(W1, X0));\n'.repeat(100);
    expect(encodeEdits([{ id: 'a', originalHash: 'h', source }]).length).toBeLessThan(source.length / 10);
  });
});

describe('decodeEdits', () => {
  const packed = (json: string): string => Buffer.from(deflateSync(strToU8(json))).toString('base64url');
  it.each([
    ['not base64url', 'abc*def', 'not a base64url character'],
    ['cut short', encodeEdits([{ id: 'a', originalHash: 'h', source: 'x'.repeat(50) + 'yz'.repeat(40) }]).slice(0, 12), 'damaged'],
    ['not JSON', packed('{nope'), 'not JSON'],
    ['another format', packed('{"v":9,"cells":[]}'), 'format 9'],
    ['cells not a list', packed('{"v":1,"cells":{}}'), '"cells" is not a list'],
    ['a bad entry', packed('{"v":1,"cells":[["a","h","x"],["b",3,"y"]]}'), 'entry 1 of "cells"'],
  ])('says what is wrong with a link whose edits are %s', (_case, value, message) => {
    const result = decodeEdits(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });
  it('refuses edits that unpack past the limit instead of filling memory', () => {
    const bomb = Buffer.from(deflateSync(new Uint8Array(maxInflatedBytes + 10))).toString('base64url');
    expect(bomb.length).toBeLessThan(3000);
    const result = decodeEdits(bomb);
    expect(result.ok ? '' : result.error).toContain('more than 1024 kB');
  });
});

describe('linkEditsOf', () => {
  it('takes only cells that differ from the lesson, with the hash of their original', () => {
    const a = newCellState({ id: '02-a', type: 'code', source: 'a()', group: 2 });
    const b = { ...newCellState({ id: '03-b', type: 'code', source: 'b()', group: 3 }), source: 'mine()' };
    expect(linkEditsOf([a, b])).toEqual([{ id: '03-b', originalHash: contentHash('b()'), source: 'mine()' }]);
  });
});

describe('otherVersionIds', () => {
  it('names edits written against another text of the cell, ignoring unknown ids', () => {
    const cells = [newCellState({ id: '02-a', type: 'code', source: 'a()', group: 2 }), newCellState({ id: '03-b', type: 'code', source: 'b()', group: 3 })];
    const edits = [
      { id: '02-a', originalHash: contentHash('a()'), source: 'x' },
      { id: '03-b', originalHash: contentHash('old b()'), source: 'y' },
      { id: '99-z', originalHash: 'h', source: 'z' },
    ];
    expect(otherVersionIds(cells, edits)).toEqual(['03-b']);
  });
});
