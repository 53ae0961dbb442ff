import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Below this an answer goes as it is: compressing a few hundred bytes saves less than it costs. */
export const COMPRESS_ABOVE_BYTES = 1_024;

export type AnswerEncoding = 'br' | 'gzip';

/**
 * The encoding to answer in, from an Accept-Encoding header: brotli before
 * gzip when both are allowed, nothing when neither is or each is refused
 * with q=0 (RFC 9110 §12.5.3; `*` allows both).
 */
export function chooseEncoding(acceptEncoding: string | null): AnswerEncoding | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const weight = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = weight ? Number(weight.slice(2)) : 1;
    q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const allowed = (name: AnswerEncoding) => (q.get(name) ?? q.get('*') ?? 0) > 0;
  if (allowed('br')) return 'br';
  if (allowed('gzip')) return 'gzip';
  return null;
}

/**
 * Compresses GraphQL answers over COMPRESS_ABOVE_BYTES for a client that
 * accepts it: brotli at a fast level (4: most of the gain at a few ms for a
 * megabyte) or gzip at its default. A view of a municipality runs to
 * hundreds of kilobytes of repetitive JSON, which shrinks some tenfold.
 * Every answer says it varies by Accept-Encoding, so a cache in between
 * never hands a compressed answer to a client that cannot read it.
 */
export function useAnswerCompression(threshold = COMPRESS_ABOVE_BYTES): Plugin {
  return {
    async onResponse(payload) {
      const { request, response, fetchAPI } = payload;
      if (!new URL(request.url).pathname.startsWith('/graphql')) return;
      response.headers.append('vary', 'Accept-Encoding');
      const encoding = chooseEncoding(request.headers.get('accept-encoding'));
      const type = response.headers.get('content-type') ?? '';
      // GraphiQL's page and streamed answers (event streams) go as they are.
      if (!encoding || !response.body || response.headers.has('content-encoding') || !/json/.test(type)) return;
      const body = Buffer.from(await response.arrayBuffer());
      const headers = new fetchAPI.Headers(response.headers);
      if (body.length <= threshold) {
        payload.setResponse(new fetchAPI.Response(body, { status: response.status, statusText: response.statusText, headers }));
        return;
      }
      const compressed =
        encoding === 'br'
          ? await brotli(body, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: 4,
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
              },
            })
          : await gzipAsync(body);
      headers.set('content-encoding', encoding);
      headers.set('content-length', String(compressed.length));
      payload.setResponse(new fetchAPI.Response(compressed, { status: response.status, statusText: response.statusText, headers }));
    },
  };
}
