import type { CallOptions, Store } from '@styrgraf/store';

/**
 * The store as one request sees it: every call carries the request's signal
 * unless the caller passes options of its own. The context hands resolvers
 * and DataLoaders this store, so no store call of a request — the training
 * features' included — can run on after the request is cancelled.
 */
export function withSignal(store: Store, signal: AbortSignal): Store {
  return new SignalledStore(store, { signal });
}

/**
 * A class rather than an object of arrow functions: a request makes one
 * object with two fields, not twenty closures (every request makes one,
 * and what it allocates is paid again in every scavenge of a large heap).
 */
class SignalledStore implements Store {
  readonly engine: Store['engine'];

  constructor(
    private readonly store: Store,
    private readonly request: CallOptions,
  ) {
    this.engine = store.engine;
  }

  private o(given: CallOptions | undefined): CallOptions {
    return given ?? this.request;
  }

  info(options?: CallOptions) {
    return this.store.info(this.o(options));
  }
  getEntities(ids: readonly string[], options?: CallOptions) {
    return this.store.getEntities(ids, this.o(options));
  }
  listEntities(args: Parameters<Store['listEntities']>[0], options?: CallOptions) {
    return this.store.listEntities(args, this.o(options));
  }
  search(args: Parameters<Store['search']>[0], options?: CallOptions) {
    return this.store.search(args, this.o(options));
  }
  relationsOf(ids: readonly string[], args: Parameters<Store['relationsOf']>[1], options?: CallOptions) {
    return this.store.relationsOf(ids, args, this.o(options));
  }
  citedBy(ids: readonly string[], args: Parameters<Store['citedBy']>[1], options?: CallOptions) {
    return this.store.citedBy(ids, args, this.o(options));
  }
  neighbourhood(args: Parameters<Store['neighbourhood']>[0], options?: CallOptions) {
    return this.store.neighbourhood(args, this.o(options));
  }
  graph(args: Parameters<Store['graph']>[0], options?: CallOptions) {
    return this.store.graph(args, this.o(options));
  }
  overview(args: Parameters<Store['overview']>[0], options?: CallOptions) {
    return this.store.overview(args, this.o(options));
  }
  municipalities(options?: CallOptions) {
    return this.store.municipalities(this.o(options));
  }
  municipalityOf(ids: readonly string[], options?: CallOptions) {
    return this.store.municipalityOf(ids, this.o(options));
  }
  paths(args: Parameters<Store['paths']>[0], options?: CallOptions) {
    return this.store.paths(args, this.o(options));
  }
  orgChart(args: Parameters<Store['orgChart']>[0], options?: CallOptions) {
    return this.store.orgChart(args, this.o(options));
  }
  decisionAreas(args: Parameters<Store['decisionAreas']>[0], options?: CallOptions) {
    return this.store.decisionAreas(args, this.o(options));
  }
  provisions(args: Parameters<Store['provisions']>[0], options?: CallOptions) {
    return this.store.provisions(args, this.o(options));
  }
  workshopQuestions(args: Parameters<Store['workshopQuestions']>[0], options?: CallOptions) {
    return this.store.workshopQuestions(args, this.o(options));
  }
  glossary(options?: CallOptions) {
    return this.store.glossary(this.o(options));
  }
  changes(args: Parameters<Store['changes']>[0], options?: CallOptions) {
    return this.store.changes(args, this.o(options));
  }
  tours(options?: CallOptions) {
    return this.store.tours(this.o(options));
  }
  // The store outlives the request: closing it is the server's business.
  async close(): Promise<void> {}
}
