import type { ActorEntity, Entity, Relation } from './types.ts';
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

/** An entity's owner while deriving: the index of its municipality's entity, or one of these. */
const UNKNOWN = -1;
const SHARED = -2;

/**
 * Pairs of entity indexes (a, b), kept as a compressed adjacency list: on the
 * national set (~26,000 entities, ~52,000 relations) the whole derivation
 * takes tens of milliseconds, where maps of id strings took hundreds.
 */
class Adjacency {
  private readonly from: number[] = [];
  private readonly to: number[] = [];
  private start: Int32Array = new Int32Array(0);
  private list: Int32Array = new Int32Array(0);

  add(a: number, b: number): void {
    this.from.push(a);
    this.to.push(b);
  }

  /** Groups the pairs by their first index; call once, after the last add. */
  build(size: number): this {
    this.start = new Int32Array(size + 1);
    for (const a of this.from) this.start[a + 1]!++;
    for (let i = 0; i < size; i++) this.start[i + 1]! += this.start[i]!;
    const next = this.start.slice(0, size);
    this.list = new Int32Array(this.to.length);
    for (let k = 0; k < this.from.length; k++) this.list[next[this.from[k]!]!++] = this.to[k]!;
    return this;
  }

  forEach(a: number, visit: (b: number) => void): void {
    for (let k = this.start[a]!; k < this.start[a + 1]!; k++) visit(this.list[k]!);
  }

  /** Whether `keep` holds for every b paired with a (true for none). */
  every(a: number, keep: (b: number) => boolean): boolean {
    for (let k = this.start[a]!; k < this.start[a + 1]!; k++) if (!keep(this.list[k]!)) return false;
    return true;
  }
}

export function deriveMunicipalities(entities: readonly Entity[], relations: readonly Relation[]): MunicipalityMembership {
  const { municipalities, municipalityOf } = analyseMunicipalities(entities, relations);
  return { municipalities, municipalityOf };
}

/** Who belongs where, and each scope: what a store builds once from its data set. */
export interface MunicipalityAnalysis extends MunicipalityMembership {
  scopes: Scopes;
}

export function analyseMunicipalities(entities: readonly Entity[], relations: readonly Relation[]): MunicipalityAnalysis {
  const index = new Map<string, number>();
  entities.forEach((e, i) => index.set(e.id, i));
  // Each relation's ends as entity indexes (-1 where unknown), looked up once for every step below.
  const ends = { from: new Int32Array(relations.length), to: new Int32Array(relations.length) };
  relations.forEach((r, k) => {
    ends.from[k] = index.get(r.from) ?? -1;
    ends.to[k] = index.get(r.to) ?? -1;
  });
  const owner = new Int32Array(entities.length).fill(UNKNOWN);
  walkStructure(entities, structureLinks(entities, relations, ends, index), owner);
  assignByReference(entities, relations, ends, index, owner);
  const municipalityOf = new Map<string, string>();
  owner.forEach((o, i) => {
    if (o >= 0) municipalityOf.set(entities[i]!.id, entities[o]!.id);
  });
  const municipalities = entities.filter(isMunicipality).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { municipalities, municipalityOf, scopes: scopesOf(entities, relations, ends, owner) };
}

interface Ends {
  from: Int32Array;
  to: Int32Array;
}

/** Everything a municipality's walk may pass along, both ways: relations but the joining ones, and the placing fields. */
function structureLinks(entities: readonly Entity[], relations: readonly Relation[], ends: Ends, index: ReadonlyMap<string, number>): Adjacency {
  const links = new Adjacency();
  const join = (x: number, y: number) => {
    if (x < 0 || y < 0 || x === y) return;
    links.add(x, y);
    links.add(y, x);
  };
  const link = (x: number, b: string | undefined) => join(x, b === undefined ? -1 : (index.get(b) ?? -1));
  relations.forEach((r, k) => {
    if (!JOINING_KINDS.has(r.kind)) join(ends.from[k]!, ends.to[k]!);
  });
  entities.forEach((e, i) => {
    if ('postIn' in e) link(i, e.postIn);
    if (e.kind === 'SOURCE_DOCUMENT') {
      link(i, e.adoptedBy);
      link(i, e.governs);
    }
  });
  return links.build(entities.length);
}

/** Level by level from every kommun at once; ties on a level are shared and stop there. */
function walkStructure(entities: readonly Entity[], links: Adjacency, owner: Int32Array): void {
  let frontier: number[] = [];
  entities.forEach((e, i) => {
    if (!isMunicipality(e)) return;
    owner[i] = i;
    frontier.push(i);
  });
  const claim = new Int32Array(entities.length).fill(UNKNOWN);
  while (frontier.length > 0) {
    const claimed: number[] = [];
    for (const node of frontier) {
      const from = owner[node]!;
      if (from === SHARED) continue;
      links.forEach(node, (next) => {
        if (owner[next] !== UNKNOWN) return;
        if (claim[next] === UNKNOWN) {
          claim[next] = from;
          claimed.push(next);
        } else if (claim[next] !== from) claim[next] = SHARED;
      });
    }
    for (const node of claimed) owner[node] = claim[node]!;
    frontier = claimed;
  }
}

/** Entities the walk did not reach take the one municipality of everything that refers to them. */
function assignByReference(
  entities: readonly Entity[],
  relations: readonly Relation[],
  ends: Ends,
  index: ReadonlyMap<string, number>,
  owner: Int32Array,
): void {
  const referrers = new Adjacency();
  const referTo = (x: number, y: number) => {
    if (x >= 0 && y >= 0 && x !== y && owner[y] === UNKNOWN) referrers.add(y, x);
  };
  const refer = (x: number, to: string | undefined) => {
    // Most references are to what the walk reached (a municipality's own instruction): settled by one lookup.
    const y = to === undefined ? undefined : index.get(to);
    if (y !== undefined && owner[y] === UNKNOWN) referTo(x, y);
  };
  entities.forEach((e, i) => {
    for (const cite of e.cites) refer(i, cite);
    if ('role' in e) refer(i, e.role);
    if (e.kind === 'DECISION_AREA') for (const p of e.participants) for (const cite of p.cites) refer(i, cite);
    if (e.kind === 'WORKSHOP_QUESTION') for (const p of e.provisions) refer(i, p);
    if (e.kind === 'PROVISION') refer(i, e.document);
  });
  relations.forEach((r, k) => {
    const [from, to] = [ends.from[k]!, ends.to[k]!];
    if (JOINING_KINDS.has(r.kind) && to >= 0 && !LEGAL_PERSONS.has(entities[to]!.kind)) referTo(from, to);
    for (const cite of r.cites) {
      refer(from, cite);
      refer(to, cite);
    }
  });
  referrers.build(entities.length);
  const open: number[] = [];
  owner.forEach((o, i) => {
    if (o === UNKNOWN) open.push(i);
  });
  // Each pass settles what refers only to settled entities; chains settle in as many passes as they are long.
  for (let changed = true; changed;) {
    changed = false;
    for (const node of open) {
      if (owner[node] !== UNKNOWN) continue;
      let found = UNKNOWN;
      let any = false;
      const settled = referrers.every(node, (referrer) => {
        const o = owner[referrer]!;
        if (o === UNKNOWN) return false;
        any = true;
        found = found === UNKNOWN || found === o ? o : SHARED;
        if (o === SHARED) found = SHARED;
        return true;
      });
      if (!settled || !any) continue;
      owner[node] = found;
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

/** Each scope's lists, from the owners the derivation found. */
function scopesOf(entities: readonly Entity[], relations: readonly Relation[], ends: Ends, owner: Int32Array): Scopes {
  const ownerOf = (i: number) => (i < 0 ? SHARED : owner[i]! < 0 ? SHARED : owner[i]!);
  const isRoot = (i: number) => i >= 0 && owner[i] === i;
  const inOverview = (i: number) => i >= 0 && (isRoot(i) || ownerOf(i) === SHARED);
  // Which municipalities each shared entity is related to: it is in each of their scopes.
  const sharedIn = new Map<number, Set<number>>();
  const join = (shared: number, m: number) => {
    const set = sharedIn.get(shared);
    if (set) set.add(m);
    else sharedIn.set(shared, new Set([m]));
  };
  for (let k = 0; k < relations.length; k++) {
    const [f, t] = [ends.from[k]!, ends.to[k]!];
    if (f < 0 || t < 0) continue;
    const [a, b] = [ownerOf(f), ownerOf(t)];
    if (a >= 0 && b === SHARED) join(t, a);
    if (b >= 0 && a === SHARED) join(f, b);
  }
  const scopes = new Map<number, Scope>();
  entities.forEach((_e, i) => {
    if (isRoot(i)) scopes.set(i, { entities: [], relations: [] });
  });
  const overview: Scope = { entities: [], relations: [] };
  entities.forEach((e, i) => {
    const m = ownerOf(i);
    if (m >= 0) scopes.get(m)!.entities.push(e);
    else for (const joined of sharedIn.get(i) ?? []) scopes.get(joined)!.entities.push(e);
    if (inOverview(i)) overview.entities.push(e);
  });
  relations.forEach((r, k) => {
    const [f, t] = [ends.from[k]!, ends.to[k]!];
    if (f < 0 || t < 0 || f === t) return;
    if (inOverview(f) && inOverview(t)) overview.relations.push(r);
    const [a, b] = [ownerOf(f), ownerOf(t)];
    if (a >= 0 && b >= 0) {
      if (a === b) scopes.get(a)!.relations.push(r);
    } else if (a >= 0 || b >= 0) scopes.get(Math.max(a, b))!.relations.push(r);
    else {
      // Between two shared entities: in the scope of every municipality both are related to.
      const [x, y] = [sharedIn.get(f), sharedIn.get(t)];
      if (x && y) for (const m of x) if (y.has(m)) scopes.get(m)!.relations.push(r);
    }
  });
  return { municipalities: new Map([...scopes].map(([i, scope]) => [entities[i]!.id, scope])), overview };
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

/** The counts of every scope (analyseMunicipalities): the most a view of it can hold, for the cost estimate. */
export function countScopes(scopes: Scopes): { municipalities: MunicipalityCounts[]; overview: ScopeCounts } {
  return { municipalities: [...scopes.municipalities].map(([id, scope]) => ({ id, ...countScope(scope) })), overview: countScope(scopes.overview) };
}

export function countScope(scope: Scope): ScopeCounts {
  const counts: ScopeCounts = { entityCount: scope.entities.length, relationCount: scope.relations.length, entitiesByKind: {}, relationsByFamily: {} };
  for (const e of scope.entities) counts.entitiesByKind[e.kind] = (counts.entitiesByKind[e.kind] ?? 0) + 1;
  for (const r of scope.relations) counts.relationsByFamily[r.family] = (counts.relationsByFamily[r.family] ?? 0) + 1;
  return counts;
}
