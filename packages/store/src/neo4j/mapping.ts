import { isIsoDate, type DatasetMeta, type Entity, type Relation, type Tour } from '@styrgraf/model';
import neo4j, { type Record as Neo4jRecord } from 'neo4j-driver';
import { StoreError, type MunicipalityList } from '../port.ts';
import type { DatasetCounts } from './graph-model.ts';
import { toNeo4jDate } from './graph-model.ts';

/**
 * Records to the model and arguments to parameters. Nodes and relationships
 * come back as their `json` property, written by the loader from the validated
 * data set, so that a round trip through Neo4j changes nothing.
 */

function parseJson<T>(value: unknown, what: string): T {
  if (typeof value !== 'string')
    throw new Error(`Neo4j returned no ${what} JSON (got ${value === null ? 'null' : typeof value}); was the data loaded with graph:load?`);
  return JSON.parse(value) as T;
}

export const entityFromJson = (value: unknown): Entity => parseJson<Entity>(value, 'entity');
export const relationFromJson = (value: unknown): Relation => parseJson<Relation>(value, 'relation');

export function listOf<T>(value: unknown, map: (item: unknown) => T): T[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`Neo4j returned ${typeof value} where a list was expected`);
  return value.map(map);
}

export function toNumber(value: unknown): number {
  if (neo4j.isInt(value)) return value.toNumber();
  if (typeof value === 'number') return value;
  throw new Error(`Neo4j returned ${typeof value} where an integer was expected`);
}

export function field(record: Neo4jRecord, key: string): unknown {
  return record.get(key);
}

export interface DatasetNode {
  meta: DatasetMeta;
  digest: string;
  counts: DatasetCounts;
  tours: Tour[];
  /** Null when loaded by a layout without municipalities (refused as an older layout). */
  municipalities: MunicipalityList | null;
  /** The graph layout it was loaded in; null when loaded before layouts were numbered. */
  model: number | null;
}

export function datasetFromRecord(record: Neo4jRecord): DatasetNode {
  return {
    meta: parseJson<DatasetMeta>(field(record, 'meta'), 'data set meta'),
    digest: String(field(record, 'digest')),
    counts: parseJson<DatasetCounts>(field(record, 'counts'), 'data set counts'),
    tours: parseJson<Tour[]>(field(record, 'tours'), 'tours'),
    municipalities: field(record, 'municipalities') === null ? null : parseJson<MunicipalityList>(field(record, 'municipalities'), 'municipalities'),
    model: field(record, 'model') === null ? null : toNumber(field(record, 'model')),
  };
}

/** LIMIT, SKIP and other counts travel as Neo4j integers, never as floats. */
export const intParam = (n: number) => neo4j.int(n);

/** A date argument as a Neo4j DATE, null for "no time filter". */
export function dateParam(value: string | null | undefined, argument: string): ReturnType<typeof toNeo4jDate> | null {
  if (value === null || value === undefined || value === '') return null;
  if (!isIsoDate(value)) throw new StoreError('BAD_USER_INPUT', `"${argument}" must be a date written YYYY-MM-DD; got ${JSON.stringify(value.slice(0, 40))}.`);
  return toNeo4jDate(value);
}

/**
 * A filter list: absent means every value (named in full, so that a statement
 * filters with one `IN` that an index can serve, never `$x IS NULL OR …`); an
 * empty list means none, as in the embedded store.
 */
export function filterParam<T>(value: readonly T[] | null | undefined, every: readonly T[]): T[] {
  return [...new Set(value ?? every)];
}
