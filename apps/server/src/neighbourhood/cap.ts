import type { Subgraph } from '@styrgraf/store';

/** A neighbourhood held to `first` entities, with what it leaves out. */
export interface CappedSubgraph extends Subgraph {
  /** Entities of the neighbourhood left out. */
  omitted: number;
  /** Entities in the answer with neighbours left out, by id, and how many. */
  omittedNeighbours: { id: string; count: number }[];
}

/**
 * Holds a neighbourhood to at most `first` entities, the nearest to `root`
 * first: whole steps while they fit, so that what is drawn is the
 * neighbourhood of a smaller depth and never a part of a step chosen by
 * chance; of the first step, when it alone is too large, the first by id.
 * The steps are read from the subgraph's own relations (the store walked
 * exactly those). A hub's depth-3 neighbourhood on the national set holds
 * thousands of entities: a picture of its nearest few hundred with "+2 140"
 * beside it says more, and costs the client a fraction of a second, not a
 * minute.
 */
export function capNeighbourhood(subgraph: Subgraph, root: string, first: number): CappedSubgraph {
  if (subgraph.nodes.length <= first) return { ...subgraph, omitted: 0, omittedNeighbours: [] };
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = neighbours.get(a);
    if (list) list.push(b);
    else neighbours.set(a, [b]);
  };
  for (const r of subgraph.edges) {
    link(r.from, r.to);
    link(r.to, r.from);
  }
  const kept = new Set([root]);
  let step = [root];
  while (step.length > 0 && kept.size < first) {
    const next = new Set<string>();
    for (const id of step) for (const n of neighbours.get(id) ?? []) if (!kept.has(n)) next.add(n);
    if (next.size === 0) break;
    const sorted = [...next].sort();
    if (kept.size + sorted.length > first) {
      if (kept.size === 1) for (const id of sorted.slice(0, first - 1)) kept.add(id);
      break;
    }
    for (const id of sorted) kept.add(id);
    step = sorted;
  }
  const omittedNeighbours: { id: string; count: number }[] = [];
  for (const id of [...kept].sort()) {
    const left = new Set((neighbours.get(id) ?? []).filter((n) => !kept.has(n))).size;
    if (left > 0) omittedNeighbours.push({ id, count: left });
  }
  return {
    nodes: subgraph.nodes.filter((n) => kept.has(n.id)),
    edges: subgraph.edges.filter((r) => kept.has(r.from) && kept.has(r.to)),
    omitted: subgraph.nodes.length - kept.size,
    omittedNeighbours,
  };
}
