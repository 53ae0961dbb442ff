/**
 * `pnpm graph:load [dir]`: validates the data (graph/, or GRAPH_DIR, or the
 * directory given), makes sure the schema is in place, and replaces the data
 * set in Neo4j in one transaction. NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD
 * and NEO4J_DATABASE say where. A bad data set or an unreachable database stops
 * it before anything is written.
 */
import { DatasetValidationError, loadDatasetOrThrow } from '@styrgraf/model';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSchema, loadIntoNeo4j } from '../load.ts';
import { createNeo4jDriver, neo4jSettingsFromEnv } from '../open.ts';

const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));
const dir = resolve(process.argv[2] ?? process.env.GRAPH_DIR ?? resolve(repoRoot, 'graph'));

try {
  const started = performance.now();
  const settings = neo4jSettingsFromEnv();
  console.log(`Validating ${dir} …`);
  const dataset = await loadDatasetOrThrow(dir);
  console.log(`✓ ${dataset.meta.name.sv}, version ${dataset.meta.version} (digest ${dataset.digest}): ${dataset.entities.length} entities, ${dataset.relations.length} relations`);
  const driver = createNeo4jDriver(settings);
  try {
    console.log(`Connecting to ${settings.uri} (database "${settings.database}") …`);
    await driver.verifyConnectivity({ database: settings.database });
    console.log('Schema (constraints and indexes, created where missing):');
    await ensureSchema(driver, { database: settings.database, progress: console.log });
    console.log('Loading, in one transaction:');
    const report = await loadIntoNeo4j(driver, dataset, { database: settings.database, progress: console.log });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`✓ loaded ${report.entities} entities and ${report.relations} relations (digest ${report.digest}) in ${seconds} s`);
  } finally {
    await driver.close();
  }
} catch (error) {
  if (error instanceof DatasetValidationError) console.error(error.message);
  else console.error(`graph:load failed; the database is unchanged.\n${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
