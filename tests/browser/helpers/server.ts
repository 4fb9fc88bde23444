import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

/**
 * A tiny static host for a built site, as a web host serves it: `dist/` at the base path
 * (`/admin-twitter/`), on 127.0.0.1 and a free port. A folder is served by its index.html
 * (a folder without its trailing slash is redirected to it), and any address with no file
 * gets dist/404.html with status 404, as GitHub Pages and Netlify do.
 */
export interface StaticServer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  readonly origin: string;
  /** `http://127.0.0.1:PORT/admin-twitter/`: the site's home page. */
  readonly root: string;
  /** The site's address of a path below the base path (`charts/` → `http://…/admin-twitter/charts/`). */
  url(path: string): string;
  /** Every request served so far, as `STATUS PATH` lines, for debugging. */
  readonly log: readonly string[];
  close(): Promise<void>;
}

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.ris': 'application/x-research-info-systems; charset=utf-8',
  '.cff': 'application/yaml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  // Pagefind's index pieces: binary, no particular type needed (docs/publishing.md).
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
};

export function contentTypeOf(path: string): string {
  return contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Serve `dist` under `base` (a path starting and ending with `/`). */
export async function serveDist(dist: string, base: string): Promise<StaticServer> {
  if (!base.startsWith('/') || !base.endsWith('/')) throw new Error(`base path must start and end with "/"; found "${base}"`);
  const log: string[] = [];
  const notFound = join(dist, '404.html');

  const server: Server = createServer((request, response) => {
    const send = (status: number, file: string | null, headers: Record<string, string> = {}) => {
      log.push(`${status} ${request.method} ${request.url}`);
      if (file === null) {
        response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
        response.end(status === 404 ? 'Not found\n' : '');
        return;
      }
      response.writeHead(status, {
        'content-type': contentTypeOf(file),
        'content-length': String(statSync(file).size),
        'cache-control': 'no-store',
        ...headers,
      });
      if (request.method === 'HEAD') response.end();
      else createReadStream(file).pipe(response);
    };
    const missing = () => send(404, existsSync(notFound) ? notFound : null);

    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, null, { allow: 'GET, HEAD' });
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return missing();
    }
    if (!pathname.startsWith(base)) {
      // The base path without its slash is the site too (`/admin-twitter` → `/admin-twitter/`).
      if (`${pathname}/` === base) return send(301, null, { location: base + url.search });
      return missing();
    }
    const relative = pathname.slice(base.length);
    const file = normalize(join(dist, relative));
    // Never outside dist (`..`, encoded or not), never a NUL byte.
    if (relative.includes('\0') || (file !== dist && !file.startsWith(dist.endsWith(sep) ? dist : dist + sep))) return missing();
    if (!existsSync(file)) return missing();
    const stats = statSync(file);
    if (stats.isDirectory()) {
      if (!pathname.endsWith('/')) return send(301, null, { location: `${url.pathname}/${url.search}` });
      const index = join(file, 'index.html');
      return existsSync(index) ? send(200, index) : missing();
    }
    if (!stats.isFile()) return missing();
    return send(200, file);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    root: `${origin}${base}`,
    url: (path: string) => `${origin}${base}${path.replace(/^\//, '')}`,
    log,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
