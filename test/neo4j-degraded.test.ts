import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '@styrgraf/server';
import { gql, startTestServer } from './helpers/server.ts';

/**
 * Degraded mode over real HTTP: the server on STORE=neo4j, pointed at a Bolt
 * address where no database answers — a port that refuses connections, and a
 * local TCP server that accepts and at once drops them. It must start all the
 * same, say why on /health (503) and answer GraphQL with STORE_UNAVAILABLE.
 */

const listen = (server: Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/** A loopback port with nothing listening: connections are refused. */
async function refusingPort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe);
  await close(probe);
  return port;
}

/** A loopback server that accepts each connection and drops it before the Bolt handshake. */
async function droppingServer(): Promise<{ port: number; connections: () => number; stop: () => Promise<void> }> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.destroy();
  });
  const port = await listen(server);
  return {
    port,
    connections: () => connections,
    stop: async () => {
      for (const s of sockets) s.destroy();
      await close(server);
    },
  };
}

const running: RunningServer[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(running.map((r) => r.close()));
  await Promise.all(cleanups.map((c) => c()));
});

async function startOn(port: number): Promise<RunningServer> {
  const server = await startTestServer({ STORE: 'neo4j', NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_USERNAME: 'neo4j', NEO4J_PASSWORD: 'not-used' });
  running.push(server);
  return server;
}

async function expectDegraded(server: RunningServer, port: number) {
  const health = await fetch(new URL('health', server.url));
  expect(health.status).toBe(503);
  expect(health.headers.get('retry-after')).toBe('5');
  const body = (await health.json()) as { status: string; engine: string; code: string; reason: string };
  expect(body).toMatchObject({ status: 'unavailable', engine: 'neo4j', code: 'STORE_UNAVAILABLE' });
  expect(body.reason).toMatch(new RegExp(`Neo4j at bolt://127\\.0\\.0\\.1:${port} \\(database "neo4j"\\) is unreachable: .+\\. Checking again in \\d+ s\\.`));

  const { status, body: answer } = await gql<{ entity: unknown }>(server.url, '{ entity(id: "kommunstyrelsen") { id } }');
  expect(status).toBe(200);
  expect(answer.data?.entity ?? null).toBeNull();
  expect(answer.errors?.[0]?.extensions?.code).toBe('STORE_UNAVAILABLE');
  expect(answer.errors?.[0]?.message).toContain(`bolt://127.0.0.1:${port}`);
}

describe('STORE=neo4j with no database to be had', () => {
  it('starts, and reports a refused connection on /health and in GraphQL errors', async () => {
    const port = await refusingPort();
    const server = await startOn(port);
    expect(server.store.engine).toBe('neo4j');
    await expectDegraded(server, port);
  });

  it('starts, and reports a server that drops the connection', async () => {
    const dropper = await droppingServer();
    cleanups.push(dropper.stop);
    const server = await startOn(dropper.port);
    expect(dropper.connections()).toBeGreaterThan(0);
    await expectDegraded(server, dropper.port);
  });

  it('keeps checking in the background, with backoff, while the database stays away', async () => {
    const dropper = await droppingServer();
    cleanups.push(dropper.stop);
    const server = await startOn(dropper.port);
    const atStart = dropper.connections();
    // The first re-check comes after 1 s, the next 2 s later.
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    expect(dropper.connections()).toBeGreaterThan(atStart);
    await expectDegraded(server, dropper.port);
  });
});
