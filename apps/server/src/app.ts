import type { Store } from '@styrgraf/store';
import { createYoga, type YogaServerInstance, type YogaServerOptions } from 'graphql-yoga';
import type { Config } from './config.ts';
import { createContext, type Context } from './context.ts';
import { admissionFor } from './limits.ts';
import { maskError } from './errors.ts';
import { useAnswerCompression } from './http/compress-answers.ts';
import { createGraphiQLPage, useGraphiQLPolicy } from './http/graphiql.ts';
import {
  useAdmission,
  useArgumentCaps,
  useBodyLimit,
  useCompiledExecution,
  useBudgetErrors,
  useCooperativeExecution,
  useCostLimit,
  useCsrfPrevention,
  useHealth,
  usePublicCors,
  useQueryLimits,
  useQueryTimeout,
  useRecordBudget,
  useRequestParamErrors,
} from './plugins/index.ts';
import type { ExecutionPath } from './plugins/compiled-execution.ts';
import { boundedParserCache } from './plugins/document-cache.ts';
import { isReloadingStore } from './reload.ts';
import { buildSchema } from './schema.ts';

/** The query GraphiQL opens with: the README's first question, and one the limits must always let through. */
export const EXAMPLE_QUERY = /* GraphQL */ `
  # Vem beslutar om en kontorschefs anställning, och vem ska höras?
  query VemBeslutar {
    decisionArea(id: "da-anstallning-kontorschef") {
      name
      summary
      participants {
        roleLabel
        actor {
          id
          name
        }
        provisions {
          id
          section
          text
        }
      }
    }
  }
`;

export type StyrgrafYoga = YogaServerInstance<object, Context>;

export type ServerOptions = Partial<Pick<Config, 'dev' | 'corsOrigins' | 'maxBodyBytes' | 'queryTimeoutMs' | 'graphiql'>> & {
  /** How long a request's resolvers run before they let others in (request-work.ts); a test that counts store calls per level asks for one long slice. */
  sliceMs?: number;
  /** Hardening plugins to leave out, by name: only for the profile that measures what each one costs (test/bench/http-profile.ts). */
  without?: readonly PluginName[];
  /** Told, for each execution, whether it ran a compiled query: only for the test that shows which path runs. */
  observeExecution?: (path: ExecutionPath) => void;
};

/** The hardening defaults when a caller (a test, a benchmark) gives none: the same as readConfig's. */
export const DEFAULTS = { dev: false, corsOrigins: [] as string[], maxBodyBytes: 100_000, queryTimeoutMs: 10_000, graphiql: true };

/** The server's plugins by name, in the order they wrap execution. */
export const PLUGIN_NAMES = [
  'publicCors',
  'bodyLimit',
  'health',
  'csrf',
  'requestParamErrors',
  'graphiqlPolicy',
  'queryLimits',
  'argumentCaps',
  'compiledExecution',
  'queryTimeout',
  'admission',
  'costLimit',
  'recordBudget',
  'cooperative',
  'budgetErrors',
  'compression',
] as const;
export type PluginName = (typeof PLUGIN_NAMES)[number];
type ServerPlugin = NonNullable<YogaServerOptions<object, Context>['plugins']>[number];

/** The public entry: the GraphQL server over a store, with the settings a caller (start, a test, the bench) gives. */
export function createServer({ store, ...options }: ServerOptions & { store: Store }): StyrgrafYoga {
  return createStyrgrafYoga(store, options);
}

export function createStyrgrafYoga(store: Store, options: ServerOptions = {}): StyrgrafYoga {
  const { dev, corsOrigins, maxBodyBytes, queryTimeoutMs, graphiql, sliceMs, without = [], observeExecution } = { ...DEFAULTS, ...options };
  const graphiqlPage = createGraphiQLPage();
  // An execute wrapper set by a later plugin runs outside those set by earlier ones: the cost is checked first, then admission waits for a place, then the timeout's clock starts.
  const plugins: [PluginName, ServerPlugin][] = [
    ...(corsOrigins.includes('*') ? [['publicCors', usePublicCors()] as [PluginName, ServerPlugin]] : []),
    ['bodyLimit', useBodyLimit(maxBodyBytes)],
    ['health', useHealth(store)],
    ['csrf', useCsrfPrevention()],
    ['requestParamErrors', useRequestParamErrors()],
    ['graphiqlPolicy', useGraphiQLPolicy(graphiqlPage)],
    ['queryLimits', useQueryLimits(dev)],
    ['argumentCaps', useArgumentCaps()],
    // The base executor (compiled queries, graphql-js otherwise): every execute wrapper below wraps it.
    ['compiledExecution', useCompiledExecution(observeExecution)],
    ['queryTimeout', useQueryTimeout(queryTimeoutMs)],
    ['admission', useAdmission(admissionFor(store.engine))],
    ['costLimit', useCostLimit(store)],
    ['recordBudget', useRecordBudget()],
    ['cooperative', useCooperativeExecution()],
    ['budgetErrors', useBudgetErrors()],
    ['compression', useAnswerCompression()],
  ];
  return createYoga<object, Context>({
    schema: buildSchema(),
    // A reloading store is pinned per request, so that one answer never mixes two versions of the graph.
    context: ({ request }) => createContext(isReloadingStore(store) ? store.snapshot() : store, request.signal, sliceMs),
    graphqlEndpoint: '/graphql',
    // Yoga's own liveness check; /health (readiness, with data) is ours.
    healthCheckEndpoint: '/livez',
    maskedErrors: { maskError, errorMessage: 'Internal server error', isDev: dev },
    graphiql: graphiql ? { title: 'Styrgraf GraphQL', defaultQuery: EXAMPLE_QUERY } : false,
    renderGraphiQL: graphiqlPage.render,
    landingPage: false,
    logging: dev ? 'debug' : 'warn',
    // The web app is served from this same origin; other origins only when CORS_ORIGINS names them ("*" is usePublicCors).
    cors: corsOrigins.length === 0 || corsOrigins.includes('*') ? false : { origin: corsOrigins, methods: ['GET', 'POST'], maxAge: 600 },
    // One operation per request: a batch would multiply every limit below by its length.
    batching: false,
    // Bounded by the text it holds, not by entry count (plugins/document-cache.ts).
    parserAndValidationCache: boundedParserCache(),
    // useBodyLimit holds the body size (and counts a body of undeclared size); yoga's own check would pipe every body through a stream again.
    maxRequestBodySize: false,
    plugins: plugins.filter(([name]) => !without.includes(name)).map(([, plugin]) => plugin),
  });
}
