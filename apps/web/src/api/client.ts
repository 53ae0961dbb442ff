/**
 * The explorer's only way to the data: POST /graphql on the same origin.
 * Every failure becomes an ApiError with a code, so the UI can say what
 * happened (the server's STORE_UNAVAILABLE, a lost connection, …).
 */
export type ApiErrorCode = 'STORE_UNAVAILABLE' | 'NETWORK' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'QUERY_TIMEOUT' | 'INTERNAL_SERVER_ERROR' | (string & {});

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export const GRAPHQL_ENDPOINT = '/graphql';

export async function request<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('NETWORK', error instanceof Error ? error.message : String(error));
  }
  let body: GraphQLBody<T>;
  try {
    body = (await response.json()) as GraphQLBody<T>;
  } catch {
    throw new ApiError(response.status >= 500 ? 'NETWORK' : 'INTERNAL_SERVER_ERROR', `The server answered ${response.status} ${response.statusText} without a GraphQL body.`, response.status);
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.extensions?.code ?? 'INTERNAL_SERVER_ERROR', first.message, response.status);
  if (!body.data) throw new ApiError('INTERNAL_SERVER_ERROR', `The server answered ${response.status} with no data.`, response.status);
  return body.data;
}

export const errorCode = (error: unknown): ApiErrorCode => (error instanceof ApiError ? error.code : 'INTERNAL_SERVER_ERROR');
