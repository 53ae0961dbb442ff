import { createHash } from 'node:crypto';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { Plugin } from 'graphql-yoga';
import { APP_CSP } from './security-headers.ts';

type GraphiQLOptions = Parameters<typeof renderGraphiQL>[0];

export interface GraphiQLPage {
  /** yoga's `renderGraphiQL`. */
  render: (options: GraphiQLOptions) => string;
  /** The policy of the page rendered last (one server renders one page: its options do not change). */
  policy: () => string;
}

/**
 * GraphiQL from our own bundle: @graphql-yoga/render-graphiql carries the
 * editor in the package, so the page loads nothing from a CDN (yoga's
 * default page fetched its scripts from unpkg). The page is one HTML
 * document with its script inline, so its policy allows exactly that script
 * by its hash, and workers from the blob: URLs the script makes.
 */
export function createGraphiQLPage(): GraphiQLPage {
  let page = { key: '', html: '', policy: APP_CSP };
  return {
    render: (options) => {
      const key = JSON.stringify(options ?? {});
      if (key !== page.key) {
        const html = renderGraphiQL(options);
        page = { key, html, policy: policyFor(html) };
      }
      return page.html;
    },
    policy: () => page.policy,
  };
}

function policyFor(html: string): string {
  const hashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`);
  return APP_CSP.replace("script-src 'self'", `script-src 'self' ${hashes.join(' ')}`).replace("worker-src 'self' blob:", 'worker-src blob:');
}

/** Puts GraphiQL's policy on the page yoga renders with it (every other HTML the server sends is the web app's). */
export function useGraphiQLPolicy(page: GraphiQLPage): Plugin {
  return {
    onResponse({ response }) {
      if (response.headers.get('content-type')?.startsWith('text/html')) response.headers.set('content-security-policy', page.policy());
    },
  };
}
