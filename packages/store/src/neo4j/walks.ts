import { UndirectedGraph } from 'graphology';

/** One breadth-first step: every (entity of the frontier, neighbour in the view) pair. */
export type Expand = (frontier: string[]) => Promise<[string, string][]>;

/** Distances from one end, grown a level at a time by asking the database for the frontier's neighbours. */
class Side {
  readonly distance = new Map<string, number>();
  frontier: string[];
  radius = 0;

  constructor(readonly source: string) {
    this.distance.set(source, 0);
    this.frontier = [source];
  }

  async grow(expand: Expand, region: UndirectedGraph): Promise<string[]> {
    const level = this.radius + 1;
    const next: string[] = [];
    if (this.frontier.length > 0) {
      for (const [x, y] of await expand(this.frontier)) {
        region.mergeEdge(x, y);
        if (this.distance.has(y)) continue;
        this.distance.set(y, level);
        next.push(y);
      }
    }
    // In id order, so that what a call sends does not depend on the order rows came back in.
    this.frontier = next.sort();
    this.radius = level;
    return next;
  }
}

/**
 * The part of the view that holds every path of at most `maxLength` relations
 * between `from` and `to`, fetched by a breadth-first search from both ends
 * (the smaller frontier first) until the two radii add up to `maxLength` — or,
 * with `untilMet`, until they first share an entity, which is then the length
 * of the shortest paths. Null when no path is that short.
 *
 * Every entity closer than its side's radius has all its relations fetched.
 * On a path of at most radius(from) + radius(to) steps, each step has an end
 * that is: the step leaving the i-th entity, for i below radius(from), starts
 * at an entity closer than that to `from`; any later step ends at an entity
 * closer than radius(to) to `to`. So the region holds every such path, and only
 * relations that exist: what the embedded store's searches find on the whole
 * view, they find on the region, in the same order.
 */
export async function regionBetween(expand: Expand, from: string, to: string, maxLength: number, untilMet: boolean): Promise<UndirectedGraph | null> {
  const region = new UndirectedGraph();
  region.mergeNode(from);
  region.mergeNode(to);
  const a = new Side(from);
  const b = new Side(to);
  let met = false;
  while (a.radius + b.radius < maxLength) {
    const [side, other] = a.frontier.length <= b.frontier.length ? [a, b] : [b, a];
    // A side with nothing left to reach holds its whole component: if the other end is not in it, nothing joins them.
    if (side.frontier.length === 0 && !side.distance.has(other.source)) return null;
    const reached = await side.grow(expand, region);
    met ||= reached.some((node) => other.distance.has(node)) || side.distance.has(other.source);
    if (untilMet && met) break;
  }
  return met ? region : null;
}
