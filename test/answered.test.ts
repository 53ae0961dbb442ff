import { fileURLToPath } from 'node:url';
import { loadDatasetOrThrow } from '@styrgraf/model';
import { createMemoryStore, type Store } from '@styrgraf/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStyrgrafYoga } from '@styrgraf/server';
import { settledHeap } from './helpers/heap.ts';

/**
 * Once a request has its answer, its work ends. graphql-js answers as soon as
 * an error reaches a field that cannot be null (or the root), while the fields
 * it already started go on resolving. A query refused by the record budget on
 * one branch kept thousands of others running for 3–4 s after its answer was
 * sent, each making an error of its own, and held about 64 MB while they did:
 * a few such requests in a row pinned 400 MB.
 */
let store: Store;
beforeAll(async () => {
  store = createMemoryStore(await loadDatasetOrThrow(fileURLToPath(new URL('../graph', import.meta.url))));
});

describe('a request whose answer is given', () => {
  it('leaves nothing running once the record budget has refused it: the heap is back where it was at the answer', async () => {
    const yoga = createStyrgrafYoga(store, { queryTimeoutMs: 60_000 });
    const query =
      '{ entity(id: "kommundirektor") { ... on Actor { relations { from { ... on Actor { relations { from { ... on Actor { relations { from { id } } } } } } } } } } }';
    const ask = async () => {
      const response = await yoga.fetch('http://styrgraf.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query }),
      });
      return (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    };
    // Once to warm the code and the loaders' paths, then measured.
    await ask();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const before = await settledHeap();
    const body = await ask();
    expect(body.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    const grown = ((await settledHeap()) - before) / 1e6;
    console.log(`refused by the record budget: heap ${grown >= 0 ? '+' : ''}${grown.toFixed(1)} MB right after the answer`);
    expect(grown).toBeLessThan(15);
  }, 60_000);
});
