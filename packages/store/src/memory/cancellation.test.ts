import { GOVERNANCE_FAMILIES, generateSynthetic, parseDataset, syntheticFiles, type Dataset } from '@styrgraf/model';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Store } from '../port.ts';
import { createMemoryStore } from './memory-store.ts';

/**
 * The embedded store under a request's AbortSignal: work that grows with the
 * data lets the event loop run while it goes on, and stops — rejecting with
 * the signal's reason — once the request is cancelled. On a set of 120
 * synthetic municipalities, where the depth-4 neighbourhood of the national
 * hub (every municipality is a member) reaches half of the graph.
 */
let store: Store;
let dataset: Dataset;
const HUB = 'se-kommunforbundet';
const heavy = { id: HUB, depth: 4, families: GOVERNANCE_FAMILIES, asOf: '2025-01-01' };

beforeAll(() => {
  const result = parseDataset(syntheticFiles(generateSynthetic({ municipalities: 120, seed: 7 })));
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
  dataset = result.dataset;
  store = createMemoryStore(dataset);
}, 120_000);

/** Counts the turns of the event loop (setImmediate callbacks) while `work` runs. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ turns: number; result: T }> {
  let turns = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  try {
    return { result: await work(), turns };
  } finally {
    running = false;
  }
}

describe('the embedded store under a request signal', () => {
  it('answers a call for a cancelled request with its reason, doing nothing', async () => {
    const gone = new Error('the client went away');
    const signal = AbortSignal.abort(gone);
    const calls: [string, () => Promise<unknown>][] = [
      ['info', () => store.info({ signal })],
      ['getEntities', () => store.getEntities([HUB], { signal })],
      ['listEntities', () => store.listEntities({ first: 10 }, { signal })],
      ['search', () => store.search({ text: 'kommun', first: 5 }, { signal })],
      ['relationsOf', () => store.relationsOf([HUB], { direction: 'BOTH' }, { signal })],
      ['citedBy', () => store.citedBy(['kdi-beredning'], {}, { signal })],
      ['neighbourhood', () => store.neighbourhood(heavy, { signal })],
      ['graph', () => store.graph({}, { signal })],
      ['paths', () => store.paths({ from: 's001-kommundirektor', to: 's002-kommundirektor', maxLength: 6, mode: 'ALL', limit: 5 }, { signal })],
      ['orgChart', () => store.orgChart({ rootId: 's001-kommunfullmaktige' }, { signal })],
      ['decisionAreas', () => store.decisionAreas({ text: 'anställning' }, { signal })],
      ['provisions', () => store.provisions({}, { signal })],
      ['workshopQuestions', () => store.workshopQuestions({}, { signal })],
      ['glossary', () => store.glossary({ signal })],
      ['changes', () => store.changes({ from: '2000-01-01', to: '2030-01-01' }, { signal })],
      ['tours', () => store.tours({ signal })],
    ];
    for (const [name, call] of calls) await expect(call(), name).rejects.toBe(gone);
  });

  it('lets the event loop run during a traversal of half the graph', async () => {
    const { result, turns } = await turnsDuring(() => store.neighbourhood(heavy));
    expect(result!.nodes.length, `of ${dataset.entities.length}`).toBeGreaterThan(dataset.entities.length / 2);
    // Several turns: timers (the query timeout among them) and other requests ran while it worked.
    expect(turns).toBeGreaterThan(3);
  });

  it('lets the event loop run while it lists the whole graph', async () => {
    // The clock made slow (a millisecond a reading), so that a slice ends within the listing however fast the machine lists 120 municipalities.
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += 1));
    try {
      const { result, turns } = await turnsDuring(() => store.graph({}));
      expect(result.nodes).toHaveLength(dataset.entities.length);
      expect(turns).toBeGreaterThan(1);
    } finally {
      clock.mockRestore();
    }
  });

  it('stops a traversal when its signal aborts midway, with the signal’s reason', async () => {
    const timeout = new Error('QUERY_TIMEOUT');
    const controller = new AbortController();
    // The timer can fire only because the traversal yields.
    setTimeout(() => controller.abort(timeout), 5);
    await expect(store.neighbourhood(heavy, { signal: controller.signal })).rejects.toBe(timeout);
    const paths = new AbortController();
    setTimeout(() => paths.abort(timeout), 5);
    await expect(store.graph({}, { signal: paths.signal })).rejects.toBe(timeout);
  });

  it('answers the same with and without a signal that never fires', async () => {
    const signal = new AbortController().signal;
    const args = { id: 's007-kommunstyrelsen', depth: 2, families: GOVERNANCE_FAMILIES, asOf: '2025-01-01' };
    expect(await store.neighbourhood(args, { signal })).toEqual(await store.neighbourhood(args));
  });
});

describe('the embedded store on any date', () => {
  it('walks every date without a graph of its own: memory does not grow with the dates asked', async () => {
    // Before: each distinct date (or set of families) built and kept a filtered copy of the graph, ~36 MB each on this set, 32 kept:
    // twelve dates would have kept ~430 MB, well past the bound below.
    const dates = Array.from({ length: 12 }, (_, i) => `${2000 + Math.floor(i / 2)}-${i % 2 === 0 ? '03' : '09'}-15`);
    const heapBefore = process.memoryUsage().heapUsed;
    for (const asOf of dates) {
      await store.neighbourhood({ id: 's001-kommunstyrelsen', depth: 2, families: GOVERNANCE_FAMILIES, asOf });
      await store.graph({ asOf, families: ['OWNERSHIP', 'REPORTING'] });
      await store.paths({
        from: 's001-kommundirektor',
        to: 's001-kommunfullmaktige',
        maxLength: 4,
        families: GOVERNANCE_FAMILIES,
        asOf,
        mode: 'SHORTEST',
        limit: 5,
      });
      await store.orgChart({ rootId: 's001-kommunfullmaktige', asOf });
    }
    const grownMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
    expect(grownMb).toBeLessThan(150);
  });

  it('answers a date between two changes as the graph of the earlier change', async () => {
    // A municipality whose nämnd was replaced on 2023-01-01.
    const replaced = dataset.entities.find((e) => e.validFrom === '2023-01-01')!;
    const board = `${replaced.id.split('-')[0]}-kommunstyrelsen`;
    const nodes = async (asOf: string) => (await store.neighbourhood({ id: board, depth: 2, families: GOVERNANCE_FAMILIES, asOf }))!.nodes.map((n) => n.id);
    expect(await nodes('2023-01-01')).toContain(replaced.id);
    expect(await nodes('2023-06-01')).toEqual(await nodes('2023-01-01'));
    expect(await nodes('2022-12-31')).not.toEqual(await nodes('2023-01-01'));
  });
});
