import {
  fold,
  isValidAt,
  type Dataset,
  type DecisionAreaEntity,
  type Entity,
  type EntityKind,
  type GlossaryTermEntity,
  type GraphPath,
  type ProvisionEntity,
  type Relation,
  type RelationFamily,
  type WorkshopQuestionEntity,
} from '@styrgraf/model';
import { MultiDirectedGraph, UndirectedGraph, DirectedGraph } from 'graphology';
import { bfsFromNode } from 'graphology-traversal';
import type {
  Change,
  DecisionAreaArgs,
  GraphArgs,
  ListArgs,
  NeighbourhoodArgs,
  OrgChartArgs,
  OrgChartNode,
  Page,
  PathArgs,
  RelationArgs,
  SearchArgs,
  SearchHit,
  Store,
  StoreInfo,
  Subgraph,
} from '../port.ts';
import { computeChanges } from '../shared/changes.ts';
import { decodeCursor, encodeCursor } from '../shared/cursor.ts';
import { assembleOrgTree, hierarchyEdge, type HierarchyEdge } from '../shared/org-chart.ts';
import { byId, bySwedishName } from '../shared/order.ts';
import { toGraphPaths } from '../shared/paths.ts';
import { LRUCache } from 'lru-cache';
import { firstSimplePaths, shortestPathPredecessors } from './bounded-paths.ts';
import { SearchIndex } from './search-index.ts';

/** A filtered, undirected picture of the graph: what traversals walk for one set of families, kinds and date. */
interface View {
  graph: UndirectedGraph;
  between: Map<string, Relation[]>;
}

/** A guard against pathological fan-out; far above any answer a person reads. */
const MAX_WALKS = 10_000;

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/**
 * The embedded store: the whole data set in process, indexed in a graphology
 * multigraph, searched with MiniSearch. Traversals run on cached filtered
 * views so that a filter is paid for once, not on every request.
 */
export class MemoryStore implements Store {
  readonly engine = 'memory' as const;
  private readonly entities = new Map<string, Entity>();
  private readonly sortedIds: string[];
  private readonly graphIndex = new MultiDirectedGraph<{ entity: Entity }, { relation: Relation }>();
  private readonly index: SearchIndex;
  /** Provision id → relations citing it, ordered by relation id. */
  private readonly citations = new Map<string, Relation[]>();
  /** Folded words of each decision area, for decisionAreas(text). */
  private readonly areaText = new Map<string, string>();
  /** Entities of each kind, ordered by id. */
  private readonly byKind = new Map<EntityKind, Entity[]>();
  private readonly views = new LRUCache<string, View>({ max: 32 });
  private readonly hierarchies = new LRUCache<string, { graph: DirectedGraph; edges: HierarchyEdge[] }>({ max: 16 });

  constructor(private readonly dataset: Dataset) {
    for (const entity of dataset.entities) {
      this.entities.set(entity.id, entity);
      this.graphIndex.addNode(entity.id, { entity });
    }
    this.sortedIds = [...this.entities.keys()].sort();
    for (const id of this.sortedIds) {
      const entity = this.entities.get(id)!;
      this.byKind.set(entity.kind, [...(this.byKind.get(entity.kind) ?? []), entity]);
      if (entity.kind === 'DECISION_AREA') {
        this.areaText.set(id, fold([entity.name.sv, entity.name.en, entity.description?.sv ?? '', entity.description?.en ?? '', entity.topic ?? ''].join(' ')));
      }
    }
    for (const relation of [...dataset.relations].sort(byId)) {
      this.graphIndex.addDirectedEdgeWithKey(relation.id, relation.from, relation.to, { relation });
      if (relation.family === 'REFERENCE') continue;
      for (const cite of relation.cites) this.citations.set(cite, [...(this.citations.get(cite) ?? []), relation]);
    }
    this.index = new SearchIndex(dataset.entities);
  }

  /** Entities of the given kinds, ordered by id. */
  private ofKinds(kinds: readonly EntityKind[]): Entity[] {
    const unique = [...new Set(kinds)];
    if (unique.length === 1) return this.byKind.get(unique[0]!) ?? [];
    return unique.flatMap((k) => this.byKind.get(k) ?? []).sort(byId);
  }

  private entity(id: string): Entity | undefined {
    return this.entities.get(id);
  }

  private inForce(relation: Relation, asOf: string | null | undefined): boolean {
    if (!asOf) return true;
    return (
      isValidAt(relation, asOf) &&
      isValidAt(this.entities.get(relation.from)!, asOf) &&
      isValidAt(this.entities.get(relation.to)!, asOf)
    );
  }

  async info(): Promise<StoreInfo> {
    const entitiesByKind: Partial<Record<EntityKind, number>> = {};
    for (const e of this.entities.values()) entitiesByKind[e.kind] = (entitiesByKind[e.kind] ?? 0) + 1;
    const relationsByFamily: Partial<Record<RelationFamily, number>> = {};
    for (const r of this.dataset.relations) relationsByFamily[r.family] = (relationsByFamily[r.family] ?? 0) + 1;
    return {
      engine: this.engine,
      datasetId: this.dataset.meta.id,
      name: this.dataset.meta.name,
      version: this.dataset.meta.version,
      digest: this.dataset.digest,
      entityCount: this.entities.size,
      relationCount: this.dataset.relations.length,
      entitiesByKind,
      relationsByFamily,
      gaps: this.dataset.meta.gaps ?? [],
    };
  }

  async getEntities(ids: readonly string[]): Promise<(Entity | null)[]> {
    return ids.map((id) => this.entities.get(id) ?? null);
  }

  async listEntities({ kinds, first, after, asOf }: ListArgs): Promise<Page<Entity>> {
    const afterId = after ? decodeCursor(after) : null;
    const pool = kinds ? this.ofKinds(kinds) : this.sortedIds.map((id) => this.entities.get(id)!);
    const matching = asOf ? pool.filter((e) => isValidAt(e, asOf)) : pool;
    const start = afterId === null ? 0 : matching.findIndex((e) => e.id > afterId);
    const from = start === -1 ? matching.length : start;
    const items = matching.slice(from, from + first);
    return {
      items,
      totalCount: matching.length,
      endCursor: items.length > 0 ? encodeCursor(items[items.length - 1]!.id) : null,
      hasNextPage: from + first < matching.length,
    };
  }

  async search(args: SearchArgs): Promise<SearchHit[]> {
    return this.index.search(args);
  }

  async relationsOf(ids: readonly string[], { direction, families, asOf }: RelationArgs): Promise<Relation[][]> {
    return ids.map((id) => {
      if (!this.graphIndex.hasNode(id)) return [];
      const edges =
        direction === 'OUT'
          ? this.graphIndex.outEdges(id)
          : direction === 'IN'
            ? this.graphIndex.inEdges(id)
            : this.graphIndex.edges(id);
      return edges
        .map((e) => this.graphIndex.getEdgeAttribute(e, 'relation'))
        .filter((r) => (!families || families.includes(r.family)) && this.inForce(r, asOf))
        .sort(byId);
    });
  }

  async citedBy(provisionIds: readonly string[], { asOf }: { asOf?: string | null }): Promise<Relation[][]> {
    return provisionIds.map((id) => (this.citations.get(id) ?? []).filter((r) => this.inForce(r, asOf)));
  }

  /** The undirected view for one filter, built once and kept in a small LRU cache. */
  private view(families: readonly RelationFamily[] | undefined, kinds: readonly EntityKind[] | undefined, asOf: string | null | undefined): View {
    const key = `${families ? [...families].sort().join(',') : '*'}|${kinds ? [...kinds].sort().join(',') : '*'}|${asOf ?? ''}`;
    const cached = this.views.get(key);
    if (cached) return cached;
    const graph = new UndirectedGraph();
    const between = new Map<string, Relation[]>();
    for (const entity of this.entities.values()) {
      if ((!kinds || kinds.includes(entity.kind)) && isValidAt(entity, asOf)) graph.addNode(entity.id);
    }
    this.graphIndex.forEachEdge((_edge, { relation }) => {
      if (families && !families.includes(relation.family)) return;
      if (!graph.hasNode(relation.from) || !graph.hasNode(relation.to) || !isValidAt(relation, asOf)) return;
      if (relation.from === relation.to) return;
      graph.mergeEdge(relation.from, relation.to);
      const k = pairKey(relation.from, relation.to);
      const list = between.get(k);
      if (list) list.push(relation);
      else between.set(k, [relation]);
    });
    const view = { graph, between };
    this.views.set(key, view);
    return view;
  }

  private subgraph(view: View, nodeIds: Iterable<string>): Subgraph {
    const ids = new Set(nodeIds);
    const edges = new Map<string, Relation>();
    for (const id of ids) {
      view.graph.forEachNeighbor(id, (neighbour) => {
        if (!ids.has(neighbour)) return;
        for (const r of view.between.get(pairKey(id, neighbour)) ?? []) edges.set(r.id, r);
      });
    }
    return {
      nodes: [...ids].sort().map((id) => this.entities.get(id)!),
      edges: [...edges.values()].sort(byId),
    };
  }

  async neighbourhood({ id, depth, families, kinds, asOf }: NeighbourhoodArgs): Promise<Subgraph | null> {
    const root = this.entities.get(id);
    if (!root || !isValidAt(root, asOf)) return null;
    const view = this.view(families, kinds && !kinds.includes(root.kind) ? [...kinds, root.kind] : kinds, asOf);
    const reached: string[] = [];
    bfsFromNode(view.graph, id, (node, _attr, d) => {
      reached.push(node);
      return d >= depth;
    });
    return this.subgraph(view, reached);
  }

  async graph({ families, kinds, asOf }: GraphArgs): Promise<Subgraph> {
    const view = this.view(families, kinds, asOf);
    return {
      nodes: view.graph.nodes().sort().map((id) => this.entities.get(id)!),
      edges: [...view.between.values()].flat().sort(byId),
    };
  }

  async paths({ from, to, maxLength, families, asOf, mode, limit }: PathArgs): Promise<GraphPath[]> {
    const view = this.view(families, undefined, asOf);
    if (!view.graph.hasNode(from) || !view.graph.hasNode(to) || from === to) return [];
    const between = (a: string, b: string) => view.between.get(pairKey(a, b)) ?? [];
    if (mode === 'SHORTEST') {
      const predecessors = shortestPathPredecessors(view.graph, from, to, maxLength);
      if (!predecessors) return [];
      // The walks are read back from the target along every shortest-path predecessor.
      const walks: string[][] = [];
      const back = (node: string, suffix: string[]) => {
        if (walks.length >= MAX_WALKS) return;
        if (node === from) {
          walks.push([from, ...suffix]);
          return;
        }
        for (const p of predecessors.get(node) ?? []) back(p, [node, ...suffix]);
      };
      back(to, []);
      return toGraphPaths(walks, between, limit);
    }
    return toGraphPaths(firstSimplePaths(view.graph, from, to, maxLength, limit), between, limit);
  }

  private hierarchy(asOf: string | null | undefined): { graph: DirectedGraph; edges: HierarchyEdge[] } {
    const key = asOf ?? '';
    const cached = this.hierarchies.get(key);
    if (cached) return cached;
    const graph = new DirectedGraph();
    const edges: HierarchyEdge[] = [];
    this.graphIndex.forEachEdge((_e, { relation }) => {
      const edge = hierarchyEdge(relation);
      if (!edge || !this.inForce(relation, asOf)) return;
      edges.push(edge);
      graph.mergeNode(edge.parent);
      graph.mergeNode(edge.child);
      graph.mergeEdge(edge.parent, edge.child);
    });
    const result = { graph, edges };
    this.hierarchies.set(key, result);
    return result;
  }

  async orgChart({ rootId, asOf }: OrgChartArgs): Promise<OrgChartNode | null> {
    const root = this.entities.get(rootId);
    if (!root || !isValidAt(root, asOf)) return null;
    const { graph, edges } = this.hierarchy(asOf);
    const depths = new Map<string, number>([[rootId, 0]]);
    if (graph.hasNode(rootId)) {
      bfsFromNode(graph, rootId, (node, _attr, depth) => {
        depths.set(node, depth);
      });
    }
    return assembleOrgTree(rootId, depths, edges, (id) => this.entity(id));
  }

  async decisionAreas({ actorId, text, asOf }: DecisionAreaArgs): Promise<DecisionAreaEntity[]> {
    const query = text ? fold(text) : '';
    const areas: DecisionAreaEntity[] = [];
    const pool = actorId
      ? (this.graphIndex.hasNode(actorId) ? this.graphIndex.outEdges(actorId) : [])
          .map((e) => this.graphIndex.getEdgeAttribute(e, 'relation'))
          .filter((r) => r.derivedFrom === 'PARTICIPATION' && isValidAt(r, asOf))
          .map((r) => this.entities.get(r.to) as DecisionAreaEntity)
      : (this.byKind.get('DECISION_AREA') as DecisionAreaEntity[] | undefined) ?? [];
    for (const entity of new Set(pool)) {
      if (!isValidAt(entity, asOf)) continue;
      if (query && !this.areaText.get(entity.id)!.includes(query)) continue;
      areas.push(entity);
    }
    return areas.sort(bySwedishName);
  }

  async provisions({ documentId }: { documentId?: string | null }): Promise<ProvisionEntity[]> {
    return (this.ofKinds(['PROVISION']) as ProvisionEntity[])
      .filter((e) => !documentId || e.document === documentId)
      .sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : a.order - b.order));
  }

  async workshopQuestions({ status }: { status?: WorkshopQuestionEntity['status'] | null }): Promise<WorkshopQuestionEntity[]> {
    return (this.ofKinds(['WORKSHOP_QUESTION']) as WorkshopQuestionEntity[])
      .filter((e) => !status || e.status === status)
      .sort((a, b) => a.order - b.order || byId(a, b));
  }

  async glossary(): Promise<GlossaryTermEntity[]> {
    return [...(this.ofKinds(['GLOSSARY_TERM']) as GlossaryTermEntity[])].sort(bySwedishName);
  }

  async changes({ from, to }: { from: string; to: string }): Promise<Change[]> {
    return computeChanges(this.entities.values(), this.dataset.relations, from, to);
  }

  async tours() {
    return this.dataset.tours;
  }

  async close(): Promise<void> {
    this.views.clear();
    this.hierarchies.clear();
  }
}

export function createMemoryStore(dataset: Dataset): Store {
  return new MemoryStore(dataset);
}
