/**
 * Throughput and latency over real HTTP: the real server in its own process
 * (as `pnpm start` runs it) and a bare graphql-yoga answering a constant, one
 * after the other under the same load from autocannon in this process.
 */
import autocannon from 'autocannon';
import { gql, spawnServer } from '../helpers/server.ts';
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

/** The ceiling: a bare yoga answering `{ hello }`. */
export async function benchCeiling(): Promise<HttpFigures> {
  const bare = await spawnServer([], {}, 'test/bench/bare-yoga.ts');
  try {
    return await drive(bare.url, { name: 'bare yoga { hello }', query: '{ hello }', variables: [{}] });
  } finally {
    await bare.stop();
  }
}

/** The real server on `graphDir`, in production mode. */
export async function benchServer(graphDir: string, queries: HttpQuery[]): Promise<HttpFigures[]> {
  const server = await spawnServer([], { GRAPH_DIR: graphDir, NODE_ENV: 'production' });
  try {
    const figures: HttpFigures[] = [];
    for (const q of queries) figures.push(await drive(server.url, q));
    return figures;
  } finally {
    await server.stop();
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
