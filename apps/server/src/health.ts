import type { Store } from '@styrgraf/store';
import type { Plugin } from 'graphql-yoga';

/**
 * GET /health: 200 with the data version and counts when the store answers,
 * 503 with the reason when it does not. Load balancers and the web app's
 * status line read it.
 */
export function useHealth(store: Store, path = '/health'): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== path) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
        return;
      }
      const headers = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
      try {
        const info = await store.info();
        const body = {
          status: 'ok',
          engine: info.engine,
          dataset: { id: info.datasetId, name: info.name.sv, version: info.version, digest: info.digest },
          counts: {
            entities: info.entityCount,
            relations: info.relationCount,
            byKind: info.entitiesByKind,
            byFamily: info.relationsByFamily,
          },
        };
        endResponse(new fetchAPI.Response(JSON.stringify(body), { status: 200, headers }));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const code = (error as { code?: string }).code ?? 'STORE_UNAVAILABLE';
        // Retry-After: the store checks again on its own within seconds; a load balancer need not hammer it.
        endResponse(
          new fetchAPI.Response(JSON.stringify({ status: 'unavailable', engine: store.engine, code, reason }), { status: 503, headers: { ...headers, 'retry-after': '5' } }),
        );
      }
    },
  };
}
