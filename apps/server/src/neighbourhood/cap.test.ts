import { loadDatasetOrThrow } from '@styrgraf/model';
import { createMemoryStore, type Subgraph } from '@styrgraf/store';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../config.ts';
import { capNeighbourhood } from './cap.ts';

/** A capped neighbourhood on Norrköping: what a hub's picture keeps, and the count of what it leaves out. */
describe('a neighbourhood held to `first` entities', async () => {
  const store = createMemoryStore(await loadDatasetOrThrow(`${repoRoot}graph`));
  const hub = (await store.neighbourhood({
    id: 'kommunstyrelsen',
    depth: 2,
    asOf: '2025-06-01',
    families: ['REPORTING', 'STRUCTURE', 'OWNERSHIP', 'OVERSIGHT'],
  }))!;
  const steps = (s: Subgraph, root: string) => {
    const near = new Set(s.edges.flatMap((r) => (r.from === root ? [r.to] : r.to === root ? [r.from] : [])));
    return { first: [...near].sort(), rest: s.nodes.map((n) => n.id).filter((id) => id !== root && !near.has(id)) };
  };

  it('keeps whole steps while they fit: the board and its direct neighbours, and says how many more there are', () => {
    const { first, rest } = steps(hub, 'kommunstyrelsen');
    expect(first.length).toBeGreaterThan(10);
    expect(rest.length).toBeGreaterThan(10);
    const capped = capNeighbourhood(hub, 'kommunstyrelsen', first.length + 5);
    expect(capped.nodes.map((n) => n.id).sort()).toEqual(['kommunstyrelsen', ...first].sort());
    expect(capped.omitted).toBe(rest.length);
    expect(capped.edges.every((r) => capped.nodes.some((n) => n.id === r.from) && capped.nodes.some((n) => n.id === r.to))).toBe(true);
    // Each kept entity with neighbours beyond the cut says how many: the director, the kontor it heads.
    const kept = new Set(['kommunstyrelsen', ...first]);
    const beyond = (id: string) =>
      new Set(hub.edges.flatMap((r) => (r.from === id && !kept.has(r.to) ? [r.to] : r.to === id && !kept.has(r.from) ? [r.from] : []))).size;
    const director = capped.omittedNeighbours.find((o) => o.id === 'kommundirektor');
    expect(director?.count).toBeGreaterThan(3);
    for (const o of capped.omittedNeighbours) expect([o.id, o.count]).toEqual([o.id, beyond(o.id)]);
    expect(capped.omittedNeighbours.map((o) => o.id)).toEqual([...kept].filter((id) => beyond(id) > 0).sort());
  });

  it('takes the first of the first step by id when that step alone is too large, and leaves a small neighbourhood whole', () => {
    const { first } = steps(hub, 'kommunstyrelsen');
    const capped = capNeighbourhood(hub, 'kommunstyrelsen', 4);
    expect(capped.nodes.map((n) => n.id).sort()).toEqual(['kommunstyrelsen', ...first.slice(0, 3)].sort());
    expect(capped.omitted).toBe(hub.nodes.length - 4);
    const whole = capNeighbourhood(hub, 'kommunstyrelsen', hub.nodes.length);
    expect(whole).toEqual({ ...hub, omitted: 0, omittedNeighbours: [] });
  });
});
