// Tests of the presenter's link, the channel's messages and typing a slide number.
import { describe, expect, it } from 'vitest';
import { isPresenterWindow, presenterHref, readPosition, typeSlideNumber } from './presenterSync';

describe('presenter window', () => {
  it('is the same address with the presenter flag', () => {
    const href = presenterHref('https://x.test/nb/?present=3#net');
    expect(new URL(href).searchParams.get('present')).toBe('3');
    expect(isPresenterWindow(new URL(href).search)).toBe(true);
    expect(isPresenterWindow('?present=3')).toBe(false);
  });
});

describe('readPosition', () => {
  it.each<[unknown, ReturnType<typeof readPosition>]>([
    [{ type: 'position', slide: 2, step: 1 }, { slide: 2, step: 1 }],
    [{ type: 'position', slide: 2.5, step: 0 }, null],
    [{ type: 'other', slide: 1, step: 0 }, null],
    ['position', null],
    [null, null],
  ])('%j -> %j', (data, expected) => {
    expect(readPosition(data)).toEqual(expected);
  });
});

describe('typeSlideNumber', () => {
  const type = (keys: string[]) => {
    let digits = '';
    const results: (number | null)[] = [];
    for (const key of keys) {
      const r = typeSlideNumber(digits, key);
      digits = r.digits;
      results.push(r.goTo);
    }
    return { digits, goTo: results.filter((r) => r !== null) };
  };
  it('1, 4, Enter goes to slide 14', () => expect(type(['1', '4', 'Enter'])).toEqual({ digits: '', goTo: [14] }));
  it('1, 0, Enter goes to slide 10 (0 after a digit is a digit)', () => expect(type(['1', '0', 'Enter'])).toEqual({ digits: '', goTo: [10] }));
  it('a lone 0 is not a slide number (it resets the size)', () => expect(typeSlideNumber('', '0').used).toBe(false));
  it('Enter with nothing typed is not used', () => expect(typeSlideNumber('', 'Enter').used).toBe(false));
  it('Escape forgets the digits; Backspace takes one back', () => {
    expect(type(['2', 'Escape', 'Enter'])).toEqual({ digits: '', goTo: [] });
    expect(type(['2', '3', 'Backspace', 'Enter'])).toEqual({ digits: '', goTo: [2] });
  });
});
