import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export function useBudgetErrors(): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || !result.errors) return;
          const stopped = (result.errors as readonly GraphQLError[]).find((e) => e.extensions?.code === 'LIMIT_EXCEEDED');
          if (stopped) setResult({ data: null, errors: [stopped] });
        },
      };
    },
  };
}
