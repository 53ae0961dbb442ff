import { loadDatasetOrThrow } from '@styrgraf/model';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { createNeo4jDriver, ensureSchema, loadIntoNeo4j, neo4jSettingsFromEnv, openNeo4jStore } from '../../src/index.ts';
import { describeStoreContract } from './contract.ts';

/**
 * The store contract against a live Neo4j, whenever NEO4J_URI (and
 * NEO4J_PASSWORD) point at one: graph/ is loaded with graph:load's own code,
 * then the same suite as the embedded store runs. Without NEO4J_URI the leg is
 * skipped, and says so in its name.
 */
const graphDir = fileURLToPath(new URL('../../../../graph', import.meta.url));

if (process.env.NEO4J_URI) {
  describeStoreContract('neo4j', async () => {
    const settings = neo4jSettingsFromEnv();
    const dataset = await loadDatasetOrThrow(graphDir);
    const driver = createNeo4jDriver(settings);
    try {
      await ensureSchema(driver, { database: settings.database });
      await loadIntoNeo4j(driver, dataset, { database: settings.database });
    } finally {
      await driver.close();
    }
    const store = await openNeo4jStore(settings);
    const { status } = store.connectivity.availability;
    if (status !== 'up') throw new Error(`Neo4j at ${settings.uri} is not available: ${JSON.stringify(store.connectivity.availability)}`);
    return store;
  });
} else {
  describe.skip('store contract: neo4j — SKIPPED: NEO4J_URI is not set (set NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD to run it against a live database)', () => {
    it('runs the store contract against Neo4j', () => {});
  });
}
