import { StoreError } from '@styrgraf/store';
import { GraphQLError, type GraphQLErrorOptions } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import { logOnce, redact } from './redact.ts';

/**
 * Error policy, in one place (a yoga hook, not code in resolvers): our own
 * errors keep their code and message; store errors become coded GraphQL
 * errors; anything else is masked as INTERNAL_SERVER_ERROR and logged.
 */
/**
 * graphql-js can be loaded twice (its ESM and CJS builds, by different
 * packages), so `instanceof GraphQLError` is unreliable across that line.
 */
function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === 'GraphQLError';
}

/** Where in the query an error arose, for the error that stands in for it: the fields it has, none given as undefined. */
function placeOf(error: unknown): Pick<GraphQLErrorOptions, 'nodes' | 'path'> {
  if (!isGraphQLError(error)) return {};
  return { ...(error.nodes && { nodes: error.nodes }), ...(error.path && { path: error.path }) };
}

export function maskError(error: unknown, message: string, isDev?: boolean): Error {
  const original = isGraphQLError(error) ? (error.originalError ?? error) : error;
  if (original instanceof StoreError) {
    // A store's message may name the database with its credentials (NEO4J_URI): the client sees it without them, the log in full.
    if (original.code === 'STORE_UNAVAILABLE') logOnce('store', `[styrgraf] store unavailable: ${original.message}`);
    return createGraphQLError(redact(original.message), {
      extensions: { code: original.code },
      ...placeOf(error),
    });
  }
  if (isGraphQLError(error) && (!error.originalError || isGraphQLError(error.originalError))) return error;
  if (!isDev) console.error('[styrgraf] internal error:', original);
  return createGraphQLError(isDev && original instanceof Error ? original.message : message, {
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
    ...placeOf(error),
  });
}

/** `suggestion` is the entity the server would have looked up instead ("did you mean"), for a client to offer as a link. */
export function notFound(message: string, argument?: string, suggestion?: { id: string; name: string }): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND', ...(argument ? { argument } : {}), ...(suggestion ? { suggestion } : {}) } });
}

export function badInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } });
}
