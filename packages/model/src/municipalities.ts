import type { ActorEntity, Dataset, Entity, Relation } from './types.ts';
import type { EntityKind, RelationFamily, RelationKind } from './vocabulary.ts';

/**
 * Which municipality each entity belongs to, derived from the structure of
 * the data alone (never from ids): a data set of the whole country holds
 * many municipalities, and the explorer and the API show one at a time.
 *
 * A municipality is the kommun as a legal person: an ORGANISATION of subtype
 * "kommun". Its council, boards, offices, companies, posts, decision areas and
 * its own documents hang from it through relations; the law, the
 * associations and federations it joins, and the glossary are shared.
 *
 * 1. Structure. A breadth-first walk from every kommun at once, one level at
 *    a time, along the relations (either way) and the fields that place an
 *    entity (a post's organisation, a document's adopter and whom it
 *    governs). Membership and co-ownership are not walked: they join a
 *    municipality to what it does not own. An entity reached first by one
 *    kommun belongs to it; one reached on the same level by two belongs to
 *    none, and the walk goes no further through it, so one shared entity
 *    never carries one municipality into another's.
 * 2. References. An entity the walk did not reach (a provision, a generic
 *    role, a management group its members join) belongs to a municipality
 *    when everything that refers to it (cites it, is a post of it, lists it,
 *    is a member of it) belongs to that one municipality; what
 *    several municipalities cite, such as the sections of kommunallagen, is
 *    shared. Repeated until nothing changes, for chains of references.
 */
export interface MunicipalityMembership {
  /** The municipalities (kommun entities), ordered by id. */
  municipalities: readonly ActorEntity[];
  /** The municipality each entity belongs to; a kommun belongs to itself. Absent: shared, or outside every municipality. */
  municipalityOf: ReadonlyMap<string, string>;
}

/** The subtype that marks a municipality: the kommun as a legal person. */
export const MUNICIPALITY_SUBTYPE = 'kommun';

/** Relations that join a municipality to what it does not own, and so do not carry membership. */
const JOINING_KINDS: ReadonlySet<RelationKind> = new Set(['MEMBER_OF', 'CO_OWNS']);
/** Legal persons of their own: joining one (a federation, an association, a co-owned company) does not make it the joiner's. */
const LEGAL_PERSONS: ReadonlySet<EntityKind> = new Set(['ORGANISATION', 'COMPANY']);

export function isMunicipality(entity: Entity): entity is ActorEntity {
  return entity.kind === 'ORGANISATION' && entity.subtype?.toLowerCase() === MUNICIPALITY_SUBTYPE;
}

/** Marks an entity reached by two municipalities on the same level. */
const SHARED = '';

export function deriveMunicipalities(entities: readonly Entity[], relations: readonly Relation[]): MunicipalityMembership {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const municipalities = entities.filter(isMunicipality).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const owner = new Map<string, string>();
  walkStructure(municipalities, structureLinks(entities, relations, byId), owner);
  assignByReference(entities, relations, owner);
  for (const [id, value] of owner) if (value === SHARED) owner.delete(id);
  return { municipalities, municipalityOf: owner };
}

/** Everything a municipality's walk may pass along: relations but the joining ones, and the placing fields. */
function structureLinks(entities: readonly Entity[], relations: readonly Relation[], byId: ReadonlyMap<string, Entity>): Map<string, string[]> {
  const links = new Map<string, string[]>();
  const link = (a: string, b: string | undefined) => {
    if (!b || a === b || !byId.has(a) || !byId.has(b)) return;
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const list = links.get(x);
      if (list) list.push(y);
      else links.set(x, [y]);
    }
  };
  for (const r of relations) if (!JOINING_KINDS.has(r.kind)) link(r.from, r.to);
  for (const e of entities) {
    if ('postIn' in e) link(e.id, e.postIn);
    if (e.kind === 'SOURCE_DOCUMENT') {
      link(e.id, e.adoptedBy);
      link(e.id, e.governs);
    }
  }
  return links;
}

/** Level by level from every kommun at once; ties on a level are shared and stop there. */
function walkStructure(municipalities: readonly ActorEntity[], links: ReadonlyMap<string, string[]>, owner: Map<string, string>): void {
  let frontier: string[] = [];
  for (const m of municipalities) {
    owner.set(m.id, m.id);
    frontier.push(m.id);
  }
  while (frontier.length > 0) {
    const claims = new Map<string, string>();
    for (const id of frontier) {
      const from = owner.get(id)!;
      if (from === SHARED) continue;
      for (const next of links.get(id) ?? []) {
        if (owner.has(next)) continue;
        const claim = claims.get(next);
        if (claim === undefined) claims.set(next, from);
        else if (claim !== from) claims.set(next, SHARED);
      }
    }
    frontier = [];
    for (const [id, claim] of claims) {
      owner.set(id, claim);
      frontier.push(id);
    }
  }
}

/** Entities the walk did not reach take the one municipality of everything that refers to them. */
function assignByReference(entities: readonly Entity[], relations: readonly Relation[], owner: Map<string, string>): void {
  const referrers = new Map<string, Set<string>>();
  const refer = (from: string, to: string | undefined) => {
    if (!to || from === to || owner.has(to)) return;
    const set = referrers.get(to);
    if (set) set.add(from);
    else referrers.set(to, new Set([from]));
  };
  for (const e of entities) {
    for (const cite of e.cites) refer(e.id, cite);
    if ('role' in e) refer(e.id, e.role);
    if (e.kind === 'DECISION_AREA') for (const p of e.participants) for (const cite of p.cites) refer(e.id, cite);
    if (e.kind === 'WORKSHOP_QUESTION') for (const p of e.provisions) refer(e.id, p);
    if (e.kind === 'PROVISION') refer(e.id, e.document);
  }
  const kinds = new Map(entities.map((e) => [e.id, e.kind]));
  for (const r of relations) {
    if (JOINING_KINDS.has(r.kind) && !LEGAL_PERSONS.has(kinds.get(r.to)!)) refer(r.from, r.to);
    for (const cite of r.cites) {
      refer(r.from, cite);
      refer(r.to, cite);
    }
  }
  // Each pass settles what refers only to settled entities; chains settle in as many passes as they are long.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [id, from] of referrers) {
      if (owner.has(id)) continue;
      const owners = new Set<string>();
      let settled = true;
      for (const referrer of from) {
        const o = owner.get(referrer);
        if (o === undefined) {
          settled = false;
          break;
        }
        owners.add(o);
      }
      if (!settled) continue;
      owner.set(id, owners.size === 1 ? [...owners][0]! : SHARED);
      changed = true;
    }
  }
}

/**
 * What a view of one scope can hold, of every date and unfiltered. A
 * municipality's scope is its own entities and the shared ones related to
 * them (the federations it joins), with the relations among them; the
 * overview's is every municipality and every shared entity, with the
 * relations among them. A relation between two municipalities' own entities
 * is in neither's scope.
 */
export interface Scope {
  /** Ordered as the data set's entities. */
  entities: Entity[];
  /** Ordered as the data set's relations; none from an entity to itself. */
  relations: Relation[];
}

export interface Scopes {
  /** By the kommun's id. */
  municipalities: Map<string, Scope>;
  overview: Scope;
}

export function buildScopes(dataset: Pick<Dataset, 'entities' | 'relations'>, membership: MunicipalityMembership): Scopes {
  const of = membership.municipalityOf;
  const roots = new Set(membership.municipalities.map((m) => m.id));
  // Which municipalities each shared entity is related to: it is in each of their scopes.
  const sharedIn = new Map<string, Set<string>>();
  const join = (shared: string, m: string) => {
    const set = sharedIn.get(shared);
    if (set) set.add(m);
    else sharedIn.set(shared, new Set([m]));
  };
  for (const r of dataset.relations) {
    const [a, b] = [of.get(r.from), of.get(r.to)];
    if (a !== undefined && b === undefined) join(r.to, a);
    if (b !== undefined && a === undefined) join(r.from, b);
  }
  const municipalities = new Map<string, Scope>([...roots].map((m) => [m, { entities: [], relations: [] }]));
  const overview: Scope = { entities: [], relations: [] };
  const inOverview = (id: string) => roots.has(id) || !of.has(id);
  for (const e of dataset.entities) {
    const m = of.get(e.id);
    if (m !== undefined) municipalities.get(m)!.entities.push(e);
    else for (const joined of sharedIn.get(e.id) ?? []) municipalities.get(joined)!.entities.push(e);
    if (inOverview(e.id)) overview.entities.push(e);
  }
  for (const r of dataset.relations) {
    if (r.from === r.to) continue;
    if (inOverview(r.from) && inOverview(r.to)) overview.relations.push(r);
    const [a, b] = [of.get(r.from), of.get(r.to)];
    if (a !== undefined && b !== undefined) {
      if (a === b) municipalities.get(a)!.relations.push(r);
    } else if (a !== undefined || b !== undefined) municipalities.get((a ?? b)!)!.relations.push(r);
    else {
      // Between two shared entities: in the scope of every municipality both are related to.
      const [x, y] = [sharedIn.get(r.from), sharedIn.get(r.to)];
      if (x && y) for (const m of x) if (y.has(m)) municipalities.get(m)!.relations.push(r);
    }
  }
  return { municipalities, overview };
}

/** What one scope holds: its entities by kind, its relations by family. */
export interface ScopeCounts {
  entityCount: number;
  relationCount: number;
  entitiesByKind: Partial<Record<EntityKind, number>>;
  relationsByFamily: Partial<Record<RelationFamily, number>>;
}

export interface MunicipalityCounts extends ScopeCounts {
  /** The kommun entity. */
  id: string;
}

/** The counts of every scope (buildScopes): the most a view of it can hold, for the cost estimate. */
export function countScopes(scopes: Scopes): { municipalities: MunicipalityCounts[]; overview: ScopeCounts } {
  return { municipalities: [...scopes.municipalities].map(([id, scope]) => ({ id, ...countScope(scope) })), overview: countScope(scopes.overview) };
}

export function countScope(scope: Scope): ScopeCounts {
  const counts: ScopeCounts = { entityCount: scope.entities.length, relationCount: scope.relations.length, entitiesByKind: {}, relationsByFamily: {} };
  for (const e of scope.entities) counts.entitiesByKind[e.kind] = (counts.entitiesByKind[e.kind] ?? 0) + 1;
  for (const r of scope.relations) counts.relationsByFamily[r.family] = (counts.relationsByFamily[r.family] ?? 0) + 1;
  return counts;
}
