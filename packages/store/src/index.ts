export * from './port.ts';
export { MemoryStore, createMemoryStore } from './memory/memory-store.ts';
export { compareSv } from './shared/order.ts';
export { Slice, SLICE_MS } from './shared/cooperate.ts';
export { Neo4jStore, RESULT_LIMITS, type Neo4jStoreOptions } from './neo4j/neo4j-store.ts';
export { openNeo4jStore, createNeo4jDriver, neo4jSettingsFromEnv, readNeo4jSettings, type Neo4jSettings, type Neo4jConnectionOptions } from './neo4j/open.ts';
export { loadIntoNeo4j, ensureSchema, readFromNeo4j, type LoadReport } from './neo4j/load.ts';
export type { Availability, BackoffOptions } from './neo4j/connectivity.ts';
export { GRAPH_MODEL_VERSION } from './neo4j/graph-model.ts';
