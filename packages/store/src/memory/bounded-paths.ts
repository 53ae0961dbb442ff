import { Slice } from '../shared/cooperate.ts';

/**
 * What path search needs of a graph: the store's filtered view of its one
 * graph has it (adjacency.ts), and graphology's graphs (the Neo4j adapter's
 * fetched region) have all but `placeOf`, without which a hub's neighbours
 * on a path are found by reading the hub's.
 */
export interface PathGraph {
  degree(node: string): number;
  forEachNeighbor(node: string, visit: (neighbour: string) => void): void;
  filterNeighbors(node: string, keep: (neighbour: string) => boolean): string[];
  /**
   * Where `neighbour` comes in the order `forEachNeighbor(node)` visits
   * (only the order of two places means anything), -1 if it is not a
   * neighbour; without reading `node`'s neighbours.
   */
  placeOf?(node: string, neighbour: string): number;
}

/*
 * Every loop below that grows with the graph asks its Slice whether to let
 * the event loop run (shared/cooperate.ts): a search on the national set may
 * reach thousands of entities, and a request cancelled meanwhile stops here.
 */

/**
 * Breadth-first distances from one end of a path search, grown a level at a
 * time and only as far as the search needs: every entity within `radius` has
 * its exact distance, and every entity outside it is further than `radius`.
 */
class Ball {
  readonly distance = new Map<string, number>();
  /** The entities at each distance, 0 to the radius: the last is the frontier. */
  readonly levels: string[][];
  frontier: string[];
  radius = 0;

  constructor(
    private readonly graph: PathGraph,
    source: string,
  ) {
    this.distance.set(source, 0);
    this.frontier = [source];
    this.levels = [this.frontier];
  }

  /** What growing one level costs: the neighbour entries of the frontier. */
  cost(): number {
    let sum = 0;
    for (const node of this.frontier) sum += this.graph.degree(node);
    return sum;
  }

  /**
   * Grows one level; returns the entities it reached. With `within`, only
   * into `within`'s entities (see growBoth), found from whichever side is
   * smaller (neighboursAmong).
   */
  async grow(slice: Slice, within?: Ball): Promise<string[]> {
    const level = this.radius + 1;
    const next: string[] = [];
    const reach = (neighbour: string) => {
      if (this.distance.has(neighbour)) return;
      this.distance.set(neighbour, level);
      next.push(neighbour);
    };
    for (const node of this.frontier) {
      if (slice.due()) await slice.pause();
      if (within) neighboursAmong(this.graph, node, within, within.radius, reach);
      else this.graph.forEachNeighbor(node, reach);
    }
    this.frontier = next;
    this.levels.push(next);
    this.radius = level;
    return next;
  }

  /** How many entities lie within `reach` of the centre. */
  countWithin(reach: number): number {
    let count = 0;
    for (let d = 0; d <= Math.min(reach, this.radius); d++) count += this.levels[d]!.length;
    return count;
  }

  /**
   * A lower bound of the distance: exact inside the ball, one more than the
   * radius outside it — except for an entity at the radius left out of a
   * growth `within` another ball, which lies on no walk short enough.
   */
  atLeast(node: string): number {
    return this.distance.get(node) ?? this.radius + 1;
  }
}

/**
 * Grows balls around both ends, the cheaper side first, until together they
 * reach `maxLength` (or, with `untilMet`, until they first share an entity).
 * Null when the ends cannot be joined within `maxLength`.
 */
async function growBoth(
  graph: PathGraph,
  from: string,
  to: string,
  maxLength: number,
  untilMet: boolean,
  slice: Slice,
): Promise<{ a: Ball; b: Ball; met: string[] } | null> {
  const a = new Ball(graph, from);
  const b = new Ball(graph, to);
  let met: string[] = [];
  while (a.radius + b.radius < maxLength) {
    const [side, other] = a.cost() <= b.cost() ? [a, b] : [b, a];
    // A side with nothing left to reach holds its whole component.
    if (side.frontier.length === 0 && !side.distance.has(other === a ? from : to)) return null;
    // The last level can only hold entities of the other ball: one outside both is further than `maxLength` from one end or the other.
    const last = !untilMet && side.radius + other.radius === maxLength - 1;
    const reached = await side.grow(slice, last ? other : undefined);
    if (met.length === 0) met = reached.filter((node) => other.distance.has(node));
    if (untilMet && met.length > 0) break;
  }
  if (met.length === 0) met = [...a.distance.keys()].filter((node) => b.distance.has(node));
  return met.length > 0 ? { a, b, met } : null;
}

/**
 * For every entity on a shortest path from `from` to `to` of at most
 * `maxLength` hops, its predecessors on such paths — in the order Brandes'
 * single-source pass over the whole graph lists them, so that reading the
 * walks back from `to` gives the same walks in the same order — found by
 * searching from both ends no further than the path is long.
 */
export async function shortestPathPredecessors(
  graph: PathGraph,
  from: string,
  to: string,
  maxLength: number,
  slice: Slice = new Slice(),
): Promise<Map<string, string[]> | null> {
  const grown = await growBoth(graph, from, to, maxLength, true, slice);
  if (!grown) return null;
  const { a, b, met } = grown;
  const length = a.radius + b.radius;
  // The entities on shortest paths, by distance from `from`: the meeting layer,
  // then layer by layer back towards `from` inside a, and on towards `to` inside b.
  const layerOf = new Map<string, number>();
  for (const node of met) layerOf.set(node, a.radius);
  let layer = met;
  for (let k = a.radius - 1; k >= 0; k--) layer = await adjacentAt(graph, layer, a, k, k, layerOf, slice);
  layer = met;
  for (let k = a.radius + 1; k <= length; k++) layer = await adjacentAt(graph, layer, b, length - k, k, layerOf, slice);
  const layers: string[][] = Array.from({ length: length + 1 }, () => []);
  for (const [node, k] of layerOf) layers[k]!.push(node);
  // Brandes lists a node's predecessors in the order its breadth-first search
  // dequeues them. Every predecessor of a node on a shortest path is on one
  // too, so the same search confined to those nodes dequeues them in the same
  // relative order.
  const predecessors = new Map<string, string[]>();
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    if (slice.due()) await slice.pause();
    const node = queue[i]!;
    const next = layerOf.get(node)! + 1;
    for (const neighbour of inWalkOrder(graph, node, layers[next] ?? [], (n) => layerOf.get(n) === next)) {
      const list = predecessors.get(neighbour);
      if (list) list.push(node);
      else {
        predecessors.set(neighbour, [node]);
        queue.push(neighbour);
      }
    }
  }
  return predecessors;
}

/**
 * The members of `among` that are neighbours of `node`, in the order
 * `forEachNeighbor(node)` visits them (`isMember` says whether an entity is
 * one of `among`). Found from whichever side is smaller: the node's
 * neighbours, or `among` with each member's place in the node's list looked
 * up. A shortest path through a hub (the association every municipality is
 * a member of) has one or two of the hub's neighbours in the next layer;
 * reading the hub's neighbours to find them cost as many reads as there are
 * municipalities.
 */
function inWalkOrder(graph: PathGraph, node: string, among: readonly string[], isMember: (neighbour: string) => boolean): string[] {
  if (!graph.placeOf || graph.degree(node) <= among.length) return graph.filterNeighbors(node, isMember);
  const placed: [number, string][] = [];
  for (const member of among) {
    const place = graph.placeOf(node, member);
    if (place >= 0) placed.push([place, member]);
  }
  return placed.sort((x, y) => x[0] - y[0]).map(([, member]) => member);
}

/**
 * Calls `visit` with every neighbour of `node` that `ball` holds within
 * `reach` of its centre (and maybe with other neighbours: the caller
 * filters), reading the node's neighbours or looking up each of the ball's
 * entities, whichever is fewer. A hub's members are thousands; the few of
 * them near both ends of a path are found from the ball.
 */
function neighboursAmong(graph: PathGraph, node: string, ball: Ball, reach: number, visit: (neighbour: string) => void): void {
  const count = ball.countWithin(reach);
  if (!graph.placeOf || graph.degree(node) <= count) {
    graph.forEachNeighbor(node, (neighbour) => {
      if ((ball.distance.get(neighbour) ?? Infinity) <= reach) visit(neighbour);
    });
    return;
  }
  for (let d = 0; d <= Math.min(reach, ball.radius); d++) {
    for (const member of ball.levels[d]!) if (graph.placeOf(node, member) >= 0) visit(member);
  }
}

/**
 * The neighbours of `layer` at `distance` in `ball`, recorded as
 * `layerIndex`: for each entity of the layer, from its neighbours or from
 * the ball's entities at that distance, whichever is fewer (inWalkOrder).
 */
async function adjacentAt(
  graph: PathGraph,
  layer: string[],
  ball: Ball,
  distance: number,
  layerIndex: number,
  layerOf: Map<string, number>,
  slice: Slice,
): Promise<string[]> {
  const next: string[] = [];
  const candidates = ball.levels[distance]!;
  for (const node of layer) {
    if (slice.due()) await slice.pause();
    for (const neighbour of inWalkOrder(graph, node, candidates, (n) => ball.distance.get(n) === distance)) {
      if (layerOf.has(neighbour)) continue;
      layerOf.set(neighbour, layerIndex);
      next.push(neighbour);
    }
  }
  return next;
}

/**
 * The entities that lie on some walk of at most `maxLength` hops from `from`
 * to `to` (distance from `from` plus distance to `to` within the bound), each
 * with its distance to `to`, found without measuring distances across the
 * whole graph; null when there are none.
 *
 * Two balls that together span `maxLength` give exact distances near each end
 * and a lower bound beyond. Each ball is then extended only through entities
 * whose bound still allows a short enough walk: every entity on the shortest
 * route to a qualifying entity qualifies too, so its distance comes out exact.
 */
export async function entitiesNearPaths(
  graph: PathGraph,
  from: string,
  to: string,
  maxLength: number,
  slice: Slice = new Slice(),
): Promise<Map<string, number> | null> {
  const grown = await growBoth(graph, from, to, maxLength, false, slice);
  if (!grown) return null;
  const { a, b } = grown;
  const fromA = await extend(graph, a, b, maxLength, slice);
  const fromB = await extend(graph, b, a, maxLength, slice);
  const near = new Map<string, number>();
  for (const [node, d] of fromA) {
    const e = fromB.get(node);
    if (e !== undefined && d + e <= maxLength) near.set(node, e);
  }
  return near.has(from) && near.has(to) ? near : null;
}

/**
 * The first `limit` simple paths from `from` to `to` of at most `maxLength`
 * hops, shorter first, then by their ids in order — what listing every such
 * path and sorting would give, without listing thousands to keep fifty. For
 * each length, a depth-first walk takes neighbours in id order and gives up on
 * any entity too far from `to` to end the path at that length.
 */
export async function firstSimplePaths(
  graph: PathGraph,
  from: string,
  to: string,
  maxLength: number,
  limit: number,
  slice: Slice = new Slice(),
): Promise<string[][]> {
  const near = await entitiesNearPaths(graph, from, to, maxLength, slice);
  if (!near || limit <= 0) return [];
  const sortedNeighbours = new Map<string, string[]>();
  const neighbours = (node: string) => {
    let list = sortedNeighbours.get(node);
    if (!list) {
      // From the near entities, each looked up, where they are fewer than the node's neighbours (a hub).
      list =
        graph.placeOf && graph.degree(node) > near.size
          ? [...near.keys()].filter((neighbour) => graph.placeOf!(node, neighbour) >= 0).sort()
          : graph.filterNeighbors(node, (neighbour) => near.has(neighbour)).sort();
      sortedNeighbours.set(node, list);
    }
    return list;
  };
  const paths: string[][] = [];
  for (let length = near.get(from)!; length <= maxLength && paths.length < limit; length++) {
    // Depth first with an explicit stack (one frame per entity on the path), so that the walk can pause.
    const path = [from];
    const onPath = new Set([from]);
    const stack = [{ next: neighbours(from), at: 0 }];
    while (stack.length > 0 && paths.length < limit) {
      if (slice.due()) await slice.pause();
      const frame = stack[stack.length - 1]!;
      if (frame.at >= frame.next.length) {
        stack.pop();
        onPath.delete(path.pop()!);
        continue;
      }
      const next = frame.next[frame.at++]!;
      const left = length - path.length + 1;
      if (onPath.has(next) || near.get(next)! > left - 1) continue;
      if (next === to) {
        // A path ends where it first reaches `to`.
        if (left === 1) paths.push([...path, to]);
        continue;
      }
      path.push(next);
      onPath.add(next);
      stack.push({ next: neighbours(next), at: 0 });
    }
  }
  return paths;
}

/** `ball`'s distances, carried beyond its radius through entities `other` says can still be on a short enough walk. */
async function extend(graph: PathGraph, ball: Ball, other: Ball, maxLength: number, slice: Slice): Promise<Map<string, number>> {
  const distance = new Map(ball.distance);
  let frontier = ball.frontier.filter((node) => ball.radius + other.atLeast(node) <= maxLength);
  for (let level = ball.radius + 1; level <= maxLength && frontier.length > 0; level++) {
    const next: string[] = [];
    for (const node of frontier) {
      if (slice.due()) await slice.pause();
      // An entity outside `other` is at least other.radius + 1 from its end, too far at any level here.
      neighboursAmong(graph, node, other, maxLength - level, (neighbour) => {
        if (distance.has(neighbour) || level + other.atLeast(neighbour) > maxLength) return;
        distance.set(neighbour, level);
        next.push(neighbour);
      });
    }
    frontier = next;
  }
  return distance;
}

/** A guard against pathological fan-out, for both stores: far above any answer a person reads. */
const MAX_WALKS = 10_000;

/** Every shortest walk from `from` to `to` of at most `maxLength` relations, read back from the target along every shortest-path predecessor. */
export async function shortestWalks(graph: PathGraph, from: string, to: string, maxLength: number, slice: Slice = new Slice()): Promise<string[][]> {
  const predecessors = await shortestPathPredecessors(graph, from, to, maxLength, slice);
  if (!predecessors) return [];
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
  return walks;
}
