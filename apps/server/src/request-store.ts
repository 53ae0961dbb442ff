import type { CallOptions, Store } from '@styrgraf/store';

/**
 * The store as one request sees it: every call carries the request's signal
 * unless the caller passes options of its own. The context hands resolvers
 * and DataLoaders this store, so no store call of a request — the training
 * features' included — can run on after the request is cancelled.
 */
export function withSignal(store: Store, signal: AbortSignal): Store {
  const request: CallOptions = { signal };
  const o = (given: CallOptions | undefined) => given ?? request;
  return {
    engine: store.engine,
    info: (options) => store.info(o(options)),
    getEntities: (ids, options) => store.getEntities(ids, o(options)),
    listEntities: (args, options) => store.listEntities(args, o(options)),
    search: (args, options) => store.search(args, o(options)),
    relationsOf: (ids, args, options) => store.relationsOf(ids, args, o(options)),
    citedBy: (ids, args, options) => store.citedBy(ids, args, o(options)),
    neighbourhood: (args, options) => store.neighbourhood(args, o(options)),
    graph: (args, options) => store.graph(args, o(options)),
    overview: (args, options) => store.overview(args, o(options)),
    municipalities: (options) => store.municipalities(o(options)),
    municipalityOf: (ids, options) => store.municipalityOf(ids, o(options)),
    paths: (args, options) => store.paths(args, o(options)),
    orgChart: (args, options) => store.orgChart(args, o(options)),
    decisionAreas: (args, options) => store.decisionAreas(args, o(options)),
    provisions: (args, options) => store.provisions(args, o(options)),
    workshopQuestions: (args, options) => store.workshopQuestions(args, o(options)),
    glossary: (options) => store.glossary(o(options)),
    changes: (args, options) => store.changes(args, o(options)),
    tours: (options) => store.tours(o(options)),
    // The store outlives the request: closing it is the server's business.
    close: async () => {},
  };
}
