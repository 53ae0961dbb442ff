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
import type {
  CallOptions,
  Change,
  DecisionAreaArgs,
  GraphArgs,
  ListArgs,
  MunicipalityList,
  NeighbourhoodArgs,
  OrgChartArgs,
  OrgChartNode,
  OverviewArgs,
  Page,
  PathArgs,
  RelationArgs,
  SearchArgs,
  SearchHit,
  Store,
  StoreInfo,
  Subgraph,
} from '../port.ts';
import { ChangeIndex } from './change-index.ts';
import { filterCooperatively, mapCooperatively, Slice } from '../shared/cooperate.ts';
import { decodeCursor, encodeCursor } from '../shared/cursor.ts';
import { assembleOrgTree, hierarchyEdge, type HierarchyEdge } from '../shared/org-chart.ts';
import { byId, bySwedishName } from '../shared/order.ts';
import { toGraphPaths } from '../shared/paths.ts';
import { Adjacency, type FilteredGraph } from './adjacency.ts';
import { firstSimplePaths, shortestWalks } from './bounded-paths.ts';
import { MunicipalityScopes } from './municipality-scopes.ts';
import { SearchIndex } from './search-index.ts';

/** Above this many entities and relations, a subgraph is put in order by a pass over the sorted data rather than a sort. */
const LARGE_ANSWER = 4_000;

/**
 * The embedded store: the whole data set in process, each entity's relations
 * listed by direction, searched by a word index of its own (search-index.ts).
 * Traversals walk one undirected graph of the whole data set through the
 * request's filter (adjacency.ts), so no family, kind or date costs a copy of
 * the graph. A relation's own ends are two lists, not a directed multigraph
 * beside the undirected one: building that graph was a fifth of the national
 * set's store build, for lookups a map does as well.
 *
 * Every call takes the request's signal. Work that grows with the data runs
 * in slices (shared/cooperate.ts): it lets other requests in between and
 * stops, rejecting with the signal's reason, once the request is cancelled.
 */
export class MemoryStore implements Store {
  readonly engine = 'memory' as const;
  private readonly entities = new Map<string, Entity>();
  private readonly sortedIds: string[];
  /** Relations out of and into each entity, ordered by id. */
  private readonly outgoing = new Map<string, Relation[]>();
  private readonly incoming = new Map<string, Relation[]>();
  private readonly relationsById: Relation[];
  private readonly adjacency: Adjacency;
  private readonly index: SearchIndex;
  /** Provision id → relations citing it, ordered by relation id. */
  private readonly citations = new Map<string, Relation[]>();
  /** Folded words of each decision area, for decisionAreas(text). */
  private readonly areaText = new Map<string, string>();
  /** Entities of each kind, ordered by id. */
  private readonly byKind = new Map<EntityKind, Entity[]>();
  /** Relations of each family, ordered by id. */
  private readonly byFamily = new Map<RelationFamily, Relation[]>();
  /** The line-management tree of every date, built once: parent → child → the relations between them; orgChart filters it by date as it walks. */
  private readonly hierarchy: Map<string, Map<string, HierarchyEdge[]>>;
  private readonly changeIndex: ChangeIndex;
  private readonly scopes: MunicipalityScopes;

  constructor(private readonly dataset: Dataset) {
    for (const entity of dataset.entities) {
      this.entities.set(entity.id, entity);
    }
    this.sortedIds = [...this.entities.keys()].sort();
    for (const id of this.sortedIds) {
      const entity = this.entities.get(id)!;
      const list = this.byKind.get(entity.kind);
      if (list) list.push(entity);
      else this.byKind.set(entity.kind, [entity]);
      if (entity.kind === 'DECISION_AREA') {
        this.areaText.set(id, fold([entity.name.sv, entity.name.en, entity.description?.sv ?? '', entity.description?.en ?? '', entity.topic ?? ''].join(' ')));
      }
    }
    this.relationsById = [...dataset.relations].sort(byId);
    for (const relation of this.relationsById) {
      listUnder(this.outgoing, relation.from, relation);
      listUnder(this.incoming, relation.to, relation);
      const family = this.byFamily.get(relation.family);
      if (family) family.push(relation);
      else this.byFamily.set(relation.family, [relation]);
      if (relation.family === 'REFERENCE') continue;
      for (const cite of relation.cites) {
        const list = this.citations.get(cite);
        if (list) list.push(relation);
        else this.citations.set(cite, [relation]);
      }
    }
    this.adjacency = new Adjacency(
      this.sortedIds.map((id) => this.entities.get(id)!),
      this.relationsById,
    );
    this.hierarchy = buildHierarchy(this.relationsById);
    this.changeIndex = new ChangeIndex(this.entities.values(), this.relationsById);
    this.index = new SearchIndex(dataset.entities);
    this.scopes = new MunicipalityScopes(
      this.sortedIds.map((id) => this.entities.get(id)!),
      this.relationsById,
    );
  }

  /** Entities of the given kinds, ordered by id. */
  private ofKinds(kinds: readonly EntityKind[]): Entity[] {
    const unique = [...new Set(kinds)];
    if (unique.length === 1) return this.byKind.get(unique[0]!) ?? [];
    return unique.flatMap((k) => this.byKind.get(k) ?? []).sort(byId);
  }

  /** Relations of the given families, ordered by id. */
  private ofFamilies(families: readonly RelationFamily[]): Relation[] {
    const unique = [...new Set(families)];
    if (unique.length === 1) return this.byFamily.get(unique[0]!) ?? [];
    return unique.flatMap((f) => this.byFamily.get(f) ?? []).sort(byId);
  }

  private entity(id: string): Entity | undefined {
    return this.entities.get(id);
  }

  private inForce(relation: Relation, asOf: string | null | undefined): boolean {
    if (!asOf) return true;
    return isValidAt(relation, asOf) && isValidAt(this.entities.get(relation.from)!, asOf) && isValidAt(this.entities.get(relation.to)!, asOf);
  }

  async info(options?: CallOptions): Promise<StoreInfo> {
    options?.signal?.throwIfAborted();
    // Counted once: /health asks on every call, and the data set does not change under a store.
    this.counts ??= countByKindAndFamily(this.dataset);
    return {
      engine: this.engine,
      datasetId: this.dataset.meta.id,
      name: this.dataset.meta.name,
      version: this.dataset.meta.version,
      digest: this.dataset.digest,
      entityCount: this.entities.size,
      relationCount: this.dataset.relations.length,
      entitiesByKind: { ...this.counts.entitiesByKind },
      relationsByFamily: { ...this.counts.relationsByFamily },
      gaps: this.dataset.meta.gaps ?? [],
    };
  }
  private counts: ReturnType<typeof countByKindAndFamily> | undefined;

  async getEntities(ids: readonly string[], options?: CallOptions): Promise<(Entity | null)[]> {
    return mapCooperatively(ids, new Slice(options?.signal), (id) => this.entities.get(id) ?? null);
  }

  async listEntities({ kinds, first, after, asOf }: ListArgs, options?: CallOptions): Promise<Page<Entity>> {
    const slice = new Slice(options?.signal);
    const afterId = after ? decodeCursor(after) : null;
    const pool = kinds ? this.ofKinds(kinds) : this.sortedIds.map((id) => this.entities.get(id)!);
    const matching = asOf ? await filterCooperatively(pool, slice, (e) => isValidAt(e, asOf)) : pool;
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

  async search(args: SearchArgs, options?: CallOptions): Promise<SearchHit[]> {
    options?.signal?.throwIfAborted();
    // One engine query, bounded by the text's 200 characters and `first`; measured in milliseconds on the national set.
    const { municipality } = args;
    return this.index.search(args, municipality ? (e) => this.scopes.searchable(e.id, municipality) : undefined);
  }

  async relationsOf(ids: readonly string[], { direction, families, asOf }: RelationArgs, options?: CallOptions): Promise<Relation[][]> {
    return mapCooperatively(ids, new Slice(options?.signal), (id) => {
      const out = this.outgoing.get(id) ?? NONE;
      const into = this.incoming.get(id) ?? NONE;
      const relations = direction === 'OUT' ? out : direction === 'IN' ? into : mergeById(out, into);
      return relations.filter((r) => (!families || families.includes(r.family)) && this.inForce(r, asOf));
    });
  }

  async citedBy(provisionIds: readonly string[], { asOf }: { asOf?: string | null }, options?: CallOptions): Promise<Relation[][]> {
    return mapCooperatively(provisionIds, new Slice(options?.signal), (id) => (this.citations.get(id) ?? []).filter((r) => this.inForce(r, asOf)));
  }

  /** The entities in `ids` and the relations the filter allows among them, both ordered by id. */
  private async subgraph(view: FilteredGraph, ids: ReadonlySet<string>, slice: Slice): Promise<Subgraph> {
    const edges = new Map<string, Relation>();
    for (const id of ids) {
      if (slice.due()) await slice.pause();
      view.forEachRelationAmong(id, ids, (neighbour, relation) => {
        if (neighbour > id) edges.set(relation.id, relation);
      });
    }
    // A large answer (a depth-4 neighbourhood of a national hub: ~20,000 entities) is put in order by one pass, with pauses, over what is already in order, rather than by one long sort.
    const large = ids.size + edges.size > LARGE_ANSWER;
    return {
      nodes: large
        ? await mapCooperatively(await filterCooperatively(this.sortedIds, slice, (id) => ids.has(id)), slice, (id) => this.entities.get(id)!)
        : [...ids].sort().map((id) => this.entities.get(id)!),
      edges: large ? await filterCooperatively(this.relationsById, slice, (r) => edges.has(r.id)) : [...edges.values()].sort(byId),
    };
  }

  async neighbourhood({ id, depth, families, kinds, asOf }: NeighbourhoodArgs, options?: CallOptions): Promise<Subgraph | null> {
    const slice = new Slice(options?.signal);
    const root = this.entities.get(id);
    if (!root || !isValidAt(root, asOf)) return null;
    const view = this.adjacency.filtered({ families, kinds: kinds && !kinds.includes(root.kind) ? [...kinds, root.kind] : kinds, asOf });
    // Breadth first, level by level, no further than `depth`.
    const reached = new Set([id]);
    let frontier = [id];
    for (let level = 1; level <= depth && frontier.length > 0; level++) {
      const next: string[] = [];
      for (const node of frontier) {
        if (slice.due()) await slice.pause();
        view.forEachNeighbor(node, (neighbour) => {
          if (reached.has(neighbour)) return;
          reached.add(neighbour);
          next.push(neighbour);
        });
      }
      frontier = next;
    }
    return this.subgraph(view, reached, slice);
  }

  async graph({ families, kinds, asOf, municipality }: GraphArgs, options?: CallOptions): Promise<Subgraph> {
    const slice = new Slice(options?.signal);
    if (municipality) return this.scopes.graph(municipality, { families, kinds, asOf }, slice);
    const view = this.adjacency.filtered({ families, kinds, asOf });
    const pool = kinds ? this.ofKinds(kinds) : this.sortedIds.map((id) => this.entities.get(id)!);
    const nodes = await filterCooperatively(pool, slice, (e) => view.hasNode(e.id));
    // Only the relations of the families asked: the ownership view of the national set reads 2,400 relations, not 52,000.
    const relations = families ? this.ofFamilies(families) : this.relationsById;
    const edges = await filterCooperatively(relations, slice, (r) => r.from !== r.to && view.allows(r) && view.hasNode(r.from) && view.hasNode(r.to));
    return { nodes, edges };
  }

  async overview(args: OverviewArgs, options?: CallOptions): Promise<Subgraph> {
    return this.scopes.overview(args, new Slice(options?.signal));
  }

  async municipalities(options?: CallOptions): Promise<MunicipalityList> {
    options?.signal?.throwIfAborted();
    return this.scopes.list;
  }

  async municipalityOf(ids: readonly string[], options?: CallOptions): Promise<(string | null)[]> {
    return mapCooperatively(ids, new Slice(options?.signal), (id) => this.scopes.municipalityOf(id));
  }

  async paths({ from, to, maxLength, families, asOf, mode, limit }: PathArgs, options?: CallOptions): Promise<GraphPath[]> {
    const slice = new Slice(options?.signal);
    const view = this.adjacency.filtered({ families, asOf });
    if (!view.hasNode(from) || !view.hasNode(to) || from === to) return [];
    const between = (a: string, b: string) => view.between(a, b);
    if (mode === 'SHORTEST') {
      return toGraphPaths(await shortestWalks(view, from, to, maxLength, slice), between, limit);
    }
    return toGraphPaths(await firstSimplePaths(view, from, to, maxLength, limit, slice), between, limit);
  }

  async orgChart({ rootId, asOf }: OrgChartArgs, options?: CallOptions): Promise<OrgChartNode | null> {
    const slice = new Slice(options?.signal);
    const root = this.entities.get(rootId);
    if (!root || !isValidAt(root, asOf)) return null;
    const depths = new Map<string, number>([[rootId, 0]]);
    const edges: HierarchyEdge[] = [];
    // Breadth first down the lines in force on the date; each entity's depth is its fewest steps below the root.
    const queue = [rootId];
    for (let i = 0; i < queue.length; i++) {
      if (slice.due()) await slice.pause();
      const parent = queue[i]!;
      const depth = depths.get(parent)!;
      for (const [child, between] of this.hierarchy.get(parent) ?? NO_CHILDREN) {
        const inForce = between.filter((e) => this.inForce(e.relation, asOf));
        if (inForce.length === 0) continue;
        edges.push(...inForce);
        if (depths.has(child)) continue;
        depths.set(child, depth + 1);
        queue.push(child);
      }
    }
    return assembleOrgTree(rootId, depths, edges, (id) => this.entity(id));
  }

  async decisionAreas({ actorId, text, asOf, municipality }: DecisionAreaArgs, options?: CallOptions): Promise<DecisionAreaEntity[]> {
    const slice = new Slice(options?.signal);
    const query = text ? fold(text) : '';
    const pool = actorId
      ? (this.outgoing.get(actorId) ?? NONE)
          .filter((r) => r.derivedFrom === 'PARTICIPATION' && isValidAt(r, asOf))
          .map((r) => this.entities.get(r.to) as DecisionAreaEntity)
      : ((this.byKind.get('DECISION_AREA') as DecisionAreaEntity[] | undefined) ?? []);
    const areas = await filterCooperatively(
      new Set(pool),
      slice,
      (entity) =>
        isValidAt(entity, asOf) &&
        (!query || this.areaText.get(entity.id)!.includes(query)) &&
        (!municipality || this.scopes.municipalityOf(entity.id) === municipality),
    );
    return areas.sort(bySwedishName);
  }

  async provisions({ documentId }: { documentId?: string | null }, options?: CallOptions): Promise<ProvisionEntity[]> {
    this.provisionOrder ??= (this.ofKinds(['PROVISION']) as ProvisionEntity[]).sort((a, b) =>
      a.document < b.document ? -1 : a.document > b.document ? 1 : a.order - b.order,
    );
    return filterCooperatively(this.provisionOrder, new Slice(options?.signal), (e) => !documentId || e.document === documentId);
  }
  private provisionOrder: ProvisionEntity[] | undefined;

  async workshopQuestions({ status }: { status?: WorkshopQuestionEntity['status'] | null }, options?: CallOptions): Promise<WorkshopQuestionEntity[]> {
    this.checklistOrder ??= (this.ofKinds(['WORKSHOP_QUESTION']) as WorkshopQuestionEntity[]).sort((a, b) => a.order - b.order || byId(a, b));
    return filterCooperatively(this.checklistOrder, new Slice(options?.signal), (e) => !status || e.status === status);
  }
  private checklistOrder: WorkshopQuestionEntity[] | undefined;

  async glossary(options?: CallOptions): Promise<GlossaryTermEntity[]> {
    options?.signal?.throwIfAborted();
    this.glossaryOrder ??= [...(this.ofKinds(['GLOSSARY_TERM']) as GlossaryTermEntity[])].sort(bySwedishName);
    return [...this.glossaryOrder];
  }
  private glossaryOrder: GlossaryTermEntity[] | undefined;

  async changes({ from, to }: { from: string; to: string }, options?: CallOptions): Promise<Change[]> {
    options?.signal?.throwIfAborted();
    return this.changeIndex.between(from, to);
  }

  async tours(options?: CallOptions) {
    options?.signal?.throwIfAborted();
    return this.dataset.tours;
  }

  async close(): Promise<void> {}
}

function countByKindAndFamily(dataset: Dataset) {
  const entitiesByKind: Partial<Record<EntityKind, number>> = {};
  for (const e of dataset.entities) entitiesByKind[e.kind] = (entitiesByKind[e.kind] ?? 0) + 1;
  const relationsByFamily: Partial<Record<RelationFamily, number>> = {};
  for (const r of dataset.relations) relationsByFamily[r.family] = (relationsByFamily[r.family] ?? 0) + 1;
  return { entitiesByKind, relationsByFamily };
}

/**
 * Every line-management relation as a parent → child step, of every date: per
 * parent, its children in the order first met, each with its relations. Plain
 * maps rather than a graphology graph: the org chart only walks down, and
 * building a graph for it cost ~0.2 s of the national set's store build.
 */
function buildHierarchy(relationsById: readonly Relation[]): Map<string, Map<string, HierarchyEdge[]>> {
  const children = new Map<string, Map<string, HierarchyEdge[]>>();
  for (const relation of relationsById) {
    const edge = hierarchyEdge(relation);
    if (!edge) continue;
    let ofParent = children.get(edge.parent);
    if (!ofParent) children.set(edge.parent, (ofParent = new Map<string, HierarchyEdge[]>()));
    const between = ofParent.get(edge.child);
    if (between) between.push(edge);
    else ofParent.set(edge.child, [edge]);
  }
  return children;
}

const NONE: readonly Relation[] = [];
const NO_CHILDREN: ReadonlyMap<string, HierarchyEdge[]> = new Map();

function listUnder(map: Map<string, Relation[]>, key: string, relation: Relation): void {
  const list = map.get(key);
  if (list) list.push(relation);
  else map.set(key, [relation]);
}

/** Two lists ordered by id as one, a relation in both (of an entity with itself) once. */
function mergeById(a: readonly Relation[], b: readonly Relation[]): Relation[] {
  if (b.length === 0) return [...a];
  if (a.length === 0) return [...b];
  const merged: Relation[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x.id < y.id)) merged.push(a[i++]!);
    else if (x === undefined || y.id < x.id) merged.push(b[j++]!);
    else {
      merged.push(a[i++]!);
      j++;
    }
  }
  return merged;
}

export function createMemoryStore(dataset: Dataset): Store {
  return new MemoryStore(dataset);
}
