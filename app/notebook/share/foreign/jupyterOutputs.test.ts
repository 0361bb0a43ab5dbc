// Tests of reading saved Jupyter outputs: each kind, the choice within a bundle, and what is never put on the page.
import { describe, expect, it } from 'vitest';
import { jupyterOutputText, latexOf, maxImageChars, readJupyterOutput, readJupyterOutputs, stripAnsi } from './jupyterOutputs';

// A 1x1 transparent PNG, as matplotlib-free a picture as there is.
const pngBase64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

describe('readJupyterOutput', () => {
  it('reads a stream, joining its lines', () => {
    expect(readJupyterOutput({ output_type: 'stream', name: 'stderr', text: ['a\n', 'b\n'] })).toEqual({ kind: 'stream', name: 'stderr', text: 'a\nb\n' });
  });
  it('shows a PNG as a data URL, its base64 without the line breaks nbformat allows', () => {
    const out = readJupyterOutput({ output_type: 'display_data', data: { 'image/png': `${pngBase64.slice(0, 20)}\n${pngBase64.slice(20)}`, 'text/plain': ['<Figure>'] }, metadata: {} });
    expect(out).toEqual({ kind: 'image', mime: 'image/png', url: `data:image/png;base64,${pngBase64}` });
  });
  it('puts an SVG in a data URL, escaped, never as markup on the page', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><circle r="1"/></svg>';
    const out = readJupyterOutput({ output_type: 'display_data', data: { 'image/svg+xml': svg }, metadata: {} });
    expect(out.kind).toBe('image');
    if (out.kind !== 'image') return;
    expect(out.url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(out.url).not.toContain('<');
    expect(decodeURIComponent(out.url.slice(out.url.indexOf(',') + 1))).toBe(svg);
  });
  it('refuses base64 that is not base64, and an image larger than the limit', () => {
    expect(readJupyterOutput({ output_type: 'display_data', data: { 'image/png': 'abc"><script>' }, metadata: {} })).toEqual({ kind: 'unshown', mimes: ['image/png'] });
    expect(readJupyterOutput({ output_type: 'display_data', data: { 'image/png': 'A'.repeat(maxImageChars + 4), 'text/plain': 'big' }, metadata: {} })).toEqual({ kind: 'text', text: 'big' });
  });
  it('prefers markdown, then LaTeX, then plain text; HTML alone is never shown', () => {
    const bundle = { 'text/html': '<b>x</b>', 'text/markdown': '**x**', 'text/latex': '$x$', 'text/plain': 'x' };
    expect(readJupyterOutput({ output_type: 'execute_result', execution_count: 1, data: bundle, metadata: {} })).toEqual({ kind: 'markdown', source: '**x**' });
    expect(readJupyterOutput({ output_type: 'execute_result', data: { 'text/latex': '$$x^2$$', 'text/plain': 'x' } })).toEqual({ kind: 'latex', tex: 'x^2', display: true });
    expect(readJupyterOutput({ output_type: 'display_data', data: { 'text/html': '<img src=x onerror=alert(1)>' } })).toEqual({ kind: 'unshown', mimes: ['text/html'] });
  });
  it('reads an error with its traceback, colours taken out', () => {
    const out = readJupyterOutput({ output_type: 'error', ename: 'ZeroDivisionError', evalue: 'division by zero', traceback: ['\u001b[0;31mZeroDivisionError\u001b[0m', 'x'] });
    expect(out).toEqual({ kind: 'error', name: 'ZeroDivisionError', message: 'division by zero', traceback: 'ZeroDivisionError\nx' });
  });
  it.each([null, 3, 'x', { output_type: 'widget' }, { output_type: 'display_data', data: 'x' }])('says %j is not shown, never throws', (raw) => {
    expect(readJupyterOutput(raw).kind).toBe('unshown');
  });
});

describe('readJupyterOutputs', () => {
  it('reads every output in order, and none when a cell has no list', () => {
    expect(readJupyterOutputs({ outputs: [{ output_type: 'stream', name: 'stdout', text: '1' }, { output_type: 'execute_result', data: { 'text/plain': '2' } }] }).map((o) => o.kind)).toEqual(['stream', 'text']);
    expect(readJupyterOutputs({ outputs: 'x' })).toEqual([]);
  });
});

describe('latexOf', () => {
  it.each([
    ['$$a$$', { tex: 'a', display: true }],
    ['$a$', { tex: 'a', display: false }],
    ['\\begin{equation}a\\end{equation}', { tex: '\\begin{equation}a\\end{equation}', display: true }],
  ])('reads %j', (text, expected) => expect(latexOf(text)).toEqual(expected));
});

describe('stripAnsi and jupyterOutputText', () => {
  it('takes out colour codes and writes each kind as text', () => {
    expect(stripAnsi('\u001b[1;32mok\u001b[0m')).toBe('ok');
    expect(jupyterOutputText({ kind: 'image', mime: 'image/png', url: 'data:' })).toBe('[image/png image]');
    expect(jupyterOutputText({ kind: 'unshown', mimes: ['text/html'] })).toBe('[output of type text/html]');
  });
});
