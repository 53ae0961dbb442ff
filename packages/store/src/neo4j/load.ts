import type { Dataset, Entity, Relation } from '@styrgraf/model';
import neo4j, { type BookmarkManager, type Driver } from 'neo4j-driver';
import { datasetProperties, datedRelationRow, entityRow, KIND_LABELS, NODE_LABELS, relationRow, RELATIONSHIP_TYPES } from './graph-model.ts';
import { datasetFromRecord, entityFromJson, field, relationFromJson, toNumber } from './mapping.ts';
import { cypher, SCHEMA_STATEMENTS } from './statements.ts';
import { indexMunicipalities } from '../shared/municipalities.ts';

export interface LoadOptions {
  database: string;
  /** Rows per statement inside the one transaction. */
  batchSize?: number;
  /** The whole load must commit within this (default 10 minutes). */
  timeoutMs?: number;
  progress?: (message: string) => void;
  now?: () => Date;
  /**
   * Chains the load with the reads that follow it (causal consistency): a store
   * on the same driver sees the load even on a cluster member that has not
   * caught up yet. The driver's own manager unless given.
   */
  bookmarkManager?: BookmarkManager;
}

export interface LoadReport {
  entities: number;
  relations: number;
  digest: string;
  /** The data set the load replaced, if any. */
  previous: { id: string; version: string; digest: string } | null;
  /** The bookmarks of the committed load: a read that starts from them sees it. */
  bookmarks: string[];
}

const KNOWN_LABELS = new Set(Object.values(KIND_LABELS));
const KNOWN_TYPES = new Set<string>(RELATIONSHIP_TYPES);

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Creates the constraints and indexes the store's statements rely on, if missing, and waits until they are online. */
export async function ensureSchema(driver: Driver, options: Pick<LoadOptions, 'database' | 'progress' | 'bookmarkManager'>): Promise<void> {
  for (const name of SCHEMA_STATEMENTS) {
    // Schema changes cannot share a transaction with each other or with data: one session call each.
    const session = driver.session({
      database: options.database,
      defaultAccessMode: neo4j.session.WRITE,
      bookmarkManager: options.bookmarkManager ?? driver.executeQueryBookmarkManager,
    });
    try {
      await session.executeWrite(
        async (tx) => {
          await tx.run(cypher(name), {});
        },
        { timeout: 600_000, metadata: { app: 'styrgraf', statement: name } },
      );
    } finally {
      await session.close();
    }
    options.progress?.(`  schema: ${name.replace(/^schema-/, '')} ✓`);
  }
}

/**
 * Replaces the data set in the database with `dataset`, in one write
 * transaction: the old data set is deleted and the new one written and
 * counted inside it, so readers see the old one until the new one commits, a
 * failure anywhere leaves the old one as it was, and a second run gives the
 * same graph. The work is idempotent, so the driver may retry it.
 */
export async function loadIntoNeo4j(driver: Driver, dataset: Dataset, options: LoadOptions): Promise<LoadReport> {
  const batchSize = options.batchSize ?? 500;
  const municipalities = indexMunicipalities(dataset.entities, dataset.relations);
  const entityRows = dataset.entities.map((e) => entityRow(e, municipalities.municipalityOf.get(e.id) ?? null));
  const relationRows = dataset.relations.map(relationRow);
  const datedRows = dataset.relations.map(datedRelationRow).filter((row) => row !== null);
  // The loader writes labels and types from the vocabulary only; a row that says otherwise is a bug, stopped here.
  for (const row of entityRows) if (!KNOWN_LABELS.has(row.label) || !NODE_LABELS.includes(row.label)) throw new Error(`refusing to write label ${row.label}`);
  for (const row of relationRows) if (!KNOWN_TYPES.has(row.type)) throw new Error(`refusing to write relationship type ${row.type}`);

  const session = driver.session({
    database: options.database,
    defaultAccessMode: neo4j.session.WRITE,
    bookmarkManager: options.bookmarkManager ?? driver.executeQueryBookmarkManager,
  });
  try {
    const [before] = await session.executeRead(async (tx) => (await tx.run(cypher('dataset'), {})).records, { timeout: 60_000 });
    const previous = before ? datasetFromRecord(before) : null;
    await session.executeWrite(
      async (tx) => {
        options.progress?.(
          previous ? `  replacing ${previous.meta.id} ${previous.meta.version} (digest ${previous.digest})` : '  loading into an empty database',
        );
        await tx.run(cypher('load-clear'), {});
        let written = 0;
        for (const rows of chunks(entityRows, batchSize)) {
          await tx.run(cypher('load-entities'), { rows });
          written += rows.length;
          options.progress?.(`  entities ${written}/${entityRows.length}`);
        }
        written = 0;
        for (const rows of chunks(relationRows, batchSize)) {
          await tx.run(cypher('load-relations'), { rows });
          written += rows.length;
          options.progress?.(`  relations ${written}/${relationRows.length}`);
        }
        for (const rows of chunks(datedRows, batchSize)) await tx.run(cypher('load-dated-relations'), { rows });
        await tx.run(cypher('load-dataset'), { properties: datasetProperties(dataset, (options.now ?? (() => new Date()))(), municipalities.list) });
        const [count] = (await tx.run(cypher('load-count'), {})).records;
        const entities = count ? toNumber(field(count, 'entities')) : 0;
        const relations = count ? toNumber(field(count, 'relations')) : 0;
        const dated = count ? toNumber(field(count, 'datedRelations')) : 0;
        if (entities !== entityRows.length || relations !== relationRows.length || dated !== datedRows.length) {
          // Throwing rolls the transaction back: the previous data set stays.
          throw new Error(
            `the database holds ${entities} entities, ${relations} relations and ${dated} dated relations after loading, not ${entityRows.length}, ${relationRows.length} and ${datedRows.length}; nothing was changed`,
          );
        }
      },
      { timeout: options.timeoutMs ?? 600_000, metadata: { app: 'styrgraf', statement: 'graph:load' } },
    );
    return {
      entities: entityRows.length,
      relations: relationRows.length,
      digest: dataset.digest,
      previous: previous ? { id: previous.meta.id, version: previous.meta.version, digest: previous.digest } : null,
      bookmarks: session.lastBookmarks(),
    };
  } finally {
    await session.close();
  }
}

/**
 * Reads the loaded data set back, in one read transaction so that it is one
 * consistent snapshot: the meta, tours and digest it was loaded with, every
 * entity, and the relations written in files (not the derived ones).
 */
export async function readFromNeo4j(driver: Driver, options: { database: string; bookmarkManager?: BookmarkManager }): Promise<Dataset> {
  const session = driver.session({
    database: options.database,
    defaultAccessMode: neo4j.session.READ,
    bookmarkManager: options.bookmarkManager ?? driver.executeQueryBookmarkManager,
  });
  try {
    return await session.executeRead(
      async (tx) => {
        const [record] = (await tx.run(cypher('dataset'), {})).records;
        if (!record) throw new Error(`database "${options.database}" holds no Styrgraf data set; load one with pnpm graph:load`);
        const { meta, digest, tours } = datasetFromRecord(record);
        const entities: Entity[] = (await tx.run(cypher('export-entities'), {})).records.map((r) => entityFromJson(field(r, 'json')));
        const relations: Relation[] = (await tx.run(cypher('export-relations'), {})).records.map((r) => relationFromJson(field(r, 'json')));
        return { meta, digest, entities, relations, tours };
      },
      { timeout: 600_000, metadata: { app: 'styrgraf', statement: 'graph:export' } },
    );
  } finally {
    await session.close();
  }
}
