import { createGraphQLError, type Plugin } from 'graphql-yoga';

/** Content types a page on another site can POST without the browser asking the server first (a CORS preflight). */
const SIMPLE_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
/** Headers that only a script can set, and so only after a preflight: yoga's and Apollo's names. */
const PREFLIGHT_HEADERS = ['x-graphql-yoga-csrf', 'apollo-require-preflight'];

/**
 * Cross-site request forgery: a page on another site can make a visitor's
 * browser POST a form (or text/plain) here without asking. Such a POST is
 * refused (403) unless it carries a header that only a script can set after
 * a preflight, the rule of yoga's and Apollo's CSRF prevention. JSON posts
 * (the web app, GraphiQL, curl with a content type) pass. GET is left to the
 * browser's same-origin rule: it runs queries only (yoga refuses mutations
 * over GET, and the API has none), and another site cannot read the answer.
 */
export function useCsrfPrevention(): Plugin {
  return {
    onRequestParse({ request }) {
      if (request.method !== 'POST') return;
      const type = (request.headers.get('content-type') ?? '').toLowerCase();
      const simple = type === '' || SIMPLE_CONTENT_TYPES.some((t) => type.startsWith(t));
      if (!simple || PREFLIGHT_HEADERS.some((h) => request.headers.has(h))) return;
      throw createGraphQLError(
        `A POST with content type "${type || 'none'}" could come from a form on another site; send JSON (content-type: application/json), or set the x-graphql-yoga-csrf header.`,
        { extensions: { code: 'CSRF_PREVENTED', http: { status: 403 } } },
      );
    },
  };
}
