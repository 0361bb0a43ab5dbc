// Tests of the presentation's zoom, scale steps, URL flag and saved preferences.
import { describe, expect, it } from 'vitest';
import { defaultPrefs, fitZoom, parsePrefs, readPresentParam, scaleSteps, stepScale, withPresentParam } from './presentView';

describe('fitZoom', () => {
  it.each<[number, number, number]>([
    [1280, 720, 1],
    // 1080p: 1.2, so 20 px text is 24 px and the slide has 1600x900 of its own pixels (not 720p's 1280x720 scaled).
    [1920, 1080, 1.2],
    [2560, 1440, 1.6],
    // 16:10 and 4:3 screens: the height or the width limits.
    [1920, 1200, 1.2],
    [1024, 768, 1],
    [3840, 1080, 1.2],
    // Phones keep readable text rather than shrinking the slide.
    [390, 844, 1],
  ])('%i x %i -> %d', (w, h, expected) => {
    expect(fitZoom(w, h)).toBeCloseTo(expected, 12);
  });
});

describe('stepScale', () => {
  it.each<[number, 1 | -1, number]>([
    [1, 1, 1.1],
    [1, -1, 0.9],
    [3, 1, 3],
    [0.5, -1, 0.5],
    [1.05, 1, 1.1],
    [1.05, -1, 1],
  ])('%d, %i -> %d', (scale, direction, expected) => {
    expect(stepScale(scale, direction)).toBe(expected);
  });

  it('walks every step up and back down', () => {
    let s: number = scaleSteps[0];
    const up = [s];
    while (s < scaleSteps[scaleSteps.length - 1]) up.push((s = stepScale(s, 1)));
    expect(up).toEqual([...scaleSteps]);
  });
});

describe('readPresentParam', () => {
  it.each<[string, number | null]>([
    ['', null],
    ['?backend=cpu', null],
    ['?present', 1],
    ['?present=', 1],
    ['?present=3', 3],
    ['?backend=cpu&present=12', 12],
    ['?present=0', 1],
    ['?present=-2', 1],
    ['?present=2.5', 1],
    ['?present=abc', 1],
  ])('%j -> %s', (search, expected) => {
    expect(readPresentParam(search)).toBe(expected);
  });
});

describe('withPresentParam', () => {
  const hash = '#widths=2,3,1&act=sigmoid&W1=0.5,-2.5;1.2,0.1;-0.7,-1.2';
  it.each<[string, number | null, string]>([
    ['https://u.github.io/repo/', 3, 'https://u.github.io/repo/?present=3'],
    [`https://u.github.io/repo/?backend=cpu${hash}`, 2, `https://u.github.io/repo/?backend=cpu&present=2${hash}`],
    [`https://u.github.io/repo/?present=2${hash}`, 5, `https://u.github.io/repo/?present=5${hash}`],
    [`https://u.github.io/repo/?present=2${hash}`, null, `https://u.github.io/repo/${hash}`],
    ['https://u.github.io/repo/?backend=wasm&present=2', null, 'https://u.github.io/repo/?backend=wasm'],
  ])('%s, %s -> %s', (href, slide, expected) => {
    expect(withPresentParam(href, slide)).toBe(expected);
  });

  it('round-trips with readPresentParam', () => {
    expect(readPresentParam(new URL(withPresentParam('https://x.org/a/?b=1#c', 7)).search)).toBe(7);
  });
});

describe('parsePrefs', () => {
  it.each<[string | null, typeof defaultPrefs]>([
    [null, { highContrast: false, scale: 1 }],
    ['{"highContrast":true,"scale":1.25}', { highContrast: true, scale: 1.25 }],
    ['{"highContrast":"yes","scale":1.25}', { highContrast: false, scale: 1.25 }],
    ['{"highContrast":true,"scale":1.3}', { highContrast: true, scale: 1 }],
    ['{"highContrast":true,"scale":"2"}', { highContrast: true, scale: 1 }],
    ['not json', { highContrast: false, scale: 1 }],
    ['null', { highContrast: false, scale: 1 }],
  ])('%j -> %o', (raw, expected) => {
    expect(parsePrefs(raw)).toEqual(expected);
  });
});
