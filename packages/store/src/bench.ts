/**
 * What `pnpm bench`'s Neo4j search bench (test/bench/neo4j-search.ts) needs to
 * run an older search statement exactly as the adapter runs its own: the
 * adapter's parameters, the recorded statement, and the shared ranking after
 * it. Not part of the store's port: nothing in the product imports this entry.
 */
export { searchParams } from './neo4j/search-query.ts';
export { cypher } from './neo4j/statements.ts';
export { rankHits } from './shared/search.ts';
