/**
 * `pnpm bench`'s Neo4j column: a Neo4j 5.26 of the bench's own (started from
 * Maven Central as the tests start it), and for each data set
 *
 * - graph:load, the command, timed end to end (validate, schema, one transaction);
 * - the same store calls as the embedded store's rows, on the Neo4j adapter;
 * - the same HTTP queries against the real server with STORE=neo4j;
 * - @neo4j/graphql serving the same database (neo4j-graphql-peer.ts) asked
 *   the equivalent entity-with-relations and depth-2 neighbourhood, so that
 *   the table shows our share of the peer's throughput.
 *
 * The HTTP inputs are drawn from each data set with the run's seed, as the
 * HTTP section draws them (drawn-inputs.ts), and printed.
 *
 * BENCH_NEO4J_CALLS (default 200) sets the calls per store operation.
 */
import { loadDatasetOrThrow } from '@styrgraf/model';
import { openNeo4jStore, type Neo4jSettings } from '@styrgraf/store';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { spawnServer } from '../helpers/server.ts';
import { startNeo4j } from '../neo4j/launch.mjs';
import { drawBenchInputs } from './drawn-inputs.ts';
import { drive, typicalQueries, type HttpFigures, type HttpQuery } from './http.ts';
import { PEER_ENTITY_QUERY, PEER_NEIGHBOURHOOD_QUERY } from './neo4j-graphql-queries.ts';
import { summarise, type Row } from './stats.ts';
import { benchStore, STORE_OPERATIONS } from './store-ops.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');
const CALLS = Number(process.env.BENCH_NEO4J_CALLS ?? 200);

export interface Neo4jBenchSet {
  key: string;
  dir: string;
}

/** Runs `queries` against a server started with `env` (our server, or the peer's `script`), one after the other. */
async function driveServer(env: NodeJS.ProcessEnv, queries: HttpQuery[], script?: string): Promise<HttpFigures[]> {
  const server = await spawnServer([], { NODE_ENV: 'production', ...env }, script);
  try {
    const figures: HttpFigures[] = [];
    for (const q of queries) figures.push(await drive(server.url, q));
    return figures;
  } finally {
    await server.stop();
  }
}

const rate = (f: HttpFigures) => `${f.requestsPerSecond.toFixed(0)} req/s`;

export async function benchNeo4j(sets: readonly Neo4jBenchSet[], seed: number, log: (message: string) => void): Promise<Row[]> {
  const rows: Row[] = [];
  const home = await mkdtemp(join(tmpdir(), 'styrgraf-bench-neo4j-'));
  const password = `styrgraf-${randomBytes(8).toString('hex')}`;
  const neo4j = await startNeo4j({ home, password, heap: '2g', log });
  log(`neo4j: ${neo4j.version} up at ${neo4j.uri}`);
  const settings: Neo4jSettings = { uri: neo4j.uri.replace(/^bolt:/, 'neo4j:'), username: neo4j.username, password, database: 'neo4j' };
  const env = { NEO4J_URI: settings.uri, NEO4J_USERNAME: settings.username, NEO4J_PASSWORD: password };
  try {
    for (const set of sets) {
      const loads: number[] = [];
      for (let i = 0; i < (set.key === 'national' ? 2 : 3); i++) {
        const started = performance.now();
        await promisify(execFile)(tsx, [join(root, 'packages/cli/src/run.ts'), 'load', set.dir], {
          cwd: root,
          env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
          maxBuffer: 1e7,
        });
        loads.push(performance.now() - started);
      }
      log(`${set.key}: graph:load into Neo4j ${loads.length} times`);
      rows.push({ section: `neo4j ${set.key}`, what: 'graph:load (validate, schema, one transaction)', unit: 'ms', summary: summarise(loads) });

      const dataset = await loadDatasetOrThrow(set.dir);
      const store = await openNeo4jStore(settings, { transactionTimeoutMs: 60_000 });
      try {
        const results = await benchStore(dataset, store, { calls: CALLS, seed });
        for (const name of STORE_OPERATIONS) rows.push({ section: `store ${set.key} on neo4j`, what: name, unit: 'ms', summary: results.get(name)! });
      } finally {
        await store.close();
      }
      log(`${set.key}: Neo4j store operations measured (${CALLS} calls each)`);

      const inputs = drawBenchInputs(set.key, dataset, seed, log);
      const ours = await driveServer({ STORE: 'neo4j', ...env }, typicalQueries(inputs.actors, inputs.texts));
      const variables = inputs.actors.map((id) => ({ id }));
      const peer = await driveServer(
        env,
        [
          { name: 'entity with relations', query: PEER_ENTITY_QUERY, variables },
          { name: 'neighbourhood depth 2', query: PEER_NEIGHBOURHOOD_QUERY, variables },
        ],
        'test/bench/neo4j-graphql-peer.ts',
      );
      log(`${set.key}: HTTP on Neo4j measured, ours and @neo4j/graphql's`);
      for (const f of ours) {
        const theirs = peer.find((p) => p.name === f.name);
        const share = theirs ? `, ${((100 * f.requestsPerSecond) / theirs.requestsPerSecond).toFixed(0)}% of @neo4j/graphql` : '';
        rows.push({
          section: `http ${set.key} on neo4j`,
          what: f.name,
          unit: 'ms',
          summary: f.latency,
          note: `${rate(f)}${share}${f.errors ? `, ${f.errors} errors` : ''}`,
        });
      }
      for (const f of peer) {
        const shape = f.name === 'entity with relations' ? '66 generated relationship fields' : 'a @cypher `neighbours` field nested once';
        rows.push({
          section: `http ${set.key} @neo4j/graphql`,
          what: f.name,
          unit: 'ms',
          summary: f.latency,
          note: `${rate(f)}, ${shape}${f.errors ? `, ${f.errors} errors` : ''}`,
        });
      }
    }
  } finally {
    await neo4j.stop();
    await rm(home, { recursive: true, force: true });
  }
  return rows;
}
