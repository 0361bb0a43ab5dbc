// Tests for which URLs the page loads by itself: its own site's images, and figures' images carried inside them.
import { describe, expect, it } from 'vitest';
import { isSameSiteImage, safeLinkUrl, withoutForeignImages } from './localUrl';
import { evilHost } from './testing/hostile';

describe('isSameSiteImage', () => {
  it.each([
    ['./a.png', true],
    ['img/a.png', true],
    ['/jacobian-notebook/a.png', true],
    ['', false],
    [undefined, false],
    [`https://${evilHost}/a.png`, false],
    [`//${evilHost}/a.png`, false],
    ['data:image/png;base64,AAAA', false],
    ['javascript:alert(1)', false],
    // Browsers read a backslash as a slash: these name another host.
    [`/\\${evilHost}/a.png`, false],
    [`\\\\${evilHost}/a.png`, false],
    [`\t//${evilHost}/a.png`, false],
    [` https://${evilHost}/a.png`, false],
  ])('%j: %s', (src, same) => {
    expect(isSameSiteImage(src)).toBe(same);
  });
});

describe('withoutForeignImages', () => {
  it("keeps a figure's own and embedded images, leaves out another site's and counts them", () => {
    const own = { source: './logo.png', x: 0 };
    const embedded = { source: 'data:image/png;base64,iVBORw0KGgo=' };
    const layout = { title: { text: 't' }, images: [own, { source: `https://${evilHost}/track.png` }, embedded, { source: `//${evilHost}/t.png` }, { x: 1 }] };
    expect(withoutForeignImages(layout)).toEqual({ layout: { title: { text: 't' }, images: [own, embedded] }, dropped: 3 });
  });

  it('leaves a layout without images as it is', () => {
    const layout = { title: { text: 't' } };
    expect(withoutForeignImages(layout)).toEqual({ layout, dropped: 0 });
    expect(withoutForeignImages(undefined)).toEqual({ layout: undefined, dropped: 0 });
  });
});

describe('safeLinkUrl', () => {
  it.each([
    ['https://example.org/a', 'https://example.org/a'],
    ['./b', 'https://page.invalid/notebook/b'],
    [`/\\${evilHost}/x`, `https://${evilHost}/x`],
    ['javascript:alert(1)', null],
    [' JAVASCRIPT:alert(1)', null],
    ['data:text/html,<b>', null],
    ['', null],
  ])('%j -> %j', (href, url) => {
    expect(safeLinkUrl(href)).toBe(url);
  });
});
