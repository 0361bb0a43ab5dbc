// A static server for the built site under a sub-path, gzip-compressed like GitHub Pages.
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

const compressible = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.wasm', '.txt', '.ttf']);

export interface StaticServer {
  server: Server;
  origin: string;
  /** Full URL of the site root, e.g. http://127.0.0.1:PORT/jacobian-notebook/ */
  url: string;
  /** Set false to simulate the network going away (every request fails). */
  setOnline(online: boolean): void;
  close(): Promise<void>;
}

/** Serves `root` at `basePath` (e.g. "/jacobian-notebook/") on 127.0.0.1; unknown paths get root's 404.html. */
export function serveStatic(root: string, basePath: string, port = 0): Promise<StaticServer> {
  const gzCache = new Map<string, Buffer>();
  let online = true;
  const server = createServer((req, res) => {
    if (!online) {
      req.socket.destroy();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(basePath)) {
      send404();
      return;
    }
    path = path.slice(basePath.length);
    if (path === '' || path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    if (!file.startsWith(normalize(root) + sep) || !existsSync(file) || !statSync(file).isFile()) {
      send404();
      return;
    }
    sendFile(file, 200);

    function send404(): void {
      const notFound = join(root, '404.html');
      if (existsSync(notFound)) sendFile(notFound, 404);
      else {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('Not found');
      }
    }

    function sendFile(filePath: string, status: number): void {
      const ext = extname(filePath);
      const headers: Record<string, string> = {
        'content-type': contentTypes[ext] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      };
      let body: Buffer = readFileSync(filePath);
      if (compressible.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        let gz = gzCache.get(filePath);
        if (!gz) {
          gz = gzipSync(body, { level: 9 });
          gzCache.set(filePath, gz);
        }
        body = gz;
        headers['content-encoding'] = 'gzip';
        headers.vary = 'Accept-Encoding';
      }
      headers['content-length'] = String(body.length);
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      if (!address || typeof address === 'string') throw new Error('server has no port');
      const origin = `http://127.0.0.1:${address.port}`;
      resolve({
        server,
        origin,
        url: origin + basePath,
        setOnline: (value) => {
          online = value;
        },
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
