import {
  fold,
  isValidAt,
  type DecisionAreaEntity,
  type Entity,
  type GlossaryTermEntity,
  type GraphPath,
  type ProvisionEntity,
  type Relation,
  type WorkshopQuestionEntity,
} from '@styrgraf/model';
import neo4j, { type Driver, type Record as Neo4jRecord } from 'neo4j-driver';
import {
  StoreError,
  type Change,
  type DecisionAreaArgs,
  type Direction,
  type GraphArgs,
  type ListArgs,
  type NeighbourhoodArgs,
  type OrgChartArgs,
  type OrgChartNode,
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
import { decodeCursor, encodeCursor } from '../shared/cursor.ts';
import { assembleOrgTree, hierarchyEdge, type HierarchyEdge } from '../shared/org-chart.ts';
import { byId, bySwedishName } from '../shared/order.ts';
import { toGraphPaths } from '../shared/paths.ts';
import { rankHits } from '../shared/search.ts';
import { Connectivity, type BackoffOptions, type Timers } from './connectivity.ts';
import { classifyError, toStoreError, type ErrorContext } from './errors.ts';
import { dateParam, datasetFromRecord, entityFromJson, field, intParam, listOf, listParam, relationFromJson, toNumber, type DatasetNode } from './mapping.ts';
import { namesQuery, stemsQuery } from './search-query.ts';
import { boundedCypher, cypher, MAX_HOPS, statementName, type ParametersOf, type StatementName } from './statements.ts';

/** Caps on what one answer may hold: far above any answer a person reads, well below what hurts the server. */
export const RESULT_LIMITS = {
  /** Rows of a list that is not paged (provisions, glossary, citations, changes). */
  rows: 10_000,
  /** Entities in a graph view or neighbourhood. */
  nodes: 10_000,
  /** Relations in a graph view. */
  edges: 50_000,
  /** Candidates each search pass may offer the ranking. */
  searchCandidates: 1_000,
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
}

export const DEFAULT_TRANSACTION_TIMEOUT_MS = 15_000;

const RELATION_STATEMENTS: Record<Direction, 'relations-out' | 'relations-in' | 'relations-both'> = { OUT: 'relations-out', IN: 'relations-in', BOTH: 'relations-both' };

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/**
 * The Store port on Neo4j. Every method is one statement in one read
 * transaction (batch methods included: one round trip per batch), finished
 * with the same shared helpers as the embedded store so that both answer
 * alike. While the database is away the store fails fast with
 * STORE_UNAVAILABLE and checks for its return in the background.
 */
export class Neo4jStore implements Store {
  readonly engine = 'neo4j' as const;
  readonly connectivity: Connectivity;
  private readonly timeoutMs: number;
  private readonly context: ErrorContext;

  constructor(
    private readonly driver: Driver,
    private readonly options: Neo4jStoreOptions,
  ) {
    this.timeoutMs = options.transactionTimeoutMs ?? DEFAULT_TRANSACTION_TIMEOUT_MS;
    this.context = { uri: options.uri, database: options.database, timeoutMs: this.timeoutMs };
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

  /** Runs one statement in a read transaction of its own session. */
  private async read<N extends StatementName>(name: N, params: ParametersOf<N>, text: string = cypher(name)): Promise<Neo4jRecord[]> {
    this.connectivity.ensureUp();
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(async (tx) => (await tx.run(text, params)).records, {
        timeout: this.timeoutMs,
        metadata: { app: 'styrgraf', statement: statementName(text) ?? name },
      });
    } catch (error) {
      const classified = classifyError(error, this.context);
      if (classified.kind === 'unavailable') this.connectivity.markDown(classified.reason);
      throw toStoreError(error, classified);
    } finally {
      await session.close().catch((error: unknown) => this.options.log?.(`[styrgraf] closing a Neo4j session failed: ${String(error)}`));
    }
  }

  private async dataset(): Promise<DatasetNode> {
    const [record] = await this.read('dataset', {});
    if (!record) {
      throw new StoreError(
        'STORE_UNAVAILABLE',
        `Neo4j at ${this.context.uri} (database "${this.context.database}") holds no Styrgraf data set; load one with \`pnpm graph:load\`.`,
      );
    }
    return datasetFromRecord(record);
  }

  async info(): Promise<StoreInfo> {
    const { meta, digest, counts } = await this.dataset();
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

  async getEntities(ids: readonly string[]): Promise<(Entity | null)[]> {
    if (ids.length === 0) return [];
    const records = await this.read('get-entities', { ids: [...new Set(ids)] });
    const found = new Map<string, Entity | null>();
    for (const record of records) {
      const json = field(record, 'json');
      found.set(String(field(record, 'id')), json === null ? null : entityFromJson(json));
    }
    return ids.map((id) => found.get(id) ?? null);
  }

  async listEntities({ kinds, first, after, asOf }: ListArgs): Promise<Page<Entity>> {
    const afterId = after ? decodeCursor(after) : null;
    const [record] = await this.read('list-entities', {
      kinds: listParam(kinds),
      asOf: dateParam(asOf, 'asOf'),
      after: afterId,
      // One more than asked says whether there is a next page.
      limit: intParam(Math.max(0, first) + 1),
    });
    const matching = listOf(record ? field(record, 'items') : [], entityFromJson).sort(byId);
    const items = matching.slice(0, Math.max(0, first));
    return {
      items,
      totalCount: record ? toNumber(field(record, 'totalCount')) : 0,
      endCursor: items.length > 0 ? encodeCursor(items[items.length - 1]!.id) : null,
      hasNextPage: matching.length > items.length,
    };
  }

  async search({ text, kinds, first, asOf }: SearchArgs): Promise<SearchHit[]> {
    const query = fold(text);
    if (!query) return [];
    const records = await this.read('search', {
      names: namesQuery(query),
      stems: stemsQuery(query),
      // Swedish compounds: "utskott" should find "personalutskott", which no word prefix does.
      infix: query.length >= 3 ? query : null,
      kinds: listParam(kinds),
      asOf: dateParam(asOf, 'asOf'),
      candidates: intParam(RESULT_LIMITS.searchCandidates),
    });
    const candidates = records.map((r) => ({ entity: entityFromJson(field(r, 'json')), score: Number(field(r, 'score')) }));
    return rankHits(candidates, query, first);
  }

  async relationsOf(ids: readonly string[], { direction, families, asOf }: RelationArgs): Promise<Relation[][]> {
    if (ids.length === 0) return [];
    const records = await this.read(RELATION_STATEMENTS[direction], {
      ids: [...new Set(ids)],
      families: listParam(families),
      asOf: dateParam(asOf, 'asOf'),
    });
    const byEntity = new Map<string, Relation[]>();
    for (const record of records) {
      byEntity.set(String(field(record, 'id')), listOf(field(record, 'relations'), relationFromJson).sort(byId));
    }
    return ids.map((id) => byEntity.get(id) ?? []);
  }

  async citedBy(provisionIds: readonly string[], { asOf }: TimeScoped): Promise<Relation[][]> {
    if (provisionIds.length === 0) return [];
    const records = await this.read('cited-by', {
      ids: [...new Set(provisionIds)],
      asOf: dateParam(asOf, 'asOf'),
      limit: intParam(RESULT_LIMITS.rows + 1),
    });
    this.bounded(records.length, RESULT_LIMITS.rows, 'relations citing these provisions');
    const relations = records.map((r) => relationFromJson(field(r, 'json'))).sort(byId);
    return provisionIds.map((id) => relations.filter((r) => r.cites.includes(id)));
  }

  async neighbourhood({ id, depth, families, kinds, asOf }: NeighbourhoodArgs): Promise<Subgraph | null> {
    if (depth > MAX_HOPS) throw new StoreError('LIMIT_EXCEEDED', `"depth" may be at most ${MAX_HOPS}; got ${depth}.`);
    if (depth < 1) {
      const [root] = await this.getEntities([id]);
      return root && isValidAt(root, asOf) ? { nodes: [root], edges: [] } : null;
    }
    const [record] = await this.read(
      'neighbourhood',
      { id, kinds: listParam(kinds), families: listParam(families), asOf: dateParam(asOf, 'asOf'), maxNodes: intParam(RESULT_LIMITS.nodes) },
      boundedCypher('neighbourhood', depth),
    );
    if (!record) return null;
    this.bounded(toNumber(field(record, 'nodeCount')), RESULT_LIMITS.nodes, 'entities in this neighbourhood');
    return {
      nodes: listOf(field(record, 'nodes'), entityFromJson).sort(byId),
      edges: listOf(field(record, 'edges'), relationFromJson).sort(byId),
    };
  }

  async graph({ families, kinds, asOf }: GraphArgs): Promise<Subgraph> {
    const [record] = await this.read('graph', {
      kinds: listParam(kinds),
      families: listParam(families),
      asOf: dateParam(asOf, 'asOf'),
      maxNodes: intParam(RESULT_LIMITS.nodes + 1),
      maxEdges: intParam(RESULT_LIMITS.edges + 1),
    });
    const nodes = listOf(record ? field(record, 'nodes') : [], entityFromJson);
    const edges = listOf(record ? field(record, 'edges') : [], relationFromJson);
    this.bounded(nodes.length, RESULT_LIMITS.nodes, 'entities in this view');
    this.bounded(edges.length, RESULT_LIMITS.edges, 'relations in this view');
    return { nodes: nodes.sort(byId), edges: edges.sort(byId) };
  }

  async paths({ from, to, maxLength, families, mode, asOf, limit }: PathArgs): Promise<GraphPath[]> {
    if (maxLength > MAX_HOPS) throw new StoreError('LIMIT_EXCEEDED', `"maxLength" may be at most ${MAX_HOPS}; got ${maxLength}.`);
    if (from === to || maxLength < 1 || limit < 1) return [];
    const name = mode === 'SHORTEST' ? 'paths-shortest' : 'paths-all';
    const records = await this.read(
      name,
      { from, to, families: listParam(families), asOf: dateParam(asOf, 'asOf'), limit: intParam(limit) },
      boundedCypher(name, maxLength),
    );
    const walks: string[][] = [];
    const between = new Map<string, Map<string, Relation>>();
    for (const record of records) {
      walks.push(listOf(field(record, 'walk'), String));
      for (const variant of listOf(field(record, 'variants'), (v) => listOf(v, relationFromJson))) {
        for (const relation of variant) {
          const key = pairKey(relation.from, relation.to);
          const list = between.get(key) ?? new Map<string, Relation>();
          list.set(relation.id, relation);
          between.set(key, list);
        }
      }
    }
    return toGraphPaths(walks, (a, b) => [...(between.get(pairKey(a, b))?.values() ?? [])], limit);
  }

  async orgChart({ rootId, asOf }: OrgChartArgs): Promise<OrgChartNode | null> {
    const [record] = await this.read('org-chart', { rootId, asOf: dateParam(asOf, 'asOf'), maxNodes: intParam(RESULT_LIMITS.nodes) });
    if (!record) return null;
    this.bounded(toNumber(field(record, 'nodeCount')), RESULT_LIMITS.nodes, 'entities in this org chart');
    const root = entityFromJson(field(record, 'root'));
    const below = listOf(field(record, 'below'), entityFromJson);
    const depthList = listOf(field(record, 'depths'), toNumber);
    const entities = new Map<string, Entity>([[root.id, root], ...below.map((e) => [e.id, e] as const)]);
    const depths = new Map<string, number>([[root.id, 0]]);
    below.forEach((e, i) => depths.set(e.id, depthList[i]!));
    const edges = listOf(field(record, 'edges'), relationFromJson)
      .map(hierarchyEdge)
      .filter((e): e is HierarchyEdge => e !== null);
    return assembleOrgTree(rootId, depths, edges, (id) => entities.get(id));
  }

  async decisionAreas({ actorId, text, asOf }: DecisionAreaArgs): Promise<DecisionAreaEntity[]> {
    const query = text ? fold(text) : '';
    const records = await this.read('decision-areas', {
      actorId: actorId || null,
      text: query || null,
      asOf: dateParam(asOf, 'asOf'),
      limit: intParam(RESULT_LIMITS.rows + 1),
    });
    this.bounded(records.length, RESULT_LIMITS.rows, 'decision areas');
    return records.map((r) => entityFromJson(field(r, 'json')) as DecisionAreaEntity).sort(bySwedishName);
  }

  async provisions({ documentId }: { documentId?: string | null }): Promise<ProvisionEntity[]> {
    const records = await this.read('provisions', { documentId: documentId || null, limit: intParam(RESULT_LIMITS.rows + 1) });
    this.bounded(records.length, RESULT_LIMITS.rows, 'provisions');
    return records
      .map((r) => entityFromJson(field(r, 'json')) as ProvisionEntity)
      .sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : a.order - b.order));
  }

  async workshopQuestions({ status }: { status?: WorkshopQuestionEntity['status'] | null }): Promise<WorkshopQuestionEntity[]> {
    const records = await this.read('workshop-questions', { status: status || null, limit: intParam(RESULT_LIMITS.rows + 1) });
    this.bounded(records.length, RESULT_LIMITS.rows, 'workshop questions');
    return records.map((r) => entityFromJson(field(r, 'json')) as WorkshopQuestionEntity).sort((a, b) => a.order - b.order || byId(a, b));
  }

  async glossary(): Promise<GlossaryTermEntity[]> {
    const records = await this.read('glossary', { limit: intParam(RESULT_LIMITS.rows + 1) });
    this.bounded(records.length, RESULT_LIMITS.rows, 'glossary terms');
    return records.map((r) => entityFromJson(field(r, 'json')) as GlossaryTermEntity).sort(bySwedishName);
  }

  async changes({ from, to }: { from: string; to: string }): Promise<Change[]> {
    const [record] = await this.read('changes', {
      from: dateParam(from, 'from'),
      to: dateParam(to, 'to'),
      limit: intParam(RESULT_LIMITS.rows + 1),
    });
    const entities = listOf(record ? field(record, 'entities') : [], entityFromJson);
    const relations = listOf(record ? field(record, 'relations') : [], relationFromJson);
    this.bounded(entities.length + relations.length, RESULT_LIMITS.rows, 'changes in this period');
    return computeChanges(entities, relations, from, to);
  }

  async tours() {
    return (await this.dataset()).tours;
  }

  async close(): Promise<void> {
    this.connectivity.close();
    await this.driver.close();
  }

  /** An answer past its cap is refused whole rather than silently cut. */
  private bounded(count: number, cap: number, what: string): void {
    if (count > cap) throw new StoreError('LIMIT_EXCEEDED', `More than ${cap} ${what}; narrow the question (kinds, families, a date).`);
  }
}
