import { RELATION_KIND_NAMES, type Entity, type Relation, type RelationKind } from '@styrgraf/model';

const swedish = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

/** Swedish alphabetical order (å, ä, ö after z), the order a Swedish reader expects in every list. */
export function compareSv(a: string, b: string): number {
  return swedish.compare(a, b);
}

export function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function bySwedishName(a: Entity, b: Entity): number {
  return compareSv(a.name.sv, b.name.sv) || byId(a, b);
}

const kindRank = new Map<RelationKind, number>(RELATION_KIND_NAMES.map((k, i) => [k, i]));

/** Vocabulary order: where two entities share several relations, the first is the one a path or chart shows. */
export function byVocabulary(a: Relation, b: Relation): number {
  return kindRank.get(a.kind)! - kindRank.get(b.kind)! || byId(a, b);
}
