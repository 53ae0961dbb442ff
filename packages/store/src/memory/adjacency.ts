import { isValidAt, type Entity, type EntityKind, type Relation, type RelationFamily } from '@styrgraf/model';
import type { PathGraph } from './bounded-paths.ts';

/** What a traversal may walk: relations of `families`, entities of `kinds`, both in force on `asOf`. Absent means no filter. */
export interface TraversalFilter {
  families?: readonly RelationFamily[] | undefined;
  kinds?: readonly EntityKind[] | undefined;
  asOf?: string | null | undefined;
}

interface Node {
  id: string;
  /** Its place among the entities: a pair's key is made of its ends' places. */
  index: number;
  entity: Entity;
  /** False for the many entities without validFrom/validTo: in force on every date, nothing to compare. */
  dated: boolean;
  /** The node's edges, and the node at the other end of each, in the order a walk visits them (see Adjacency). */
  edges: Edge[];
  neighbours: Node[];
}

interface Edge {
  /** Every relation between the pair, either way, ordered by id. */
  relations: Relation[];
  /** Whether any of them carries dates. */
  dated: boolean;
  /**
   * The edge's place in each end's lists: in the list of the end with the
   * lower index, and in the other's. A walk that must visit a hub's
   * neighbours on a path in the hub's order finds each one's place here, in
   * one look-up, instead of reading the hub's list.
   */
  atLow: number;
  atHigh: number;
}

/**
 * The whole data set as one undirected graph, built once: a pair of entities
 * joined by any relation has one edge, which carries those relations.
 * Traversals see it through a `FilteredGraph`, which applies the families,
 * kinds and date of a request as it walks.
 *
 * Why not a filtered copy per filter (what the store did before): on the
 * national set each copy cost ~0.9 s and ~90 MB, and one request with twenty
 * aliases, each with another date or another set of families, built twenty.
 * Walking the one graph with a filter costs a few comparisons per step, on
 * the entities the walk reaches and no others, and memory does not grow with
 * the dates or filters asked. Most entities and relations carry no dates, and
 * for them the date check is one boolean.
 *
 * Why not a graphology graph (what it was until the load had to be fast):
 * graphology keeps each node's neighbours in an object keyed by id, a
 * dictionary per node; building those for the national set was a third of
 * the store's build, and garbage collection of it as much again. Lists per
 * node and one map of pairs hold the same. A node's neighbours come in the
 * order graphology gave them (a walk's answers and their order depend on it):
 * its objects list keys that read as array indices ("7", "42") first, in
 * numeric order, then the rest in the order their first relation (by id)
 * joined them.
 */
export class Adjacency {
  private readonly nodes = new Map<string, Node>();
  /** The edge of each pair, under `pairKey`. */
  private readonly pairs = new Map<number, Edge>();

  constructor(entities: Iterable<Entity>, relationsById: readonly Relation[]) {
    for (const entity of entities) {
      this.nodes.set(entity.id, { id: entity.id, index: this.nodes.size, entity, dated: !!(entity.validFrom || entity.validTo), edges: [], neighbours: [] });
    }
    const indexLike = new Set<Node>();
    for (const relation of relationsById) {
      // A relation of an entity with itself joins nothing a walk could use.
      if (relation.from === relation.to) continue;
      const dated = !!(relation.validFrom || relation.validTo);
      const from = this.node(relation.from, relation);
      const to = this.node(relation.to, relation);
      const key = this.pairKey(from, to);
      const edge = this.pairs.get(key);
      if (edge) {
        edge.relations.push(relation);
        edge.dated ||= dated;
      } else {
        this.join(from, to, key, { relations: [relation], dated, atLow: -1, atHigh: -1 });
        if (isArrayIndex(to.id)) indexLike.add(from);
        if (isArrayIndex(from.id)) indexLike.add(to);
      }
    }
    for (const node of indexLike) inGraphologyOrder(node);
    // Places last, once every list is in its final order.
    for (const node of this.nodes.values()) {
      node.edges.forEach((edge, i) => {
        if (node.index < node.neighbours[i]!.index) edge.atLow = i;
        else edge.atHigh = i;
      });
    }
  }

  private node(id: string, relation: Relation): Node {
    const node = this.nodes.get(id);
    if (!node) throw new Error(`relation ${relation.id} joins "${id}", which is not an entity of the data set`);
    return node;
  }

  /** Puts the edge of a new pair into both ends' lists. */
  private join(a: Node, b: Node, key: number, edge: Edge): void {
    this.pairs.set(key, edge);
    a.edges.push(edge);
    a.neighbours.push(b);
    b.edges.push(edge);
    b.neighbours.push(a);
  }

  filtered(filter: TraversalFilter): FilteredGraph {
    return new FilteredGraph(this, filter);
  }

  /** For FilteredGraph. */
  nodeOf(id: string): Node | undefined {
    return this.nodes.get(id);
  }

  /** For FilteredGraph. */
  edgeBetween(a: Node, b: Node): Edge | undefined {
    return this.pairs.get(this.pairKey(a, b));
  }

  /** Where `neighbour` comes in `node`'s lists (-1 if they are not joined), from the pair map. */
  placeOf(node: Node, neighbour: Node): number {
    const edge = this.edgeBetween(node, neighbour);
    if (edge === undefined) return -1;
    return node.index < neighbour.index ? edge.atLow : edge.atHigh;
  }

  /** One key for a pair either way round: a number, far cheaper to make and look up than a string of both ids. */
  private pairKey(a: Node, b: Node): number {
    return a.index < b.index ? a.index * this.nodes.size + b.index : b.index * this.nodes.size + a.index;
  }
}

/** A key a JavaScript object lists before all others, in numeric order: a canonical integer below 2³² − 1. */
function isArrayIndex(key: string): boolean {
  return /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4_294_967_295;
}

/** Neighbours whose ids read as array indices first, in numeric order, then the rest as they came: graphology's order. */
function inGraphologyOrder(node: Node): void {
  const order = node.neighbours.map((_, i) => i);
  const indexed = order.filter((i) => isArrayIndex(node.neighbours[i]!.id)).sort((x, y) => Number(node.neighbours[x]!.id) - Number(node.neighbours[y]!.id));
  const rest = order.filter((i) => !isArrayIndex(node.neighbours[i]!.id));
  const sorted = [...indexed, ...rest];
  const [edges, neighbours] = [sorted.map((i) => node.edges[i]!), sorted.map((i) => node.neighbours[i]!)];
  node.edges = edges;
  node.neighbours = neighbours;
}

/** The one graph as a filter sees it; what path search and neighbourhoods walk. */
export class FilteredGraph implements PathGraph {
  private readonly families: ReadonlySet<RelationFamily> | null;
  private readonly kinds: ReadonlySet<EntityKind> | null;
  private readonly asOf: string | null;

  constructor(
    private readonly graph: Adjacency,
    filter: TraversalFilter,
  ) {
    this.families = filter.families ? new Set(filter.families) : null;
    this.kinds = filter.kinds ? new Set(filter.kinds) : null;
    this.asOf = filter.asOf ?? null;
  }

  /** The entity is in the data, of an allowed kind and in force. */
  hasNode(id: string): boolean {
    const node = this.graph.nodeOf(id);
    return node !== undefined && this.admits(node);
  }

  private admits(node: Node): boolean {
    if (this.kinds && !this.kinds.has(node.entity.kind)) return false;
    return !this.asOf || !node.dated || isValidAt(node.entity, this.asOf);
  }

  /** The relation is of an allowed family and in force (its ends are checked apart). */
  allows(relation: Relation): boolean {
    if (this.families && !this.families.has(relation.family)) return false;
    return !this.asOf || isValidAt(relation, this.asOf);
  }

  private passable(edge: Edge): boolean {
    if (!this.families && (!this.asOf || !edge.dated)) return true;
    return edge.relations.some((r) => this.allows(r));
  }

  /** Calls `visit` with each neighbour reached through an allowed relation; the node itself is assumed admitted. */
  forEachNeighbor(node: string, visit: (neighbour: string) => void): void {
    const { edges, neighbours } = this.at(node);
    for (let i = 0; i < edges.length; i++) {
      const neighbour = neighbours[i]!;
      if (this.admits(neighbour) && this.passable(edges[i]!)) visit(neighbour.id);
    }
  }

  /**
   * Calls `visit` with each allowed relation between `node` and an admitted
   * neighbour in `among`, in no set order, reading whichever side is smaller:
   * the node's list, or one pair look-up per member of `among`. The relations
   * among a neighbourhood's entities then cost the neighbourhood's size: a hub
   * at its edge (the association every municipality joins) is not read
   * through all its members to find the few the neighbourhood holds.
   */
  forEachRelationAmong(node: string, among: ReadonlySet<string>, visit: (neighbour: string, relation: Relation) => void): void {
    const at = this.at(node);
    if (at.edges.length <= among.size) {
      const { edges, neighbours } = at;
      for (let i = 0; i < edges.length; i++) {
        const neighbour = neighbours[i]!;
        if (!among.has(neighbour.id) || !this.admits(neighbour)) continue;
        for (const relation of edges[i]!.relations) if (this.allows(relation)) visit(neighbour.id, relation);
      }
      return;
    }
    for (const id of among) {
      const other = this.graph.nodeOf(id);
      if (other === undefined || !this.admits(other)) continue;
      const edge = this.graph.edgeBetween(at, other);
      if (edge === undefined) continue;
      for (const relation of edge.relations) if (this.allows(relation)) visit(id, relation);
    }
  }

  /** The node, which must be in the graph (as graphology required of a node whose edges are read). */
  private at(id: string): Node {
    const node = this.graph.nodeOf(id);
    if (!node) throw new Error(`"${id}" is not a node of the graph`);
    return node;
  }

  /**
   * Where `neighbour` comes among the neighbours `forEachNeighbor(node)`
   * visits, counted over the unfiltered list (so only the order of two places
   * means anything); -1 unless an allowed relation joins `node` to it and it is
   * admitted. One look-up in the pair map: a path through a hub learns the
   * order of the hub's neighbours on the path without reading the hub's list.
   */
  placeOf(node: string, neighbour: string): number {
    const [at, other] = [this.at(node), this.graph.nodeOf(neighbour)];
    if (other === undefined || !this.admits(other)) return -1;
    const place = this.graph.placeOf(at, other);
    return place >= 0 && this.passable(at.edges[place]!) ? place : -1;
  }

  filterNeighbors(node: string, keep: (neighbour: string) => boolean): string[] {
    const kept: string[] = [];
    this.forEachNeighbor(node, (neighbour) => {
      if (keep(neighbour)) kept.push(neighbour);
    });
    return kept;
  }

  /** Unfiltered: path search uses it only to choose which end to grow first. */
  degree(node: string): number {
    return this.at(node).edges.length;
  }

  /** The allowed relations between two entities, ordered by id. */
  between(a: string, b: string): Relation[] {
    const edge = this.graph.edgeBetween(this.at(a), this.at(b));
    if (edge === undefined) return [];
    return edge.relations.filter((r) => this.allows(r));
  }
}
