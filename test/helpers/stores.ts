import { loadDatasetOrThrow } from '@styrgraf/model';
import type { RunningServer } from '@styrgraf/server';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe } from 'vitest';
import { ensureLoaded, settingsOf } from '../neo4j/live.ts';
import { liveNeo4j, neo4jEnv, skipReason } from '../neo4j/instances.ts';
import { startTestServer } from './server.ts';

const graphDir = fileURLToPath(new URL('../../graph', import.meta.url));

/** A store an end-to-end suite runs against: the server started on it, or why it cannot be here. */
export interface StoreUnderTest {
  engine: 'memory' | 'neo4j';
  /** For the suite's name. */
  title: string;
  /** Why this store cannot be had in this run (its tests are then skipped one by one); null when it can. */
  skip: string | null;
  /** A real server on a free port, answering from this store with graph/ in it. */
  start(): Promise<RunningServer>;
}

/**
 * The embedded store, and the run's live Neo4j (5.26 LTS) with graph/ loaded
 * by graph:load's own code and the server pointed at it through the routing
 * scheme, as a production server would be.
 */
export function storesUnderTest(): StoreUnderTest[] {
  const neo4j = liveNeo4j('lts');
  const skip = skipReason('lts');
  return [
    { engine: 'memory', title: 'on the embedded store', skip: null, start: () => startTestServer() },
    {
      engine: 'neo4j',
      title: `on Neo4j ${neo4j?.version ?? ''}${skip ? ` — SKIPPED: ${skip}` : ''}`,
      skip,
      async start() {
        await ensureLoaded(settingsOf(neo4j!), await loadDatasetOrThrow(graphDir));
        return startTestServer({ STORE: 'neo4j', ...neo4jEnv(neo4j!) });
      },
    },
  ];
}

/** The server a suite's tests ask, once `beforeAll` has started it. */
export interface ServedStore {
  engine: StoreUnderTest['engine'];
  url: string;
}

/**
 * One suite on each store under test: a real server started on it before the
 * suite and closed after, the suite skipped (and the reason in its title)
 * where the store cannot be had.
 */
export function describeOnEachStore(suite: (served: ServedStore) => void): void {
  for (const target of storesUnderTest()) {
    describe.skipIf(!!target.skip)(target.title, () => {
      const served: ServedStore = { engine: target.engine, url: '' };
      let server: RunningServer | undefined;
      beforeAll(async () => {
        server = await target.start();
        served.url = server.url;
      });
      afterAll(async () => {
        await server?.close();
      });
      suite(served);
    });
  }
}
