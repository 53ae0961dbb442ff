import type {
  CoverageStatus,
  DecisionAreaEntity,
  Entity,
  EntityKind,
  GlossaryTermEntity,
  GraphPath,
  ProvisionEntity,
  Relation,
  RelationFamily,
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
  asOf?: string | null;
}

export interface ListArgs extends TimeScoped {
  kinds?: readonly EntityKind[];
  first: number;
  after?: string | null;
}

export interface SearchArgs extends TimeScoped {
  text: string;
  kinds?: readonly EntityKind[];
  first: number;
}

export interface RelationArgs extends TimeScoped {
  direction: Direction;
  families?: readonly RelationFamily[];
}

export interface NeighbourhoodArgs extends TimeScoped {
  id: string;
  depth: number;
  families?: readonly RelationFamily[];
  kinds?: readonly EntityKind[];
}

export interface GraphArgs extends TimeScoped {
  families?: readonly RelationFamily[];
  kinds?: readonly EntityKind[];
}

export interface PathArgs extends TimeScoped {
  from: string;
  to: string;
  maxLength: number;
  families?: readonly RelationFamily[];
  mode: PathMode;
  limit: number;
}

export interface OrgChartArgs extends TimeScoped {
  rootId: string;
}

export interface DecisionAreaArgs extends TimeScoped {
  actorId?: string | null;
  text?: string | null;
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

  /** All entities of `kinds` and the relations of `families` between them. */
  graph(args: GraphArgs, options?: CallOptions): Promise<Subgraph>;

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

  /** Decision areas an actor takes part in and/or whose text matches, ordered by Swedish name. */
  decisionAreas(args: DecisionAreaArgs, options?: CallOptions): Promise<DecisionAreaEntity[]>;

  /** Provisions ordered by document, then order. */
  provisions(args: { documentId?: string | null }, options?: CallOptions): Promise<ProvisionEntity[]>;

  /** Workshop questions in checklist order. */
  workshopQuestions(args: { status?: CoverageStatus | null }, options?: CallOptions): Promise<WorkshopQuestionEntity[]>;

  /** Glossary terms ordered by Swedish term. */
  glossary(options?: CallOptions): Promise<GlossaryTermEntity[]>;

  /** Entities and dated relations that started or ended in (from, to], ordered by date. */
  changes(args: { from: string; to: string }, options?: CallOptions): Promise<Change[]>;

  /** Guided tours in their order. */
  tours(options?: CallOptions): Promise<Tour[]>;

  close(): Promise<void>;
}

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
