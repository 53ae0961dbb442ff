/**
 * Throughput and latency over real HTTP: the real server in its own process
 * (as `pnpm start` runs it) and a bare graphql-yoga answering a constant,
 * driven in turns under the same load from autocannon in this process.
 */
import autocannon from 'autocannon';
import { SERVER_NODE_FLAGS } from '../../apps/server/scripts/node-flags.mjs';
import { gql, SERVER_MAIN, spawnServer, type SpawnedServer } from '../helpers/server.ts';
import { cpuMicros, pidListeningOn } from './process-cpu.ts';
import { summarise, type Summary } from './stats.ts';

export interface HttpQuery {
  name: string;
  query: string;
  /** Variables for each request in turn, so that connections do not ask the same thing over and over. */
  variables: Record<string, unknown>[];
}

export interface HttpFigures {
  name: string;
  requestsPerSecond: number;
  latency: Summary;
  errors: number;
}

const CONNECTIONS = Number(process.env.BENCH_HTTP_CONNECTIONS ?? 10);
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 8);

/** Drives one query at `url` for SECONDS after a short warm-up, timing every response. */
export async function drive(url: string, q: HttpQuery): Promise<HttpFigures> {
  for (const variables of q.variables) {
    const { body } = await gql(url, q.query, variables);
    if (body.errors) throw new Error(`${q.name} does not answer cleanly: ${JSON.stringify(body.errors).slice(0, 300)}`);
  }
  const requests = q.variables.map((variables) => ({
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: q.query, variables }),
  }));
  const endpoint = new URL('graphql', url).href;
  await autocannon({ url: endpoint, connections: CONNECTIONS, duration: 2, requests });
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: endpoint, connections: CONNECTIONS, duration: SECONDS, requests }, (error, done) =>
      error ? reject(error) : resolve(done),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  return {
    name: q.name,
    requestsPerSecond: result.requests.total / SECONDS,
    latency: summarise(times),
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** One window of load: every response timed, the requests and errors counted. */
interface Window {
  requests: number;
  seconds: number;
  times: number[];
  errors: number;
  /** CPU the server spent in the window, in µs, where /proc tells (process-cpu.ts). */
  cpuMicros: number | null;
}

/** A server under measurement: where it answers, and its process for the CPU figure. */
interface Measured {
  url: string;
  pid: number | null;
}

const measured = (server: SpawnedServer): Measured => ({ url: server.url, pid: pidListeningOn(Number(new URL(server.url).port)) });

async function loadWindow({ url, pid }: Measured, q: HttpQuery, seconds: number): Promise<Window> {
  const cpuBefore = pid === null ? null : cpuMicros(pid);
  const requests = q.variables.map((variables) => ({
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: q.query, variables }),
  }));
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: new URL('graphql', url).href, connections: CONNECTIONS, duration: seconds, requests }, (error, done) =>
      error ? reject(error) : resolve(done),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  const cpu = pid === null || cpuBefore === null ? null : cpuMicros(pid) - cpuBefore;
  return { requests: result.requests.total, seconds, times, errors: result.errors + result.timeouts + result.non2xx, cpuMicros: cpu };
}

const CEILING_QUERY: HttpQuery = { name: 'bare yoga { hello }', query: '{ hello }', variables: [{}] };
/** Windows of load per query: each is measured between two windows of the ceiling. */
const ROUNDS = Number(process.env.BENCH_HTTP_ROUNDS ?? 4);

export interface InterleavedFigures {
  query: HttpFigures;
  /** Every ceiling window around this query's windows, pooled. */
  ceiling: HttpFigures;
  /** Requests answered against what the ceiling answered in the same time, from the windows before and after each of the query's. */
  share: number;
  /** The lowest and highest share of a single round. */
  roundShares: [number, number];
  /** The slowest and fastest ceiling window, in requests per second. */
  ceilingRange: [number, number];
  /** CPU per request of the server and of the ceiling, in µs (null where /proc cannot tell): the share least disturbed by other processes is their ratio. */
  cpuPerRequest: number | null;
  ceilingCpuPerRequest: number | null;
}

/** The ceiling's CPU per request against the server's, in per cent: the share of the ceiling by CPU rather than by throughput. */
export const cpuShare = (f: InterleavedFigures): number | null =>
  f.cpuPerRequest && f.ceilingCpuPerRequest ? (100 * f.ceilingCpuPerRequest) / f.cpuPerRequest : null;

/**
 * The real server on `graphDir` (production mode) and a bare yoga, both
 * running for the whole measurement, driven in turn: for each query, the
 * ceiling for a window, the query for a window, and so on for ROUNDS rounds,
 * ending with the ceiling. Every window of the query lies between two of the
 * ceiling, so the share compares figures taken under the same load on a
 * shared machine, however that load drifts over the run.
 */
export async function benchInterleaved(graphDir: string, queries: HttpQuery[]): Promise<InterleavedFigures[]> {
  return (await benchInterleavedBuilds(graphDir, queries, [SERVER_MAIN])).map(([figures]) => figures!);
}

/** A built server (its main.js) and, where not the production ones, the V8 settings to start it with. */
export interface ServerBuild {
  script: string;
  nodeFlags?: readonly string[] | undefined;
}

/**
 * The same with several builds of the server side by side (`scripts`, each
 * a built main.js), every round driving each build once between two ceiling
 * windows: a before and an after measured in one run, under the same load.
 * The answer holds, for each query, one figure per build in `scripts`' order.
 */
export async function benchInterleavedBuilds(graphDir: string, queries: HttpQuery[], scripts: (string | ServerBuild)[]): Promise<InterleavedFigures[][]> {
  const started: SpawnedServer[] = [];
  try {
    // The ceiling runs on the V8 settings the real server runs on (apps/server/scripts/node-flags.mjs), so that they are not counted as the server's own.
    const bareServer = await spawnServer([], { NODE_OPTIONS: SERVER_NODE_FLAGS.join(' ') }, 'test/bench/bare-yoga.ts');
    started.push(bareServer);
    const bare = measured(bareServer);
    const servers: Measured[] = [];
    for (const build of scripts) {
      const { script, nodeFlags } = typeof build === 'string' ? { script: build, nodeFlags: undefined } : build;
      const server = await spawnServer([], { GRAPH_DIR: graphDir, NODE_ENV: 'production' }, script, undefined, nodeFlags);
      started.push(server);
      servers.push(measured(server));
    }
    const window = SECONDS / ROUNDS;
    const answer: InterleavedFigures[][] = [];
    for (const q of queries) {
      for (const server of servers) await checkAnswers(server.url, q);
      // Warm up each (the JIT, the caches), so that no first window is the only cold one.
      await loadWindow(bare, CEILING_QUERY, 1);
      for (const server of servers) await loadWindow(server, q, 2);
      const ceilings: Window[] = [await loadWindow(bare, CEILING_QUERY, window)];
      const runs: Window[][] = servers.map(() => []);
      for (let round = 0; round < ROUNDS; round++) {
        for (const [i, server] of servers.entries()) {
          runs[i]!.push(await loadWindow(server, q, window));
          ceilings.push(await loadWindow(bare, CEILING_QUERY, window));
        }
      }
      const rate = (w: Window) => w.requests / w.seconds;
      answer.push(
        runs.map((own, i) => {
          // The ceiling windows right before and right after each of this build's windows.
          const around = own.map((_, round) => {
            const at = round * servers.length + i;
            return (rate(ceilings[at]!) + rate(ceilings[at + 1]!)) / 2;
          });
          const bracketing = own.flatMap((_, round) => [ceilings[round * servers.length + i]!, ceilings[round * servers.length + i + 1]!]);
          const shares = own.map((w, round) => (100 * rate(w)) / around[round]!);
          return {
            query: pooled(q.name, own),
            ceiling: pooled(`${CEILING_QUERY.name}, around ${q.name}`, [...new Set(bracketing)]),
            share: (100 * own.reduce((n, w) => n + w.requests, 0)) / around.reduce((n, r, round) => n + r * own[round]!.seconds, 0),
            roundShares: [Math.min(...shares), Math.max(...shares)],
            ceilingRange: [Math.min(...bracketing.map(rate)), Math.max(...bracketing.map(rate))],
            cpuPerRequest: cpuPerRequest(own),
            ceilingCpuPerRequest: cpuPerRequest([...new Set(bracketing)]),
          };
        }),
      );
    }
    return answer;
  } finally {
    await Promise.all(started.map((s) => s.stop()));
  }
}

function cpuPerRequest(windows: Window[]): number | null {
  if (windows.some((w) => w.cpuMicros === null)) return null;
  const requests = windows.reduce((n, w) => n + w.requests, 0);
  return requests === 0 ? null : windows.reduce((n, w) => n + w.cpuMicros!, 0) / requests;
}

function pooled(name: string, windows: Window[]): HttpFigures {
  return {
    name,
    requestsPerSecond: windows.reduce((n, w) => n + w.requests, 0) / windows.reduce((s, w) => s + w.seconds, 0),
    latency: summarise(windows.flatMap((w) => w.times)),
    errors: windows.reduce((n, w) => n + w.errors, 0),
  };
}

/** Every input answers without errors: a figure of error answers would flatter. */
async function checkAnswers(url: string, q: HttpQuery): Promise<void> {
  for (const variables of q.variables) {
    const { body } = await gql(url, q.query, variables);
    if (body.errors) throw new Error(`${q.name} does not answer ${JSON.stringify(variables)} cleanly: ${JSON.stringify(body.errors).slice(0, 300)}`);
  }
}

export const ENTITY_QUERY = /* GraphQL */ `
  query Entity($id: ID!) {
    entity(id: $id) {
      id
      name
      kind
      ... on Actor {
        relations {
          kind
          label
          from {
            id
            name
          }
          to {
            id
            name
          }
        }
      }
    }
  }
`;
export const SEARCH_QUERY = /* GraphQL */ `
  query Search($text: String!) {
    search(text: $text, first: 10) {
      match
      entity {
        id
        name
        kind
      }
    }
  }
`;
export const NEIGHBOURHOOD_QUERY = /* GraphQL */ `
  query Neighbourhood($id: ID!) {
    neighbourhood(id: $id, depth: 2) {
      nodes {
        id
        name
        kind
      }
      edges {
        id
        kind
        from {
          id
        }
        to {
          id
        }
      }
    }
  }
`;

/** The typical queries, asked of the given actors and search texts. */
export function typicalQueries(actorIds: string[], texts: string[]): HttpQuery[] {
  return [
    { name: 'entity with relations', query: ENTITY_QUERY, variables: actorIds.map((id) => ({ id })) },
    { name: 'search', query: SEARCH_QUERY, variables: texts.map((text) => ({ text })) },
    { name: 'neighbourhood depth 2', query: NEIGHBOURHOOD_QUERY, variables: actorIds.map((id) => ({ id })) },
  ];
}
