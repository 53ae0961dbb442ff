import type {
  ActorEntity,
  CoverageStatus,
  DecisionAreaEntity,
  Entity,
  EntityKind,
  GlossaryTermEntity,
  GraphPath,
  ProvisionEntity,
  Relation,
  RelationFamily,
  ScopeCounts,
  Tour,
  WorkshopQuestionEntity,
} from '@styrgraf/model';

/**
 * The Store port: everything the GraphQL layer may ask of the governance
 * graph. Both adapters (embedded memory, Neo4j) fulfil it and are held to the
 * same contract suite (test/contract), so each method documents the order of
 * its answer as well as its content.
 *
 * Time: `asOf` (YYYY-MM-DD) keeps only entities and relations in force that
 * day, and a relation only when both its ends are; `null`/absent means no time
 * filter. Callers choose defaults (the API uses today for structural views).
 *
 * Families and kinds: absent means all.
 *
 * Municipalities: every entity belongs to at most one municipality (the
 * kommun, an ORGANISATION of subtype "kommun"), derived from the structure
 * when the store is built (@styrgraf/model deriveMunicipalities); the law,
 * the federations and associations that municipalities join and the glossary
 * belong to none and are shared. A view scoped to a municipality holds its
 * own entities and the shared entities directly related to them through the
 * relations the view shows (the federations it joins), with the relations
 * among them.
 */

export type StoreEngine = 'memory' | 'neo4j';

export interface StoreInfo {
  engine: StoreEngine;
  datasetId: string;
  name: { sv: string; en: string };
  version: string;
  digest: string;
  entityCount: number;
  relationCount: number;
  entitiesByKind: Partial<Record<EntityKind, number>>;
  relationsByFamily: Partial<Record<RelationFamily, number>>;
  /** What the sources could not settle, from the data set's meta. */
  gaps: { sv: string; en: string }[];
}

export interface Page<T> {
  items: T[];
  totalCount: number;
  /** Opaque cursor of the last item; pass as `after` for the next page. */
  endCursor: string | null;
  hasNextPage: boolean;
}

export type SearchMatch = 'EXACT' | 'PREFIX' | 'WORD' | 'SUBSTRING' | 'FUZZY';

export interface SearchHit {
  entity: Entity;
  match: SearchMatch;
  /** Which name matched: the Swedish or English name, an abbreviation or an alias. */
  field: 'name' | 'nameEn' | 'abbreviation' | 'alias' | 'text';
  score: number;
}

export interface Subgraph {
  /** Sorted by id. */
  nodes: Entity[];
  /** Sorted by id. */
  edges: Relation[];
}

export interface OrgChartNode {
  entity: Entity;
  /** The relation that places this node under its parent; null at the root. */
  via: Relation | null;
  /** Sorted by Swedish name. */
  children: OrgChartNode[];
}

export type ChangeType = 'STARTED' | 'ENDED';

export interface Change {
  /** The first day the change is in effect (for ENDED: the day after validTo). */
  date: string;
  type: ChangeType;
  entity: Entity | null;
  relation: Relation | null;
}

export type Direction = 'OUT' | 'IN' | 'BOTH';
export type PathMode = 'SHORTEST' | 'ALL';

export interface TimeScoped {
  asOf?: string | null | undefined;
}

export interface ListArgs extends TimeScoped {
  kinds?: readonly EntityKind[] | undefined;
  first: number;
  after?: string | null | undefined;
}

export interface SearchArgs extends TimeScoped {
  text: string;
  kinds?: readonly EntityKind[] | undefined;
  first: number;
  /** Only this municipality's entities and the shared ones (not another municipality's). */
  municipality?: string | null | undefined;
}

export interface RelationArgs extends TimeScoped {
  direction: Direction;
  families?: readonly RelationFamily[] | undefined;
}

export interface NeighbourhoodArgs extends TimeScoped {
  id: string;
  depth: number;
  families?: readonly RelationFamily[] | undefined;
  kinds?: readonly EntityKind[] | undefined;
}

export interface GraphArgs extends TimeScoped {
  families?: readonly RelationFamily[] | undefined;
  kinds?: readonly EntityKind[] | undefined;
  /** Only this municipality's scope (see above); absent: the whole data set. */
  municipality?: string | null | undefined;
}

/** The country at a glance: every municipality, and the shared entities of `kinds`. */
export interface OverviewArgs extends TimeScoped {
  families?: readonly RelationFamily[] | undefined;
  kinds?: readonly EntityKind[] | undefined;
}

/** One municipality: the kommun entity, and the most a view of its scope can hold (every date, unfiltered). */
export interface MunicipalitySummary extends ScopeCounts {
  entity: ActorEntity;
}

export interface MunicipalityList {
  /** Ordered by the kommun's Swedish name. */
  municipalities: MunicipalitySummary[];
  /** The most the overview can hold: the municipalities and every shared entity, with the relations among them. */
  overview: ScopeCounts;
}

export interface PathArgs extends TimeScoped {
  from: string;
  to: string;
  maxLength: number;
  families?: readonly RelationFamily[] | undefined;
  mode: PathMode;
  limit: number;
}

export interface OrgChartArgs extends TimeScoped {
  rootId: string;
}

export interface DecisionAreaArgs extends TimeScoped {
  actorId?: string | null | undefined;
  text?: string | null | undefined;
  /** Only the decision areas of this municipality. */
  municipality?: string | null | undefined;
}

/**
 * Per-call options. `signal` is the request's: when it aborts (query timeout,
 * client gone), the call stops its work and rejects with the signal's reason.
 */
export interface CallOptions {
  signal?: AbortSignal | undefined;
}

export interface Store {
  readonly engine: StoreEngine;

  info(options?: CallOptions): Promise<StoreInfo>;

  /** Batch lookup for DataLoader: one answer per id, in the same order, null where unknown. No time filter. */
  getEntities(ids: readonly string[], options?: CallOptions): Promise<(Entity | null)[]>;

  /** Entities ordered by id, paged by cursor. */
  listEntities(args: ListArgs, options?: CallOptions): Promise<Page<Entity>>;

  /**
   * Swedish-aware search over names, English names, abbreviations and aliases:
   * case and diacritics folded (å, ä → a; ö → o), prefix and fuzzy matching.
   * Ordered EXACT, PREFIX, WORD, SUBSTRING, FUZZY; within a tier by score.
   */
  search(args: SearchArgs, options?: CallOptions): Promise<SearchHit[]>;

  /** Batch: for each id, its relations in the given direction, ordered by relation id. */
  relationsOf(ids: readonly string[], args: RelationArgs, options?: CallOptions): Promise<Relation[][]>;

  /** Batch: for each provision id, the relations (participations included) that cite it, ordered by id. */
  citedBy(provisionIds: readonly string[], args: TimeScoped, options?: CallOptions): Promise<Relation[][]>;

  /**
   * Entities within `depth` hops of `id` (relations walked in either
   * direction), and the relations among them. Null when `id` is unknown or not
   * in force at `asOf`. Traversal passes only through entities of `kinds`.
   */
  neighbourhood(args: NeighbourhoodArgs, options?: CallOptions): Promise<Subgraph | null>;

  /** All entities of `kinds` (in a municipality's scope, when one is given) and the relations of `families` between them. */
  graph(args: GraphArgs, options?: CallOptions): Promise<Subgraph>;

  /**
   * Every municipality in force (whatever `kinds` says: they are what the
   * overview is of) and the shared entities of `kinds` in force, with the
   * relations of `families` among them: how the municipalities join the
   * federations and associations they share.
   */
  overview(args: OverviewArgs, options?: CallOptions): Promise<Subgraph>;

  /** The municipalities and what each scope holds, counted when the store was built. */
  municipalities(options?: CallOptions): Promise<MunicipalityList>;

  /** Batch: the municipality each entity belongs to (a kommun's is itself), null where shared or unknown. */
  municipalityOf(ids: readonly string[], options?: CallOptions): Promise<(string | null)[]>;

  /**
   * Simple paths (no entity twice) from `from` to `to` of at most `maxLength`
   * relations, walked in either direction. SHORTEST gives every path of the
   * least length; ALL every path up to maxLength. Ordered by length, then by
   * the sequence of entity ids; at most `limit`. Where two entities are joined
   * by several relations, the step uses the first by vocabulary order.
   */
  paths(args: PathArgs, options?: CallOptions): Promise<GraphPath[]>;

  /**
   * The reporting tree from `rootId` down the line-management relations (the
   * vocabulary's `hierarchy` kinds). Each entity appears once, under the
   * parent that reaches it in the fewest steps. Null when the root is unknown.
   */
  orgChart(args: OrgChartArgs, options?: CallOptions): Promise<OrgChartNode | null>;

  /** Decision areas an actor takes part in and/or whose text matches (of one municipality, when given), ordered by Swedish name. */
  decisionAreas(args: DecisionAreaArgs, options?: CallOptions): Promise<DecisionAreaEntity[]>;

  /** Provisions ordered by document, then order. */
  provisions(args: { documentId?: string | null | undefined }, options?: CallOptions): Promise<ProvisionEntity[]>;

  /** Workshop questions in checklist order. */
  workshopQuestions(args: { status?: CoverageStatus | null | undefined }, options?: CallOptions): Promise<WorkshopQuestionEntity[]>;

  /** Glossary terms ordered by Swedish term. */
  glossary(options?: CallOptions): Promise<GlossaryTermEntity[]>;

  /** Entities and dated relations that started or ended in (from, to], ordered by date. */
  changes(args: { from: string; to: string }, options?: CallOptions): Promise<Change[]>;

  /** Guided tours in their order. */
  tours(options?: CallOptions): Promise<Tour[]>;

  close(): Promise<void>;
}

type StoreMethod = Exclude<keyof Store, 'engine' | 'close'>;

/** Every method of the port, for the stores that delegate them all (a store being opened, one being reloaded). */
export const STORE_METHODS = [
  'info',
  'getEntities',
  'listEntities',
  'search',
  'relationsOf',
  'citedBy',
  'neighbourhood',
  'graph',
  'overview',
  'municipalities',
  'municipalityOf',
  'paths',
  'orgChart',
  'decisionAreas',
  'provisions',
  'workshopQuestions',
  'glossary',
  'changes',
  'tours',
] as const satisfies readonly StoreMethod[];
// A method added to the port and not to the list fails to compile here.
const everyMethodListed: Exclude<StoreMethod, (typeof STORE_METHODS)[number]> extends never ? true : never = true;
void everyMethodListed;

/** An error a caller can act on; GraphQL maps `code` to its error extensions. */
export class StoreError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'BAD_USER_INPUT' | 'STORE_UNAVAILABLE' | 'LIMIT_EXCEEDED',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
