import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GraphQLError, ValidationContext } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { QUERY_LIMITS } from '../limits.ts';

type Limit = Exclude<keyof typeof QUERY_LIMITS, 'records'>;
type GraphQLArmorConfig = NonNullable<Parameters<typeof EnvelopArmorPlugin>[0]>;

/** armor's own message ("Syntax Error: Query depth limit of 12 exceeded, found 13.") without the misleading prefix, with a code and the limit's name. */
function limitError(limit: Limit, rejected: GraphQLError): GraphQLError {
  const detail = rejected.message.replace(/^Syntax Error: /, '');
  // yoga's own error class, so that a rejection thrown while parsing is a 400 to yoga, not an unexpected 500.
  return createGraphQLError(`The query is too large: ${detail} (limit "${limit}": ${QUERY_LIMITS[limit]}). Ask for less in one query.`, {
    extensions: { code: 'QUERY_TOO_COMPLEX', limit, max: QUERY_LIMITS[limit], http: { status: 400 } },
  });
}

/** Reports the rejection as a validation error of ours (the validation rules), or throws it (the token count, checked while parsing). */
const reject = (limit: Limit) => ({
  propagateOnRejection: false,
  exposeLimits: true,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) => {
      if (context) context.reportError(limitError(limit, error));
      else throw limitError(limit, error);
    },
  ],
});

export function armorConfig(dev: boolean): GraphQLArmorConfig {
  return {
    maxDepth: { n: QUERY_LIMITS.depth, flattenFragments: true, ...reject('depth') },
    maxAliases: { n: QUERY_LIMITS.aliases, ...reject('aliases') },
    maxDirectives: { n: QUERY_LIMITS.directives, ...reject('directives') },
    maxTokens: { n: QUERY_LIMITS.tokens, ...reject('tokens') },
    // Cost is ours (cost-limit.ts): armor's counts fields and ignores how long each list is, so lists nested in lists did not multiply.
    costLimit: { enabled: false },
    // Field suggestions ("did you mean …?") map the schema for an attacker; a developer wants them.
    blockFieldSuggestion: { enabled: !dev },
  };
}

export function useQueryLimits(dev: boolean): Plugin {
  return EnvelopArmorPlugin(armorConfig(dev));
}
