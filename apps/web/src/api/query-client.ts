import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client.ts';

/** Errors worth retrying by themselves: the store or the network may come back. Asking again will not fix a bad question. */
const TRANSIENT = new Set(['STORE_UNAVAILABLE', 'NETWORK', 'QUERY_TIMEOUT']);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The data changes when graph/ is reloaded, not while a user reads it.
        staleTime: 5 * 60_000,
        gcTime: 30 * 60_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => error instanceof ApiError && TRANSIENT.has(error.code) && failures < 2,
        retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 8000),
      },
    },
  });
}
