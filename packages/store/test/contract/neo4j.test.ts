import { loadDatasetOrThrow } from '@styrgraf/model';
import { fileURLToPath } from 'node:url';
import { ensureLoaded, liveNeo4j, openLiveStore, settingsOf, skipReason } from '../../../../test/neo4j/live.ts';
import { describeStoreContract } from './contract.ts';

/**
 * The store contract against the run's live Neo4j servers: graph/ is loaded
 * with graph:load's own code, then the same suite as the embedded store runs —
 * on the 5.26 LTS through the routing scheme (neo4j://, what a cluster or
 * Aura needs), and on the 2025.x calendar release through a direct bolt://
 * connection. A line the run could not start is skipped test by test.
 */
const graphDir = fileURLToPath(new URL('../../../../graph', import.meta.url));

for (const [line, scheme] of [
  ['lts', 'neo4j'],
  ['calver', 'bolt'],
] as const) {
  const neo4j = liveNeo4j(line);
  describeStoreContract(
    `neo4j ${neo4j?.version ?? line} over ${scheme}://`,
    async () => {
      const settings = settingsOf(neo4j!, scheme);
      await ensureLoaded(settings, await loadDatasetOrThrow(graphDir));
      return openLiveStore(settings);
    },
    { skip: skipReason(line) },
  );
}
