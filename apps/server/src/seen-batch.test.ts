import { loadDatasetOrThrow, type Entity } from '@styrgraf/model';
import { createMemoryStore, type Store } from '@styrgraf/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './config.ts';
import { SeenBatch } from './seen-batch.ts';

let base: Store;
beforeAll(async () => {
  base = createMemoryStore(await loadDatasetOrThrow(`${repoRoot}graph`));
});

/** The store with every getEntities call's ids written down. */
function recording(store: Store): { store: Store; batches: string[][] } {
  const batches: string[][] = [];
  const getEntities: Store['getEntities'] = (ids, options) => {
    batches.push([...ids]);
    return store.getEntities(ids, options);
  };
  return { store: Object.assign(Object.create(store) as Store, { getEntities }), batches };
}

describe('SeenBatch', () => {
  it('reads what the fields of one turn ask for in one store call, each id once, into the seen map', async () => {
    const { store, batches } = recording(base);
    const seen = new Map<string, Entity>();
    const reader = new SeenBatch(store, seen);
    // Two sibling fields, the second after a promise job of the same turn, as resolvers of one level come.
    const first = reader.read(['kommunfullmaktige', 'norrkoping-radhus-ab']);
    const second = Promise.resolve().then(() => reader.read(['norrkoping-radhus-ab', 'kommunstyrelsen', 'no-such-entity']));
    await Promise.all([first, second]);
    expect(batches).toEqual([['kommunfullmaktige', 'norrkoping-radhus-ab', 'kommunstyrelsen', 'no-such-entity']]);
    expect([...seen.keys()].sort()).toEqual(['kommunfullmaktige', 'kommunstyrelsen', 'norrkoping-radhus-ab']);
    expect(seen.get('kommunstyrelsen')!.name.sv).toBe('Kommunstyrelsen');

    // A later turn is a batch of its own.
    await reader.read(['kommunfullmaktige']);
    expect(batches).toHaveLength(2);
  });

  it('fails every reader of a batch when the store call fails', async () => {
    const failing = Object.assign(Object.create(base) as Store, {
      getEntities: () => Promise.reject(new Error('the request was cancelled')),
    });
    const reader = new SeenBatch(failing, new Map());
    const reads = [reader.read(['kommunstyrelsen']), reader.read(['kommunfullmaktige'])];
    for (const read of reads) await expect(read).rejects.toThrow('the request was cancelled');
  });
});
