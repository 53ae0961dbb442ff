import type { ExecutionResult, GraphQLError } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { RequestWork } from '../request-work.ts';

export function queryTimeoutError(ms: number): GraphQLError {
  return createGraphQLError(`The query did not finish within ${ms / 1000} s (limit "timeout"); ask for less, such as a smaller depth or maxLength.`, {
    extensions: { code: 'QUERY_TIMEOUT', max: ms },
  });
}

/** The reason given to whatever of a request's work is still running when its answer is ready: nobody reads it. */
export const ANSWERED = createGraphQLError('The answer to this request has already been given.', { extensions: { code: 'ANSWERED' }, path: [] });

/**
 * A query that has not answered within `ms` gets a QUERY_TIMEOUT error
 * instead of an answer, and its work stops: the timer cancels the request
 * (request-work.ts), so its resolvers and store calls end at their next
 * turn. The timer can fire at all because that work runs in slices.
 */
export function useQueryTimeout(ms: number): Plugin {
  return {
    onExecute({ setExecuteFn, executeFn }) {
      setExecuteFn(async (args) => {
        const work = (args.contextValue as { work?: RequestWork }).work;
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<ExecutionResult>((resolve) => {
          timer = setTimeout(() => {
            const error = queryTimeoutError(ms);
            work?.cancel(error);
            resolve({ errors: [error] });
          }, ms);
        });
        try {
          return await Promise.race([executeFn(args) as Promise<ExecutionResult>, timedOut]);
        } finally {
          clearTimeout(timer);
          // graphql-js answers as soon as an error reaches a field that cannot be null, while the fields it already started go on
          // resolving; nobody will read what they find. Once there is an answer, the request's work ends.
          work?.cancel(ANSWERED);
        }
      });
    },
  };
}
