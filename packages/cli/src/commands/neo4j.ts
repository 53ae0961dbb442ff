import { parseDataset, serializeDataset, formatIssue } from '@styrgraf/model';
import { createNeo4jDriver, ensureSchema, loadIntoNeo4j, neo4jSettingsFromEnv, readFromNeo4j } from '@styrgraf/store';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { EXIT, parse, UsageError, type Command } from '../command.ts';
import { dataDir, loadOrReport } from '../data-dir.ts';

const WHERE = 'NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD and NEO4J_DATABASE say where.';

export const load: Command = {
  name: 'load',
  usage: `styrgraf load [dir] [--json]
  dir     the data directory (default graph/, or GRAPH_DIR)
  --json  the load report as JSON on stdout; progress stays on stderr
${WHERE} A bad data set or an unreachable database stops it before anything is written.
Exit 1 when the data is invalid, 3 when the load fails (the database is then unchanged).`,
  async run(args, io) {
    const { values, positionals } = parse(args, { json: { type: 'boolean', default: false } });
    if (positionals.length > 1) throw new UsageError(`one data directory at most, not ${positionals.length}`);
    const progress = values.json ? io.err : io.out;
    const started = performance.now();
    const dir = dataDir(positionals[0]);
    progress(`Validating ${dir} …`);
    const dataset = await loadOrReport(dir, io);
    if (!dataset) return EXIT.NO;
    progress(
      `✓ ${dataset.meta.name.sv}, version ${dataset.meta.version} (digest ${dataset.digest}): ${dataset.entities.length} entities, ${dataset.relations.length} relations`,
    );
    try {
      const settings = neo4jSettingsFromEnv();
      const driver = createNeo4jDriver(settings);
      try {
        progress(`Connecting to ${settings.uri} (database "${settings.database}") …`);
        await driver.verifyConnectivity({ database: settings.database });
        progress('Schema (constraints and indexes, created where missing):');
        await ensureSchema(driver, { database: settings.database, progress });
        progress('Loading, in one transaction:');
        const report = await loadIntoNeo4j(driver, dataset, { database: settings.database, progress });
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        if (values.json) io.out(JSON.stringify({ ...report, seconds: Number(seconds) }, null, 2));
        else io.out(`✓ loaded ${report.entities} entities and ${report.relations} relations (digest ${report.digest}) in ${seconds} s`);
        return EXIT.OK;
      } finally {
        await driver.close();
      }
    } catch (error) {
      io.err(`load failed; the database is unchanged.\n${error instanceof Error ? error.message : String(error)}`);
      return EXIT.FAILED;
    }
  },
};

export const exportNeo4j: Command = {
  name: 'export-neo4j',
  usage: `styrgraf export-neo4j <dir>
  dir  a new or empty directory; the files are checked to load to the digest the database holds before they are written
${WHERE}
Exit 3 when the database cannot be read or the files would not load to the same digest.`,
  async run(args, io) {
    const { positionals } = parse(args, {});
    if (positionals.length !== 1) throw new UsageError('say where to write: styrgraf export-neo4j <dir>');
    const dir = resolve(positionals[0]!);
    const existing = await readdir(dir).catch(() => []);
    if (existing.length > 0) throw new UsageError(`${dir} is not empty; export into a new directory`);
    try {
      const settings = neo4jSettingsFromEnv();
      const driver = createNeo4jDriver(settings);
      try {
        io.out(`Reading ${settings.uri} (database "${settings.database}") …`);
        const dataset = await readFromNeo4j(driver, { database: settings.database });
        const files = serializeDataset(dataset, {
          header: `Exported from Neo4j by styrgraf export-neo4j: ${dataset.meta.id} ${dataset.meta.version}, digest ${dataset.digest}.`,
        });
        const reread = parseDataset(files);
        if (!reread.ok) throw new Error(`the exported files do not validate:\n  ${reread.issues.map(formatIssue).join('\n  ')}`);
        if (reread.dataset.digest !== dataset.digest)
          throw new Error(`the exported files load to digest ${reread.dataset.digest}, not the database's ${dataset.digest}`);
        for (const file of files) {
          const path = join(dir, file.path);
          await mkdir(dirname(path), { recursive: true });
          await writeFile(path, file.content);
        }
        io.out(`✓ wrote ${files.length} files to ${dir}: ${dataset.entities.length} entities, digest ${dataset.digest} (the same as loaded)`);
        return EXIT.OK;
      } finally {
        await driver.close();
      }
    } catch (error) {
      io.err(`export-neo4j failed: ${error instanceof Error ? error.message : String(error)}`);
      return EXIT.FAILED;
    }
  },
};
