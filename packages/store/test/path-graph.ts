import type { UndirectedGraph } from 'graphology';
import type { PathGraph } from '../src/memory/bounded-paths.ts';

/**
 * A graphology graph as path search sees a graph, for tests that hold path
 * search to graphology's own algorithms on the same graph: each neighbour's
 * place is its index in graphology's `neighbors` order, the order its
 * `forEachNeighbor` visits. `onRead` is told of every entity whose
 * neighbours are read, `onPlace` of every place looked up (which reads none).
 */
export function pathGraphOf(graph: UndirectedGraph, onRead: (node: string) => void = () => {}, onPlace: () => void = () => {}): PathGraph {
  const places = new Map<string, Map<string, number>>();
  return {
    degree: (node) => graph.degree(node),
    forEachNeighbor: (node, visit) => {
      onRead(node);
      graph.forEachNeighbor(node, visit);
    },
    filterNeighbors: (node, keep) => {
      onRead(node);
      return graph.filterNeighbors(node, keep);
    },
    placeOf: (node, neighbour) => {
      onPlace();
      // Built once per node, outside what `onRead` counts: the store's own graph keeps each place with its pair.
      let placed = places.get(node);
      if (!placed) places.set(node, (placed = new Map(graph.neighbors(node).map((n, i) => [n, i]))));
      return placed.get(neighbour) ?? -1;
    },
  };
}
