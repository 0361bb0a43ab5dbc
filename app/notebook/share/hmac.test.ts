// Tests of the synchronous SHA-256 and HMAC against Node's own crypto (an independent implementation) and RFC 4231's vectors.
import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hmacSha256Hex, sha256 } from './hmac';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('sha256', () => {
  it('gives FIPS 180-4\'s digest of "abc" and of the empty message', () => {
    expect(hex(sha256(new TextEncoder().encode('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256(new Uint8Array(0)))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
  it('agrees with Node\'s crypto on any bytes, across the block and padding boundaries', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(hex(sha256(bytes))).toBe(createHash('sha256').update(bytes).digest('hex'));
      }),
    );
  });
});

describe('hmacSha256Hex', () => {
  it('gives RFC 4231 test case 2 (key "Jefe")', () => {
    expect(hmacSha256Hex(new TextEncoder().encode('Jefe'), 'what do ya want for nothing?')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });
  it('agrees with Node\'s crypto for any key (longer than a block too) and any text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), fc.string({ unit: 'grapheme', maxLength: 200 }), (key, text) => {
        expect(hmacSha256Hex(key, text)).toBe(createHmac('sha256', key).update(text, 'utf8').digest('hex'));
      }),
    );
  });
});
