import { GOVERNANCE_FAMILIES, type EntityKind, type RelationFamily } from '@styrgraf/model';
import type { Store, StoreInfo } from '@styrgraf/store';

/**
 * How big the served data set is, as the cost model needs it: the counts
 * behind whole-graph answers, read from the store's `info()` (so the same
 * query costs more on the national set than on Norrköping), once per store.
 */
export interface DataProfile {
  entities: number;
  relations: number;
  entitiesByKind: Partial<Record<EntityKind, number>>;
  relationsByFamily: Partial<Record<RelationFamily, number>>;
}

/** The kinds and families a `graph` shows when the query names none (resolvers.ts). */
export const DEFAULT_GRAPH_KINDS: readonly EntityKind[] = ['POLITICAL_BODY', 'ROLE', 'UNIT', 'COMPANY', 'ORGANISATION', 'DECISION_AREA'];
export const DEFAULT_FAMILIES: readonly RelationFamily[] = GOVERNANCE_FAMILIES;

/** When the store cannot say (Neo4j away): the national set's size, so that nothing heavy slips through unmeasured. */
export const FALLBACK_PROFILE: DataProfile = {
  entities: 26_000,
  relations: 52_000,
  entitiesByKind: { POLITICAL_BODY: 5_000, ROLE: 3_600, UNIT: 4_400, COMPANY: 2_400, ORGANISATION: 400, DECISION_AREA: 3_800, PROVISION: 5_900, SOURCE_DOCUMENT: 600, WORKSHOP_QUESTION: 30, GLOSSARY_TERM: 50 },
  relationsByFamily: { REPORTING: 13_300, STRUCTURE: 8_300, DECISION: 9_300, CONSULTATION: 1_900, REFERENCE: 5_900, OVERSIGHT: 8_300, RIGHTS: 2_800, OWNERSHIP: 2_400 },
};

const profiles = new WeakMap<Store, Promise<DataProfile>>();

/** The profile of a served store, asked of it once; a failed ask is not kept. */
export function profileOf(store: Store): Promise<DataProfile> {
  let profile = profiles.get(store);
  if (!profile) {
    profile = store.info().then(fromInfo);
    profiles.set(store, profile);
    profile.catch(() => profiles.delete(store));
  }
  return profile.catch(() => FALLBACK_PROFILE);
}

function fromInfo(info: StoreInfo): DataProfile {
  return { entities: info.entityCount, relations: info.relationCount, entitiesByKind: info.entitiesByKind, relationsByFamily: info.relationsByFamily };
}

export function countKinds(profile: DataProfile, kinds: readonly EntityKind[] | null): number {
  if (!kinds) return profile.entities;
  return [...new Set(kinds)].reduce((n, k) => n + (profile.entitiesByKind[k] ?? 0), 0);
}

export function countFamilies(profile: DataProfile, families: readonly RelationFamily[] | null): number {
  if (!families) return profile.relations;
  return [...new Set(families)].reduce((n, f) => n + (profile.relationsByFamily[f] ?? 0), 0);
}
