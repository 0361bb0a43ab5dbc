// Tests of the edits= part of the hash: replaced or removed with every other part kept as written.
import { describe, expect, it } from 'vitest';
import { editsInHash, hashWithEdits } from './hashEdits';

describe('hashWithEdits', () => {
  const network = '#widths=2,3,1&act=sigmoid&W1=0.5,-2.5;1.2,0.1;-0.7,-1.2';
  it.each([
    [network, 'ABC', `${network}&edits=ABC`],
    [`${network}&edits=OLD&x=1`, 'NEW', `${network}&x=1&edits=NEW`],
    [`${network}&edits=OLD`, null, network],
    ['#edits=OLD', null, ''],
    ['', 'ABC', '#edits=ABC'],
  ])('%j with edits %j reads %j', (hash, value, expected) => {
    expect(hashWithEdits(hash, value)).toBe(expected);
  });
});

describe('editsInHash', () => {
  it.each([
    ['#widths=2,3,1&edits=ABC', 'ABC'],
    ['#widths=2,3,1', null],
    ['', null],
  ])('%j gives %j', (hash, value) => {
    expect(editsInHash(hash)).toBe(value);
  });
});
