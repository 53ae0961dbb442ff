/**
 * graph:load and graph:export against the run's live Neo4j (5.26 LTS): the
 * commands themselves, run twice, round-tripped, and made to fail midway —
 * by a constraint the database enforces, by counts that do not add up, and by
 * the connection dropping — each time reading back that the previous data set
 * is there as it was. And bookmarks: a read after a load sees it.
 */
import { loadDatasetOrThrow, type Dataset } from '@styrgraf/model';
import neo4j, { type BookmarkManager, type Driver } from 'neo4j-driver';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNeo4jDriver, ensureSchema, loadIntoNeo4j, Neo4jStore, readFromNeo4j, type Neo4jSettings } from '../src/index.ts';
import { GRAPH_MODEL_VERSION } from '../src/neo4j/graph-model.ts';
import { RecordingDriver } from './recording-driver.ts';
import { ensureLoaded, liveNeo4j, ltsSettings, skipReason } from '../../../test/neo4j/live.ts';
import { startTcpProxy } from './tcp-proxy.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const graphDir = join(root, 'graph');
const tsx = join(root, 'node_modules/.bin/tsx');
const lts = liveNeo4j('lts');
const skip = skipReason('lts');

/** Runs `styrgraf load` or `styrgraf export-neo4j` as `pnpm graph:load` and `pnpm graph:export` do, against the live database. */
async function command(script: 'load' | 'export', args: string[], settings: Neo4jSettings): Promise<{ code: number; out: string }> {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, NEO4J_URI: settings.uri, NEO4J_USERNAME: settings.username, NEO4J_PASSWORD: settings.password };
  return promisify(execFile)(tsx, [join(root, 'packages/cli/src/run.ts'), script === 'load' ? 'load' : 'export-neo4j', ...args], { cwd: root, env }).then(
    ({ stdout, stderr }) => ({ code: 0, out: stdout + stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? 1, out: `${error.stdout ?? ''}${error.stderr ?? ''}` }),
  );
}

/** Everything the database holds of the data set, but the time it was loaded at, in a stable order. */
async function fingerprint(driver: Driver): Promise<string> {
  const q = async (text: string) => (await driver.executeQuery(text, {}, { database: 'neo4j' })).records.map((r) => r.toObject());
  return JSON.stringify({
    entities: await q('MATCH (e:Entity) RETURN e.id AS id, labels(e) AS labels, e.json AS json, e.validFrom AS validFrom ORDER BY id'),
    relations: await q('MATCH (a:Entity)-[r]->(b:Entity) RETURN a.id AS from, type(r) AS type, b.id AS to, r.id AS id, r.json AS json ORDER BY id'),
    dated: await q('MATCH (d:DatedRelation) RETURN d.id AS id, d.validFrom AS validFrom, d.validTo AS validTo ORDER BY id'),
    dataset: await q('MATCH (d:Dataset) RETURN d.key AS key, d.id AS id, d.version AS version, d.digest AS digest, d.counts AS counts'),
  });
}

async function heldDigest(driver: Driver): Promise<string | null> {
  const [record] = (await driver.executeQuery('MATCH (d:Dataset) RETURN d.digest AS digest', {}, { database: 'neo4j' })).records;
  return (record?.get('digest') as string | undefined) ?? null;
}

/** The data set again, under another digest: a second data set to replace the first with. */
const renamed = (dataset: Dataset, digest: string): Dataset => ({ ...dataset, digest });

describe.skipIf(!lts)(`graph:load and graph:export on a live Neo4j${skip ? ` — SKIPPED: ${skip}` : ''}`, () => {
  let settings: Neo4jSettings;
  let dataset: Dataset;
  let driver: Driver;
  const temps: string[] = [];

  beforeAll(async () => {
    settings = ltsSettings('bolt');
    dataset = await loadDatasetOrThrow(graphDir);
    driver = createNeo4jDriver(settings);
    await ensureLoaded(settings, dataset);
  });
  afterAll(async () => {
    await driver?.close();
    await Promise.all(temps.map((t) => rm(t, { recursive: true, force: true })));
  });

  it('creates the constraints and indexes where missing, all online, and a second run changes nothing', async () => {
    await ensureSchema(driver, { database: 'neo4j' });
    const names = async () =>
      (
        await driver.executeQuery('SHOW INDEXES YIELD name, state, type WHERE type <> "LOOKUP" RETURN name, state ORDER BY name', {}, { database: 'neo4j' })
      ).records.map((r) => `${r.get('name')}:${r.get('state')}`);
    const first = await names();
    expect(first).toEqual(
      expect.arrayContaining([
        'dataset_key:ONLINE',
        'dated_relation_from:ONLINE',
        'dated_relation_to:ONLINE',
        'entity_id:ONLINE',
        'entity_infix:ONLINE',
        'entity_kind:ONLINE',
        'entity_search:ONLINE',
        'entity_search_sv:ONLINE',
        'entity_valid_from:ONLINE',
        'entity_valid_to:ONLINE',
        'provision_document:ONLINE',
      ]),
    );
    await ensureSchema(driver, { database: 'neo4j' });
    expect(await names()).toEqual(first);
  });

  it('`graph:load` run twice gives the same graph and digest', async () => {
    const once = await command('load', [graphDir], settings);
    expect(once.code, once.out).toBe(0);
    expect(once.out).toContain(`✓ loaded ${dataset.entities.length} entities and ${dataset.relations.length} relations (digest ${dataset.digest})`);
    const after = await fingerprint(driver);
    const twice = await command('load', [graphDir], settings);
    expect(twice.code, twice.out).toBe(0);
    expect(twice.out).toContain(`replacing norrkoping ${dataset.meta.version} (digest ${dataset.digest})`);
    expect(await fingerprint(driver)).toBe(after);
    expect(await heldDigest(driver)).toBe(dataset.digest);
  });

  it('writes each entity under its kind’s label, each relation under its kind’s type, dates as dates, and a :DatedRelation for each dated relation', async () => {
    const [ks] = (await driver.executeQuery('MATCH (e:Entity {id: "kommunstyrelsen"}) RETURN labels(e) AS labels', {}, { database: 'neo4j' })).records;
    expect([...(ks!.get('labels') as string[])].sort()).toEqual(['Entity', 'PoliticalBody']);
    const [appoints] = (
      await driver.executeQuery(
        'MATCH (:Entity {id: "kommunstyrelsen"})-[r {id: "kommunstyrelsen.appoints.kommundirektor"}]->(:Entity {id: "kommundirektor"}) RETURN type(r) AS type, r.family AS family, r.cites AS cites',
        {},
        { database: 'neo4j' },
      )
    ).records;
    expect(appoints!.toObject()).toMatchObject({ type: 'APPOINTS', family: 'REPORTING', cites: expect.arrayContaining(['kl-7-1']) });
    const [tuk] = (await driver.executeQuery('MATCH (e:Entity {id: "tillvaxt-och-utvecklingskontoret"}) RETURN e.validFrom AS from', {}, { database: 'neo4j' }))
      .records;
    expect(neo4j.isDate(tuk!.get('from'))).toBe(true);
    expect(String(tuk!.get('from'))).toBe('2024-01-01');
    const dated = dataset.relations
      .filter((r) => r.validFrom || r.validTo)
      .map((r) => r.id)
      .sort();
    expect(dated.length).toBeGreaterThan(0);
    const held = (await driver.executeQuery('MATCH (d:DatedRelation) RETURN d.id AS id ORDER BY id', {}, { database: 'neo4j' })).records.map(
      (r) => r.get('id') as string,
    );
    expect(held).toEqual(dated);
  });

  it('`graph:export` writes files that validate and load to the same digest', async () => {
    const out = await mkdtemp(join(tmpdir(), 'styrgraf-export-'));
    temps.push(out);
    const exported = await command('export', [out], settings);
    expect(exported.code, exported.out).toBe(0);
    expect(exported.out).toContain(`digest ${dataset.digest} (the same as loaded)`);
    expect(await readdir(out)).toEqual(expect.arrayContaining(['meta.yaml', 'entities', 'relations']));
    expect((await loadDatasetOrThrow(out)).digest).toBe(dataset.digest);
    const refused = await command('export', [out], settings);
    // A directory that is not empty is a wrong call (exit 2), not a failure to run.
    expect(refused.code).toBe(2);
    expect(refused.out).toMatch(/is not empty; export into a new directory/);
  });

  describe('a load that fails midway leaves the previous data set as it was', () => {
    let before: string;
    beforeAll(async () => {
      await ensureLoaded(settings, dataset);
      before = await fingerprint(driver);
    });

    it('on a constraint the database enforces: a second entity with an id already written', async () => {
      // The validator refuses such a copy of graph/ before it reaches the loader; planted after it, the database's uniqueness constraint is what stops it.
      const duplicate = { ...dataset.entities.find((e) => e.id === 'kommunstyrelsen')!, name: { sv: 'Kommunstyrelsen (kopia)', en: 'Copy' } };
      const broken = { ...renamed(dataset, 'c0ffee0000000001'), entities: [...dataset.entities, duplicate] };
      await expect(loadIntoNeo4j(driver, broken, { database: 'neo4j', batchSize: 50 })).rejects.toMatchObject({
        code: 'Neo.ClientError.Schema.ConstraintValidationFailed',
      });
      expect(await fingerprint(driver)).toBe(before);
    });

    it('on counts that do not add up: a relation to an entity that is not there', async () => {
      const stray = { ...dataset.relations[0]!, id: 'stray.relation', to: 'finns-inte' };
      const broken = { ...renamed(dataset, 'c0ffee0000000002'), relations: [...dataset.relations, stray] };
      await expect(loadIntoNeo4j(driver, broken, { database: 'neo4j' })).rejects.toThrow(
        `the database holds ${dataset.entities.length} entities, ${dataset.relations.length} relations and`,
      );
      expect(await fingerprint(driver)).toBe(before);
    });

    it('on the connection dropping in the middle of the relations', async () => {
      const proxy = await startTcpProxy(Number(new URL(settings.uri).port));
      const recorder = new RecordingDriver(createNeo4jDriver({ ...settings, uri: `bolt://127.0.0.1:${proxy.port}` }, { maxRetryTimeMs: 1_000 }));
      let batches = 0;
      recorder.onRun = (run) => {
        if (run.statement === 'load-relations' && ++batches === 3) proxy.cut();
      };
      try {
        await expect(loadIntoNeo4j(recorder.driver, renamed(dataset, 'c0ffee0000000003'), { database: 'neo4j', batchSize: 40 })).rejects.toMatchObject({
          code: expect.stringMatching(/ServiceUnavailable|SessionExpired/),
        });
      } finally {
        await recorder.real.close();
        await proxy.close();
      }
      expect(batches).toBe(3);
      expect(recorder.runs.filter((r) => r.statement === 'load-clear')).toHaveLength(1);
      expect(await fingerprint(driver)).toBe(before);
      // The database let go of the dropped transaction: the next load goes through.
      await loadIntoNeo4j(driver, dataset, { database: 'neo4j' });
      expect(await fingerprint(driver)).toBe(before);
    });
  });

  it('a read after a load sees it: the store starts from the load’s bookmarks', async () => {
    const manager = neo4j.bookmarkManager();
    const asked: string[][] = [];
    const watched = {
      getBookmarks: async () => {
        const bookmarks = [...(await manager.getBookmarks())];
        asked.push(bookmarks);
        return bookmarks;
      },
      updateBookmarks: (previous: Iterable<string>, next: Iterable<string>) => manager.updateBookmarks(previous, next),
    } as BookmarkManager;
    const loader = createNeo4jDriver(settings);
    const store = await new Neo4jStore(loader, { uri: settings.uri, database: 'neo4j', bookmarkManager: watched }).start();
    try {
      const report = await loadIntoNeo4j(loader, renamed(dataset, 'c0ffee0000000004'), { database: 'neo4j', bookmarkManager: watched });
      expect(report.bookmarks.length).toBeGreaterThan(0);
      expect([...(await manager.getBookmarks())]).toEqual(expect.arrayContaining(report.bookmarks));
      asked.length = 0;
      expect((await store.info()).digest).toBe('c0ffee0000000004');
      expect(asked.some((bookmarks) => report.bookmarks.every((b) => bookmarks.includes(b)))).toBe(true);
      // And readFromNeo4j, on the driver's own manager by default, sees it as well.
      expect((await readFromNeo4j(loader, { database: 'neo4j', bookmarkManager: watched })).digest).toBe('c0ffee0000000004');
    } finally {
      await store.close();
    }
    await ensureLoaded(settings, dataset);
  });

  it('a data set written in an older layout is refused with a request to load it again', async () => {
    await ensureLoaded(settings, dataset);
    await driver.executeQuery('MATCH (d:Dataset) REMOVE d.model', {}, { database: 'neo4j' });
    const store = await new Neo4jStore(createNeo4jDriver(settings), { uri: settings.uri, database: 'neo4j' }).start();
    try {
      await expect(store.info()).rejects.toMatchObject({
        code: 'STORE_UNAVAILABLE',
        message: expect.stringMatching(
          new RegExp(
            `holds norrkoping .* as an older Styrgraf wrote it \\(graph layout 1; this one reads ${GRAPH_MODEL_VERSION}\\); load it again with \`pnpm graph:load\``,
          ),
        ),
      });
    } finally {
      await store.close();
      await ensureLoaded(settings, dataset);
    }
    expect(await heldDigest(driver)).toBe(dataset.digest);
  });

  it('`graph:export` says so when the database holds no data set', async () => {
    await driver.executeQuery('MATCH (n) WHERE n:Entity OR n:Dataset OR n:DatedRelation DETACH DELETE n', {}, { database: 'neo4j' });
    try {
      await expect(readFromNeo4j(driver, { database: 'neo4j' })).rejects.toThrow(/holds no Styrgraf data set; load one with pnpm graph:load/);
      const out = await mkdtemp(join(tmpdir(), 'styrgraf-export-'));
      temps.push(out);
      const refused = await command('export', [out], settings);
      // The command could not run (exit 3): there is nothing to export.
      expect(refused.code).toBe(3);
      expect(refused.out).toContain('holds no Styrgraf data set');
    } finally {
      await ensureLoaded(settings, dataset);
    }
  });
});
