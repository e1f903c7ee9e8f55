/**
 * Serves the built client (dist/). Hashed files under /assets/ are cached for a year; everything else
 * (index.html, the manifest, icons) is revalidated on every load so a new deploy is picked up at once.
 * Unknown paths without a file extension fall back to index.html (the app routes them).
 */
import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

export type StaticHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export function serveStatic(distDir: string | null): StaticHandler {
  const root = distDir === null ? null : resolve(distDir);
  return async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendText(response, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
    }
    if (root === null) return sendText(response, 404, 'Not Found');
    const pathname = decodedPath(request.url ?? '/');
    if (pathname === null) return sendText(response, 400, 'Bad Request');

    const file = resolve(root, '.' + pathname);
    if (file !== root && !file.startsWith(root + sep)) return sendText(response, 404, 'Not Found');

    const found = await fileStats(file);
    if (found !== null) return sendFile(request, response, file, found, pathname.startsWith('/assets/'));
    if (extname(pathname) !== '' || pathname.startsWith('/assets/'))
      return sendText(response, 404, 'Not Found');
    const index = join(root, 'index.html');
    const indexStats = await fileStats(index);
    if (indexStats === null)
      return sendText(response, 404, 'Not Found (the client is not built: run `npm run build`)');
    return sendFile(request, response, index, indexStats, false);
  };
}

/** The URL path, percent-decoded; null when it cannot be decoded or holds a NUL byte. */
function decodedPath(url: string): string | null {
  const raw = url.split('?')[0]!.split('#')[0]!;
  try {
    const decoded = decodeURIComponent(raw);
    if (decoded.includes('\0') || !decoded.startsWith('/')) return null;
    return decoded.endsWith('/') ? decoded + 'index.html' : decoded;
  } catch {
    return null;
  }
}

async function fileStats(file: string): Promise<Stats | null> {
  try {
    const stats = await stat(file);
    return stats.isFile() ? stats : null;
  } catch {
    return null;
  }
}

function sendFile(
  request: IncomingMessage,
  response: ServerResponse,
  file: string,
  stats: Stats,
  immutable: boolean,
): void {
  const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
  const headers = {
    'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': immutable ? IMMUTABLE : REVALIDATE,
    ETag: etag,
    'X-Content-Type-Options': 'nosniff',
  };
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, headers).end();
    return;
  }
  response.writeHead(200, { ...headers, 'Content-Length': stats.size });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => response.destroy());
  stream.pipe(response);
}

function sendText(
  response: ServerResponse,
  status: number,
  text: string,
  extra: Record<string, string> = {},
): void {
  response
    .writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': REVALIDATE, ...extra })
    .end(text);
}
