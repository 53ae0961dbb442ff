import { startServer, type RunningServer } from '@styrgraf/server';

/** A real server on a free loopback port, on the embedded store and graph/. */
export async function startTestServer(env: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  return startServer({ port: 0, host: '127.0.0.1' }, { ...env, PORT: '0' });
}

export interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; argument?: string } }[];
}

/** POSTs a GraphQL document over HTTP and returns status and body. */
export async function gql<T = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ status: number; body: GraphQLResponse<T> }> {
  const response = await fetch(new URL('graphql', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<T> };
}
