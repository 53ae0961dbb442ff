import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { Store } from '@styrgraf/store';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import sirv from 'sirv';
import type { Config } from './config.ts';
import { createContext, type Context } from './context.ts';
import { maskError } from './errors.ts';
import { payloadTooLarge, useAdmission, useArgumentCaps, useBodyLimit, useBudgetErrors, useCooperativeExecution, useCostLimit, useHealth, useQueryLimits, useQueryTimeout, useRecordBudget } from './plugins/index.ts';
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

export type ServerOptions = Partial<Pick<Config, 'dev' | 'corsOrigins' | 'maxBodyBytes' | 'queryTimeoutMs'>> & {
  /** How long a request's resolvers run before they let others in (request-work.ts); a test that counts store calls per level asks for one long slice. */
  sliceMs?: number;
};

/** The hardening defaults when a caller (a test, a benchmark) gives none: the same as readConfig's. */
const DEFAULTS = { dev: false, corsOrigins: [] as string[], maxBodyBytes: 100_000, queryTimeoutMs: 10_000 };

export function createStyrgrafYoga(store: Store, options: ServerOptions = {}): StyrgrafYoga {
  const { dev, corsOrigins, maxBodyBytes, queryTimeoutMs, sliceMs } = { ...DEFAULTS, ...options };
  return createYoga<object, Context>({
    schema: buildSchema(),
    // A reloading store is pinned per request, so that one answer never mixes two versions of the graph.
    context: ({ request }) => createContext(isReloadingStore(store) ? store.snapshot() : store, request.signal, sliceMs),
    graphqlEndpoint: '/graphql',
    // Yoga's own liveness check; /health (readiness, with data) is ours.
    healthCheckEndpoint: '/livez',
    maskedErrors: { maskError, errorMessage: 'Internal server error', isDev: dev },
    graphiql: { title: 'Styrgraf GraphQL', defaultQuery: EXAMPLE_QUERY },
    landingPage: false,
    logging: dev ? 'debug' : 'warn',
    // The web app is served from this same origin; other origins only when CORS_ORIGINS names them.
    cors: corsOrigins.length === 0 ? false : { origin: corsOrigins.includes('*') ? '*' : corsOrigins, methods: ['GET', 'POST'], maxAge: 600 },
    // One operation per request: a batch would multiply every limit below by its length.
    batching: false,
    // useBodyLimit holds the body size (and counts a body of undeclared size); yoga's own check would pipe every body through a stream again.
    maxRequestBodySize: false,
    // An execute wrapper set by a later plugin runs outside those set by earlier ones: the cost is checked first, then admission waits for a place, then the timeout's clock starts.
    plugins: [useBodyLimit(maxBodyBytes), useHealth(store), useQueryLimits(dev), useArgumentCaps(), useQueryTimeout(queryTimeoutMs), useAdmission(), useCostLimit(store), useRecordBudget(), useCooperativeExecution(), useBudgetErrors()],
  });
}

/** One HTTP server for the API, the health check and the built web app. */
export function createHttpServer(store: Store, config: Pick<Config, 'webDir'> & ServerOptions): { server: Server; yoga: StyrgrafYoga } {
  const yoga = createStyrgrafYoga(store, config);
  const assets = existsSync(config.webDir) ? sirv(config.webDir, { single: true, etag: true, gzip: true, brotli: true }) : null;
  const maxBodyBytes = config.maxBodyBytes ?? DEFAULTS.maxBodyBytes;
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBodyBytes) {
      // Answer first, then read and drop what the client is still sending (up to a bound), so it gets the 413 rather than a reset.
      const body = payloadTooLarge(declared, maxBodyBytes);
      res.writeHead(413, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
      let drained = 0;
      req.on('data', (chunk: Buffer) => {
        drained += chunk.length;
        if (drained > 10 * maxBodyBytes) req.destroy();
      });
      return;
    }
    if (!assets || path.startsWith('/graphql') || path === '/health' || path === '/livez') {
      void yoga(req, res);
      return;
    }
    assets(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });
  // Requests Node refuses before they reach yoga (a URL or headers over 16 KB, a malformed request line) still get a GraphQL-shaped answer.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const [status, message, code] = tooLarge
      ? ['431 Request Header Fields Too Large', 'The request line or headers are over 16 KB; send a long query as a POST body.', 'HEADERS_TOO_LARGE']
      : ['400 Bad Request', 'The request is not valid HTTP.', 'BAD_REQUEST'];
    const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
    socket.end(`HTTP/1.1 ${status}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  });
  // A client that trickles its request or never finishes it loses the connection rather than holding it.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  return { server, yoga };
}
