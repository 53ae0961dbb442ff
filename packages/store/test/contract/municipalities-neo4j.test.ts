import { ensureLoaded, liveNeo4j, openLiveStore, settingsOf, skipReason } from '../../../../test/neo4j/live.ts';
import { describeMunicipalityContract, syntheticCountry } from './municipalities.ts';

/** The municipality contract on the run's live Neo4j (5.26 LTS), the synthetic country loaded with graph:load's own code. */
const neo4j = liveNeo4j('lts');
describeMunicipalityContract(
  `neo4j ${neo4j?.version ?? 'lts'}`,
  async () => {
    const settings = settingsOf(neo4j!, 'bolt');
    await ensureLoaded(settings, syntheticCountry());
    return openLiveStore(settings);
  },
  { skip: skipReason('lts') },
);
