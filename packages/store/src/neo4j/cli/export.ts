/**
 * `pnpm graph:export <dir>`: writes the data set in Neo4j back to YAML files
 * laid out as graph/ is, which `pnpm graph:validate <dir>` accepts. The files
 * are checked before they are written: they must load to the digest the
 * database holds. An existing non-empty directory is refused.
 */
import { parseDataset, serializeDataset, formatIssue } from '@styrgraf/model';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { readFromNeo4j } from '../load.ts';
import { createNeo4jDriver, neo4jSettingsFromEnv } from '../open.ts';

const target = process.argv[2];
try {
  if (!target) throw new Error('Say where to write: pnpm graph:export <dir>');
  const dir = resolve(target);
  const existing = await readdir(dir).catch(() => []);
  if (existing.length > 0) throw new Error(`${dir} is not empty; export into a new directory`);
  const settings = neo4jSettingsFromEnv();
  const driver = createNeo4jDriver(settings);
  try {
    console.log(`Reading ${settings.uri} (database "${settings.database}") …`);
    const dataset = await readFromNeo4j(driver, { database: settings.database });
    const files = serializeDataset(dataset, { header: `Exported from Neo4j by graph:export: ${dataset.meta.id} ${dataset.meta.version}, digest ${dataset.digest}.` });
    const check = parseDataset(files);
    if (!check.ok) throw new Error(`the exported files do not validate:\n  ${check.issues.map(formatIssue).join('\n  ')}`);
    if (check.dataset.digest !== dataset.digest) throw new Error(`the exported files load to digest ${check.dataset.digest}, not the database's ${dataset.digest}`);
    for (const file of files) {
      const path = join(dir, file.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.content);
    }
    console.log(`✓ wrote ${files.length} files to ${dir}: ${dataset.entities.length} entities, digest ${dataset.digest} (the same as loaded)`);
  } finally {
    await driver.close();
  }
} catch (error) {
  console.error(`graph:export failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
