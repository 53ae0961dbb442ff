import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { loadDatasetOrThrow } from '@styrgraf/model';
import { createMemoryStore, openNeo4jStore, type Store } from '@styrgraf/store';
import { createHttpServer } from './app.ts';
import { ConfigError, readConfig, WATCH_NEEDS_MEMORY, type Config } from './config.ts';
import { createReloadingStore } from './reload.ts';

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
 * store begins degraded, /health says why, and it recovers by itself.
 */
export async function openStore(config: Config): Promise<Store> {
  if (config.watch && config.store === 'neo4j') throw new ConfigError([WATCH_NEEDS_MEMORY]);
  if (config.store === 'neo4j') {
    if (!config.neo4j) throw new Error('STORE=neo4j needs the NEO4J_* settings');
    return openNeo4jStore(config.neo4j, { log: (message) => console.warn(message) });
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
