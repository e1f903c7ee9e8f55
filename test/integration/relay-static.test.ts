/** The built client: cache headers, content types, SPA fallback, and no way out of dist/. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startServer, tempDataDir } from './helpers/relayHarness.ts';

describe('relay: static files', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let root: string;

  beforeAll(async () => {
    root = tempDataDir();
    const dist = join(root, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Haard</title>');
    writeFileSync(join(dist, 'assets', 'index-3f9a1c.js'), 'console.log("app")');
    writeFileSync(join(dist, 'assets', 'index-77aa00.css'), 'body{}');
    writeFileSync(join(dist, 'assets', 'logo-1a2b3c.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(dist, 'manifest.webmanifest'), '{"name":"Haard"}');
    writeFileSync(join(dist, 'icon-192.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(join(dist, 'version.json'), '{"v":1}');
    writeFileSync(join(root, 'secret-outside-dist.txt'), 'do not serve');
    server = await startServer({ dataDir: join(root, 'data'), distDir: dist });
  });
  afterAll(async () => {
    await server.close();
    removeDir(root);
  });

  /** A raw request, so the path reaches the server exactly as written (fetch would normalise `..`). */
  function get(path: string, headers: Record<string, string> = {}) {
    return new Promise<{
      status: number;
      headers: Record<string, string | string[] | undefined>;
      body: string;
    }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path, headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it.each([
    ['/', 'text/html; charset=utf-8', 'no-cache'],
    ['/index.html', 'text/html; charset=utf-8', 'no-cache'],
    ['/assets/index-3f9a1c.js', 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['/assets/index-77aa00.css', 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['/assets/logo-1a2b3c.svg', 'image/svg+xml', 'public, max-age=31536000, immutable'],
    ['/manifest.webmanifest', 'application/manifest+json; charset=utf-8', 'no-cache'],
    ['/icon-192.png', 'image/png', 'no-cache'],
    ['/version.json', 'application/json; charset=utf-8', 'no-cache'],
  ])('%s is served as %s with Cache-Control %s', async (path, type, cache) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(type);
    expect(response.headers['cache-control']).toBe(cache);
  });

  it('falls back to index.html for app routes, but not for missing files', async () => {
    const route = await get('/plans/abc?tab=kpi');
    expect(route.status).toBe(200);
    expect(route.body).toContain('<title>Haard</title>');
    expect(route.headers['cache-control']).toBe('no-cache');
    expect((await get('/assets/missing-123.js')).status).toBe(404);
    expect((await get('/missing.png')).status).toBe(404);
  });

  it.each([
    '/../secret-outside-dist.txt',
    '/assets/../../secret-outside-dist.txt',
    '/%2e%2e/secret-outside-dist.txt',
    '/..%2fsecret-outside-dist.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret-outside-dist.txt',
    '/..%5csecret-outside-dist.txt',
    '/index.html%00.png',
    '/%E0%A4%A',
  ])('never serves a file outside dist/: %s', async (path) => {
    const response = await get(path);
    expect(response.body).not.toContain('do not serve');
    expect([200, 400, 404]).toContain(response.status);
  });

  it('answers a revalidation with 304 and refuses other methods', async () => {
    const first = await get('/index.html');
    const again = await get('/index.html', { 'If-None-Match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    const post = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: '/', method: 'POST' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(post).toBe(405);
  });
});
