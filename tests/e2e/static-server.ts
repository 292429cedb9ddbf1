import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { createGzip } from 'node:zlib';

/** Content types for what an Astro build emits (and what the course will add: workers, wasm, source maps). */
export const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  // Pagefind's index fragments and metadata are binary.
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

export interface StaticSite {
  /** Where the site answers, ending in the base path: `http://127.0.0.1:41234/endpoints/`. */
  readonly url: string;
  /** Serves another build from now on, at the same address (a new deploy of the site). */
  serveFrom(root: string): void;
  close(): Promise<void>;
}

export interface ServeOptions {
  /**
   * Answer with GitHub Pages' caching and compression: `Cache-Control: max-age=600`, an `ETag` (304 when it
   * matches) and gzip for text. Off by default, so tests see exactly the files.
   */
  readonly likeGitHubPages?: boolean;
}

/** What GitHub Pages compresses: text, scripts, styles, JSON, SVG, and the WebAssembly Pagefind loads. */
const compressible = /^(text\/|application\/(json|xml|wasm|manifest\+json)|image\/svg)/;

/**
 * Serves a built site from `root` under `basePath` on 127.0.0.1 and a free port, the way GitHub Pages does:
 * `dir/` serves `dir/index.html`, `dir` redirects to `dir/`, anything missing (or outside the base) is a 404
 * with the site's own 404 page. No caching headers, no compression unless `likeGitHubPages` is set.
 */
export async function serveStatic(root: string, basePath = '/', options: ServeOptions = {}): Promise<StaticSite> {
  if (!basePath.startsWith('/') || !basePath.endsWith('/')) {
    throw new Error(`serveStatic: basePath must start and end with "/", got "${basePath}"`);
  }
  let current = root;
  const server = createServer((request, response) => {
    const served: Served = { request, response, likeGitHubPages: options.likeGitHubPages === true };
    void answer(current, basePath, served).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    serveFrom: (next) => (current = next),
    close: () => closeServer(server),
  };
}

interface Served {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  readonly likeGitHubPages: boolean;
}

async function answer(root: string, basePath: string, served: Served): Promise<void> {
  const { response } = served;
  const pathname = decodeURIComponent(new URL(served.request.url ?? '/', 'http://site').pathname);
  if (!pathname.startsWith(basePath)) return notFound(root, served);

  const relative = normalize(pathname.slice(basePath.length));
  const file = join(root, relative);
  if (relative.startsWith('..') || (file !== root && !file.startsWith(root + sep))) {
    return notFound(root, served);
  }
  const found = await stat(file).catch(() => undefined);
  if (found?.isDirectory()) {
    if (!pathname.endsWith('/')) {
      response.writeHead(301, { location: `${pathname}/` });
      response.end();
      return;
    }
    return sendFile(join(file, 'index.html'), 200, served, () => notFound(root, served));
  }
  if (found?.isFile()) return sendFile(file, 200, served, () => notFound(root, served));
  return notFound(root, served);
}

async function notFound(root: string, served: Served): Promise<void> {
  const page = join(root, '404.html');
  return sendFile(page, 404, served, () => {
    served.response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    served.response.end('404 Not Found');
  });
}

async function sendFile(file: string, status: number, served: Served, ifMissing: () => void): Promise<void> {
  const { request, response } = served;
  const found = await stat(file).catch(() => undefined);
  if (!found?.isFile()) return ifMissing();
  const type = contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
  if (!served.likeGitHubPages) {
    response.writeHead(status, { 'content-type': type, 'content-length': found.size });
    createReadStream(file).pipe(response);
    return;
  }
  const etag = `"${found.size.toString(16)}-${Math.floor(found.mtimeMs).toString(16)}"`;
  const headers: Record<string, string | number> = {
    'content-type': type,
    'cache-control': 'max-age=600',
    etag,
    'last-modified': found.mtime.toUTCString(),
    vary: 'Accept-Encoding',
  };
  if (status === 200 && request.headers['if-none-match'] === etag) {
    response.writeHead(304, headers);
    response.end();
    return;
  }
  if (compressible.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
    response.writeHead(status, { ...headers, 'content-encoding': 'gzip' });
    createReadStream(file).pipe(createGzip()).pipe(response);
    return;
  }
  response.writeHead(status, { ...headers, 'content-length': found.size });
  createReadStream(file).pipe(response);
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
