import type { Store } from '@styrgraf/store';
import type { Plugin } from 'graphql-yoga';
import { logOnce, redact } from '../redact.ts';
import { isReloadingStore } from '../reload.ts';

/**
 * GET /health: 200 with the data version and counts when the store answers,
 * 503 with the reason when it does not. Load balancers and the web app's
 * status line read it. When the server watches its data (`--watch`), `reload`
 * tells which version is served, when it was loaded, and what is wrong with
 * the files on disk if the last edit did not validate (the server still
 * answers, from the last good graph, so the status stays 200). What it shows
 * carries no credentials and no machine paths (redact.ts); the full reason
 * goes to the log.
 */
export function useHealth(store: Store, path = '/health'): Plugin {
  return {
    async onRequest(payload) {
      const { request, url, fetchAPI } = payload;
      if (url.pathname !== path) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        payload.endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
        return;
      }
      const headers = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
      try {
        // One snapshot for the whole answer, so that the counts and the reload state describe the same graph.
        const served = isReloadingStore(store) ? store.snapshot() : store;
        const reload = isReloadingStore(store) ? store.reloadStatus() : undefined;
        const info = await served.info();
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
          ...(reload
            ? {
                reload: {
                  watching: redact(reload.dir),
                  state: reload.state,
                  digest: reload.digest,
                  loadedAt: reload.loadedAt,
                  reloads: reload.reloads,
                  lastError: reload.lastError && {
                    at: reload.lastError.at,
                    issues: reload.lastError.issues.map((i) => ({ ...i, file: redact(i.file), message: redact(i.message) })),
                  },
                },
              }
            : {}),
        };
        payload.endResponse(new fetchAPI.Response(JSON.stringify(body), { status: 200, headers }));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        logOnce('health', `[styrgraf] /health: the store is unavailable: ${reason}`);
        const code = (error as { code?: string }).code ?? 'STORE_UNAVAILABLE';
        // Retry-After: the store checks again on its own within seconds; a load balancer need not hammer it.
        payload.endResponse(
          new fetchAPI.Response(JSON.stringify({ status: 'unavailable', engine: store.engine, code, reason: redact(reason) }), {
            status: 503,
            headers: { ...headers, 'retry-after': '5' },
          }),
        );
      }
    },
  };
}
