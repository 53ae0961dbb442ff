export interface LiveNeo4j {
  line: 'lts' | 'calver';
  /** As the server reports it, e.g. 5.26.30 or 2025.10.1. */
  version: string;
  /** bolt://127.0.0.1:<port>: a direct connection. */
  boltUri: string;
  /** neo4j://127.0.0.1:<port>: the routing scheme a cluster or Aura needs; a single instance answers it too. */
  routingUri: string;
  username: string;
  password: string;
}
export type LiveNeo4jInstances = Record<
  LiveNeo4j['line'],
  | LiveNeo4j
  | {
      skipped: string;
    }
>;
declare module 'vitest' {
  interface ProvidedContext {
    neo4j: LiveNeo4jInstances;
  }
}
/** The live Neo4j of a line, or null when the run has none (see `skipReason`). */
export declare function liveNeo4j(line?: LiveNeo4j['line']): LiveNeo4j | null;
/** Why the run has no live Neo4j of this line, for a skipped suite's name; null when it has one. */
export declare function skipReason(line?: LiveNeo4j['line']): string | null;
/** The NEO4J_* settings for a server or a command-line tool pointed at the live Neo4j. */
export declare function neo4jEnv(neo4j: LiveNeo4j, scheme?: 'bolt' | 'neo4j'): Record<string, string>;
