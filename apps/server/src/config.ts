import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readNeo4jSettings, type Neo4jSettings } from '@styrgraf/store';

/**
 * All configuration, read from the environment in this one place, with
 * defaults that run on a bare machine: the embedded store on graph/.
 */
export interface Config {
  host: string;
  port: number;
  graphDir: string;
  store: 'memory' | 'neo4j';
  neo4j: Neo4jSettings | null;
  /** The built web app, served at / when present. */
  webDir: string;
  /** Development: errors unmasked, GraphiQL with examples. */
  dev: boolean;
  /** Origins other than the server's own whose pages may call the API (CORS_ORIGINS, comma-separated, or "*"); none by default. */
  corsOrigins: string[];
  /** Largest request body accepted, in bytes (MAX_BODY_BYTES). */
  maxBodyBytes: number;
  /** A query that has not answered by then gets a QUERY_TIMEOUT error (QUERY_TIMEOUT_MS). */
  queryTimeoutMs: number;
  /** Live data editing (`pnpm start --watch`, STYRGRAF_WATCH=1): reload graphDir when a file in it changes. Embedded store only. */
  watch: boolean;
  /** GraphiQL at /graphql for a browser (GRAPHIQL=0 turns it off). */
  graphiql: boolean;
  /** A client that has not sent its request line and headers by then gets 408 and loses the connection (HEADERS_TIMEOUT_MS). */
  headersTimeoutMs: number;
  /** The same for the whole request, body included (REQUEST_TIMEOUT_MS). */
  requestTimeoutMs: number;
  /** Open connections at most; past it, new ones are closed at once (MAX_CONNECTIONS). */
  maxConnections: number;
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: string[]) {
    super(`The server's settings are invalid:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Neo4j holds its own copy of the data, written by graph:load; watching graph/ would change nothing it serves. */
export const WATCH_NEEDS_MEMORY =
  '--watch (STYRGRAF_WATCH=1) reloads graph/ into the embedded store only; with STORE=neo4j, run `pnpm graph:load` after an edit instead';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];

  const port = env.PORT === undefined || env.PORT === '' ? 4000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be a whole number 0–65535, not "${env.PORT}"`);

  const store = (env.STORE ?? 'memory').toLowerCase();
  if (store !== 'memory' && store !== 'neo4j') problems.push(`STORE must be "memory" or "neo4j", not "${env.STORE}"`);

  let neo4j: Neo4jSettings | null = null;
  if (store === 'neo4j') {
    const read = readNeo4jSettings(env);
    problems.push(...read.problems.map((p) => p.replace(/ is required/, ' is required when STORE=neo4j')));
    neo4j = read.settings;
  }

  const whole = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number ${min}–${max}, not "${raw}"`);
      return fallback;
    }
    return value;
  };
  const maxBodyBytes = whole('MAX_BODY_BYTES', 100_000, 1_000, 10_000_000);
  const queryTimeoutMs = whole('QUERY_TIMEOUT_MS', 10_000, 100, 300_000);
  const headersTimeoutMs = whole('HEADERS_TIMEOUT_MS', 10_000, 200, 120_000);
  const requestTimeoutMs = whole('REQUEST_TIMEOUT_MS', 30_000, 200, 300_000);
  const maxConnections = whole('MAX_CONNECTIONS', 1_000, 10, 100_000);
  if (requestTimeoutMs < headersTimeoutMs) problems.push(`REQUEST_TIMEOUT_MS (${requestTimeoutMs}) must be at least HEADERS_TIMEOUT_MS (${headersTimeoutMs})`);
  const graphiqlSetting = (env.GRAPHIQL ?? '').toLowerCase();
  const graphiql = !['0', 'false', 'no'].includes(graphiqlSetting);
  if (graphiql && !['', '1', 'true', 'yes'].includes(graphiqlSetting)) problems.push(`GRAPHIQL must be 1 or 0, not "${env.GRAPHIQL}"`);
  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  for (const origin of corsOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin))
      problems.push(`CORS_ORIGINS must list origins such as https://styrgraf.example (scheme and host, no path) or "*", not "${origin}"`);
  }

  const watchSetting = (env.STYRGRAF_WATCH ?? '').toLowerCase();
  const watch = ['1', 'true', 'yes'].includes(watchSetting);
  if (!watch && !['', '0', 'false', 'no'].includes(watchSetting)) problems.push(`STYRGRAF_WATCH must be 1 or 0, not "${env.STYRGRAF_WATCH}"`);
  if (watch && store === 'neo4j') problems.push(WATCH_NEEDS_MEMORY);

  const dev = env.NODE_ENV === 'development';
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    host: env.HOST || '127.0.0.1',
    port,
    graphDir: resolve(env.GRAPH_DIR || resolve(repoRoot, 'graph')),
    store: store as Config['store'],
    neo4j,
    webDir: resolve(env.WEB_DIR || resolve(repoRoot, 'apps/web/dist')),
    dev,
    corsOrigins,
    maxBodyBytes,
    queryTimeoutMs,
    watch,
    graphiql,
    headersTimeoutMs,
    requestTimeoutMs,
    maxConnections,
  };
}
