import type { Store } from '@styrgraf/store';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
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
import { boundedParserCache } from './plugins/document-cache.ts';
import { isReloadingStore } from './reload.ts';
import { buildSchema } from './schema.ts';

const EXAMPLE_QUERY = /* GraphQL */ `# Vem beslutar om en kontorschefs anställning, och vem ska höras?
query VemBeslutar {
  decisionArea(id: "da-anstallning-kontorschef") {
    name
    summary
    participants {
      roleLabel
      actor { id name }
      provisions { id section text }
    }
  }
}
`;

export type StyrgrafYoga = YogaServerInstance<object, Context>;

export type ServerOptions = Partial<Pick<Config, 'dev' | 'corsOrigins' | 'maxBodyBytes' | 'queryTimeoutMs' | 'graphiql'>> & {
  /** How long a request's resolvers run before they let others in (request-work.ts); a test that counts store calls per level asks for one long slice. */
  sliceMs?: number;
};

/** The hardening defaults when a caller (a test, a benchmark) gives none: the same as readConfig's. */
export const DEFAULTS = { dev: false, corsOrigins: [] as string[], maxBodyBytes: 100_000, queryTimeoutMs: 10_000, graphiql: true };

export function createStyrgrafYoga(store: Store, options: ServerOptions = {}): StyrgrafYoga {
  const { dev, corsOrigins, maxBodyBytes, queryTimeoutMs, graphiql, sliceMs } = { ...DEFAULTS, ...options };
  const graphiqlPage = createGraphiQLPage();
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
    // An execute wrapper set by a later plugin runs outside those set by earlier ones: the cost is checked first, then admission waits for a place, then the timeout's clock starts.
    plugins: [
      ...(corsOrigins.includes('*') ? [usePublicCors()] : []),
      useBodyLimit(maxBodyBytes),
      useHealth(store),
      useCsrfPrevention(),
      useRequestParamErrors(),
      useGraphiQLPolicy(graphiqlPage),
      useQueryLimits(dev),
      useArgumentCaps(),
      useQueryTimeout(queryTimeoutMs),
      useAdmission(admissionFor(store.engine)),
      useCostLimit(store),
      useRecordBudget(),
      useCooperativeExecution(),
      useBudgetErrors(),
      useAnswerCompression(),
    ],
  });
}
