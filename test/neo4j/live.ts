/**
 * The live Neo4j of the test run (started by test/neo4j/global-setup.ts), as
 * the store tests use it: settings for a scheme, a data set loaded with
 * graph:load's own code, and a store opened on it.
 */
import type { Dataset } from '@styrgraf/model';
import {
  createNeo4jDriver,
  ensureSchema,
  GRAPH_MODEL_VERSION,
  loadIntoNeo4j,
  openNeo4jStore,
  type Neo4jConnectionOptions,
  type Neo4jSettings,
  type Neo4jStore,
} from '@styrgraf/store';
import { liveNeo4j, type LiveNeo4j } from './instances.ts';

export { liveNeo4j, skipReason, type LiveNeo4j } from './instances.ts';

export function settingsOf(neo4j: LiveNeo4j, scheme: 'bolt' | 'neo4j' = 'neo4j'): Neo4jSettings {
  return { uri: scheme === 'bolt' ? neo4j.boltUri : neo4j.routingUri, username: neo4j.username, password: neo4j.password, database: 'neo4j' };
}

/** The LTS settings; throws where the run has none (call it only inside a suite that is not skipped). */
export function ltsSettings(scheme: 'bolt' | 'neo4j' = 'neo4j'): Neo4jSettings {
  const neo4j = liveNeo4j('lts');
  if (!neo4j) throw new Error('no live Neo4j (lts) in this run');
  return settingsOf(neo4j, scheme);
}

/**
 * Makes `dataset` the one the database holds: graph:load's schema and load,
 * skipped when the database already holds a data set of the same digest (files
 * run one at a time, and most of them want graph/).
 */
export async function ensureLoaded(settings: Neo4jSettings, dataset: Dataset): Promise<void> {
  const driver = createNeo4jDriver(settings);
  try {
    const [current] = (
      await driver.executeQuery('MATCH (d:Dataset {key: "current"}) RETURN d.digest AS digest, d.model AS model', {}, { database: settings.database })
    ).records;
    if (current?.get('digest') === dataset.digest && Number(current.get('model')) === GRAPH_MODEL_VERSION) return;
    await ensureSchema(driver, { database: settings.database });
    await loadIntoNeo4j(driver, dataset, { database: settings.database });
  } finally {
    await driver.close();
  }
}

/** A store on the live database, checked to be up. */
export async function openLiveStore(settings: Neo4jSettings, options: Neo4jConnectionOptions = {}): Promise<Neo4jStore> {
  const store = await openNeo4jStore(settings, options);
  const availability = store.connectivity.availability;
  if (availability.status !== 'up') throw new Error(`Neo4j at ${settings.uri} is not available: ${JSON.stringify(availability)}`);
  return store;
}
