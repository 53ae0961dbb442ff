import { canonicalJson, type Dataset, type Entity, type ProvisionEntity, type Relation } from '@styrgraf/model';

/** One field that differs, by its path in the record ("name.sv", "evidence.quote"), with both values as JSON values. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface Changed<T> {
  id: string;
  before: T;
  after: T;
  fields: FieldChange[];
}

export interface Changes<T> {
  added: T[];
  removed: T[];
  changed: Changed<T>[];
}

export interface DatasetDiff {
  a: DatasetSummary;
  b: DatasetSummary;
  meta: FieldChange[];
  entities: Changes<Entity>;
  relations: Changes<Relation>;
  /** Provisions whose words changed: a quote that stood in the old text may not stand in the new. */
  provisionTexts: Changed<ProvisionEntity>[];
  tours: Changes<{ id: string }>;
}

export interface DatasetSummary {
  id: string;
  version: string;
  digest: string;
  entities: number;
  relations: number;
}

/** Where a record came from is not part of what it says: a moved line is no change. */
const IGNORED = new Set(['origin']);

/**
 * What changed from data set `a` to data set `b`: entities, relations and
 * tours added, removed, and changed field by field (matched by id), the
 * meta's fields, and the provisions whose text changed. Derived relations
 * (from decision areas) are compared like the rest, so a participant added
 * to a decision area shows as the relation it gives.
 */
export function diffDatasets(a: Dataset, b: Dataset): DatasetDiff {
  const entities = compareById(a.entities, b.entities);
  const provisionTexts = entities.changed.filter(
    (c): c is Changed<ProvisionEntity> => c.before.kind === 'PROVISION' && c.after.kind === 'PROVISION' && c.fields.some((f) => f.field === 'text'),
  );
  return {
    a: summary(a),
    b: summary(b),
    meta: fieldChanges(a.meta, b.meta),
    entities,
    relations: compareById(a.relations, b.relations),
    provisionTexts,
    tours: compareById(a.tours, b.tours),
  };
}

export function isEmpty(diff: DatasetDiff): boolean {
  const none = (c: Changes<unknown>) => c.added.length + c.removed.length + c.changed.length === 0;
  return diff.meta.length === 0 && none(diff.entities) && none(diff.relations) && none(diff.tours);
}

function summary(d: Dataset): DatasetSummary {
  return { id: d.meta.id, version: d.meta.version, digest: d.digest, entities: d.entities.length, relations: d.relations.length };
}

function compareById<T extends { id: string }>(before: readonly T[], after: readonly T[]): Changes<T> {
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Map(after.map((x) => [x.id, x]));
  const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  const changed: Changed<T>[] = [];
  for (const [id, b] of now) {
    const a = old.get(id);
    if (!a) continue;
    const fields = fieldChanges(a, b);
    if (fields.length > 0) changed.push({ id, before: a, after: b, fields });
  }
  return {
    added: [...now.values()].filter((x) => !old.has(x.id)).sort(byId),
    removed: [...old.values()].filter((x) => !now.has(x.id)).sort(byId),
    changed: changed.sort(byId),
  };
}

/** Differences between two records, object fields walked down to their leaves; arrays compared whole. */
export function fieldChanges(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !(path === '' && IGNORED.has(k))).sort();
    return keys.flatMap((k) => fieldChanges(before[k], after[k], path ? `${path}.${k}` : k));
  }
  if (canonicalJson(before ?? null) === canonicalJson(after ?? null)) return [];
  return [{ field: path, before: before ?? null, after: after ?? null }];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
