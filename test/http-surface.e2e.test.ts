import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale } from '../apps/web/scripts/build-if-stale.mjs';
import { spawnServer, type SpawnedServer } from './helpers/server.ts';

/**
 * The HTTP surface as a hostile client meets it: the server as `pnpm start`
 * runs it (its own process, production mode), asked what a client should not
 * ask, slowly or from another site.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const SECURITY = ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy'];

let server: SpawnedServer;
beforeAll(async () => {
  await buildIfStale({ quiet: true });
  server = await spawnServer([], { NODE_ENV: 'production', HEADERS_TIMEOUT_MS: '1000', REQUEST_TIMEOUT_MS: '2000' });
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

const url = (path: string) => new URL(path, server.url).href;
const ABOUT = encodeURIComponent('{ about { version } }');

/** A raw HTTP exchange: what the server wrote back before it closed the socket (or `ms` passed). */
function raw(port: number, send: string, ms = 5_000): Promise<{ reply: string; closed: boolean }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(send));
    let reply = '';
    socket.on('data', (chunk) => (reply += chunk.toString()));
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ reply, closed: false });
    }, ms);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ reply, closed: true });
    });
    socket.on('error', () => undefined);
  });
}

const portOf = (base: string) => Number(new URL(base).port);

describe('malformed parameters', () => {
  it('answers variables and extensions that are not JSON with 400 BAD_REQUEST, by GET or form, and logs nothing', async () => {
    const before = server.output().stderr.length;
    for (let i = 0; i < 25; i++) {
      for (const response of [
        await fetch(url(`graphql?query=${ABOUT}&variables=%7Bnot`)),
        await fetch(url(`graphql?query=${ABOUT}&extensions=%5B1%2C`)),
        await fetch(url('graphql'), {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-graphql-yoga-csrf': '1' },
          body: `query=${ABOUT}&variables=%7Bnot`,
        }),
      ]) {
        expect(response.status).toBe(400);
        const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
        expect(body.errors[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' } });
        expect(body.errors[0]!.message).toMatch(/not valid JSON/);
      }
    }
    // 75 bad requests: not a line in the log, let alone a stack.
    expect(server.output().stderr.slice(before)).toBe('');
  });
});

describe('slow clients', () => {
  it('answers a client that trickles its headers with 408 and closes the socket', async () => {
    const port = portOf(server.url);
    const started = performance.now();
    const { reply, closed } = await new Promise<{ reply: string; closed: boolean }>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      let reply = '';
      const drip = setInterval(() => socket.writable && socket.write('x-drip: 1\r\n'), 200);
      socket.write('GET /health HTTP/1.1\r\nhost: x\r\n');
      socket.on('data', (chunk) => (reply += chunk.toString()));
      socket.on('close', () => {
        clearInterval(drip);
        resolve({ reply, closed: true });
      });
      socket.on('error', () => undefined);
    });
    expect(closed).toBe(true);
    expect(reply).toMatch(/^HTTP\/1\.1 408 Request Timeout/);
    expect(reply).toContain('"code":"REQUEST_TIMEOUT"');
    expect(reply).toContain('x-content-type-options: nosniff');
    // HEADERS_TIMEOUT_MS=1000, checked every second.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('lets 500 slowloris clients hold no socket past the timeout, and answers /health meanwhile', async () => {
    const port = portOf(server.url);
    const sockets: Socket[] = [];
    const closedAt: number[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from(
        { length: 500 },
        () =>
          new Promise<void>((resolve) => {
            const socket = connect(port, '127.0.0.1', () => {
              socket.write('GET /health HTTP/1.1\r\nhost: x\r\nx-slow: ');
              resolve();
            });
            socket.on('close', () => closedAt.push(performance.now() - started));
            socket.on('error', () => resolve());
            sockets.push(socket);
          }),
      ),
    );
    const drip = setInterval(() => {
      for (const s of sockets) if (s.writable) s.write('a');
    }, 300);
    const health = await fetch(url('health'));
    expect(health.status).toBe(200);
    // Every slow socket is closed by the server within the timeout and a check interval (plus room for a busy machine).
    const deadline = Date.now() + 10_000;
    while (closedAt.length < 500 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    clearInterval(drip);
    for (const s of sockets) s.destroy();
    expect(closedAt.length).toBe(500);
    console.log(`slowloris: 500 slow clients, the last socket closed by the server after ${Math.max(...closedAt).toFixed(0)} ms (HEADERS_TIMEOUT_MS=1000)`);
  }, 30_000);

  it('answers a client that trickles its body with 408', async () => {
    const port = portOf(server.url);
    const { reply } = await new Promise<{ reply: string }>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      let reply = '';
      socket.write('POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"query":');
      const drip = setInterval(() => socket.writable && socket.write(' '), 200);
      socket.on('data', (chunk) => (reply += chunk.toString()));
      socket.on('close', () => {
        clearInterval(drip);
        resolve({ reply });
      });
      socket.on('error', () => undefined);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 408 Request Timeout/);
  });

  it('closes connections past MAX_CONNECTIONS at once', async () => {
    const capped = await spawnServer([], { NODE_ENV: 'production', MAX_CONNECTIONS: '20' });
    try {
      const port = portOf(capped.url);
      let closedByServer = 0;
      const sockets = await Promise.all(
        Array.from(
          { length: 30 },
          () =>
            new Promise<Socket>((resolve) => {
              const socket = connect(port, '127.0.0.1', () => resolve(socket));
              socket.on('close', () => closedByServer++);
              socket.on('error', () => undefined);
              socket.resume();
            }),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      // Twenty stay open (they have not sent a request yet); the ten past the cap are closed at once.
      expect(closedByServer).toBe(10);
      for (const s of sockets) s.destroy();
    } finally {
      await capped.stop();
    }
  });
});

describe('cross-site requests', () => {
  it('refuses a form or multipart POST, which another site can send, and takes JSON', async () => {
    const form = await fetch(url('graphql'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: `query=${ABOUT}`,
    });
    expect(form.status).toBe(403);
    expect(((await form.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('CSRF_PREVENTED');
    const multipart = new FormData();
    multipart.set('operations', JSON.stringify({ query: '{ about { version } }' }));
    expect((await fetch(url('graphql'), { method: 'POST', body: multipart })).status).toBe(403);
    expect(
      (await fetch(url('graphql'), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ about { version } }' }) }))
        .status,
    ).toBe(403);
    const json = await fetch(url('graphql'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ about { version } }' }),
    });
    expect(json.status).toBe(200);
  });

  it('sends no CORS headers to another origin by default', async () => {
    const response = await fetch(url('graphql'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://elsewhere.example' },
      body: JSON.stringify({ query: '{ about { version } }' }),
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('with CORS_ORIGINS=* sends a plain * and never allows credentials', async () => {
    const open = await spawnServer([], { NODE_ENV: 'production', CORS_ORIGINS: '*' });
    try {
      const post = await fetch(new URL('graphql', open.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://elsewhere.example' },
        body: JSON.stringify({ query: '{ about { version } }' }),
      });
      expect(post.headers.get('access-control-allow-origin')).toBe('*');
      expect(post.headers.get('access-control-allow-credentials')).toBeNull();
      const preflight = await fetch(new URL('graphql', open.url), {
        method: 'OPTIONS',
        headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
      expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    } finally {
      await open.stop();
    }
  });
});

describe('security headers, GraphiQL and the web app', () => {
  it('puts the security headers on every response: API, health, app, a missing file, and Node’s own refusals', async () => {
    const responses = {
      api: await fetch(url('graphql'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ about { version } }' }),
      }),
      health: await fetch(url('health')),
      app: await fetch(url('')),
      route: await fetch(url('some/view?x=1')),
      missing: await fetch(url('assets/no-such-file.js')),
      error: await fetch(url('graphql'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":' }),
    };
    for (const [name, response] of Object.entries(responses)) {
      for (const header of SECURITY) expect(response.headers.get(header), `${name}: ${header}`).toBeTruthy();
      expect(response.headers.get('content-security-policy'), name).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-frame-options'), name).toBe('DENY');
    }
    const { reply } = await raw(portOf(server.url), `GET /${'x'.repeat(20_000)} HTTP/1.1\r\nhost: x\r\n\r\n`);
    expect(reply).toMatch(/^HTTP\/1\.1 431/);
    for (const header of SECURITY) expect(reply).toContain(`${header}: `);
  });

  it('answers a missing /assets/ file with 404, not the app’s page; app routes still get the app', async () => {
    for (const path of ['assets/no-such-file.js', 'assets/index-0000.css', 'assets/no-such-file', 'assets/']) {
      const missing = await fetch(url(path));
      expect(missing.status, path).toBe(404);
      expect(await missing.text(), path).not.toContain('<html');
    }
    const route = await fetch(url('some/view'));
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<div id="root">');
  });

  it('serves GraphiQL from its own bundle, under a policy that names its one script', async () => {
    const response = await fetch(url('graphql'), { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<title>Styrgraf GraphQL</title>');
    // Nothing is loaded from elsewhere: no script or stylesheet with an address.
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href="https?:/);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
  });

  it('turns GraphiQL off with GRAPHIQL=0', async () => {
    const off = await spawnServer([], { NODE_ENV: 'production', GRAPHIQL: '0' });
    try {
      const response = await fetch(new URL('graphql', off.url), { headers: { accept: 'text/html' } });
      expect(await response.text()).not.toContain('Styrgraf GraphQL');
    } finally {
      await off.stop();
    }
  });
});

describe('what /health and errors may show', () => {
  const listen = (s: Server) => new Promise<number>((resolve) => s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port)));

  it('listens at once while Neo4j accepts the connection but never answers, and shows neither its password nor its user', async () => {
    // A database that takes the TCP connection and then says nothing: the driver waits on it for many seconds.
    const held: Socket[] = [];
    const silent = createServer((socket) => void held.push(socket));
    const port = await listen(silent);
    const started = performance.now();
    const spawned = await spawnServer([], {
      NODE_ENV: 'production',
      STORE: 'neo4j',
      NEO4J_URI: `bolt://admin:s3cr3t-pw@127.0.0.1:${port}`,
      NEO4J_PASSWORD: 'an0ther-s3cret',
    });
    try {
      const listening = performance.now() - started;
      const health = await fetch(new URL('health', spawned.url));
      const answeredAfter = performance.now() - started;
      expect(health.status).toBe(503);
      const body = await health.text();
      expect(body).toContain('STORE_UNAVAILABLE');
      expect(body).not.toMatch(/s3cr3t|an0ther|admin/);
      const graphql = await fetch(new URL('graphql', spawned.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ about { version } }' }),
      });
      const answer = await graphql.text();
      expect(answer).toContain('STORE_UNAVAILABLE');
      expect(answer).not.toMatch(/s3cr3t|an0ther|admin/);
      console.log(`neo4j silent: listening after ${listening.toFixed(0)} ms, /health answered 503 after ${answeredAfter.toFixed(0)} ms`);
      // The start waits a second at most for the store; the process itself takes a few to start on a busy machine.
      expect(answeredAfter).toBeLessThan(10_000);
    } finally {
      await spawned.stop();
      for (const s of held) s.destroy();
      silent.close();
    }
  }, 30_000);

  it('shows the watched directory without its machine path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'styrgraf-surface-'));
    await cp(join(root, 'graph'), join(dir, 'graph'), { recursive: true });
    const watching = await spawnServer(['--watch'], { NODE_ENV: 'production', GRAPH_DIR: join(dir, 'graph') });
    try {
      const body = (await (await fetch(new URL('health', watching.url))).json()) as { reload: { watching: string } };
      expect(body.reload.watching).toBe('…/graph');
      expect(JSON.stringify(body)).not.toContain(dir);
    } finally {
      await watching.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
