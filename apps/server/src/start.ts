import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { loadDatasetOrThrow } from '@styrgraf/model';
import { createMemoryStore, openNeo4jStore, type Store } from '@styrgraf/store';
import { createHttpServer } from './http/server.ts';
import { ConfigError, readConfig, WATCH_NEEDS_MEMORY, type Config } from './config.ts';
import { pendingStore } from './pending-store.ts';
import { redact } from './redact.ts';
import { createReloadingStore } from './reload.ts';
import { prepareQuiz } from './training/bank.ts';

/** How long the start waits for a store that opens in the background before it reports the server as started (it listens all along). */
const OPEN_GRACE_MS = 1_000;

export interface RunningServer {
  server: Server;
  store: Store;
  config: Config;
  url: string;
  close(): Promise<void>;
}

/**
 * The store the settings ask for. Neo4j holds its own data (put there by
 * `pnpm graph:load`), and an unreachable database does not stop the start: the
 * store begins degraded, /health says why, and it recovers by itself. Nor does
 * a slow one delay it: the Neo4j store is opened while the server already
 * listens (pending-store.ts).
 */
export async function openStore(config: Config): Promise<Store> {
  if (config.watch && config.store === 'neo4j') throw new ConfigError([WATCH_NEEDS_MEMORY]);
  if (config.store === 'neo4j') {
    if (!config.neo4j) throw new Error('STORE=neo4j needs the NEO4J_* settings');
    return pendingStore('neo4j', openNeo4jStore(config.neo4j, { log: (message) => console.warn(message) }), `Neo4j at ${redact(config.neo4j.uri)}`);
  }
  // A bad data set stops the start even when watching: there is no last good graph to serve yet.
  const dataset = await loadDatasetOrThrow(config.graphDir);
  if (config.watch) return createReloadingStore(config.graphDir, { initial: dataset });
  return createMemoryStore(dataset);
}

/** Starts the server as configured by the environment (or `overrides`), resolving once it listens. */
export async function startServer(overrides: Partial<Config> = {}, env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  const config = { ...readConfig(env), ...overrides };
  const store = await openStore(config);
  const { server } = createHttpServer(store, config);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  // A store that opens quickly (or fails quickly, as a refused connection does) is ready by the time the start is reported; a slow one is not waited for.
  if ('opened' in store) await Promise.race([store.opened, new Promise((resolve) => setTimeout(resolve, OPEN_GRACE_MS).unref())]);
  // The quiz graph is read now, off any request's path, so that the first quiz does not wait for it; a failure is reported by that quiz.
  if (config.store === 'memory') setTimeout(() => void prepareQuiz(store).catch(() => undefined), 0).unref();
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    store,
    config,
    url: `http://${host}:${address.port}/`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await store.close();
    },
  };
}
