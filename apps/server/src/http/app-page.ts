import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Store } from '@styrgraf/store';

/** The meta tag the web app reads before its first question (apps/web/src/app/first-questions.ts). */
export const MUNICIPALITIES_META = 'styrgraf-municipalities';

interface Page {
  etag: string;
  bodies: { br: Buffer; gzip: Buffer; identity: Buffer };
}

/**
 * The web app's page (index.html) with the data set's number of
 * municipalities written in, so that the app knows at once, before any
 * answer, whether its first screen is the country's overview: on a data set
 * of one municipality it then never asks for an overview it would not use,
 * and on the country it asks without waiting for the answer about the data
 * set. Built once, on the first request (the build's page is read once, as
 * the rest of the build is), compressed once, revalidated by its ETag.
 */
export function createAppPage(webDir: string, store: Store): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  let page: Promise<Page> | null = null;
  const build = async (): Promise<Page> => {
    const count = (await store.municipalities()).municipalities.length;
    const html = readFileSync(join(webDir, 'index.html'), 'utf8').replace('</head>', `  <meta name="${MUNICIPALITIES_META}" content="${count}" />\n  </head>`);
    const identity = Buffer.from(html);
    return {
      etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}"`,
      bodies: { identity, br: brotliCompressSync(identity), gzip: gzipSync(identity) },
    };
  };
  return async (req, res) => {
    page ??= build().catch((error: unknown) => {
      // A store that failed once is asked again on the next load.
      page = null;
      throw error;
    });
    const { etag, bodies } = await page;
    res.setHeader('etag', etag);
    res.setHeader('cache-control', 'no-cache');
    res.setHeader('vary', 'accept-encoding');
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304).end();
      return;
    }
    const accepts = String(req.headers['accept-encoding'] ?? '');
    const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : 'identity';
    const body = bodies[encoding];
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': body.length,
      ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
