import neo4j, { type Driver } from 'neo4j-driver';
import type { BackoffOptions } from './connectivity.ts';
import { Neo4jStore } from './neo4j-store.ts';

export interface Neo4jSettings {
  uri: string;
  username: string;
  password: string;
  database: string;
}

export interface Neo4jConnectionOptions {
  /** How long opening one connection may take before the database counts as unreachable. */
  connectionTimeoutMs?: number;
  /** How long a managed transaction keeps retrying transient failures. */
  maxRetryTimeMs?: number;
  transactionTimeoutMs?: number;
  backoff?: BackoffOptions;
  log?: (message: string) => void;
}

/** The one driver of the process. Throws only for a URI the driver cannot parse. */
export function createNeo4jDriver(settings: Neo4jSettings, options: Neo4jConnectionOptions = {}): Driver {
  return neo4j.driver(settings.uri, neo4j.auth.basic(settings.username, settings.password), {
    connectionTimeout: options.connectionTimeoutMs ?? 5_000,
    connectionAcquisitionTimeout: (options.connectionTimeoutMs ?? 5_000) * 2,
    // Retries ride out a leader switch in a cluster; longer would hold a request while the database is away.
    maxTransactionRetryTime: options.maxRetryTimeMs ?? 3_000,
    maxConnectionPoolSize: 50,
    userAgent: 'styrgraf/0.1',
  });
}

/**
 * Opens the Neo4j store: one driver, a first connectivity check, and a store
 * that starts degraded (not failed) when the database cannot be reached, and
 * recovers by itself when it can.
 */
export async function openNeo4jStore(settings: Neo4jSettings, options: Neo4jConnectionOptions = {}): Promise<Neo4jStore> {
  const driver = createNeo4jDriver(settings, options);
  const store = new Neo4jStore(driver, {
    uri: settings.uri,
    database: settings.database,
    ...(options.transactionTimeoutMs ? { transactionTimeoutMs: options.transactionTimeoutMs } : {}),
    ...(options.backoff ? { backoff: options.backoff } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  return store.start();
}

/**
 * The NEO4J_* settings as the environment gives them, with what is wrong with
 * them: the one reading the server's configuration and the command-line
 * tools share, so both accept and refuse the same values with the same words.
 */
export function readNeo4jSettings(env: NodeJS.ProcessEnv = process.env): { settings: Neo4jSettings; problems: string[] } {
  const problems: string[] = [];
  const uri = env.NEO4J_URI ?? '';
  if (!uri) problems.push('NEO4J_URI is required (e.g. neo4j://localhost:7687)');
  else if (!/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s]+$/.test(uri))
    problems.push(`NEO4J_URI must start with neo4j://, neo4j+s://, bolt:// or bolt+s://, not "${uri}"`);
  const password = env.NEO4J_PASSWORD ?? '';
  if (!password) problems.push('NEO4J_PASSWORD is required');
  return { settings: { uri, username: env.NEO4J_USERNAME || 'neo4j', password, database: env.NEO4J_DATABASE || 'neo4j' }, problems };
}

/** NEO4J_* settings for the command-line tools: readNeo4jSettings, refusing what is wrong. */
export function neo4jSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): Neo4jSettings {
  const { settings, problems } = readNeo4jSettings(env);
  if (problems.length > 0) throw new Error(`The Neo4j settings are invalid:\n  ${problems.join('\n  ')}`);
  return settings;
}
