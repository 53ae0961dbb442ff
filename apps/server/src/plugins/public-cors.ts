import type { Plugin } from 'graphql-yoga';

const HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST',
  'access-control-allow-headers': 'content-type, accept',
  'access-control-max-age': '600',
};

/**
 * CORS_ORIGINS=*: any page may read the API, as a public data set, and
 * never with the visitor's credentials, so the answer is a plain `*` with no
 * Allow-Credentials. (yoga's CORS, given "*", echoes the caller's origin and
 * allows credentials, which is what "*" is meant to rule out.)
 */
export function usePublicCors(): Plugin {
  return {
    onRequest(payload) {
      const { request, fetchAPI } = payload;
      if (request.method === 'OPTIONS' && request.headers.has('origin')) payload.endResponse(new fetchAPI.Response(null, { status: 204, headers: HEADERS }));
    },
    onResponse({ response }) {
      for (const [name, value] of Object.entries(HEADERS)) response.headers.set(name, value);
    },
  };
}
