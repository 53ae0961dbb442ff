/**
 * The explorer's only way to the data: POST /graphql on the same origin.
 * Every failure becomes an ApiError with a code, so the UI can say what
 * happened (the server's STORE_UNAVAILABLE, a lost connection, …).
 */
export type ApiErrorCode = 'STORE_UNAVAILABLE' | 'NETWORK' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'QUERY_TIMEOUT' | 'INTERNAL_SERVER_ERROR' | (string & {});

/** What the server proposes instead of an id it does not know (NOT_FOUND's "did you mean"). */
export interface Suggestion {
  id: string;
  name: string;
}

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly status?: number,
    readonly suggestion: Suggestion | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; suggestion?: Suggestion } }[];
}

export const GRAPHQL_ENDPOINT = '/graphql';

/**
 * The longest the app waits for an answer. The server gives up on a query
 * after its own time-out (10 s by default); this ends the wait when the
 * server or the network never answers at all, so no spinner turns for ever.
 */
export const REQUEST_TIMEOUT_MS = 25_000;

export async function request<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  let response: Response;
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    if (timeout.aborted) throw new ApiError('QUERY_TIMEOUT', `No answer from the server within ${REQUEST_TIMEOUT_MS / 1000} s.`);
    throw new ApiError('NETWORK', error instanceof Error ? error.message : String(error));
  }
  let body: GraphQLBody<T>;
  try {
    body = (await response.json()) as GraphQLBody<T>;
  } catch {
    throw new ApiError(response.status >= 500 ? 'NETWORK' : 'INTERNAL_SERVER_ERROR', `The server answered ${response.status} ${response.statusText} without a GraphQL body.`, response.status);
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.extensions?.code ?? 'INTERNAL_SERVER_ERROR', first.message, response.status, first.extensions?.suggestion ?? null);
  if (!body.data) throw new ApiError('INTERNAL_SERVER_ERROR', `The server answered ${response.status} with no data.`, response.status);
  return body.data;
}

export const errorCode = (error: unknown): ApiErrorCode => (error instanceof ApiError ? error.code : 'INTERNAL_SERVER_ERROR');
