// Hostile content for tests (unit and browser): strings that would run script or reach another site if shown as HTML.

/** What a successful injection would run; the browser test checks that `window.__pwned` stays undefined. */
export const pwn = 'window.__pwned=1';

/** A host the page must never contact; any request to it is a leak. */
export const evilHost = 'evil.example';

/** HTML, links and pseudo-HTML that must show as text (or not at all), never run. */
export const hostileStrings: readonly string[] = [
  `<script>${pwn}</script>`,
  `<img src=x onerror="${pwn}">`,
  `<svg onload="${pwn}"><circle r=1 /></svg>`,
  `<iframe src="javascript:${pwn}"></iframe>`,
  `<a href="javascript:${pwn}">a link</a>`,
  `"><img src=x onerror=${pwn}>`,
  `<style>@import url(https://${evilHost}/s.css);</style>`,
  `<img src="https://${evilHost}/pixel.png">`,
];

/** Markdown that tries the same through markdown's own syntax. */
export const hostileMarkdown: readonly string[] = [
  ...hostileStrings,
  `[a javascript link](javascript:${pwn})`,
  `[a data link](data:text/html,<script>${pwn}</script>)`,
  `[a vbscript link](vbscript:msgbox(1))`,
  `<javascript:${pwn}>`,
  `![an image of another site](https://${evilHost}/track.png)`,
  `![a protocol-relative image](//${evilHost}/track.png)`,
  `![a javascript image](javascript:${pwn})`,
  `[ref link][r]\n\n[r]: javascript:${pwn}`,
];

/** TeX that KaTeX would turn into links, classes, ids, data attributes, styles or images if trusted. */
export const hostileTex: readonly string[] = [
  `\\href{javascript:${pwn}}{click}`,
  `\\url{javascript:${pwn}}`,
  `\\href{https://${evilHost}/}{x}`,
  `\\htmlClass{x" onmouseover="${pwn}}{y}`,
  `\\htmlId{x" onmouseover="${pwn}}{y}`,
  `\\htmlData{onerror=${pwn}}{y}`,
  `\\htmlStyle{background:url(https://${evilHost}/x.png)}{y}`,
  `\\includegraphics{https://${evilHost}/x.png}`,
];

/** Every hostile piece as one markdown text, each inline formula in `$...$`. */
export const hostileMarkdownText = (): string => [...hostileMarkdown, ...hostileTex.map((tex) => `$${tex}$`)].join('\n\n');

/** A cell's code that shows every hostile string through each kind of output, then throws one. */
export const hostileCellCode = (): string =>
  [
    `const h: string[] = ${JSON.stringify(hostileStrings)};`,
    'for (const s of h) print(s);',
    'console.error(h[1]);',
    `display.markdown(${JSON.stringify(hostileMarkdownText())});`,
    `for (const t of ${JSON.stringify(hostileTex)}) display.latex(t);`,
    'display.table(h.slice(0, 3), h.map((s) => [s, 1, s]), { caption: h[1] });',
    'display.matrix([[1, 2]], { label: h[0] });',
    '// display.network checks the network: its message quotes the name, as text.',
    'try { display.network({ ...params, activation: h[1] as NetSpec["activation"] }); } catch (e) { display.markdown((e as Error).message); }',
    '// Plotly renders a subset of HTML in titles, annotations and hover labels: none of it may run or load.',
    'display.plot({',
    "  data: [{ x: [1, 2, 3], y: [1, 3, 2], mode: 'lines+markers', name: h[1], text: h.slice(0, 3), hovertemplate: h[1] + '%{text}<extra>' + h[0] + '</extra>' }],",
    '  layout: {',
    `    title: { text: h[1] + '<a href="javascript:${pwn}">click</a>' + h[2] },`,
    "    xaxis: { title: { text: h[5] } },",
    "    yaxis: { title: { text: '<b onmouseover=\"" + pwn + "\">y</b>' } },",
    '    annotations: [{ x: 2, y: 3, text: h[1] + h[2], showarrow: true }],',
    `    images: [{ source: 'https://${evilHost}/plot.png', x: 0, y: 1, sizex: 1, sizey: 1, xref: 'paper', yref: 'paper' }],`,
    '  },',
    '});',
    'throw new Error(h[1]);',
  ].join('\n');

const dangerousTags = new Set(['script', 'iframe', 'object', 'embed', 'style', 'link', 'meta', 'base', 'form', 'frame']);

/**
 * What in server-rendered markup could run script or fetch from another site: a dangerous element,
 * an `on*` handler attribute, a `javascript:`/`data:`/`vbscript:` URL, an image or style from
 * another site. Tags and attributes are read as React and KaTeX write them (values in double quotes).
 */
export function unsafeMarkup(html: string): string[] {
  const problems: string[] = [];
  for (const tag of html.matchAll(/<([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    const name = tag[1].toLowerCase();
    if (dangerousTags.has(name)) problems.push(`<${name}> element`);
    for (const attr of tag[2].matchAll(/\s+([^\s=>/]+)(?:="([^"]*)")?/g)) {
      const attrName = attr[1].toLowerCase();
      const value = (attr[2] ?? '').replace(/&amp;/g, '&').trim();
      if (attrName.startsWith('on')) problems.push(`${attrName} on <${name}>`);
      if (['href', 'src', 'xlink:href', 'action', 'formaction', 'srcset'].includes(attrName) && /^\s*(javascript|data|vbscript):/i.test(value)) {
        problems.push(`${attrName}="${value.slice(0, 30)}" on <${name}>`);
      }
      if (['src', 'srcset'].includes(attrName) && value.includes(evilHost)) problems.push(`<${name}> loading from ${evilHost}`);
      if (attrName === 'style' && /url\(/i.test(value)) problems.push(`style with url() on <${name}>`);
    }
  }
  return problems;
}
