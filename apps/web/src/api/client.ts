import type { Operations } from './generated/operations.ts';

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

declare const answer: unique symbol;

/**
 * A GraphQL document the code generator knows: its source, branded with the
 * name of its operation, whose answer and variables `pnpm codegen` typed
 * from the SDL (api/generated/operations.ts). Only `operation()` makes one.
 */
export type Operation<N extends keyof Operations> = string & { readonly [answer]: N };
export type Answer<N extends keyof Operations> = Operations[N]['result'];
export type Variables<N extends keyof Operations> = Operations[N]['variables'];

/**
 * Names a document by its operation, so `request` knows its types. The name
 * must be the one written in the source (checked here, once per document at
 * load): that is what ties the source to the generated types.
 */
export function operation<N extends keyof Operations>(name: N, source: string): Operation<N> {
  if (!new RegExp(`\\b(query|mutation)\\s+${name}\\b`).test(source)) throw new Error(`The document named ${name} is not the operation ${name}.`);
  return source as Operation<N>;
}

export const GRAPHQL_ENDPOINT = '/graphql';

/**
 * The longest the app waits for an answer. The server gives up on a query
 * after its own time-out (10 s by default); this ends the wait when the
 * server or the network never answers at all, so no spinner turns for ever.
 */
export const REQUEST_TIMEOUT_MS = 25_000;

export async function request<N extends keyof Operations>(query: Operation<N>, variables: Variables<N>, signal?: AbortSignal): Promise<Answer<N>> {
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
  let body: GraphQLBody<Answer<N>>;
  try {
    body = (await response.json()) as GraphQLBody<Answer<N>>;
  } catch {
    throw new ApiError(
      response.status >= 500 ? 'NETWORK' : 'INTERNAL_SERVER_ERROR',
      `The server answered ${response.status} ${response.statusText} without a GraphQL body.`,
      response.status,
    );
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.extensions?.code ?? 'INTERNAL_SERVER_ERROR', first.message, response.status, first.extensions?.suggestion ?? null);
  if (!body.data) throw new ApiError('INTERNAL_SERVER_ERROR', `The server answered ${response.status} with no data.`, response.status);
  return body.data;
}

/** An answer the view cannot do without: null (an id gone since the link was made) becomes NOT_FOUND. */
export function found<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new ApiError('NOT_FOUND', `${what} is not in the data.`);
  return value;
}

export const errorCode = (error: unknown): ApiErrorCode => (error instanceof ApiError ? error.code : 'INTERNAL_SERVER_ERROR');
