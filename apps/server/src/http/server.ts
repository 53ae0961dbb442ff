import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { Store } from '@styrgraf/store';
import sirv from 'sirv';
import { createStyrgrafYoga, DEFAULTS, type ServerOptions, type StyrgrafYoga } from '../app.ts';
import type { Config } from '../config.ts';
import { payloadTooLarge } from '../plugins/index.ts';
import { createAppPage } from './app-page.ts';
import { createExportHandler, EXPORT_PATH } from './export.ts';
import { securityHeaderLines, setSecurityHeaders } from './security-headers.ts';

export type HttpOptions = Pick<Config, 'webDir'> & ServerOptions & Partial<Pick<Config, 'headersTimeoutMs' | 'requestTimeoutMs' | 'maxConnections'>>;

/** Node's answers to requests it refuses before they reach us, by its error code. */
const CLIENT_ERRORS: Record<string, [status: string, message: string, code: string]> = {
  HPE_HEADER_OVERFLOW: [
    '431 Request Header Fields Too Large',
    'The request line or headers are over 16 KB; send a long query as a POST body.',
    'HEADERS_TOO_LARGE',
  ],
  ERR_HTTP_REQUEST_TIMEOUT: ['408 Request Timeout', 'The request did not arrive in time; the connection is closed.', 'REQUEST_TIMEOUT'],
};

/**
 * One HTTP server for the API, the health check and the built web app, with
 * Node's own defences set: a client that trickles its headers or its body
 * gets 408 and loses the connection once the timeout passes (checked every
 * second, not Node's default 30), and past `maxConnections` new connections
 * are closed at once, so that slow clients cannot hold every socket.
 */
export function createHttpServer(store: Store, config: HttpOptions): { server: Server; yoga: StyrgrafYoga } {
  const yoga = createStyrgrafYoga(store, config);
  const web = existsSync(config.webDir)
    ? {
        // The app's routes all answer with index.html; a file under /assets/ that is not there is a 404, not the app.
        // index.html and the other unhashed files are revalidated on every load (sirv's no-cache with an ETag), so a new build is seen at once;
        // the build's hashed files under /assets/ never change under their name and are cached for a year without asking.
        // Both are served from the brotli or gzip copies the build wrote (apps/web/scripts/precompress.mjs) when the client accepts them.
        app: sirv(config.webDir, { single: true, etag: true, gzip: true, brotli: true, setHeaders: (res) => res.setHeader('cache-control', 'no-cache') }),
        files: sirv(config.webDir, { etag: true, gzip: true, brotli: true, maxAge: 31_536_000, immutable: true }),
        // The app's page itself (its routes are paths without a file extension) carries the data set's municipality count.
        page: createAppPage(config.webDir, store),
      }
    : null;
  const exports = createExportHandler(store);
  const maxBodyBytes = config.maxBodyBytes ?? DEFAULTS.maxBodyBytes;
  const headersTimeout = config.headersTimeoutMs ?? 10_000;
  const server = createServer(
    { headersTimeout, requestTimeout: config.requestTimeoutMs ?? 30_000, connectionsCheckingInterval: Math.min(1_000, headersTimeout) },
    (req, res) => {
      setSecurityHeaders(res);
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
      if (path.startsWith(EXPORT_PATH)) {
        exports(req, res).catch((error: unknown) => {
          console.error('[styrgraf] export failed:', error);
          res.destroy();
        });
        return;
      }
      if (!web || path.startsWith('/graphql') || path === '/health' || path === '/livez') {
        void yoga(req, res);
        return;
      }
      const notFound = () => {
        res.statusCode = 404;
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        res.end('Not found');
      };
      if (path === '/index.html' || (!path.startsWith('/assets/') && !/\.\w+$/.test(path))) {
        web.page(req, res).catch((error: unknown) => {
          console.error('[styrgraf] the app page failed:', error);
          if (!res.headersSent) res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
          res.end('The data set is not available; try again.');
        });
        return;
      }
      (path.startsWith('/assets/') ? web.files : web.app)(req, res, notFound);
    },
  );
  server.maxConnections = config.maxConnections ?? 1_000;
  // Requests Node refuses before they reach yoga (a URL or headers over 16 KB, a malformed request line, a request too slow to arrive) still get a GraphQL-shaped answer, and the socket goes.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const [status, message, code] = CLIENT_ERRORS[error.code ?? ''] ?? ['400 Bad Request', 'The request is not valid HTTP.', 'BAD_REQUEST'];
    const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
    socket.end(
      `HTTP/1.1 ${status}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n${securityHeaderLines()}connection: close\r\n\r\n${body}`,
    );
    // A client that reads nothing back does not keep the socket either.
    setTimeout(() => socket.destroy(), 1_000).unref();
  });
  return { server, yoga };
}
