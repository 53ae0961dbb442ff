import { loadDatasetOrThrow, type Dataset } from '@styrgraf/model';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureLoaded } from './neo4j/live.ts';
import { gql, spawnServer, type SpawnedServer } from './helpers/server.ts';
import { startNeo4j, type RunningNeo4j } from './neo4j/launch.mjs';
import { skipReason } from './neo4j/instances.ts';

/**
 * Degraded mode for real: the server, as `STORE=neo4j pnpm start` runs it (its
 * own process), on a Neo4j of its own. The database process is killed under
 * it: the server stays up, /health answers 503 with STORE_UNAVAILABLE, and
 * GraphQL says the same. Neo4j is started again on the same data directory
 * and port: the server finds it by itself, within its backoff (checks after 1,
 * 2, 4, 8, then every 15 s), and answers from the data that was there.
 */
const graphDir = fileURLToPath(new URL('../graph', import.meta.url));
const skip = skipReason('lts');
const MAX_BACKOFF_MS = 15_000;

describe.skipIf(!!skip)(`STORE=neo4j when its database dies and comes back${skip ? ` — SKIPPED: ${skip}` : ''}`, () => {
  let home = '';
  let neo4j: RunningNeo4j | null = null;
  let server: SpawnedServer | null = null;
  let dataset: Dataset;
  const password = `styrgraf-${randomBytes(8).toString('hex')}`;

  const health = async () => {
    const response = await fetch(new URL('health', server!.url));
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    dataset = await loadDatasetOrThrow(graphDir);
    home = await mkdtemp(join(tmpdir(), 'styrgraf-neo4j-recovery-'));
    neo4j = await startNeo4j({ home, password, heap: '512m' });
    await ensureLoaded({ uri: neo4j.uri, username: neo4j.username, password, database: 'neo4j' }, dataset);
    server = await spawnServer([], {
      STORE: 'neo4j',
      NEO4J_URI: neo4j.uri.replace(/^bolt:/, 'neo4j:'),
      NEO4J_USERNAME: neo4j.username,
      NEO4J_PASSWORD: password,
    });
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
    await neo4j?.stop();
    if (home) await rm(home, { recursive: true, force: true });
  });

  it('answers from Neo4j while it runs', async () => {
    expect(await health()).toMatchObject({ status: 200, body: { status: 'ok', engine: 'neo4j', dataset: { id: 'norrkoping', digest: dataset.digest } } });
  });

  it('stays up and says why when the database process dies, and recovers by itself when it is back', async () => {
    const port = neo4j!.port;
    await neo4j!.stop('SIGKILL');

    const down = await health();
    expect(down.status).toBe(503);
    expect(down.retryAfter).toBe('5');
    expect(down.body).toMatchObject({ status: 'unavailable', engine: 'neo4j', code: 'STORE_UNAVAILABLE' });
    expect(String(down.body.reason)).toMatch(new RegExp(`127\\.0\\.0\\.1:${port}.*(is unreachable|did not answer)`));
    const { status, body } = await gql<{ entity: unknown }>(server!.url, '{ entity(id: "kommunstyrelsen") { id } }');
    expect(status).toBe(200);
    expect(body.errors?.[0]?.extensions?.code).toBe('STORE_UNAVAILABLE');
    expect(server!.output().stderr).not.toMatch(/Unhandled|uncaught/i);

    // The same data directory and port, as a restarted database would have.
    neo4j = await startNeo4j({ home, port, password, heap: '512m' });
    const back = performance.now();
    let recovered = await health();
    while (recovered.status !== 200 && performance.now() - back < MAX_BACKOFF_MS + 5_000) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      recovered = await health();
    }
    console.log(`[neo4j] the server found Neo4j again ${((performance.now() - back) / 1000).toFixed(1)} s after it accepted connections`);
    expect(recovered).toMatchObject({ status: 200, body: { status: 'ok', engine: 'neo4j', dataset: { digest: dataset.digest } } });
    const again = await gql<{ entity: { id: string; name: string } }>(server!.url, '{ entity(id: "kommunstyrelsen") { id name } }');
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data?.entity).toEqual({ id: 'kommunstyrelsen', name: 'Kommunstyrelsen' });
    expect(server!.output().stdout + server!.output().stderr).toMatch(/store available again after \d+ s/);
  }, 120_000);
});
