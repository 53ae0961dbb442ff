import type { ServerResponse } from 'node:http';

/**
 * Headers every response carries, the API's, the web app's and the errors
 * Node answers itself: no content sniffing, no framing by another site, no
 * referrer sent on, and a content security policy the web app satisfies
 * (its scripts and styles are files of its own; canvas exports are data:
 * and blob: URLs). GraphiQL gets a policy of its own (graphiql.ts).
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // React and Cytoscape set style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': APP_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

/** Sets the headers before anything answers; a response may still replace one (GraphiQL its policy). */
export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

/** The same headers as lines of a raw HTTP response, for answers written to the socket. */
export function securityHeaderLines(): string {
  return Object.entries(SECURITY_HEADERS)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
}
