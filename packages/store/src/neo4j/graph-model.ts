import {
  ENTITY_KINDS,
  fold,
  RELATION_KIND_NAMES,
  relationSpec,
  type Dataset,
  type Entity,
  type EntityKind,
  type Relation,
  type RelationFamily,
  type RelationKind,
} from '@styrgraf/model';
import neo4j from 'neo4j-driver';
import type { MunicipalityList } from '../port.ts';
import { searchableNames, SEARCH_FIELDS } from '../shared/search.ts';

/**
 * How the governance graph is laid out in Neo4j. Every entity is a node
 * labelled `:Entity` and its kind's label; every relation a relationship whose
 * type is its kind. Scalar properties carry what queries filter on; `json` the
 * whole record, so that what comes back is exactly what was loaded. One
 * `:Dataset` node holds the meta, digest, counts and tours. A relation that
 * carries dates of its own is also a `:DatedRelation` node (its id, dates and
 * json), so that its dates can be indexed: Neo4j indexes relationship
 * properties per relationship type only.
 */

/** The node label of each entity kind: the only labels the loader ever writes. */
export const KIND_LABELS: Readonly<Record<EntityKind, string>> = {
  POLITICAL_BODY: 'PoliticalBody',
  ROLE: 'Role',
  UNIT: 'Unit',
  COMPANY: 'Company',
  ORGANISATION: 'Organisation',
  DECISION_AREA: 'DecisionArea',
  PROVISION: 'Provision',
  SOURCE_DOCUMENT: 'SourceDocument',
  WORKSHOP_QUESTION: 'WorkshopQuestion',
  GLOSSARY_TERM: 'GlossaryTerm',
};

export const NODE_LABELS: readonly string[] = ['Entity', 'Dataset', 'DatedRelation', ...ENTITY_KINDS.map((k) => KIND_LABELS[k])];
export const RELATIONSHIP_TYPES: readonly RelationKind[] = RELATION_KIND_NAMES;

export const ENTITY_PROPERTY_KEYS = [
  'id',
  'kind',
  'name',
  'validFrom',
  'validTo',
  'searchText',
  'searchTextSv',
  'infixText',
  'rankNames',
  'areaText',
  'document',
  'order',
  'status',
  'municipality',
  'json',
] as const;
export const RELATION_PROPERTY_KEYS = ['id', 'family', 'cites', 'derivedFrom', 'validFrom', 'validTo', 'json'] as const;
export const DATASET_PROPERTY_KEYS = ['key', 'id', 'version', 'digest', 'model', 'meta', 'counts', 'municipalities', 'tours', 'loadedAt'] as const;

/** Every property key the graph holds: the lint test declares exactly these. */
export const PROPERTY_KEYS: readonly string[] = [...new Set([...ENTITY_PROPERTY_KEYS, ...RELATION_PROPERTY_KEYS, ...DATASET_PROPERTY_KEYS])];

/**
 * The layout of the graph as this code writes and reads it, kept on the
 * `:Dataset` node. A data set loaded by a Styrgraf with another layout (no
 * `rankNames`, no `:DatedRelation`s) is refused with a request to load it
 * again, rather than answered wrongly. 2: rank names and dated relations.
 * 3: each entity's municipality, and the municipalities' counts.
 */
export const GRAPH_MODEL_VERSION = 3;

/** The key of the one current `:Dataset` node. */
export const DATASET_KEY = 'current';

/** Line-management kinds as the org-chart statement spells them: these point down, these up. */
export const HIERARCHY_DOWN: readonly RelationKind[] = RELATION_KIND_NAMES.filter((k) => relationSpec(k).hierarchy === 'down');
export const HIERARCHY_UP: readonly RelationKind[] = RELATION_KIND_NAMES.filter((k) => relationSpec(k).hierarchy === 'up');

type Neo4jDate = InstanceType<typeof neo4j.types.Date>;

/** An ISO date (YYYY-MM-DD) as a Neo4j DATE; the model has already checked it is a real date. */
export function toNeo4jDate(iso: string): Neo4jDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`not an ISO date: ${JSON.stringify(iso)}`);
  return new neo4j.types.Date(Number(match[1]), Number(match[2]), Number(match[3]));
}

const optionalDate = (iso: string | undefined): Neo4jDate | null => (iso ? toNeo4jDate(iso) : null);

/** Separates the folded names in the infix property, so that a query never matches across two names. */
const NAME_SEPARATOR = '\n';

/**
 * The folded names search looks through, as the embedded store folds them;
 * and `rankNames`, each name the ranking compares prefixed by the digit of
 * its field in SEARCH_FIELDS order, so that search.cypher ranks by the same
 * rules as shared/search.ts.
 */
export function searchProperties(entity: Entity): { searchText: string; searchTextSv: string; infixText: string; rankNames: string[] } {
  const all = [entity.name.sv, entity.name.en, ...entity.abbreviations, ...entity.aliases].map(fold);
  // The infix pass, like the embedded store's, looks at names and aliases, not abbreviations.
  const infix = [entity.name.sv, entity.name.en, ...entity.aliases].map(fold);
  const rankNames = searchableNames(entity).map(({ field, folded }) => `${SEARCH_FIELDS.indexOf(field)}${folded}`);
  return { searchText: all.join(NAME_SEPARATOR), searchTextSv: all.join(NAME_SEPARATOR), infixText: infix.join(NAME_SEPARATOR), rankNames };
}

/** The words decisionAreas(text) looks through, as the embedded store folds them. */
export function areaText(entity: Entity): string | null {
  if (entity.kind !== 'DECISION_AREA') return null;
  return fold([entity.name.sv, entity.name.en, entity.description?.sv ?? '', entity.description?.en ?? '', entity.topic ?? ''].join(' '));
}

export interface EntityRow {
  label: string;
  properties: Record<string, unknown>;
}

/**
 * `municipality`: the kommun the entity belongs to (a kommun's is its own
 * id), null where shared; indexed, for the views scoped to one municipality.
 */
export function entityRow(entity: Entity, municipality: string | null = null): EntityRow {
  const label = KIND_LABELS[entity.kind];
  if (!label) throw new Error(`entity "${entity.id}" has a kind outside the vocabulary: ${String(entity.kind)}`);
  return {
    label,
    properties: {
      id: entity.id,
      kind: entity.kind,
      name: entity.name.sv,
      validFrom: optionalDate(entity.validFrom),
      validTo: optionalDate(entity.validTo),
      ...searchProperties(entity),
      areaText: areaText(entity),
      document: entity.kind === 'PROVISION' ? entity.document : null,
      order: entity.kind === 'PROVISION' || entity.kind === 'WORKSHOP_QUESTION' ? neo4j.int(entity.order) : null,
      status: entity.kind === 'WORKSHOP_QUESTION' ? entity.status : null,
      municipality,
      json: JSON.stringify(entity),
    },
  };
}

export interface RelationRow {
  type: RelationKind;
  from: string;
  to: string;
  properties: Record<string, unknown>;
}

/** The :DatedRelation node of a relation with dates of its own; null for the (many) without. */
export function datedRelationRow(relation: Relation): Record<string, unknown> | null {
  if (!relation.validFrom && !relation.validTo) return null;
  return { id: relation.id, validFrom: optionalDate(relation.validFrom), validTo: optionalDate(relation.validTo), json: JSON.stringify(relation) };
}

export function relationRow(relation: Relation): RelationRow {
  if (!RELATION_KIND_NAMES.includes(relation.kind)) throw new Error(`relation "${relation.id}" has a kind outside the vocabulary: ${String(relation.kind)}`);
  return {
    type: relation.kind,
    from: relation.from,
    to: relation.to,
    properties: {
      id: relation.id,
      family: relation.family,
      cites: relation.cites,
      derivedFrom: relation.derivedFrom ?? null,
      validFrom: optionalDate(relation.validFrom),
      validTo: optionalDate(relation.validTo),
      json: JSON.stringify(relation),
    },
  };
}

export interface DatasetCounts {
  entityCount: number;
  relationCount: number;
  entitiesByKind: Partial<Record<EntityKind, number>>;
  relationsByFamily: Partial<Record<RelationFamily, number>>;
}

export function countsOf(dataset: Dataset): DatasetCounts {
  const entitiesByKind: Partial<Record<EntityKind, number>> = {};
  for (const e of dataset.entities) entitiesByKind[e.kind] = (entitiesByKind[e.kind] ?? 0) + 1;
  const relationsByFamily: Partial<Record<RelationFamily, number>> = {};
  for (const r of dataset.relations) relationsByFamily[r.family] = (relationsByFamily[r.family] ?? 0) + 1;
  return { entityCount: dataset.entities.length, relationCount: dataset.relations.length, entitiesByKind, relationsByFamily };
}

export function datasetProperties(dataset: Dataset, loadedAt: Date, municipalities: MunicipalityList): Record<string, unknown> {
  return {
    key: DATASET_KEY,
    id: dataset.meta.id,
    version: dataset.meta.version,
    digest: dataset.digest,
    model: neo4j.int(GRAPH_MODEL_VERSION),
    meta: JSON.stringify(dataset.meta),
    counts: JSON.stringify(countsOf(dataset)),
    municipalities: JSON.stringify(municipalities),
    tours: JSON.stringify(dataset.tours),
    loadedAt: loadedAt.toISOString(),
  };
}
