import { GOVERNANCE_FAMILIES, type EntityKind, type RelationFamily, type ScopeCounts } from '@styrgraf/model';
import type { MunicipalityList, Store, StoreInfo } from '@styrgraf/store';

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
  /** What each municipality's scope holds, by the kommun's id (counted when the store was built). */
  municipalities: ReadonlyMap<string, ScopeCounts>;
  /** The largest municipality's scope: for a municipality the estimate cannot name (a variable left out). */
  largestMunicipality: ScopeCounts;
  /** What the overview holds: the municipalities and every shared entity. */
  overview: ScopeCounts;
}

/** The kinds and families a `graph` shows when the query names none (resolvers.ts). */
export const DEFAULT_GRAPH_KINDS: readonly EntityKind[] = ['POLITICAL_BODY', 'ROLE', 'UNIT', 'COMPANY', 'ORGANISATION', 'DECISION_AREA'];
export const DEFAULT_FAMILIES: readonly RelationFamily[] = GOVERNANCE_FAMILIES;

/** When the store cannot say (Neo4j away): the national set's size, so that nothing heavy slips through unmeasured. */
export const FALLBACK_PROFILE: DataProfile = {
  entities: 26_000,
  relations: 52_000,
  entitiesByKind: {
    POLITICAL_BODY: 5_000,
    ROLE: 3_600,
    UNIT: 4_400,
    COMPANY: 2_400,
    ORGANISATION: 400,
    DECISION_AREA: 3_800,
    PROVISION: 5_900,
    SOURCE_DOCUMENT: 600,
    WORKSHOP_QUESTION: 30,
    GLOSSARY_TERM: 50,
  },
  relationsByFamily: {
    REPORTING: 13_300,
    STRUCTURE: 8_300,
    DECISION: 9_300,
    CONSULTATION: 1_900,
    REFERENCE: 5_900,
    OVERSIGHT: 8_300,
    RIGHTS: 2_800,
    OWNERSHIP: 2_400,
  },
  municipalities: new Map(),
  // The largest municipality of the national set, rounded up.
  largestMunicipality: {
    entityCount: 200,
    relationCount: 400,
    entitiesByKind: { POLITICAL_BODY: 40, ROLE: 30, UNIT: 40, COMPANY: 20, ORGANISATION: 10, DECISION_AREA: 20, PROVISION: 40, SOURCE_DOCUMENT: 5 },
    relationsByFamily: { REPORTING: 100, STRUCTURE: 60, DECISION: 80, CONSULTATION: 20, REFERENCE: 40, OVERSIGHT: 60, RIGHTS: 20, OWNERSHIP: 20 },
  },
  overview: { entityCount: 400, relationCount: 800, entitiesByKind: { ORGANISATION: 400 }, relationsByFamily: { STRUCTURE: 800 } },
};

const profiles = new WeakMap<Store, Promise<DataProfile>>();

/** The profile of a served store, asked of it once; a failed ask is not kept. */
export function profileOf(store: Store): Promise<DataProfile> {
  let profile = profiles.get(store);
  if (!profile) {
    profile = Promise.all([store.info(), store.municipalities()]).then(([info, municipalities]) => fromInfo(info, municipalities));
    profiles.set(store, profile);
    profile.catch(() => profiles.delete(store));
  }
  return profile.catch(() => FALLBACK_PROFILE);
}

function fromInfo(info: StoreInfo, { municipalities, overview }: MunicipalityList): DataProfile {
  const none: ScopeCounts = { entityCount: 0, relationCount: 0, entitiesByKind: {}, relationsByFamily: {} };
  const largest = municipalities.reduce<ScopeCounts>((max, m) => (m.entityCount + m.relationCount > max.entityCount + max.relationCount ? m : max), none);
  return {
    entities: info.entityCount,
    relations: info.relationCount,
    entitiesByKind: info.entitiesByKind,
    relationsByFamily: info.relationsByFamily,
    municipalities: new Map(municipalities.map((m) => [m.entity.id, m])),
    largestMunicipality: largest,
    overview,
  };
}

/** The counts of a scope as the estimate reads them: the whole data set's, or one scope's. */
export interface Counts {
  entities: number;
  relations: number;
  entitiesByKind: Partial<Record<EntityKind, number>>;
  relationsByFamily: Partial<Record<RelationFamily, number>>;
}

export const scopeCounts = (scope: ScopeCounts): Counts => ({
  entities: scope.entityCount,
  relations: scope.relationCount,
  entitiesByKind: scope.entitiesByKind,
  relationsByFamily: scope.relationsByFamily,
});

/** One municipality's counts; for an id the profile does not know, the largest municipality's (the resolver refuses an unknown one anyway). */
export function municipalityCounts(profile: DataProfile, id: unknown): Counts {
  return scopeCounts((typeof id === 'string' ? profile.municipalities.get(id) : undefined) ?? profile.largestMunicipality);
}

export function countKinds(profile: Counts, kinds: readonly EntityKind[] | null): number {
  if (!kinds) return profile.entities;
  return [...new Set(kinds)].reduce((n, k) => n + (profile.entitiesByKind[k] ?? 0), 0);
}

export function countFamilies(profile: Counts, families: readonly RelationFamily[] | null): number {
  if (!families) return profile.relations;
  return [...new Set(families)].reduce((n, f) => n + (profile.relationsByFamily[f] ?? 0), 0);
}
