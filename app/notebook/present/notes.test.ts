// Tests of reading speaker notes out of a text cell.
import { describe, expect, it } from 'vitest';
import { speakerNotes, withoutSpeakerNotes } from './notes';

describe('speakerNotes', () => {
  it.each<[string, string, string[]]>([
    ['none', '# Title\n\nText.', []],
    ['one', '# Title\n<!-- notes: Ask who has seen a Jacobian. -->\nText.', ['Ask who has seen a Jacobian.']],
    ['over several lines, without the colon', 'a\n<!-- notes\nFirst this.\nThen that.\n-->', ['First this.\nThen that.']],
    ['two, in order', '<!-- notes: one --> x <!-- Notes: two -->', ['one', 'two']],
    ['an ordinary comment is not a note', '<!-- todo: fix -->', []],
    ['an example in a code fence is not a note', '```\n<!-- notes: example -->\n```\n<!-- notes: real -->', ['real']],
    ['nor in a code span', 'write `<!-- notes: x -->` to add one', []],
  ])('%s', (_what, markdown, expected) => {
    expect(speakerNotes(markdown)).toEqual(expected);
  });
});

describe('withoutSpeakerNotes', () => {
  it.each<[string, string]>([
    ['# T\n<!-- notes: say this -->\nText.', '# T\n\nText.'],
    ['keep `<!-- notes: x -->` as written', 'keep `<!-- notes: x -->` as written'],
    ['```\n<!-- notes: example -->\n```\n<!-- notes: real -->', '```\n<!-- notes: example -->\n```\n'],
    ['<!-- other comment -->', '<!-- other comment -->'],
  ])('%j -> %j', (markdown, expected) => {
    expect(withoutSpeakerNotes(markdown)).toBe(expected);
  });
});
