/**
 * What `pnpm bench`'s Neo4j search bench (test/bench/neo4j-search.ts) needs to
 * run an older search statement exactly as the adapter runs its own: the
 * adapter's parameters, the recorded statement, and the shared ranking after
 * it; and what the growth table (test/bench/growth.ts) counts of the embedded
 * store's work. Not part of the store's port: nothing in the product imports
 * this entry.
 */
import { FilteredGraph } from './memory/adjacency.ts';

export { searchParams } from './neo4j/search-query.ts';
export { cypher } from './neo4j/statements.ts';
export { rankHits } from './shared/search.ts';

/**
 * The neighbour entries the embedded store's traversals read (each entity
 * read counts its degree), for the growth table's work counts: a call whose
 * count grows with the data set, not with its answer, reads what it need not.
 * Wraps the filtered view's readers until `stop`; a pair looked up
 * (`placeOf`) counts one.
 */
export function countNeighbourReads(): { read: () => number; stop: () => void } {
  const proto = FilteredGraph.prototype;
  const own = {
    forEachNeighbor: Object.getOwnPropertyDescriptor(proto, 'forEachNeighbor')!,
    forEachRelationAmong: Object.getOwnPropertyDescriptor(proto, 'forEachRelationAmong')!,
    placeOf: Object.getOwnPropertyDescriptor(proto, 'placeOf')!,
  };
  const forEachNeighbor = own.forEachNeighbor.value as FilteredGraph['forEachNeighbor'];
  const forEachRelationAmong = own.forEachRelationAmong.value as FilteredGraph['forEachRelationAmong'];
  const placeOf = own.placeOf.value as FilteredGraph['placeOf'];
  let read = 0;
  proto.forEachNeighbor = function (this: FilteredGraph, node, visit) {
    read += this.degree(node);
    forEachNeighbor.call(this, node, visit);
  };
  // The smaller side is read: the node's list, or a pair looked up per member.
  proto.forEachRelationAmong = function (this: FilteredGraph, node, among, visit) {
    read += Math.min(this.degree(node), among.size);
    forEachRelationAmong.call(this, node, among, visit);
  };
  // A pair looked up is one neighbour entry read.
  proto.placeOf = function (this: FilteredGraph, node, neighbour) {
    read += 1;
    return placeOf.call(this, node, neighbour);
  };
  return {
    read: () => read,
    stop: () => {
      Object.defineProperty(proto, 'forEachNeighbor', own.forEachNeighbor);
      Object.defineProperty(proto, 'forEachRelationAmong', own.forEachRelationAmong);
      Object.defineProperty(proto, 'placeOf', own.placeOf);
    },
  };
}
