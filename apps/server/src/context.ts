import { todayInSweden, type Entity, type Relation, type RelationFamily } from '@styrgraf/model';
import type { Direction, MunicipalitySummary, Store } from '@styrgraf/store';
import DataLoader from 'dataloader';
import { withSignal } from './request-store.ts';
import { RequestWork } from './request-work.ts';
import { SeenBatch } from './seen-batch.ts';
import { addTo } from '@styrgraf/model';

/**
 * Per-request batching: every entity and relation lookup a query makes at one
 * level of the tree goes to the store as one batched call, so listing 50
 * entities with their relations costs two store calls, not fifty-one.
 */
export interface Loaders {
  entity: DataLoader<string, Entity | null>;
  relations: DataLoader<RelationKey, Relation[], string>;
  citedBy: DataLoader<{ id: string; asOf: string | null }, Relation[], string>;
  /** The municipality each entity belongs to (null where shared), batched like the entities. */
  municipalityOf: DataLoader<string, string | null>;
}

export interface RelationKey {
  id: string;
  direction: Direction;
  families: readonly RelationFamily[] | null;
  asOf: string | null;
}

export interface Context {
  /** The served store as this request sees it: every call carries the request's signal (request-store.ts). */
  store: Store;
  /** The request's signal (query timeout, client gone) and its share of the event loop. */
  work: RequestWork;
  loaders: Loaders;
  /** Today in Sweden: the default date for structural views, fixed for the whole request. */
  today: string;
  /**
   * The entities this request has read so far, by id (every entity the
   * loader fetched, and the nodes of a neighbourhood or graph): a field that
   * names one of them answers at once instead of as a promise, which spares
   * the executor a promise per edge end.
   */
  seen: Map<string, Entity>;
  /** Batches of entities read only into `seen`, made when first needed (readIntoSeen). */
  seenBatch?: SeenBatch;
  /** The data set's municipalities by id, once asked (municipalities/lookup.ts). */
  municipalities?: Promise<Map<string, MunicipalitySummary>>;
}

/** The entity with this id, from those the request has seen, else through the loader. */
export function entityById(ctx: Context, id: string): Entity | null | Promise<Entity | null> {
  return ctx.seen.get(id) ?? ctx.loaders.entity.load(id);
}

/** Remembers entities the request read from the store by other means than the loader. */
export function see(ctx: Context, entities: Iterable<Entity>): void {
  for (const e of entities) ctx.seen.set(e.id, e);
}

/**
 * Reads these entities into the request's seen map, so that fields naming
 * them answer at once. An in-process store's are read in one batch per turn
 * with one promise (seen-batch.ts), not two promises per id as DataLoader's
 * loadMany makes them; a database store's go through the loader, batched with
 * whatever else the request asks of it and within its batch size.
 */
export function readIntoSeen(ctx: Context, ids: readonly string[]): Promise<unknown> | undefined {
  if (ids.length === 0) return undefined;
  if (ctx.store.engine !== 'memory') return ctx.loaders.entity.loadMany(ids);
  return (ctx.seenBatch ??= new SeenBatch(ctx.store, ctx.seen)).read(ids);
}

const argsKey = (k: RelationKey) => `${k.direction}|${k.families ? [...k.families].sort().join(',') : '*'}|${k.asOf ?? ''}`;

export function createLoaders(store: Store, seen: Map<string, Entity> = new Map()): Loaders {
  return new RequestLoaders(store, seen);
}

/**
 * The loaders, each made when the request first asks for it: most requests
 * use one or two of the four, and a DataLoader is a dozen objects made for
 * nothing otherwise (paid again in every scavenge of a large heap).
 */
class RequestLoaders implements Loaders {
  private entityLoader?: Loaders['entity'];
  private relationsLoader?: Loaders['relations'];
  private citedByLoader?: Loaders['citedBy'];
  private municipalityOfLoader?: Loaders['municipalityOf'];

  constructor(
    private readonly store: Store,
    private readonly seen: Map<string, Entity>,
  ) {}

  get entity(): Loaders['entity'] {
    return (this.entityLoader ??= entityLoader(this.store, this.seen));
  }
  get relations(): Loaders['relations'] {
    return (this.relationsLoader ??= relationsLoader(this.store));
  }
  get citedBy(): Loaders['citedBy'] {
    return (this.citedByLoader ??= citedByLoader(this.store));
  }
  get municipalityOf(): Loaders['municipalityOf'] {
    return (this.municipalityOfLoader ??= new DataLoader((ids) => this.store.municipalityOf(ids), { maxBatchSize: 1000 }));
  }
}

const entityLoader = (store: Store, seen: Map<string, Entity>): Loaders['entity'] =>
  new DataLoader(
    async (ids) => {
      const found = await store.getEntities(ids);
      for (const e of found) if (e) seen.set(e.id, e);
      return found;
    },
    { maxBatchSize: 1000 },
  );

const relationsLoader = (store: Store): Loaders['relations'] =>
  new DataLoader(
    async (keys: readonly RelationKey[]) => {
      // One store call per distinct (direction, families, date) in the batch.
      const groups = new Map<string, RelationKey[]>();
      for (const key of keys) {
        const k = argsKey(key);
        addTo(groups, k, key);
      }
      const answers = new Map<RelationKey, Relation[]>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const first = group[0]!;
          const result = await store.relationsOf(
            group.map((g) => g.id),
            { direction: first.direction, ...(first.families ? { families: first.families } : {}), asOf: first.asOf },
          );
          group.forEach((key, i) => answers.set(key, result[i] ?? []));
        }),
      );
      return keys.map((k) => answers.get(k) ?? []);
    },
    { cacheKeyFn: (k) => `${k.id}|${argsKey(k)}`, maxBatchSize: 1000 },
  );

const citedByLoader = (store: Store): Loaders['citedBy'] =>
  new DataLoader(
    async (keys: readonly { id: string; asOf: string | null }[]) => {
      const byDate = new Map<string | null, string[]>();
      for (const k of keys) addTo(byDate, k.asOf, k.id);
      const answers = new Map<string, Relation[]>();
      await Promise.all(
        [...byDate].map(async ([asOf, ids]) => {
          const result = await store.citedBy(ids, { asOf });
          ids.forEach((id, i) => answers.set(`${id}|${asOf ?? ''}`, result[i] ?? []));
        }),
      );
      return keys.map((k) => answers.get(`${k.id}|${k.asOf ?? ''}`) ?? []);
    },
    { cacheKeyFn: (k) => `${k.id}|${k.asOf ?? ''}` },
  );

/** A request's context: `client` is the request's own signal, which the HTTP layer fires when the client goes away. */
export function createContext(store: Store, client?: AbortSignal, sliceMs?: number): Context {
  const seen = new Map<string, Entity>();
  const work = new RequestWork(client, sliceMs);
  const requestStore = withSignal(store, work.signal);
  return { store: requestStore, work, loaders: createLoaders(requestStore, seen), today: todayInSweden(), seen };
}
