import { loadDatasetOrThrow } from '@styrgraf/model';
import { createMemoryStore, StoreError, type Store } from '@styrgraf/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStyrgrafYoga } from './app.ts';
import { repoRoot } from './config.ts';

/** A store that counts its calls, to prove that resolvers batch instead of asking once per entity. */
function counting(store: Store): { store: Store; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const proxy = new Proxy(store, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.set(String(prop), (calls.get(String(prop)) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, calls };
}

async function post(yoga: ReturnType<typeof createStyrgrafYoga>, query: string) {
  const response = await yoga.fetch('http://styrgraf.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

let base: Store;
beforeAll(async () => {
  base = createMemoryStore(await loadDatasetOrThrow(`${repoRoot}graph`));
});

describe('batching', () => {
  it('lists 50 entities with their relations and both ends in a constant number of store calls', async () => {
    const { store, calls } = counting(base);
    // One slice for the whole query: on a busy machine a level could otherwise be split between two turns of the event loop, and so between two batches.
    const yoga = createStyrgrafYoga(store, { sliceMs: 60_000 });
    const result = await post(
      yoga,
      `{ entities(first: 50) { nodes { id provisions { id } relations { kind from { id } to { id name } provisions { id } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const nodes = (result.data!.entities as { nodes: unknown[] }).nodes;
    expect(nodes).toHaveLength(50);
    expect(calls.get('listEntities')).toBe(1);
    expect(calls.get('relationsOf')).toBe(1);
    // Provisions of entities, then relation ends and their provisions: one batch per resolver level.
    expect(calls.get('getEntities')!).toBeLessThanOrEqual(3);
  });

  it('answers the ends of a neighbourhood’s edges from its nodes, not from the store again', async () => {
    const { store, calls } = counting(base);
    const result = await post(
      createStyrgrafYoga(store, { sliceMs: 60_000 }),
      `{ neighbourhood(id: "kommundirektor", depth: 2) { nodes { id } edges { from { id name } to { id name } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const { nodes, edges } = result.data!.neighbourhood as { nodes: { id: string }[]; edges: { from: { id: string; name: string }; to: { id: string } }[] };
    const ids = new Set(nodes.map((n) => n.id));
    expect(edges.length).toBeGreaterThan(50);
    expect(edges.every((e) => ids.has(e.from.id) && ids.has(e.to.id))).toBe(true);
    expect(edges.find((e) => e.from.id === 'kommundirektor')?.from.name).toBe('Kommundirektör');
    // The root, once, to say whether it exists; the edges' ends are among the nodes.
    expect(calls.get('getEntities')).toBe(1);
  });
});

describe('errors', () => {
  it('keeps a store error’s code and message', async () => {
    const failing = new Proxy(base, {
      get(target, prop, receiver) {
        if (prop === 'search')
          return async () => {
            throw new StoreError('STORE_UNAVAILABLE', 'Neo4j is not reachable at bolt://db:7687');
          };
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    const result = await post(createStyrgrafYoga(failing), `{ search(text: "KS") { score } }`);
    expect(result.errors?.[0]).toMatchObject({ message: 'Neo4j is not reachable at bolt://db:7687', extensions: { code: 'STORE_UNAVAILABLE' } });
  });

  it('masks an unexpected error outside development', async () => {
    const broken = new Proxy(base, {
      get(target, prop, receiver) {
        if (prop === 'glossary')
          return async () => {
            throw new TypeError('secret internals at /srv/db.ts:12');
          };
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    const original = console.error;
    console.error = () => {};
    try {
      const result = await post(createStyrgrafYoga(broken), `{ glossary { id } }`);
      expect(result.errors?.[0]?.message).toBe('Internal server error');
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
      expect(JSON.stringify(result)).not.toContain('secret');
    } finally {
      console.error = original;
    }
  });
});

describe('vocabulary', () => {
  it('describes every family and kind in Swedish and English', async () => {
    const result = await post(
      createStyrgrafYoga(base),
      `{ vocabulary { families { family label en: label(lang: EN) } relationKinds { kind family label inverseLabel hierarchy } } }`,
    );
    const vocabulary = result.data!.vocabulary as {
      families: { family: string; label: string; en: string }[];
      relationKinds: { kind: string; label: string; hierarchy: boolean }[];
    };
    expect(vocabulary.families.find((f) => f.family === 'CONSULTATION')).toEqual({
      family: 'CONSULTATION',
      label: 'Samråd och hörande',
      en: 'Consultation and hearing',
    });
    expect(vocabulary.relationKinds.find((k) => k.kind === 'HEADS')).toMatchObject({ label: 'leder', hierarchy: true });
  });
});
