import type { ExecutionResult, GraphQLError } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { RequestWork } from '../request-work.ts';

export function queryTimeoutError(ms: number): GraphQLError {
  return createGraphQLError(`The query did not finish within ${ms / 1000} s (limit "timeout"); ask for less, such as a smaller depth or maxLength.`, {
    extensions: { code: 'QUERY_TIMEOUT', max: ms },
  });
}

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
        }
      });
    },
  };
}
