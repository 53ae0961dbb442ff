import {
  ACTOR_KINDS,
  GOVERNANCE_FAMILIES,
  isValidAt,
  type Dataset,
  type Entity,
  type EntityKind,
  type ProvisionEntity,
  type Relation,
  type RelationFamily,
  type SourceDocumentEntity,
} from '@styrgraf/model';

/** What an export is asked for: a date (none: every date) and the families and kinds to keep. */
export interface ExportFilter {
  asOf?: string | null;
  families?: readonly RelationFamily[];
  kinds?: readonly EntityKind[];
}

/** The entity kinds an export holds when none are asked for: the actors and the decisions they take part in. */
export const DEFAULT_EXPORT_KINDS: readonly EntityKind[] = [...ACTOR_KINDS, 'DECISION_AREA'];

/**
 * One data set cut down to what an export shows, from either the loaded
 * Dataset or the Store port: the entities and relations in force on `asOf`,
 * of the kinds and families asked, and every provision and source document
 * (so that a relation's citation can carry the words it cites, whether or not
 * provisions are themselves exported as nodes).
 */
export interface ExportSelection {
  dataset: { id: string; name: { sv: string; en: string }; version: string; digest: string };
  asOf: string | null;
  families: readonly RelationFamily[];
  kinds: readonly EntityKind[];
  entities: Entity[];
  relations: Relation[];
  provisions: ReadonlyMap<string, ProvisionEntity>;
  documents: ReadonlyMap<string, SourceDocumentEntity>;
}

export function resolveFilter(filter: ExportFilter): { asOf: string | null; families: readonly RelationFamily[]; kinds: readonly EntityKind[] } {
  return {
    asOf: filter.asOf ?? null,
    families: filter.families && filter.families.length > 0 ? filter.families : GOVERNANCE_FAMILIES,
    kinds: filter.kinds && filter.kinds.length > 0 ? filter.kinds : DEFAULT_EXPORT_KINDS,
  };
}

/** The same cut the embedded store's `graph()` makes: nodes of the kinds in force, relations of the families in force between them. */
export function selectFromDataset(dataset: Dataset, filter: ExportFilter = {}): ExportSelection {
  const { asOf, families, kinds } = resolveFilter(filter);
  const entities = dataset.entities.filter((e) => kinds.includes(e.kind) && isValidAt(e, asOf)).sort(byId);
  const present = new Set(entities.map((e) => e.id));
  const relations = dataset.relations
    .filter((r) => families.includes(r.family) && r.from !== r.to && present.has(r.from) && present.has(r.to) && isValidAt(r, asOf))
    .sort(byId);
  return {
    dataset: { id: dataset.meta.id, name: dataset.meta.name, version: dataset.meta.version, digest: dataset.digest },
    asOf,
    families,
    kinds,
    entities,
    relations,
    provisions: new Map(dataset.entities.filter((e): e is ProvisionEntity => e.kind === 'PROVISION').map((p) => [p.id, p])),
    documents: new Map(dataset.entities.filter((e): e is SourceDocumentEntity => e.kind === 'SOURCE_DOCUMENT').map((d) => [d.id, d])),
  };
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sortById<T extends { id: string }>(items: T[]): T[] {
  return items.sort(byId);
}
