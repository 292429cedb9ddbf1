import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

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
  close(): Promise<void>;
}

/**
 * Serves a built site from `root` under `basePath` on 127.0.0.1 and a free port, the way GitHub Pages does:
 * `dir/` serves `dir/index.html`, `dir` redirects to `dir/`, anything missing (or outside the base) is a 404
 * with the site's own 404 page. No caching headers, no compression: tests see exactly the files.
 */
export async function serveStatic(root: string, basePath = '/'): Promise<StaticSite> {
  if (!basePath.startsWith('/') || !basePath.endsWith('/')) {
    throw new Error(`serveStatic: basePath must start and end with "/", got "${basePath}"`);
  }
  const server = createServer((request, response) => {
    void answer(root, basePath, request.url ?? '/', response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${basePath}`, close: () => closeServer(server) };
}

type Response = ServerResponse;

async function answer(root: string, basePath: string, rawUrl: string, response: Response): Promise<void> {
  const pathname = decodeURIComponent(new URL(rawUrl, 'http://site').pathname);
  if (!pathname.startsWith(basePath)) return notFound(root, response);

  const relative = normalize(pathname.slice(basePath.length));
  const file = join(root, relative);
  if (relative.startsWith('..') || (file !== root && !file.startsWith(root + sep))) {
    return notFound(root, response);
  }
  const found = await stat(file).catch(() => undefined);
  if (found?.isDirectory()) {
    if (!pathname.endsWith('/')) {
      response.writeHead(301, { location: `${pathname}/` });
      response.end();
      return;
    }
    return sendFile(join(file, 'index.html'), 200, response, () => notFound(root, response));
  }
  if (found?.isFile()) return sendFile(file, 200, response, () => notFound(root, response));
  return notFound(root, response);
}

async function notFound(root: string, response: Response): Promise<void> {
  const page = join(root, '404.html');
  return sendFile(page, 404, response, () => {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('404 Not Found');
  });
}

async function sendFile(file: string, status: number, response: Response, ifMissing: () => void): Promise<void> {
  const found = await stat(file).catch(() => undefined);
  if (!found?.isFile()) return ifMissing();
  response.writeHead(status, {
    'content-type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': found.size,
  });
  createReadStream(file).pipe(response);
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
