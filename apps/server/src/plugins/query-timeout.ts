import type { GraphQLError } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/**
 * A query that has not answered within `ms` gets a QUERY_TIMEOUT error
 * instead of an answer, and the client its connection back. (Work that never
 * yields — one very large in-process traversal — cannot be cut short; the
 * argument caps keep that work small.)
 */
export function useQueryTimeout(ms: number): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args) => {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<{ errors: GraphQLError[] }>((resolve) => {
          timer = setTimeout(
            () =>
              resolve({
                errors: [
                  createGraphQLError(`The query did not finish within ${ms / 1000} s (limit "timeout"); ask for less, such as a smaller depth or maxLength.`, {
                    extensions: { code: 'QUERY_TIMEOUT', max: ms },
                  }),
                ],
              }),
            ms,
          );
        });
        try {
          return await Promise.race([executeFn(args), timeout]);
        } finally {
          clearTimeout(timer);
        }
      });
    },
  };
}
