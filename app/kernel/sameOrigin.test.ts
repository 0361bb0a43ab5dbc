// Tests for keeping the kernel on its own site: which URLs leave it, and each guarded way out refusing them.
import { describe, expect, it } from 'vitest';
import { checkImportUrl, guardNetwork, offSiteReason, offSiteUrl } from './sameOrigin';

const page = 'https://someone.github.io/jacobian-notebook/assets/worker-abc.js';

describe('offSiteUrl', () => {
  it.each([
    ['./tfjs-backend-wasm.wasm', null],
    ['/jacobian-notebook/assets/x.js', null],
    ['https://someone.github.io/other-repo/x.js', null], // the same origin: GitHub Pages serves every repo of a user there
    ['data:text/plain,hi', null],
    ['blob:https://someone.github.io/1234', null],
    ['wss://someone.github.io/socket', null],
    ['https://example.com/', 'https://example.com/'],
    ['//example.com/x', 'https://example.com/x'],
    ['http://someone.github.io/x', 'http://someone.github.io/x'], // another scheme is another origin
    ['https://someone.github.io:8443/x', 'https://someone.github.io:8443/x'],
    ['wss://example.com/socket', 'wss://example.com/socket'],
    ['HTTPS://EXAMPLE.COM', 'https://example.com/'],
  ])('%s from the page: %s', (target, expected) => {
    expect(offSiteUrl(target, page)).toBe(expected);
  });

  it.each([
    ['node:fs', null],
    ['./local.js', null],
    ['lodash', null],
    ['https://example.com/m.js', 'https://example.com/m.js'],
    ['//example.com/m.js', 'https://example.com/m.js'],
  ])('%s without a page (Node): %s', (target, expected) => {
    expect(offSiteUrl(target, undefined)).toBe(expected);
  });
});

describe('checkImportUrl', () => {
  it('passes a module name or a relative path through unchanged', () => {
    expect(checkImportUrl('node:path')).toBe('node:path');
  });

  it('refuses another site, naming it and why', () => {
    expect(() => checkImportUrl('https://cdn.example.com/evil.js')).toThrow(`import() https://cdn.example.com/evil.js refused: ${offSiteReason}`);
  });
});

/** A worker's global scope, with every way out recording what it was asked for. */
function fakeScope() {
  const calls: string[] = [];
  class Recorder {
    constructor(url: unknown) {
      calls.push(`${new.target.name} ${String(url)}`);
    }
  }
  class XMLHttpRequest {
    open(method: string, url: string) {
      calls.push(`xhr ${method} ${url}`);
    }
  }
  class Cache {
    add(url: string) {
      calls.push(`cache ${url}`);
      return Promise.resolve();
    }
    addAll(urls: string[]) {
      calls.push(`cache ${urls.join(' ')}`);
      return Promise.resolve();
    }
  }
  class FontFace {
    constructor(family: string, source: string) {
      calls.push(`font ${family} ${source}`);
    }
  }
  const scope: Record<string, unknown> = {
    fetch: (input: unknown) => {
      calls.push(`fetch ${String(input)}`);
      return Promise.resolve('response');
    },
    importScripts: (...urls: string[]) => calls.push(`importScripts ${urls.join(' ')}`),
    XMLHttpRequest,
    Cache,
    FontFace,
    WebSocket: class WebSocket extends Recorder {},
    EventSource: class EventSource extends Recorder {},
    Worker: class Worker extends Recorder {},
  };
  guardNetwork(scope, page);
  return { scope, calls };
}

type Ctor = new (...args: unknown[]) => object;

describe('guardNetwork', () => {
  it('lets same-origin requests through unchanged', async () => {
    const { scope, calls } = fakeScope();
    await expect((scope.fetch as (u: string) => Promise<unknown>)('./tfjs-backend-wasm.wasm')).resolves.toBe('response');
    new (scope.XMLHttpRequest as new () => { open(m: string, u: string): void })().open('GET', '/x.json');
    new (scope.Worker as Ctor)('./worker-abc.js');
    new (scope.WebSocket as Ctor)('wss://someone.github.io/live');
    new (scope.FontFace as Ctor)('KaTeX', 'url(./KaTeX_Main.woff2) format("woff2")');
    (scope.importScripts as (...u: string[]) => void)('./a.js');
    expect(calls).toEqual([
      'fetch ./tfjs-backend-wasm.wasm',
      'xhr GET /x.json',
      'Worker ./worker-abc.js',
      'WebSocket wss://someone.github.io/live',
      'font KaTeX url(./KaTeX_Main.woff2) format("woff2")',
      'importScripts ./a.js',
    ]);
  });

  it.each<[string, (scope: Record<string, unknown>) => unknown, string]>([
    ['fetch', (s) => (s.fetch as (u: string) => Promise<unknown>)('https://example.com/data'), 'fetch() https://example.com/data refused'],
    ['fetch of a Request', (s) => (s.fetch as (r: { url: string }) => Promise<unknown>)({ url: 'https://example.com/r' }), 'fetch() https://example.com/r refused'],
    ['cache.add', (s) => new (s.Cache as new () => { add(u: string): Promise<void> })().add('https://example.com/c'), 'cache.add() https://example.com/c refused'],
    ['cache.addAll', (s) => new (s.Cache as new () => { addAll(u: string[]): Promise<void> })().addAll(['./ok', 'https://example.com/c2']), 'cache.addAll() https://example.com/c2 refused'],
  ])('makes %s reject for another site', async (_what, call, message) => {
    const { scope, calls } = fakeScope();
    await expect(call(scope)).rejects.toThrow(message);
    expect(calls).toEqual([]);
  });

  it.each<[string, (scope: Record<string, unknown>) => unknown, string]>([
    ['XMLHttpRequest', (s) => new (s.XMLHttpRequest as new () => { open(m: string, u: string): void })().open('GET', 'https://example.com/x'), 'XMLHttpRequest.open() https://example.com/x refused'],
    ['WebSocket', (s) => new (s.WebSocket as Ctor)('wss://example.com/'), 'new WebSocket() wss://example.com/ refused'],
    ['EventSource', (s) => new (s.EventSource as Ctor)('//example.com/events'), 'new EventSource() https://example.com/events refused'],
    ['a nested worker', (s) => new (s.Worker as Ctor)('https://example.com/w.js'), 'new Worker() https://example.com/w.js refused'],
    ['a blob: worker', (s) => new (s.Worker as Ctor)('blob:https://someone.github.io/1'), 'a cell cannot start workers from blob: or data: URLs'],
    ['a data: worker', (s) => new (s.Worker as Ctor)('data:text/javascript,fetch("https://example.com")'), 'a cell cannot start workers from blob: or data: URLs'],
    ['a font', (s) => new (s.FontFace as Ctor)('F', "url('https://example.com/f.woff2')"), 'new FontFace() https://example.com/f.woff2 refused'],
    ['importScripts', (s) => (s.importScripts as (...u: string[]) => void)('./ok.js', 'https://example.com/s.js'), 'importScripts() https://example.com/s.js refused'],
  ])('makes %s throw for another site', (_what, call, message) => {
    const { scope, calls } = fakeScope();
    expect(() => call(scope)).toThrow(message);
    expect(calls).toEqual([]);
  });

  it('cannot be undone by a cell: the guards stay, and the native constructor is not reachable through an instance', () => {
    const { scope, calls } = fakeScope();
    const guardedFetch = scope.fetch;
    expect(() => {
      'use strict';
      scope.fetch = () => 'native again';
    }).toThrow(TypeError);
    expect(scope.fetch).toBe(guardedFetch);
    expect(() => Object.defineProperty(scope, 'fetch', { value: () => 'native' })).toThrow(TypeError);
    const socket = new (scope.WebSocket as Ctor)('wss://someone.github.io/ok');
    expect(() => new (socket.constructor as Ctor)('wss://example.com/')).toThrow('refused');
    expect(socket).toBeInstanceOf(scope.WebSocket as Ctor);
    expect(calls).toEqual(['WebSocket wss://someone.github.io/ok']);
  });

  it('still requires `new` for constructors, as the native ones do', () => {
    const { scope } = fakeScope();
    expect(() => (scope.WebSocket as (u: string) => unknown)('wss://someone.github.io/ok')).toThrow("Please use the 'new' operator");
  });
});
