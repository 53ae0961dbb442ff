import { request } from 'node:http';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '@styrgraf/server';
import { buildIfStale } from '../apps/web/scripts/build-if-stale.mjs';
import { startTestServer } from './helpers/server.ts';

/**
 * Compression over real HTTP: the built web app's brotli and gzip copies
 * served by the client's Accept-Encoding, its caching headers, and GraphQL
 * answers compressed above the threshold. node:http is used rather than
 * fetch, which would ask for and undo compression on its own.
 */
const dist = fileURLToPath(new URL('../apps/web/dist/', import.meta.url));

let server: RunningServer;
beforeAll(async () => {
  await buildIfStale({ quiet: true });
  server = await startTestServer();
}, 180_000);
afterAll(async () => {
  await server?.close();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(path: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, server.url), { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function decoded(reply: Reply): string {
  const encoding = reply.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(reply.body).toString();
  if (encoding === 'gzip') return gunzipSync(reply.body).toString();
  return reply.body.toString();
}

/** The entry script index.html loads: a hashed file under /assets/. */
async function entryScript(): Promise<string> {
  const html = decoded(await get('/'));
  const src = /<script[^>]+src="(\/assets\/index-[^"]+\.js)"/.exec(html)?.[1];
  expect(src).toBeDefined();
  return src!;
}

describe('static assets', () => {
  it('writes a brotli and a gzip copy beside each large text asset at build', () => {
    const assets = readdirSync(join(dist, 'assets'));
    const scripts = assets.filter((f) => /^index-.*\.js$/.test(f));
    expect(scripts).toHaveLength(1);
    expect(assets).toContain(`${scripts[0]}.br`);
    expect(assets).toContain(`${scripts[0]}.gz`);
  });

  it('serves brotli, gzip or the file itself by Accept-Encoding, always the same bytes once decoded, and says it varies', async () => {
    const script = await entryScript();
    const plain = await get(script);
    const br = await get(script, { 'accept-encoding': 'gzip, deflate, br' });
    const gz = await get(script, { 'accept-encoding': 'gzip' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    for (const reply of [plain, br, gz]) {
      expect(reply.status).toBe(200);
      expect(reply.headers.vary).toMatch(/accept-encoding/i);
      expect(reply.headers['content-type']).toMatch(/javascript/);
      expect(decoded(reply)).toBe(plain.body.toString());
    }
    // Brotli at its strongest beats gzip, and both take the script to under a third.
    expect(br.body.length).toBeLessThan(gz.body.length);
    expect(gz.body.length).toBeLessThan(plain.body.length / 3);
  });

  it('caches hashed assets for a year as immutable, and revalidates index.html on every load', async () => {
    const script = await get(await entryScript(), { 'accept-encoding': 'br' });
    expect(script.headers['cache-control']).toBe('public,max-age=31536000,immutable');
    for (const path of ['/', '/index.html', '/?view=matrix']) {
      const page = await get(path, { 'accept-encoding': 'br' });
      expect(page.status).toBe(200);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(decoded(page)).toContain('<div id="root">');
    }
  });

  it('answers a conditional request with the ETag it gave with 304 and no body', async () => {
    const script = await entryScript();
    const first = await get(script, { 'accept-encoding': 'br' });
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    const again = await get(script, { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const index = await get('/');
    expect((await get('/', { 'if-none-match': index.headers.etag as string })).status).toBe(304);
  });

  it('keeps the first load (index.html, the entry script, its imports and the stylesheet) under 320 KiB with brotli', async () => {
    const html = decoded(await get('/'));
    const paths = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(paths.some((p) => p.endsWith('.css'))).toBe(true);
    let compressed = (await get('/', { 'accept-encoding': 'br' })).body.length;
    let raw = Buffer.byteLength(html);
    for (const path of paths) {
      compressed += (await get(path, { 'accept-encoding': 'br' })).body.length;
      raw += (await get(path)).body.length;
    }
    expect(raw).toBeGreaterThan(600 * 1024);
    expect(compressed).toBeLessThan(320 * 1024);
  });
});

describe('GraphQL answers', () => {
  const post = (query: string, acceptEncoding?: string) =>
    get(
      '/graphql',
      { 'content-type': 'application/json', accept: 'application/json', ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) },
      'POST',
      JSON.stringify({ query }),
    );
  const LARGE = '{ graph { nodes { id name kind } edges { id kind from { id } to { id } } } }';
  const SMALL = '{ entity(id: "kommunstyrelsen") { name } }';

  it('compresses a large answer with brotli when allowed, gzip when only it is, and not when neither is', async () => {
    const plain = await post(LARGE);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(10_000);
    const expected = JSON.parse(plain.body.toString()) as { data: { graph: { nodes: { id: string }[] } } };
    expect(expected.data.graph.nodes.map((e) => e.id)).toContain('kommunstyrelsen');
    for (const [accept, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
      ['*', 'br'],
      ['identity', undefined],
      ['br;q=0, gzip;q=0', undefined],
    ] as const) {
      const reply = await post(LARGE, accept);
      expect(reply.status, accept).toBe(200);
      expect(reply.headers['content-encoding'], accept).toBe(encoding);
      expect(reply.headers.vary, accept).toMatch(/accept-encoding/i);
      expect(JSON.parse(decoded(reply)), accept).toEqual(expected);
      if (encoding) {
        expect(Number(reply.headers['content-length'])).toBe(reply.body.length);
        expect(reply.body.length).toBeLessThan(plain.body.length / 4);
      }
    }
  });

  it('sends a small answer as it is', async () => {
    const reply = await post(SMALL, 'br, gzip');
    expect(reply.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(reply.body.toString())).toEqual({ data: { entity: { name: 'Kommunstyrelsen' } } });
    expect(reply.headers.vary).toMatch(/accept-encoding/i);
  });
});
