/**
 * What the global setup hands the test files: for each Neo4j release line,
 * how to reach the live server it started, or why it did not start one.
 */
import { inject } from 'vitest';

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

export type LiveNeo4jInstances = Record<LiveNeo4j['line'], LiveNeo4j | { skipped: string }>;

declare module 'vitest' {
  interface ProvidedContext {
    neo4j: LiveNeo4jInstances;
  }
}

const ABSENT = 'the live Neo4j is started by the `neo4j` test project (test/vitest.config.ts); this file is not in it';

/** The live Neo4j of a line, or null when the run has none (see `skipReason`). */
export function liveNeo4j(line: LiveNeo4j['line'] = 'lts'): LiveNeo4j | null {
  const instance = inject('neo4j')?.[line];
  return instance && 'boltUri' in instance ? instance : null;
}

/** Why the run has no live Neo4j of this line, for a skipped suite's name; null when it has one. */
export function skipReason(line: LiveNeo4j['line'] = 'lts'): string | null {
  const instance = inject('neo4j')?.[line];
  if (!instance) return ABSENT;
  return 'skipped' in instance ? instance.skipped : null;
}

/** The NEO4J_* settings for a server or a command-line tool pointed at the live Neo4j. */
export function neo4jEnv(neo4j: LiveNeo4j, scheme: 'bolt' | 'neo4j' = 'neo4j'): Record<string, string> {
  return {
    NEO4J_URI: scheme === 'bolt' ? neo4j.boltUri : neo4j.routingUri,
    NEO4J_USERNAME: neo4j.username,
    NEO4J_PASSWORD: neo4j.password,
  };
}
