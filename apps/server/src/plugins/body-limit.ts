import { createGraphQLError, type FetchAPI, type Plugin } from 'graphql-yoga';

/**
 * Refuses a request body over `maxBytes` (413) before it is read, and a POST
 * whose size is not declared (411): GraphQL clients always send
 * Content-Length, and a declared size is what lets the limit hold without
 * buffering an unbounded stream. A declared size must be one whole number
 * (400 otherwise), and HTTP framing then holds the body to it; a body of
 * undeclared size that still gets here (in process, through `yoga.fetch`) is
 * counted as it is read. This replaces yoga's own limit
 * (`maxRequestBodySize`), which piped every body through a TransformStream
 * whether its size was known or not (5% of an entity query's time).
 */
export function useBodyLimit(maxBytes: number): Plugin {
  return {
    onRequest(payload) {
      const { request, fetchAPI } = payload;
      if (request.method !== 'POST') return;
      const declared = request.headers.get('content-length');
      const size = declared === null ? NaN : Number(declared);
      const refuse = (status: number, message: string, code: string) =>
        payload.endResponse(
          new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code, max: maxBytes } }] }), {
            status,
            headers: { 'content-type': 'application/json; charset=utf-8' },
          }),
        );
      if (declared === null && request.body !== null && request.headers.get('transfer-encoding') !== null) {
        refuse(411, `Send the request with a Content-Length header (at most ${maxBytes} bytes).`, 'LENGTH_REQUIRED');
      } else if (declared !== null && !/^\d+$/.test(declared)) {
        refuse(400, `The Content-Length header must be one whole number of bytes; got ${JSON.stringify(declared.slice(0, 40))}.`, 'BAD_REQUEST');
      } else if (size > maxBytes) {
        payload.endResponse(
          new fetchAPI.Response(payloadTooLarge(size, maxBytes), { status: 413, headers: { 'content-type': 'application/json; charset=utf-8' } }),
        );
      }
    },
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      if (!requestParser || request.body === null || request.headers.get('content-length') !== null) return;
      setRequestParser((unsized) => requestParser(countedBody(unsized, maxBytes, fetchAPI)));
    },
  };
}

/** The request with its body counted as it is read, failing with PAYLOAD_TOO_LARGE past `maxBytes`. */
function countedBody(request: Request, maxBytes: number, fetchAPI: FetchAPI): Request {
  let read = 0;
  // A native stream (yoga.fetch in process) pipes only through a native TransformStream, a ponyfill one (node:http) through the ponyfill's.
  const Transform = request.body instanceof ReadableStream ? TransformStream : fetchAPI.TransformStream;
  const counted = request.body!.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength;
        if (read > maxBytes) {
          controller.error(
            createGraphQLError(`The request body is over ${maxBytes} bytes (limit "body size").`, {
              extensions: { code: 'PAYLOAD_TOO_LARGE', max: maxBytes, http: { status: 413 } },
            }),
          );
        } else {
          controller.enqueue(chunk);
        }
      },
    }),
  );
  return new fetchAPI.Request(request.url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    body: counted,
    duplex: 'half',
  } as RequestInit);
}

/** The 413 answer, shared by the HTTP layer and the yoga plugin. */
export function payloadTooLarge(size: number, maxBytes: number): string {
  return JSON.stringify({
    errors: [
      {
        message: `The request body is ${size} bytes; at most ${maxBytes} are accepted (limit "body size").`,
        extensions: { code: 'PAYLOAD_TOO_LARGE', max: maxBytes },
      },
    ],
  });
}
