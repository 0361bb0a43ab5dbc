// Tests that the hostile-markup detector used by the rendering tests catches what it must (else they prove nothing).
import { describe, expect, it } from 'vitest';
import { evilHost, unsafeMarkup } from './hostile';

describe('unsafeMarkup', () => {
  it.each([
    ['<p><script>x()</script></p>', ['<script> element']],
    ['<img src="x" onerror="x()"/>', ['onerror on <img>']],
    ['<a href="javascript:x()">a</a>', ['href="javascript:x()" on <a>']],
    ['<a href=" data:text/html,hi">a</a>', ['href="data:text/html,hi" on <a>']],
    [`<img src="https://${evilHost}/t.png" alt=""/>`, [`<img> loading from ${evilHost}`]],
    ['<span style="background:url(https://a.b/x.png)">y</span>', ['style with url() on <span>']],
    ['<svg onload="x()"><circle r="1"></circle></svg>', ['onload on <svg>']],
  ])('flags %s', (html, problems) => {
    expect(unsafeMarkup(html)).toEqual(problems);
  });

  it.each([
    '<p>&lt;img src=x onerror=&quot;x()&quot;&gt;</p>',
    '<span title="&lt;img onerror=x()&gt;">t</span>',
    '<a href="https://www.tensorflow.org/js" target="_blank" rel="noopener noreferrer">tf</a>',
    '<span class="katex-error" title="ParseError" style="color:#cc0000">\\href{javascript:x}</span>',
  ])('passes escaped text and ordinary markup: %s', (html) => {
    expect(unsafeMarkup(html)).toEqual([]);
  });
});
