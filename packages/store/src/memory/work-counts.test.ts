import { GOVERNANCE_FAMILIES, generateSynthetic, parseDataset, syntheticFiles, type Dataset } from '@styrgraf/model';
import Graph, { UndirectedGraph } from 'graphology';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Adjacency, FilteredGraph } from './adjacency.ts';
import { shortestPathPredecessors, firstSimplePaths, type PathGraph } from './bounded-paths.ts';
import { MemoryStore } from './memory-store.ts';
import { pathGraphOf } from '../../test/path-graph.ts';
import { countNeighbourReads } from '../bench.ts';

/**
 * What a call costs, counted rather than timed: a call reads what it reaches
 * and builds nothing, whatever the date or the size of the data set. On a set
 * of 12 synthetic municipalities, built once.
 */
let dataset: Dataset;
let store: MemoryStore;

beforeAll(() => {
  const result = parseDataset(syntheticFiles(generateSynthetic({ municipalities: 12, seed: 7 })));
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
  dataset = result.dataset;
  store = new MemoryStore(dataset);
}, 120_000);

afterEach(() => {
  vi.restoreAllMocks();
});

/** Every graphology method that puts a node or an edge into a graph, and every edge put into the store's own graph (adjacency.ts), counted together. */
function countGraphBuilding(): () => number {
  const proto = Graph.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const spies = ['addNode', 'mergeNode', 'addEdge', 'mergeEdge', 'addEdgeWithKey', 'addDirectedEdgeWithKey', 'addUndirectedEdge'].map((name) =>
    vi.spyOn(proto, name),
  );
  spies.push(vi.spyOn(Adjacency.prototype as unknown as Record<string, (...args: unknown[]) => unknown>, 'join'));
  return () => spies.reduce((n, spy) => n + spy.mock.calls.length, 0);
}

/** An entity of the data set and the ids it is joined to by any relation. */
function neighboursOf(id: string): Set<string> {
  const out = new Set<string>();
  for (const r of dataset.relations) {
    if (r.from === r.to) continue;
    if (r.from === id) out.add(r.to);
    if (r.to === id) out.add(r.from);
  }
  return out;
}

describe('a new date costs no rebuild', () => {
  it('builds no graph for any call on a date never asked before, the org chart included', async () => {
    const built = countGraphBuilding();
    const asOf = '2031-05-05';
    const root = dataset.entities.find((e) => e.id === 's001-kommunfullmaktige')!;
    const other = dataset.entities.find((e) => e.id === 's001-arbetsmarknadsnamnden')!;
    await store.neighbourhood({ id: root.id, depth: 2, asOf });
    await store.graph({ families: GOVERNANCE_FAMILIES, asOf });
    await store.paths({ from: root.id, to: other.id, maxLength: 4, asOf, mode: 'SHORTEST', limit: 5 });
    await store.paths({ from: root.id, to: other.id, maxLength: 3, asOf, mode: 'ALL', limit: 5 });
    const chart = await store.orgChart({ rootId: root.id, asOf });
    await store.listEntities({ first: 10, asOf });
    await store.relationsOf([root.id], { direction: 'BOTH', asOf });
    await store.decisionAreas({ asOf });
    expect(chart?.entity.id).toBe(root.id);
    expect(chart?.children.length).toBeGreaterThan(0);
    expect(built()).toBe(0);
    // The count sees a graph being built, graphology's or the store's own: the check above could fail.
    new UndirectedGraph().addNode('x');
    expect(built()).toBe(1);
    new Adjacency(dataset.entities, dataset.relations);
    expect(built()).toBeGreaterThan(dataset.relations.length / 2);
  });
});

describe('a neighbourhood reads what it reaches', () => {
  it('reads the neighbours of the root alone at depth 1, and of the root and its neighbours at depth 2', async () => {
    const root = dataset.entities.find((e) => e.id === 's001-arbetsmarknadsnamnden')!;
    const near = neighboursOf(root.id);
    expect(near.size).toBeGreaterThan(1);
    const read = vi.spyOn(FilteredGraph.prototype, 'forEachNeighbor');
    const one = await store.neighbourhood({ id: root.id, depth: 1 });
    expect(read.mock.calls.map((c) => c[0])).toEqual([root.id]);
    expect(one!.nodes.map((e) => e.id).sort()).toEqual([root.id, ...near].sort());
    read.mockClear();
    await store.neighbourhood({ id: root.id, depth: 2 });
    expect(new Set(read.mock.calls.map((c) => c[0]))).toEqual(new Set([root.id, ...near]));
    expect(read).toHaveBeenCalledTimes(near.size + 1);
  });
});

describe('path search reads only the part of the graph it reaches', () => {
  /** A chain a-b-c-d, and apart from it a star of 5,000 leaves that no path from a to d can use. */
  function chainBesideStar(): { graph: PathGraph; reads: string[] } {
    const g = new UndirectedGraph();
    for (const n of ['a', 'b', 'c', 'd', 'hub']) g.addNode(n);
    g.addEdge('a', 'b');
    g.addEdge('b', 'c');
    g.addEdge('c', 'd');
    for (let i = 0; i < 5_000; i++) g.addEdge('hub', g.addNode(`leaf-${i}`));
    const reads: string[] = [];
    return { graph: pathGraphOf(g, (node) => reads.push(node)), reads };
  }

  it('finds the shortest path without reading the star', async () => {
    const { graph, reads } = chainBesideStar();
    const predecessors = await shortestPathPredecessors(graph, 'a', 'd', 6);
    expect(predecessors?.get('d')).toEqual(['c']);
    expect(reads.filter((n) => !['a', 'b', 'c', 'd'].includes(n))).toEqual([]);
  });

  /** a and d joined only through a hub of 5,000 other leaves: the shape of two municipalities joined by the association they are both members of. */
  function throughHub(): { graph: PathGraph; reads: string[] } {
    const g = new UndirectedGraph();
    for (const n of ['a', 'hub', 'd']) g.addNode(n);
    g.addEdge('a', 'hub');
    for (let i = 0; i < 5_000; i++) g.addEdge('hub', g.addNode(`leaf-${i}`));
    g.addEdge('hub', 'd');
    const reads: string[] = [];
    return { graph: pathGraphOf(g, (node) => reads.push(node)), reads };
  }

  it('reads a hub on the shortest path once, not once more from each end to find its neighbours on the path', async () => {
    const { graph, reads } = throughHub();
    const predecessors = await shortestPathPredecessors(graph, 'a', 'd', 6);
    expect(predecessors?.get('hub')).toEqual(['a']);
    expect(predecessors?.get('d')).toEqual(['hub']);
    // Its neighbours on the path are found from the path's side, and their order from each one's place in the hub's list.
    expect(reads.filter((n) => n === 'hub')).toEqual([]);
  });

  it('lists the simple paths without reading the star', async () => {
    const { graph, reads } = chainBesideStar();
    expect(await firstSimplePaths(graph, 'a', 'd', 6, 10)).toEqual([['a', 'b', 'c', 'd']]);
    expect(reads.filter((n) => n === 'hub' || n.startsWith('leaf-'))).toEqual([]);
  });
});

/**
 * Two municipalities joined through the association every municipality is a
 * member of, on a generated set of 32 and of 64: the hub has twice the
 * members, and a path through it must cost the same. (Below some 30
 * members the hub is cheaper to read than the way round it, and is read.)
 */
describe('a path through a hub costs what the path costs, not the hub’s members', () => {
  const sizes = [32, 64] as const;
  const stores = new Map<number, MemoryStore>();
  const [from, to] = ['s001-kommunfullmaktige', 's006-kommunfullmaktige'];

  beforeAll(() => {
    for (const municipalities of sizes) {
      const result = parseDataset(syntheticFiles(generateSynthetic({ municipalities, seed: 7 })));
      if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
      stores.set(municipalities, new MemoryStore(result.dataset));
    }
  }, 120_000);

  /** The neighbour entries one call reads (a pair looked up counts one), and its paths as ids. */
  async function measured(municipalities: number, mode: 'SHORTEST' | 'ALL'): Promise<{ reads: number; hubReads: number; paths: string[][] }> {
    const hub = vi.spyOn(FilteredGraph.prototype, 'forEachNeighbor');
    const counter = countNeighbourReads();
    const paths = await stores.get(municipalities)!.paths({ from, to, maxLength: 6, families: GOVERNANCE_FAMILIES, asOf: '2026-12-08', mode, limit: 50 });
    counter.stop();
    const hubReads = hub.mock.calls.filter(([node]) => node === 'se-kommunforbundet').length;
    hub.mockRestore();
    return { reads: counter.read(), hubReads, paths: paths.map((p) => p.nodes) };
  }

  it('finds the shortest path through the association without reading its members', async () => {
    const [small, large] = [await measured(32, 'SHORTEST'), await measured(64, 'SHORTEST')];
    expect(large.paths).toEqual([[from, 's001-kommunen', 'se-kommunforbundet', 's006-kommunen', to]]);
    expect(small.paths).toEqual(large.paths);
    expect(large.hubReads).toBe(0);
    expect(large.reads).toBeLessThanOrEqual(small.reads);
  });
});

describe('a neighbourhood next to a hub costs what it returns, not the hub’s members', () => {
  const sizes = [32, 64] as const;
  const stores = new Map<number, MemoryStore>();

  beforeAll(() => {
    for (const municipalities of sizes) {
      const result = parseDataset(syntheticFiles(generateSynthetic({ municipalities, seed: 7 })));
      if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
      stores.set(municipalities, new MemoryStore(result.dataset));
    }
  }, 120_000);

  /** The neighbour entries one call reads, and its answer as ids. */
  async function measured(municipalities: number, asOf: string): Promise<{ reads: number; nodes: string[]; edges: string[] }> {
    const counter = countNeighbourReads();
    const answer = await stores.get(municipalities)!.neighbourhood({ id: 's001-kommunen', depth: 1, families: GOVERNANCE_FAMILIES, asOf });
    counter.stop();
    return { reads: counter.read(), nodes: answer!.nodes.map((e) => e.id), edges: answer!.edges.map((r) => r.id) };
  }

  it('finds the relations among a municipality and its neighbours, the association among them, without reading the association’s members', async () => {
    for (const asOf of ['2026-12-08', '2031-05-05']) {
      const [small, large] = [await measured(32, asOf), await measured(64, asOf)];
      expect(large.nodes).toContain('se-kommunforbundet');
      expect(large.edges.length).toBeGreaterThanOrEqual(large.nodes.length - 1);
      expect(small.nodes).toEqual(large.nodes);
      expect(small.edges).toEqual(large.edges);
      expect(large.reads).toBe(small.reads);
    }
  });
});

/**
 * Municipalities shaped like the synthetic ones, small: a council (kf) that
 * elects a board (ks) and two committees, the municipality (kommunen) the
 * council is part of, a member of the association every municipality joins.
 */
function municipalities(count: number): UndirectedGraph {
  const g = new UndirectedGraph();
  g.addNode('association');
  for (let m = 0; m < count; m++) {
    const at = (s: string) => `m${m}-${s}`;
    for (const n of ['kommunen', 'kf', 'ks', 'kd', 'kontor', 'namnd-a', 'namnd-b']) g.addNode(at(n));
    g.addEdge(at('kommunen'), 'association');
    for (const [a, b] of [
      ['kf', 'kommunen'],
      ['kf', 'ks'],
      ['kf', 'namnd-a'],
      ['kf', 'namnd-b'],
      ['ks', 'namnd-a'],
      ['ks', 'kd'],
      ['kd', 'kontor'],
    ] as const)
      g.addEdge(at(a), at(b));
  }
  return g;
}

describe('path search near a hub reads the same at any number of its members', () => {
  /** The neighbour entries a search reads (each entity read counts its degree; a pair looked up counts one, as in the bench). */
  async function reads<T>(count: number, search: (graph: PathGraph) => Promise<T>): Promise<{ read: number; hubRead: boolean; answer: T }> {
    const g = municipalities(count);
    let read = 0;
    let hubRead = false;
    const graph = pathGraphOf(
      g,
      (node) => {
        read += g.degree(node);
        hubRead ||= node === 'association';
      },
      () => (read += 1),
    );
    const answer = await search(graph);
    return { read, hubRead, answer };
  }

  it('lists the simple paths inside one municipality without reading the association it is near', async () => {
    // The association is three steps from each end: on walks of six, so near the paths; its other members are not.
    const search = (graph: PathGraph) => firstSimplePaths(graph, 'm0-ks', 'm0-namnd-b', 6, 50);
    const [small, large] = [await reads(200, search), await reads(800, search)];
    expect(large.answer).toEqual([
      ['m0-ks', 'm0-kf', 'm0-namnd-b'],
      ['m0-ks', 'm0-namnd-a', 'm0-kf', 'm0-namnd-b'],
    ]);
    expect(small.answer).toEqual(large.answer);
    expect(large.hubRead).toBe(false);
    expect(large.read).toBe(small.read);
    expect(large.read).toBeGreaterThan(0);
  });

  it('finds the shortest path between two municipalities through the association without reading its members', async () => {
    const search = (graph: PathGraph) => shortestPathPredecessors(graph, 'm0-kf', 'm1-kf', 6);
    const [small, large] = [await reads(200, search), await reads(800, search)];
    expect(large.answer?.get('m1-kf')).toEqual(['m1-kommunen']);
    expect(large.answer?.get('m1-kommunen')).toEqual(['association']);
    expect(large.hubRead).toBe(false);
    expect(large.read).toBe(small.read);
  });
});
