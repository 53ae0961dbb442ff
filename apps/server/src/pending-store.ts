import { STORE_METHODS, StoreError, type Store, type StoreEngine } from '@styrgraf/store';

/**
 * A store that is still being opened: the server listens at once, and until
 * the store is there every call answers STORE_UNAVAILABLE (so /health says
 * 503 "starting"), then everything goes to the opened store. A database that
 * accepts connections but never answers cannot keep the server silent.
 */
export function pendingStore(engine: StoreEngine, opening: Promise<Store>, describe: string): Store & { opened: Promise<unknown> } {
  let opened: Store | null = null;
  let failure: string | null = null;
  opening.then(
    (store) => (opened = store),
    (error: unknown) => (failure = error instanceof Error ? error.message : String(error)),
  );
  const delegate = {} as Record<string, unknown>;
  for (const method of STORE_METHODS) {
    delegate[method] = (...args: unknown[]) => {
      if (opened) return (opened[method] as (...a: unknown[]) => unknown).apply(opened, args);
      return Promise.reject(
        new StoreError(
          'STORE_UNAVAILABLE',
          failure ? `${describe} could not be opened: ${failure}` : `${describe} is still being connected to; try again in a few seconds.`,
        ),
      );
    };
  }
  return {
    ...(delegate as unknown as Omit<Store, 'engine' | 'close'>),
    engine,
    /** Settles once the store is open or could not be. */
    opened: opening.catch(() => undefined),
    async close() {
      // A store still opening is closed once it opens: closing the server need not wait for a database that does not answer.
      if (opened) await opened.close();
      else
        void opening.then(
          (store) => store.close(),
          () => undefined,
        );
    },
  };
}
