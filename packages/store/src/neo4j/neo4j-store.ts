import {
  ENTITY_KINDS,
  fold,
  isValidAt,
  RELATION_FAMILIES,
  type DecisionAreaEntity,
  type Entity,
  type GlossaryTermEntity,
  type GraphPath,
  type ProvisionEntity,
  type Relation,
  type WorkshopQuestionEntity,
} from '@styrgraf/model';
import neo4j, { type BookmarkManager, type Driver, type Record as Neo4jRecord } from 'neo4j-driver';
import { firstSimplePaths, shortestWalks } from '../memory/bounded-paths.ts';
import {
  StoreError,
  type CallOptions,
  type Change,
  type DecisionAreaArgs,
  type Direction,
  type GraphArgs,
  type ListArgs,
  type MunicipalityList,
  type NeighbourhoodArgs,
  type OrgChartArgs,
  type OrgChartNode,
  type OverviewArgs,
  type Page,
  type PathArgs,
  type RelationArgs,
  type SearchArgs,
  type SearchHit,
  type Store,
  type StoreInfo,
  type Subgraph,
  type TimeScoped,
} from '../port.ts';
import { computeChanges } from '../shared/changes.ts';
import { Slice } from '../shared/cooperate.ts';
import { decodeCursor, encodeCursor } from '../shared/cursor.ts';
import { assembleOrgTree, hierarchyEdge, type HierarchyEdge } from '../shared/org-chart.ts';
import { byId, bySwedishName } from '../shared/order.ts';
import { toGraphPaths } from '../shared/paths.ts';
import { rankHits } from '../shared/search.ts';
import { Connectivity, type BackoffOptions, type Timers } from './connectivity.ts';
import { classifyError, toStoreError, type ErrorContext } from './errors.ts';
import { GRAPH_MODEL_VERSION } from './graph-model.ts';
import { dateParam, datasetFromRecord, entityFromJson, field, filterParam, intParam, listOf, relationFromJson, toNumber, type DatasetNode } from './mapping.ts';
import { searchParams } from './search-query.ts';
import { cypher, MAX_HOPS, type ParametersOf, type StatementName } from './statements.ts';
import { regionBetween } from './walks.ts';
import { addTo } from '@styrgraf/model';

/** Caps on what one answer may hold: far above any answer a person reads, well below what hurts the server. */
export const RESULT_LIMITS = {
  /** Rows of a list that is not paged (provisions, glossary, citations, changes, a batch of relations or ids). */
  rows: 10_000,
  /** Entities in a graph view, neighbourhood or org chart. */
  nodes: 10_000,
  /** Relations in a graph view. */
  edges: 50_000,
  /** Relations one walk (a neighbourhood, a path search) may look at: the national set has ~104,000 relation ends. */
  steps: 250_000,
} as const;

export interface Neo4jStoreOptions {
  /** For messages only: where the database is. */
  uri: string;
  database: string;
  /** Every transaction is stopped by the server after this long. */
  transactionTimeoutMs?: number;
  backoff?: BackoffOptions;
  timers?: Timers;
  log?: (message: string) => void;
  /**
   * Chains every read after the writes this process has seen (graph:load on
   * the same driver): on a cluster, a read then waits for a member that holds
   * them. The driver's own manager unless given.
   */
  bookmarkManager?: BookmarkManager;
}

export const DEFAULT_TRANSACTION_TIMEOUT_MS = 15_000;

const RELATION_STATEMENTS: Record<Direction, 'relations-out' | 'relations-in' | 'relations-both'> = {
  OUT: 'relations-out',
  IN: 'relations-in',
  BOTH: 'relations-both',
};

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** Runs one statement inside the current read transaction. */
type Run = <N extends StatementName>(name: N, params: ParametersOf<N>) => Promise<Neo4jRecord[]>;

/** Rejects with the signal's reason as soon as it aborts, whatever `work` is still doing. */
function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * The Store port on Neo4j. Every method is one read transaction: one
 * statement (batch methods included: one round trip per batch), or for walks
 * (neighbourhoods, org charts, paths) one breadth-first step per statement, so
 * that their work grows with what they reach, never with the number of walks
 * through it. Answers are finished with the same shared helpers as the
 * embedded store so that both answer alike. A call's AbortSignal closes its
 * session, which makes the server terminate the transaction. While the
 * database is away the store fails fast with STORE_UNAVAILABLE and checks for
 * its return in the background.
 */
export class Neo4jStore implements Store {
  readonly engine = 'neo4j' as const;
  readonly connectivity: Connectivity;
  private readonly timeoutMs: number;
  private readonly context: ErrorContext;
  private readonly bookmarks: BookmarkManager;

  constructor(
    private readonly driver: Driver,
    private readonly options: Neo4jStoreOptions,
  ) {
    this.timeoutMs = options.transactionTimeoutMs ?? DEFAULT_TRANSACTION_TIMEOUT_MS;
    this.context = { uri: options.uri, database: options.database, timeoutMs: this.timeoutMs };
    this.bookmarks = options.bookmarkManager ?? driver.executeQueryBookmarkManager;
    this.connectivity = new Connectivity(
      async () => {
        await driver.verifyConnectivity({ database: options.database });
      },
      (error) => this.reasonFor(error),
      {
        ...(options.backoff ? { backoff: options.backoff } : {}),
        ...(options.timers ? { timers: options.timers } : {}),
        ...(options.log ? { log: options.log } : {}),
      },
    );
  }

  /** Checks the connection once; an unreachable database leaves the store degraded, not failed. */
  async start(): Promise<this> {
    await this.connectivity.start();
    return this;
  }

  private reasonFor(error: unknown): string {
    const classified = classifyError(error, this.context);
    if (classified.kind === 'unavailable') return classified.reason;
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return `Neo4j at ${this.context.uri} (database "${this.context.database}") did not answer a connectivity check: ${message}`;
  }

  /**
   * Runs `work` in one read transaction of its own session. The managed
   * transaction retries transient failures, so `work` keeps its state inside.
   * When the call's signal aborts, the session is closed at once: the driver
   * resets the connection, the server terminates the transaction, and the call
   * rejects with the signal's reason without waiting for it.
   */
  private async transaction<T>(label: string, work: (run: Run) => Promise<T>, options?: CallOptions): Promise<T> {
    const signal = options?.signal;
    signal?.throwIfAborted();
    this.connectivity.ensureUp();
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ, bookmarkManager: this.bookmarks });
    const close = () => session.close().catch((error: unknown) => this.options.log?.(`[styrgraf] closing a Neo4j session failed: ${String(error)}`));
    const stop = () => void close();
    signal?.addEventListener('abort', stop, { once: true });
    try {
      const running = session.executeRead(
        (tx) =>
          work(async (name, params) => {
            signal?.throwIfAborted();
            return (await tx.run(cypher(name), params)).records;
          }),
        { timeout: this.timeoutMs, metadata: { app: 'styrgraf', statement: label } },
      );
      return await (signal ? abortable(running, signal) : running);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      const classified = classifyError(error, this.context);
      if (classified.kind === 'unavailable') this.connectivity.markDown(classified.reason);
      throw toStoreError(error, classified);
    } finally {
      signal?.removeEventListener('abort', stop);
      await close();
    }
  }

  /** One statement in a read transaction of its own. */
  private read<N extends StatementName>(name: N, params: ParametersOf<N>, options?: CallOptions): Promise<Neo4jRecord[]> {
    return this.transaction(name, (run) => run(name, params), options);
  }

  private async dataset(options?: CallOptions): Promise<DatasetNode> {
    const [record] = await this.read('dataset', {}, options);
    if (!record) {
      throw new StoreError(
        'STORE_UNAVAILABLE',
        `Neo4j at ${this.context.uri} (database "${this.context.database}") holds no Styrgraf data set; load one with \`pnpm graph:load\`.`,
      );
    }
    const dataset = datasetFromRecord(record);
    if (dataset.model !== GRAPH_MODEL_VERSION) {
      throw new StoreError(
        'STORE_UNAVAILABLE',
        `Neo4j at ${this.context.uri} (database "${this.context.database}") holds ${dataset.meta.id} ${dataset.meta.version} as an older Styrgraf wrote it (graph layout ${dataset.model ?? 1}; this one reads ${GRAPH_MODEL_VERSION}); load it again with \`pnpm graph:load\`.`,
      );
    }
    return dataset;
  }

  async info(options?: CallOptions): Promise<StoreInfo> {
    const { meta, digest, counts } = await this.dataset(options);
    return {
      engine: this.engine,
      datasetId: meta.id,
      name: meta.name,
      version: meta.version,
      digest,
      entityCount: counts.entityCount,
      relationCount: counts.relationCount,
      entitiesByKind: counts.entitiesByKind,
      relationsByFamily: counts.relationsByFamily,
      gaps: meta.gaps ?? [],
    };
  }

  async getEntities(ids: readonly string[], options?: CallOptions): Promise<(Entity | null)[]> {
    if (ids.length === 0) return [];
    return this.transaction('get-entities', (run) => this.entitiesById(run, ids), options);
  }

  /** Entities by id, inside a transaction: one answer per id, null where unknown. */
  private async entitiesById(run: Run, ids: readonly string[]): Promise<(Entity | null)[]> {
    const unique = [...new Set(ids)];
    this.bounded(unique.length, RESULT_LIMITS.rows, 'entities asked for at once');
    const records = await run('get-entities', { ids: unique, limit: intParam(unique.length) });
    const found = new Map<string, Entity | null>();
    for (const record of records) {
      const json = field(record, 'json');
      found.set(String(field(record, 'id')), json === null ? null : entityFromJson(json));
    }
    return ids.map((id) => found.get(id) ?? null);
  }

  async listEntities({ kinds, first, after, asOf }: ListArgs, options?: CallOptions): Promise<Page<Entity>> {
    const afterId = after ? decodeCursor(after) : null;
    const [record] = await this.read(
      'list-entities',
      {
        kinds: filterParam(kinds, ENTITY_KINDS),
        asOf: dateParam(asOf, 'asOf'),
        after: afterId,
        // One more than asked says whether there is a next page.
        limit: intParam(Math.max(0, first) + 1),
      },
      options,
    );
    const matching = listOf(record ? field(record, 'items') : [], entityFromJson).sort(byId);
    const items = matching.slice(0, Math.max(0, first));
    return {
      items,
      totalCount: record ? toNumber(field(record, 'totalCount')) : 0,
      endCursor: items.length > 0 ? encodeCursor(items[items.length - 1]!.id) : null,
      hasNextPage: matching.length > items.length,
    };
  }

  async search({ text, kinds, first, asOf, municipality }: SearchArgs, options?: CallOptions): Promise<SearchHit[]> {
    const query = fold(text);
    if (!query || first < 1) return [];
    const records = await this.read(
      'search',
      {
        ...searchParams(query),
        kinds: filterParam(kinds, ENTITY_KINDS),
        asOf: dateParam(asOf, 'asOf'),
        first: intParam(first),
        municipality: municipality || null,
      },
      options,
    );
    const candidates = records.map((r) => ({ entity: entityFromJson(field(r, 'json')), score: Number(field(r, 'score')) }));
    return rankHits(candidates, query, first);
  }

  async relationsOf(ids: readonly string[], { direction, families, asOf }: RelationArgs, options?: CallOptions): Promise<Relation[][]> {
    if (ids.length === 0) return [];
    const unique = [...new Set(ids)];
    this.bounded(unique.length, RESULT_LIMITS.rows, 'entities asked for at once');
    const records = await this.read(
      RELATION_STATEMENTS[direction],
      { ids: unique, families: filterParam(families, RELATION_FAMILIES), asOf: dateParam(asOf, 'asOf'), limit: intParam(RESULT_LIMITS.rows + 1) },
      options,
    );
    this.bounded(records.length, RESULT_LIMITS.rows, 'relations of these entities');
    const byEntity = new Map<string, Map<string, Relation>>();
    for (const record of records) {
      const id = String(field(record, 'id'));
      const relation = relationFromJson(field(record, 'json'));
      const list = byEntity.get(id) ?? new Map<string, Relation>();
      // A relation from an entity to itself matches BOTH from either end; it is one relation.
      list.set(relation.id, relation);
      byEntity.set(id, list);
    }
    return ids.map((id) => [...(byEntity.get(id)?.values() ?? [])].sort(byId));
  }

  async citedBy(provisionIds: readonly string[], { asOf }: TimeScoped, options?: CallOptions): Promise<Relation[][]> {
    if (provisionIds.length === 0) return [];
    const records = await this.read(
      'cited-by',
      { ids: [...new Set(provisionIds)], asOf: dateParam(asOf, 'asOf'), limit: intParam(RESULT_LIMITS.rows + 1) },
      options,
    );
    this.bounded(records.length, RESULT_LIMITS.rows, 'relations citing these provisions');
    const relations = records.map((r) => relationFromJson(field(r, 'json'))).sort(byId);
    return provisionIds.map((id) => relations.filter((r) => r.cites.includes(id)));
  }

  /** One breadth-first step: the frontier's neighbours in the view, as id pairs, counted against the walk's budget. */
  private expander(run: Run, params: Omit<ParametersOf<'expand'>, 'frontier' | 'limit'>) {
    let steps = 0;
    return async (frontier: string[]): Promise<[string, string][]> => {
      const records = await run('expand', { ...params, frontier, limit: intParam(RESULT_LIMITS.steps - steps + 1) });
      steps += records.length;
      this.bounded(steps, RESULT_LIMITS.steps, 'relations on the way', 'ask for a smaller depth or maxLength, or fewer families');
      return records.map((r) => [String(field(r, 'from')), String(field(r, 'to'))]);
    };
  }

  async neighbourhood({ id, depth, families, kinds, asOf }: NeighbourhoodArgs, options?: CallOptions): Promise<Subgraph | null> {
    if (depth > MAX_HOPS) throw new StoreError('LIMIT_EXCEEDED', `"depth" may be at most ${MAX_HOPS}; got ${depth}.`);
    const asOfParam = dateParam(asOf, 'asOf');
    const familyList = filterParam(families, RELATION_FAMILIES);
    return this.transaction(
      'neighbourhood',
      async (run) => {
        const [root] = await this.entitiesById(run, [id]);
        if (!root || !isValidAt(root, asOf)) return null;
        // The traversal passes through entities of the kinds, and the root's own.
        const expand = this.expander(run, { families: familyList, kinds: filterParam(kinds ? [...kinds, root.kind] : null, ENTITY_KINDS), asOf: asOfParam });
        const reached = new Set([id]);
        let frontier = [id];
        for (let level = 1; level <= depth && frontier.length > 0; level++) {
          const next: string[] = [];
          for (const [, neighbour] of await expand(frontier)) {
            if (reached.has(neighbour)) continue;
            reached.add(neighbour);
            next.push(neighbour);
          }
          this.bounded(reached.size, RESULT_LIMITS.nodes, 'entities in this neighbourhood');
          // In id order, so that what a call sends does not depend on the order rows came back in.
          frontier = next.sort();
        }
        const members = [...reached].sort();
        const nodes = (await this.entitiesById(run, members)).filter((e): e is Entity => e !== null);
        const edges = await run('relations-among', { ids: members, families: familyList, asOf: asOfParam, limit: intParam(RESULT_LIMITS.edges + 1) });
        this.bounded(edges.length, RESULT_LIMITS.edges, 'relations in this neighbourhood');
        return { nodes: nodes.sort(byId), edges: edges.map((r) => relationFromJson(field(r, 'json'))).sort(byId) };
      },
      options,
    );
  }

  async graph({ families, kinds, asOf, municipality }: GraphArgs, options?: CallOptions): Promise<Subgraph> {
    if (municipality) {
      const params = {
        municipality,
        kinds: filterParam(kinds, ENTITY_KINDS),
        families: filterParam(families, RELATION_FAMILIES),
        asOf: dateParam(asOf, 'asOf'),
      };
      return this.membersAndRelations('scope', (run) => run('scope-members', { ...params, limit: intParam(RESULT_LIMITS.nodes + 1) }), params, options);
    }
    const [record] = await this.read(
      'graph',
      {
        kinds: filterParam(kinds, ENTITY_KINDS),
        families: filterParam(families, RELATION_FAMILIES),
        asOf: dateParam(asOf, 'asOf'),
        maxNodes: intParam(RESULT_LIMITS.nodes + 1),
        maxEdges: intParam(RESULT_LIMITS.edges + 1),
      },
      options,
    );
    const nodes = listOf(record ? field(record, 'nodes') : [], entityFromJson);
    const edges = listOf(record ? field(record, 'edges') : [], relationFromJson);
    this.bounded(nodes.length, RESULT_LIMITS.nodes, 'entities in this view');
    this.bounded(edges.length, RESULT_LIMITS.edges, 'relations in this view');
    return { nodes: nodes.sort(byId), edges: edges.sort(byId) };
  }

  async overview({ families, kinds, asOf }: OverviewArgs, options?: CallOptions): Promise<Subgraph> {
    const params = { kinds: filterParam(kinds, ENTITY_KINDS), families: filterParam(families, RELATION_FAMILIES), asOf: dateParam(asOf, 'asOf') };
    return this.membersAndRelations(
      'overview',
      (run) => run('overview-members', { kinds: params.kinds, asOf: params.asOf, limit: intParam(RESULT_LIMITS.nodes + 1) }),
      params,
      options,
    );
  }

  /** A view of a scope: its members by one statement, then the relations among them, in one transaction. */
  private membersAndRelations(
    label: string,
    members: (run: Run) => Promise<Neo4jRecord[]>,
    { families, asOf }: { families: string[]; asOf: ReturnType<typeof dateParam> },
    options?: CallOptions,
  ): Promise<Subgraph> {
    return this.transaction(
      label,
      async (run) => {
        const records = await members(run);
        this.bounded(records.length, RESULT_LIMITS.nodes, 'entities in this view');
        if (records.length === 0) return { nodes: [], edges: [] };
        const ids = records.map((r) => String(field(r, 'id')));
        const edges = await run('relations-among', { ids, families, asOf, limit: intParam(RESULT_LIMITS.edges + 1) });
        this.bounded(edges.length, RESULT_LIMITS.edges, 'relations in this view');
        return {
          nodes: records.map((r) => entityFromJson(field(r, 'json'))).sort(byId),
          edges: edges.map((r) => relationFromJson(field(r, 'json'))).sort(byId),
        };
      },
      options,
    );
  }

  async municipalities(options?: CallOptions): Promise<MunicipalityList> {
    const { municipalities } = await this.dataset(options);
    return municipalities ?? { municipalities: [], overview: { entityCount: 0, relationCount: 0, entitiesByKind: {}, relationsByFamily: {} } };
  }

  async municipalityOf(ids: readonly string[], options?: CallOptions): Promise<(string | null)[]> {
    if (ids.length === 0) return [];
    const unique = [...new Set(ids)];
    this.bounded(unique.length, RESULT_LIMITS.rows, 'entities asked for at once');
    const records = await this.read('municipality-of', { ids: unique, limit: intParam(unique.length) }, options);
    const found = new Map(records.map((r) => [String(field(r, 'id')), field(r, 'municipality') as string | null]));
    return ids.map((id) => found.get(id) ?? null);
  }

  /**
   * The region of the view that holds every path short enough is fetched by a
   * breadth-first search from both ends (see walks.ts), then searched with the
   * embedded store's own bounded path search: the work is two balls of
   * maxLength / 2, never every trail of maxLength, and both stores give the
   * same paths in the same order.
   */
  async paths({ from, to, maxLength, families, mode, asOf, limit }: PathArgs, options?: CallOptions): Promise<GraphPath[]> {
    if (maxLength > MAX_HOPS) throw new StoreError('LIMIT_EXCEEDED', `"maxLength" may be at most ${MAX_HOPS}; got ${maxLength}.`);
    if (from === to || maxLength < 1 || limit < 1) return [];
    const asOfParam = dateParam(asOf, 'asOf');
    const familyList = filterParam(families, RELATION_FAMILIES);
    return this.transaction(
      `paths-${mode.toLowerCase()}`,
      async (run) => {
        const ends = await this.entitiesById(run, [from, to]);
        if (!ends.every((e) => e && isValidAt(e, asOf))) return [];
        const expand = this.expander(run, { families: familyList, kinds: [...ENTITY_KINDS], asOf: asOfParam });
        const region = await regionBetween(expand, from, to, maxLength, mode === 'SHORTEST');
        if (!region) return [];
        // The walk over the fetched region runs in this process: it yields and stops with the request too.
        const slice = new Slice(options?.signal);
        const walks =
          mode === 'SHORTEST' ? await shortestWalks(region, from, to, maxLength, slice) : await firstSimplePaths(region, from, to, maxLength, limit, slice);
        const pairs = new Map<string, [string, string]>();
        for (const walk of walks) for (let i = 1; i < walk.length; i++) pairs.set(pairKey(walk[i - 1]!, walk[i]!), [walk[i - 1]!, walk[i]!]);
        const between = new Map<string, Relation[]>();
        if (pairs.size > 0) {
          const records = await run('relations-between', {
            pairs: [...pairs.keys()].sort().map((key) => pairs.get(key)!),
            families: familyList,
            asOf: asOfParam,
            limit: intParam(RESULT_LIMITS.steps),
          });
          for (const record of records) {
            const relation = relationFromJson(field(record, 'json'));
            const key = pairKey(relation.from, relation.to);
            addTo(between, key, relation);
          }
        }
        return toGraphPaths(walks, (a, b) => between.get(pairKey(a, b)) ?? [], limit);
      },
      options,
    );
  }

  /** The reporting tree, a level per statement from the root down, each entity at the level that first reaches it. */
  async orgChart({ rootId, asOf }: OrgChartArgs, options?: CallOptions): Promise<OrgChartNode | null> {
    const asOfParam = dateParam(asOf, 'asOf');
    return this.transaction(
      'org-chart',
      async (run) => {
        const [root] = await this.entitiesById(run, [rootId]);
        if (!root || !isValidAt(root, asOf)) return null;
        const entities = new Map<string, Entity>([[rootId, root]]);
        const depths = new Map<string, number>([[rootId, 0]]);
        const edges: HierarchyEdge[] = [];
        let frontier = [rootId];
        for (let depth = 1; frontier.length > 0; depth++) {
          const records = await run('org-chart-level', { frontier, asOf: asOfParam, limit: intParam(RESULT_LIMITS.steps + 1) });
          this.bounded(records.length, RESULT_LIMITS.steps, 'line-management relations on one level');
          const next: string[] = [];
          for (const record of records) {
            const edge = hierarchyEdge(relationFromJson(field(record, 'json')));
            if (!edge) continue;
            edges.push(edge);
            if (depths.has(edge.child)) continue;
            depths.set(edge.child, depth);
            entities.set(edge.child, entityFromJson(field(record, 'child')));
            next.push(edge.child);
          }
          this.bounded(depths.size, RESULT_LIMITS.nodes, 'entities in this org chart');
          frontier = next.sort();
        }
        return assembleOrgTree(rootId, depths, edges, (id) => entities.get(id));
      },
      options,
    );
  }

  async decisionAreas({ actorId, text, asOf, municipality }: DecisionAreaArgs, options?: CallOptions): Promise<DecisionAreaEntity[]> {
    const query = text ? fold(text) : '';
    const records = await this.read(
      'decision-areas',
      {
        actorId: actorId || null,
        text: query || null,
        asOf: dateParam(asOf, 'asOf'),
        municipality: municipality || null,
        limit: intParam(RESULT_LIMITS.rows + 1),
      },
      options,
    );
    this.bounded(records.length, RESULT_LIMITS.rows, 'decision areas');
    return records.map((r) => entityFromJson(field(r, 'json')) as DecisionAreaEntity).sort(bySwedishName);
  }

  async provisions({ documentId }: { documentId?: string | null }, options?: CallOptions): Promise<ProvisionEntity[]> {
    const records = await this.read('provisions', { documentId: documentId || null, limit: intParam(RESULT_LIMITS.rows + 1) }, options);
    this.bounded(records.length, RESULT_LIMITS.rows, 'provisions');
    return records
      .map((r) => entityFromJson(field(r, 'json')) as ProvisionEntity)
      .sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : a.order - b.order));
  }

  async workshopQuestions({ status }: { status?: WorkshopQuestionEntity['status'] | null }, options?: CallOptions): Promise<WorkshopQuestionEntity[]> {
    const records = await this.read('workshop-questions', { status: status || null, limit: intParam(RESULT_LIMITS.rows + 1) }, options);
    this.bounded(records.length, RESULT_LIMITS.rows, 'workshop questions');
    return records.map((r) => entityFromJson(field(r, 'json')) as WorkshopQuestionEntity).sort((a, b) => a.order - b.order || byId(a, b));
  }

  async glossary(options?: CallOptions): Promise<GlossaryTermEntity[]> {
    const records = await this.read('glossary', { limit: intParam(RESULT_LIMITS.rows + 1) }, options);
    this.bounded(records.length, RESULT_LIMITS.rows, 'glossary terms');
    return records.map((r) => entityFromJson(field(r, 'json')) as GlossaryTermEntity).sort(bySwedishName);
  }

  async changes({ from, to }: { from: string; to: string }, options?: CallOptions): Promise<Change[]> {
    const [record] = await this.read('changes', { from: dateParam(from, 'from'), to: dateParam(to, 'to'), limit: intParam(RESULT_LIMITS.rows + 1) }, options);
    const entities = listOf(record ? field(record, 'entities') : [], entityFromJson);
    const relations = listOf(record ? field(record, 'relations') : [], relationFromJson);
    this.bounded(entities.length + relations.length, RESULT_LIMITS.rows, 'changes in this period');
    return computeChanges(entities, relations, from, to);
  }

  async tours(options?: CallOptions) {
    return (await this.dataset(options)).tours;
  }

  async close(): Promise<void> {
    this.connectivity.close();
    await this.driver.close();
  }

  /** An answer past its cap is refused whole rather than silently cut. */
  private bounded(count: number, cap: number, what: string, hint = 'narrow the question (kinds, families, a date)'): void {
    if (count > cap) throw new StoreError('LIMIT_EXCEEDED', `More than ${cap} ${what}; ${hint}.`);
  }
}
