/**
 * The heavy mix: the real server (its own process, production mode) answering
 * a cheap query under load, first alone, then while clients keep sending the
 * heaviest query the limits allow. The cheap query's p99 with and without the
 * heavy ones is what admission control and cooperative execution are for: a
 * heavy query must not hold a cheap one up. The cheap query asks the actors
 * the HTTP section asks (drawn from the data with the run's seed, hubs and
 * leaves: drawn-inputs.ts); the heavy one is the heaviest the limits allow.
 */
import { loadDatasetOrThrow } from '@styrgraf/model';
import autocannon from 'autocannon';
import { HUB_NEIGHBOURHOOD, WHOLE_GRAPH_RELATIONS } from '../helpers/heavy-query.ts';
import { gql, spawnServer } from '../helpers/server.ts';
import { drawBenchInputs } from './drawn-inputs.ts';
import { ENTITY_QUERY } from './http.ts';
import { summarise, type Summary } from './stats.ts';

export interface CheapFigures {
  name: string;
  requestsPerSecond: number;
  latency: Summary;
  p99: number;
  errors: number;
}

export interface HeavyMixFigures {
  alone: CheapFigures;
  mixed: CheapFigures;
  /** How the heavy queries were answered while the cheap ones ran: status (and code) → count. */
  heavyAnswers: Record<string, number>;
}

/** The heaviest allowed query on each data set (test/starvation.e2e.test.ts): the whole graph's relations with sentences, and a national hub's depth-4 neighbourhood. */
export const HEAVIEST = {
  norrköping: WHOLE_GRAPH_RELATIONS,
  national: HUB_NEIGHBOURHOOD,
};

const HEAVY_CLIENTS = Number(process.env.BENCH_HEAVY_CLIENTS ?? 4);
const CONNECTIONS = Number(process.env.BENCH_HTTP_CONNECTIONS ?? 10);
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 8);

/** The cheap query under load for SECONDS, every response timed. */
async function driveCheap(url: string, name: string, actorIds: string[]): Promise<CheapFigures> {
  for (const id of actorIds) {
    const { body } = await gql(url, ENTITY_QUERY, { id });
    if (body.errors) throw new Error(`the cheap query does not answer cleanly: ${JSON.stringify(body.errors).slice(0, 300)}`);
  }
  const requests = actorIds.map((id) => ({
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: ENTITY_QUERY, variables: { id } }),
  }));
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: new URL('graphql', url).href, connections: CONNECTIONS, duration: SECONDS, requests }, (error, done) =>
      error ? reject(error) : resolve(done),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  const sorted = [...times].sort((a, b) => a - b);
  return {
    name,
    requestsPerSecond: result.requests.total / SECONDS,
    latency: summarise(times),
    p99: sorted[Math.ceil(0.99 * sorted.length) - 1] ?? NaN,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

export async function benchHeavyMix(set: { key: keyof typeof HEAVIEST; dir: string }, seed: number, log: (message: string) => void): Promise<HeavyMixFigures> {
  const actorIds = drawBenchInputs(set.key, await loadDatasetOrThrow(set.dir), seed, log).actors;
  const heavy = HEAVIEST[set.key];
  const server = await spawnServer([], { GRAPH_DIR: set.dir, NODE_ENV: 'production' });
  try {
    const alone = await driveCheap(server.url, 'cheap query (entity with relations), nothing else running', actorIds);
    const heavyAnswers: Record<string, number> = {};
    let running = true;
    const client = async () => {
      while (running) {
        const response = await fetch(new URL('graphql', server.url), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: heavy }),
        }).catch(() => null);
        const body = response ? ((await response.json().catch(() => ({}))) as { errors?: { extensions?: { code?: string } }[] }) : null;
        const key = response ? `${response.status}${body?.errors?.[0]?.extensions?.code ? ` ${body.errors[0].extensions.code}` : ''}` : 'failed';
        heavyAnswers[key] = (heavyAnswers[key] ?? 0) + 1;
        // A client told to come back later does, after a short wait, as a well-behaved one would.
        if (response?.status === 503) await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };
    const clients = Array.from({ length: HEAVY_CLIENTS }, client);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const mixed = await driveCheap(server.url, `cheap query, ${HEAVY_CLIENTS} clients sending the heaviest allowed query`, actorIds);
    running = false;
    await Promise.all(clients);
    return { alone, mixed, heavyAnswers };
  } finally {
    await server.stop();
  }
}
