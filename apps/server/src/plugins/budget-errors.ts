import type { GraphQLError } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/**
 * An answer that ran past a budget is that budget's error alone, for the
 * query as a whole (path [], no location): which field noticed first depends
 * on the order the executor completes fields in (graphql-js and a compiled
 * query differ) and on timing, so naming it would make the same query's
 * answer vary from run to run.
 */
export function useBudgetErrors(): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || !result.errors) return;
          const stopped = (result.errors as readonly GraphQLError[]).find((e) => e.extensions?.code === 'LIMIT_EXCEEDED');
          if (stopped) setResult({ data: null, errors: [wholeQuery(stopped)] });
        },
      };
    },
  };
}

const wholeQuery = (error: GraphQLError): GraphQLError =>
  error.path?.length === 0 && !error.locations ? error : createGraphQLError(error.message, { extensions: error.extensions, path: [] });
