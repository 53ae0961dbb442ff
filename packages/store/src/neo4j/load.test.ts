import { loadDatasetOrThrow, parseDataset, serializeDataset, type Dataset } from '@styrgraf/model';
import neo4j from 'neo4j-driver';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { KIND_LABELS } from './graph-model.ts';
import { ensureSchema, loadIntoNeo4j, readFromNeo4j } from './load.ts';
import { SCHEMA_STATEMENTS } from './statements.ts';
import { FakeDriver, neo4jError, record, type RecordedRun } from './testing/fake-driver.ts';

const graphDir = fileURLToPath(new URL('../../../../graph', import.meta.url));
let dataset: Dataset;
beforeAll(async () => {
  dataset = await loadDatasetOrThrow(graphDir);
});

interface Row {
  label?: string;
  type?: string;
  properties: Record<string, unknown>;
}

/**
 * A database as far as the loader sees it: rows written inside a transaction
 * become the committed state only when the transaction commits.
 */
class FakeDatabase {
  committed = { entities: [] as Row[], relations: [] as Row[], dataset: null as Record<string, unknown> | null };
  private pending = this.committed;
  failOn: ((run: RecordedRun) => Error | null) | null = null;
  readonly fake = new FakeDriver((run) => this.answer(run));

  constructor() {
    // Each write transaction starts from the committed state and replaces it only on commit.
    this.fake.writeHooks = {
      begin: () => {
        this.pending = { ...this.committed };
      },
      commit: () => {
        this.committed = this.pending;
      },
    };
  }

  private answer(run: RecordedRun) {
    const failure = this.failOn?.(run);
    if (failure) return failure;
    const state = run.mode === 'WRITE' ? this.pending : this.committed;
    switch (run.statement) {
      case 'load-clear':
        this.pending = { entities: [], relations: [], dataset: null };
        return [];
      case 'load-entities':
        this.pending = { ...this.pending, entities: [...this.pending.entities, ...(run.params.rows as Row[])] };
        return [];
      case 'load-relations':
        this.pending = { ...this.pending, relations: [...this.pending.relations, ...(run.params.rows as Row[])] };
        return [];
      case 'load-dataset':
        this.pending = { ...this.pending, dataset: run.params.properties as Record<string, unknown> };
        return [];
      case 'load-count':
        return [record({ entities: neo4j.int(this.pending.entities.length), relations: neo4j.int(this.pending.relations.length) })];
      case 'dataset':
        return state.dataset ? [record({ meta: state.dataset.meta, digest: state.dataset.digest, counts: state.dataset.counts, tours: state.dataset.tours })] : [];
      case 'export-entities':
        return state.entities.map((r) => record({ json: r.properties.json }));
      case 'export-relations':
        return state.relations.filter((r) => r.properties.derivedFrom === null).map((r) => record({ json: r.properties.json }));
      default:
        return [];
    }
  }
}

describe('graph:load', () => {
  it('creates the schema one statement per transaction, waiting for the indexes last', async () => {
    const db = new FakeDatabase();
    await ensureSchema(db.fake.driver, { database: 'neo4j' });
    expect(db.fake.runs.map((r) => r.statement)).toEqual(SCHEMA_STATEMENTS);
    expect(db.fake.runs.every((r) => r.mode === 'WRITE')).toBe(true);
    expect(db.fake.sessionsOpened).toBe(SCHEMA_STATEMENTS.length);
    expect(db.fake.sessionsClosed).toBe(SCHEMA_STATEMENTS.length);
  });

  it('writes the whole data set in one transaction, in batches, with labels and types from the vocabulary', async () => {
    const db = new FakeDatabase();
    const report = await loadIntoNeo4j(db.fake.driver, dataset, { database: 'neo4j', batchSize: 100, now: () => new Date('2026-01-01T00:00:00Z') });
    expect(report).toEqual({ entities: dataset.entities.length, relations: dataset.relations.length, digest: dataset.digest, previous: null });
    const writes = db.fake.runs.filter((r) => r.mode === 'WRITE');
    expect(new Set(writes.map((w) => w.config?.metadata?.statement))).toEqual(new Set(['graph:load']));
    expect(writes.map((w) => w.statement)).toEqual([
      'load-clear',
      ...Array(Math.ceil(dataset.entities.length / 100)).fill('load-entities'),
      ...Array(Math.ceil(dataset.relations.length / 100)).fill('load-relations'),
      'load-dataset',
      'load-count',
    ]);
    const labels = new Set(db.committed.entities.map((r) => r.label));
    expect([...labels].every((l) => Object.values(KIND_LABELS).includes(l!))).toBe(true);
    const ks = db.committed.entities.find((r) => r.properties.id === 'kommunstyrelsen')!;
    expect(ks.label).toBe('PoliticalBody');
    expect(ks.properties).toMatchObject({ kind: 'POLITICAL_BODY', infixText: expect.stringContaining('kommunstyrelsen') });
    const tuk = db.committed.entities.find((r) => r.properties.id === 'tillvaxt-och-utvecklingskontoret')!;
    expect(neo4j.isDate(tuk.properties.validFrom)).toBe(true);
    expect(String(tuk.properties.validFrom)).toBe('2024-01-01');
    const appoints = db.committed.relations.find((r) => r.properties.id === 'kommunstyrelsen.appoints.kommundirektor')!;
    expect(appoints).toMatchObject({ type: 'APPOINTS', properties: { family: 'REPORTING', cites: expect.arrayContaining(['kl-7-1']) } });
  });

  it('gives the same graph when run twice', async () => {
    const db = new FakeDatabase();
    const now = () => new Date('2026-01-01T00:00:00Z');
    await loadIntoNeo4j(db.fake.driver, dataset, { database: 'neo4j', now });
    const first = JSON.stringify(db.committed);
    const report = await loadIntoNeo4j(db.fake.driver, dataset, { database: 'neo4j', now });
    expect(JSON.stringify(db.committed)).toBe(first);
    expect(report.previous).toEqual({ id: 'norrkoping', version: dataset.meta.version, digest: dataset.digest });
  });

  it('leaves the previous data set untouched when a run fails midway', async () => {
    const db = new FakeDatabase();
    await loadIntoNeo4j(db.fake.driver, dataset, { database: 'neo4j' });
    const before = JSON.stringify(db.committed);
    let batches = 0;
    db.failOn = (run) => (run.statement === 'load-relations' && ++batches === 2 ? neo4jError('Neo.TransientError.General.OutOfMemoryError', 'out of memory') : null);
    await expect(loadIntoNeo4j(db.fake.driver, dataset, { database: 'neo4j', batchSize: 100 })).rejects.toThrow(/out of memory/);
    expect(JSON.stringify(db.committed)).toBe(before);
    expect(db.fake.rolledBack.map((r) => r.statement)).toContain('load-clear');
  });

  it('refuses to commit when the database holds other counts than the files', async () => {
    const db = new FakeDatabase();
    const count = db.fake.respond;
    db.fake.respond = (run) => (run.statement === 'load-count' ? [record({ entities: neo4j.int(1), relations: neo4j.int(0) })] : count(run));
    await expect(loadIntoNeo4j(db.fake.driver, dataset, { database: 'neo4j' })).rejects.toThrow(/holds 1 entities and 0 relations after loading/);
    expect(db.committed.entities).toEqual([]);
  });
});

describe('graph:export', () => {
  it('reads back what was loaded, to files that validate with the same digest', async () => {
    const db = new FakeDatabase();
    await loadIntoNeo4j(db.fake.driver, dataset, { database: 'neo4j' });
    const exported = await readFromNeo4j(db.fake.driver, { database: 'neo4j' });
    expect(exported.digest).toBe(dataset.digest);
    expect(exported.relations.every((r) => !r.derivedFrom)).toBe(true);
    const result = parseDataset(serializeDataset(exported));
    expect(result.ok && result.dataset.digest).toBe(dataset.digest);
    expect(db.fake.runs.filter((r) => r.mode === 'READ').map((r) => r.statement).slice(-3)).toEqual(['dataset', 'export-entities', 'export-relations']);
  });

  it('says so when no data set is loaded', async () => {
    const db = new FakeDatabase();
    await expect(readFromNeo4j(db.fake.driver, { database: 'neo4j' })).rejects.toThrow(/holds no Styrgraf data set; load one with pnpm graph:load/);
  });
});
