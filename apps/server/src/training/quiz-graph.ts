import { ACTOR_KINDS, fold, isValidAt, type Entity, type EntityKind, type Relation, type RelationFamily, type RelationKind } from '@styrgraf/model';
import type { Store } from '@styrgraf/store';
import { OptionPool, poolKey, type PoolShape } from './option-pool.ts';

/** The families a quiz draws on: everything but the rights and the source references. */
export const QUIZ_FAMILIES: readonly RelationFamily[] = ['REPORTING', 'DECISION', 'CONSULTATION', 'OWNERSHIP', 'OVERSIGHT', 'STRUCTURE'];

const NO_EDGES = new Int32Array(0);
const byRelationId = (a: Relation, b: Relation) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const hasDates = (item: { validFrom?: string | undefined; validTo?: string | undefined }) => !!(item.validFrom || item.validTo);

/**
 * What the quiz reads of a data set: its actors and decision areas and the
 * relations of the quiz's families between them, of every date, read once
 * through the Store port (so both stores give the same quiz).
 *
 * Entities are numbered (`node`) and relations too (`edge`, in relation id
 * order), and the graph is kept as arrays of numbers indexed by end and by
 * kind: a question bank asks tens of thousands of small questions of it
 * ("what answers this subject", "is x kin of y"), and on the national set
 * looking each up by its string id cost more than everything else together.
 *
 * A date is applied as the bank walks (`inForce`), so one read serves every
 * date; `version` names the stretch of days on which the data reads the
 * same, so that dates between two changes share one bank.
 */
export class QuizGraph {
  readonly entities = new Map<string, Entity>();
  private readonly nodeOf = new Map<string, number>();
  readonly nodes: readonly Entity[];
  readonly edges: readonly Relation[];
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  /** Edges that carry a date or join an entity that does: the only ones whose standing a date can change. */
  private readonly edgeDated: Uint8Array;
  /** Edges out of (into) each node, ordered by id: node n's are `outEdges[outStart[n]]` … `outEdges[outStart[n + 1] - 1]`. */
  private readonly outStart: Int32Array;
  private readonly outEdges: Int32Array;
  private readonly inStart: Int32Array;
  private readonly inEdges: Int32Array;
  private readonly ofKindEdges = new Map<RelationKind, Int32Array>();
  private readonly folded: (string | undefined)[];
  /** Every date on which something starts, and every last day of something, sorted: the edges of the versions. */
  private readonly starts: string[];
  private readonly ends: string[];
  /** Relations looked at by the walks and lookups, of every bank on this graph: the work a test holds to what a quiz reads. */
  edgesRead = 0;
  private readonly pools = new Map<string, OptionPool>();

  constructor(entities: readonly Entity[], relations: readonly Relation[]) {
    const starts = new Set<string>();
    const ends = new Set<string>();
    const dates = (item: { validFrom?: string | undefined; validTo?: string | undefined }) => {
      if (item.validFrom) starts.add(item.validFrom);
      if (item.validTo) ends.add(item.validTo);
    };
    const nodes: Entity[] = [];
    for (const entity of entities) {
      if (this.nodeOf.has(entity.id)) continue;
      this.nodeOf.set(entity.id, nodes.length);
      this.entities.set(entity.id, entity);
      nodes.push(entity);
      dates(entity);
    }
    this.nodes = nodes;
    this.folded = new Array<string | undefined>(nodes.length);

    const edges = isSortedById(relations) ? [...relations] : [...relations].sort(byRelationId);
    const kept = edges.filter((r) => r.from !== r.to && this.nodeOf.has(r.from) && this.nodeOf.has(r.to));
    this.edges = kept;
    this.edgeFrom = new Int32Array(kept.length);
    this.edgeTo = new Int32Array(kept.length);
    this.edgeDated = new Uint8Array(kept.length);
    const outDegree = new Int32Array(nodes.length + 1);
    const inDegree = new Int32Array(nodes.length + 1);
    const byKind = new Map<RelationKind, number[]>();
    kept.forEach((relation, edge) => {
      const from = this.nodeOf.get(relation.from)!;
      const to = this.nodeOf.get(relation.to)!;
      this.edgeFrom[edge] = from;
      this.edgeTo[edge] = to;
      outDegree[from + 1]!++;
      inDegree[to + 1]!++;
      push(byKind, relation.kind, edge);
      dates(relation);
      if (hasDates(relation) || hasDates(nodes[from]!) || hasDates(nodes[to]!)) this.edgeDated[edge] = 1;
    });
    for (const [kind, list] of byKind) this.ofKindEdges.set(kind, Int32Array.from(list));
    [this.outStart, this.outEdges] = adjacency(outDegree, this.edgeFrom);
    [this.inStart, this.inEdges] = adjacency(inDegree, this.edgeTo);
    this.starts = [...starts].sort();
    this.ends = [...ends].sort();
  }

  /** Reads the quiz's part of the served data set, of every date. Shared work: it carries no request's signal. */
  static async read(store: Store): Promise<QuizGraph> {
    const graph = await store.graph({ families: QUIZ_FAMILIES, kinds: [...ACTOR_KINDS, 'DECISION_AREA'] }, {});
    return new QuizGraph(graph.nodes, graph.edges);
  }

  /** A key equal for two dates exactly when nothing starts or ends between them. */
  version(asOf: string): string {
    return `${countAtMost(this.starts, asOf)}/${countBelow(this.ends, asOf)}`;
  }

  node(id: string): number | undefined {
    return this.nodeOf.get(id);
  }

  kindOf(node: number): EntityKind {
    return this.nodes[node]!.kind;
  }

  /** The entity is in force on the date. */
  inForceNode(node: number, asOf: string): boolean {
    return isValidAt(this.nodes[node]!, asOf);
  }

  /** A relation in the graph as of `asOf`: in force, and both its ends too. */
  inForce(edge: number, asOf: string): boolean {
    if (this.edgeDated[edge] === 0) return true;
    return isValidAt(this.edges[edge]!, asOf) && isValidAt(this.nodes[this.edgeFrom[edge]!]!, asOf) && isValidAt(this.nodes[this.edgeTo[edge]!]!, asOf);
  }

  /** Whether a date can change the relation's standing: it, or an entity it joins, carries a date. */
  isDated(edge: number): boolean {
    return this.edgeDated[edge] === 1;
  }

  /** The wrong-option candidates of every date for templates of this shape, worked out once and shared by every bank. */
  pool(shape: PoolShape): OptionPool {
    const key = poolKey(shape);
    let pool = this.pools.get(key);
    if (!pool) this.pools.set(key, (pool = new OptionPool(this, shape)));
    return pool;
  }

  /** Whether a relation of `kinds` out of `node` is in force on the date. */
  hasOutOf(node: number, kinds: readonly RelationKind[], asOf: string): boolean {
    return this.hasAny(node, kinds, asOf, this.outStart, this.outEdges);
  }

  /** Whether a relation of `kinds` into `node` is in force on the date. */
  hasInto(node: number, kinds: readonly RelationKind[], asOf: string): boolean {
    return this.hasAny(node, kinds, asOf, this.inStart, this.inEdges);
  }

  private hasAny(node: number, kinds: readonly RelationKind[], asOf: string, starts: Int32Array, list: Int32Array): boolean {
    for (let i = starts[node]!; i < starts[node + 1]!; i++) {
      this.edgesRead++;
      const edge = list[i]!;
      if (kinds.includes(this.edges[edge]!.kind) && this.inForce(edge, asOf)) return true;
    }
    return false;
  }

  /** Calls `visit` with each relation of `kind` in force on the date, in id order. */
  forEachOfKind(kind: RelationKind, asOf: string, visit: (edge: number) => void): void {
    const edges = this.ofKindEdges.get(kind) ?? NO_EDGES;
    this.edgesRead += edges.length;
    for (const edge of edges) if (this.inForce(edge, asOf)) visit(edge);
  }

  /** Every relation of `kind`, of every date, in id order. */
  edgesOfKind(kind: RelationKind): Int32Array {
    return this.ofKindEdges.get(kind) ?? NO_EDGES;
  }

  /** Relations of `kinds` into `node` in force on the date, in id order. */
  into(node: number, kinds: readonly RelationKind[], asOf: string): number[] {
    const out: number[] = [];
    this.edgesRead += this.inStart[node + 1]! - this.inStart[node]!;
    for (let i = this.inStart[node]!; i < this.inStart[node + 1]!; i++) {
      const edge = this.inEdges[i]!;
      if (kinds.includes(this.edges[edge]!.kind) && this.inForce(edge, asOf)) out.push(edge);
    }
    return out;
  }

  /** Relations in force out of `node`, in id order. */
  outOf(node: number, asOf: string): number[] {
    const out: number[] = [];
    this.edgesRead += this.outStart[node + 1]! - this.outStart[node]!;
    for (let i = this.outStart[node]!; i < this.outStart[node + 1]!; i++) {
      const edge = this.outEdges[i]!;
      if (this.inForce(edge, asOf)) out.push(edge);
    }
    return out;
  }

  /** The relations in force between two entities, either way round, in id order. */
  between(a: string, b: string, asOf: string): Relation[] {
    const [x, y] = [this.nodeOf.get(a), this.nodeOf.get(b)];
    if (x === undefined || y === undefined) return [];
    const found = [...this.outOf(x, asOf).filter((e) => this.edgeTo[e] === y), ...this.outOf(y, asOf).filter((e) => this.edgeTo[e] === x)];
    return found.sort((p, q) => p - q).map((e) => this.edges[e]!);
  }

  /** Whatever a relation in force joins to `node`, either way, with repeats. */
  neighbours(node: number, asOf: string): number[] {
    const out: number[] = [];
    this.edgesRead += this.inStart[node + 1]! - this.inStart[node]! + this.outStart[node + 1]! - this.outStart[node]!;
    for (let i = this.inStart[node]!; i < this.inStart[node + 1]!; i++) if (this.inForce(this.inEdges[i]!, asOf)) out.push(this.edgeFrom[this.inEdges[i]!]!);
    for (let i = this.outStart[node]!; i < this.outStart[node + 1]!; i++) if (this.inForce(this.outEdges[i]!, asOf)) out.push(this.edgeTo[this.outEdges[i]!]!);
    return out;
  }

  /** Everything reached from `node` by following `kinds` from source to target, any number of steps. */
  upward(node: number, kinds: readonly RelationKind[], asOf: string): Set<number> {
    return this.walk(node, kinds, asOf, this.outStart, this.outEdges, this.edgeTo);
  }

  /** The same, against the direction of the relations. */
  downward(node: number, kinds: readonly RelationKind[], asOf: string): Set<number> {
    return this.walk(node, kinds, asOf, this.inStart, this.inEdges, this.edgeFrom);
  }

  /** What `node` is part of, a kind of, a member of or chairs, and what is those things of it: ancestors and descendants, never siblings. */
  kin(node: number, kinds: readonly RelationKind[], asOf: string): Set<number> {
    const kin = this.upward(node, kinds, asOf);
    for (const below of this.downward(node, kinds, asOf)) kin.add(below);
    return kin;
  }

  /** The generic role of a post, if it is in the graph. */
  roleOf(node: number): number | undefined {
    const role = (this.nodes[node] as { role?: string }).role;
    return role === undefined ? undefined : this.nodeOf.get(role);
  }

  isGeneric(node: number): boolean {
    return (this.nodes[node] as { generic?: boolean }).generic === true;
  }

  /** The entity's Swedish name, folded, worked out once. */
  foldedName(node: number): string {
    return (this.folded[node] ??= fold(this.nodes[node]!.name.sv));
  }

  private walk(start: number, kinds: readonly RelationKind[], asOf: string, starts: Int32Array, list: Int32Array, other: Int32Array): Set<number> {
    const seen = new Set<number>();
    // Most walks start at a decision area or a leaf, with nowhere to go.
    if (starts[start] === starts[start + 1]) return seen;
    const queue = [start];
    for (let q = 0; q < queue.length; q++) {
      const node = queue[q]!;
      this.edgesRead += starts[node + 1]! - starts[node]!;
      for (let i = starts[node]!; i < starts[node + 1]!; i++) {
        const edge = list[i]!;
        const next = other[edge]!;
        if (next === start || seen.has(next) || !kinds.includes(this.edges[edge]!.kind) || !this.inForce(edge, asOf)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    return seen;
  }
}

/** Compressed adjacency: offsets by node (from degrees counted one place up) and the edges of each node in id order. */
function adjacency(degreeShifted: Int32Array, endOf: Int32Array): [Int32Array, Int32Array] {
  const start = degreeShifted;
  for (let i = 1; i < start.length; i++) start[i]! += start[i - 1]!;
  const fill = start.slice(0, -1);
  const list = new Int32Array(endOf.length);
  for (let edge = 0; edge < endOf.length; edge++) list[fill[endOf[edge]!]!++] = edge;
  return [start, list];
}

function isSortedById(relations: readonly Relation[]): boolean {
  for (let i = 1; i < relations.length; i++) if (relations[i - 1]!.id > relations[i]!.id) return false;
  return true;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** How many of the sorted `dates` are on or before `date`. */
function countAtMost(dates: readonly string[], date: string): number {
  let low = 0;
  let high = dates.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (dates[middle]! <= date) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** How many of the sorted `dates` are before `date`. */
function countBelow(dates: readonly string[], date: string): number {
  let low = 0;
  let high = dates.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (dates[middle]! < date) low = middle + 1;
    else high = middle;
  }
  return low;
}
