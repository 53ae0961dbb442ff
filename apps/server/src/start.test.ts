import { createServer, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './start.ts';

/** The server as configured by the environment, over real HTTP: where it binds, and the request limits no in-process fetch can show. */
let running: RunningServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('binding', () => {
  it('listens on HOST and PORT from the environment', async () => {
    const port = await freePort();
    running = await startServer({}, { HOST: '127.0.0.1', PORT: String(port) });
    expect(running.server.address()).toMatchObject({ address: '127.0.0.1', port });
    expect(running.url).toBe(`http://127.0.0.1:${port}/`);
    expect((await fetch(new URL('health', running.url))).status).toBe(200);
  });

  it('binds loopback only when HOST is not set', async () => {
    running = await startServer({}, { PORT: '0' });
    expect((running.server.address() as AddressInfo).address).toBe('127.0.0.1');
  });
});

describe('request limits over HTTP', () => {
  it('answers a body over MAX_BODY_BYTES with 413 before reading it', async () => {
    running = await startServer({}, { PORT: '0', MAX_BODY_BYTES: '2000' });
    const response = await fetch(new URL('graphql', running.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ about { version } } # ${'x'.repeat(5_000)}` }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string; max: number } }[] };
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'PAYLOAD_TOO_LARGE', max: 2_000 } });
    expect(body.errors[0]!.message).toContain('limit "body size"');
    // Still serving.
    const small = await fetch(new URL('graphql', running.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ about { datasetId } }' }),
    });
    expect(await small.json()).toEqual({ data: { about: { datasetId: 'norrkoping' } } });
  });

  it('allows the origins in CORS_ORIGINS and no others', async () => {
    running = await startServer({}, { PORT: '0', CORS_ORIGINS: 'https://styrgraf.example' });
    const preflight = (origin: string) =>
      fetch(new URL('graphql', running!.url), {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const allowed = await preflight('https://styrgraf.example');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://styrgraf.example');
    const other = await preflight('https://elsewhere.example');
    expect(other.headers.get('access-control-allow-origin')).not.toBe('https://elsewhere.example');
    expect(other.headers.get('access-control-allow-origin')).not.toBe('*');
  });

  it('sends no CORS headers when CORS_ORIGINS is not set', async () => {
    running = await startServer({}, { PORT: '0' });
    const response = await fetch(new URL('graphql', running.url), {
      method: 'OPTIONS',
      headers: { origin: 'https://styrgraf.example', 'access-control-request-method': 'POST' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a query past QUERY_TIMEOUT_MS from the environment with QUERY_TIMEOUT', async () => {
    running = await startServer({}, { PORT: '0', QUERY_TIMEOUT_MS: '100' });
    const slow = running.store.info.bind(running.store);
    running.store.info = () => new Promise((resolve) => setTimeout(() => resolve(slow()), 400));
    const response = await fetch(new URL('graphql', running.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ about { version } }' }),
    });
    const body = (await response.json()) as { errors: { extensions: { code: string; max: number } }[] };
    expect(body.errors[0]!.extensions).toMatchObject({ code: 'QUERY_TIMEOUT', max: 100 });
  });
});
