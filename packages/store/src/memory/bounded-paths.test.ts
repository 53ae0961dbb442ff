import { UndirectedGraph } from 'graphology';
import { brandes, undirectedSingleSourceLength } from 'graphology-shortest-path/unweighted';
import { describe, expect, it } from 'vitest';
import { allSimplePaths } from 'graphology-simple-path';
import { entitiesNearPaths, firstSimplePaths, shortestPathPredecessors } from './bounded-paths.ts';
import { seeded } from '../../test/seeded.ts';
import { pathGraphOf } from '../../test/path-graph.ts';

/**
 * Shaped like the national set: clusters (municipalities) of loosely linked
 * nodes, a few hubs that many clusters link to, some nodes left alone.
 */
function clusteredGraph(random: () => number, clusters: number, size: number): UndirectedGraph {
  const graph = new UndirectedGraph();
  const pick = (n: number) => Math.floor(random() * n);
  const hubs = ['hub-0', 'hub-1', 'hub-2'];
  for (const hub of hubs) graph.addNode(hub);
  for (let c = 0; c < clusters; c++) {
    for (let i = 0; i < size; i++) graph.addNode(`c${c}-${i}`);
    for (let i = 1; i < size; i++) {
      if (random() < 0.05) continue;
      graph.mergeEdge(`c${c}-${i}`, `c${c}-${pick(i)}`);
      if (random() < 0.4) graph.mergeEdge(`c${c}-${i}`, `c${c}-${pick(size)}`);
    }
    graph.addNode(`alone-${c}`);
    for (const hub of hubs) if (random() < 0.5) graph.mergeEdge(hub, `c${c}-${1 + pick(size - 1)}`);
  }
  for (const node of graph.nodes()) if (graph.hasEdge(node, node)) graph.dropEdge(node, node);
  return graph;
}

/** What the store computed before: Brandes' pass over the whole graph, predecessors of every node on a shortest path. */
function referencePredecessors(graph: UndirectedGraph, from: string, to: string, maxLength: number): Map<string, string[]> | null {
  const [, predecessors] = brandes(graph, from);
  const lengths = undirectedSingleSourceLength(graph, from);
  if (lengths[to] === undefined || lengths[to] > maxLength) return null;
  const onPath = new Map<string, string[]>();
  const stack = [to];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === from || onPath.has(node)) continue;
    onPath.set(node, predecessors[node]!);
    stack.push(...predecessors[node]!);
  }
  return onPath;
}

/** What the store computed before: distances from both ends over the whole graph. */
function referenceNear(graph: UndirectedGraph, from: string, to: string, maxLength: number): Map<string, number> | null {
  const a = undirectedSingleSourceLength(graph, from);
  const b = undirectedSingleSourceLength(graph, to);
  const near = new Map<string, number>();
  graph.forEachNode((node) => {
    if (a[node] !== undefined && b[node] !== undefined && a[node] + b[node] <= maxLength) near.set(node, b[node]);
  });
  return near.has(from) && near.has(to) ? near : null;
}

/** What the store computed before: every simple path through the near entities, sorted by length, then ids. */
function referenceFirstPaths(graph: UndirectedGraph, from: string, to: string, maxLength: number, limit: number): string[][] {
  const near = referenceNear(graph, from, to, maxLength);
  if (!near) return [];
  const sub = new UndirectedGraph();
  for (const node of near.keys()) sub.addNode(node);
  graph.forEachEdge((_e, _attr, a, b) => {
    if (near.has(a) && near.has(b)) sub.mergeEdge(a, b);
  });
  const key = (p: string[]) => p.join('\u0000');
  return allSimplePaths(sub, from, to, { maxDepth: maxLength })
    .sort((p, q) => p.length - q.length || (key(p) < key(q) ? -1 : 1))
    .slice(0, limit);
}

/** Pairs of nodes: most a short random walk apart, some anywhere (often unconnected). */
function pairs(graph: UndirectedGraph, random: () => number, count: number): [string, string, number][] {
  const nodes = graph.nodes();
  const result: [string, string, number][] = [];
  while (result.length < count) {
    const from = nodes[Math.floor(random() * nodes.length)]!;
    let to = from;
    if (random() < 0.7) {
      for (let steps = 1 + Math.floor(random() * 8); steps > 0; steps--) {
        const neighbours = graph.neighbors(to);
        if (neighbours.length > 0) to = neighbours[Math.floor(random() * neighbours.length)]!;
      }
    } else to = nodes[Math.floor(random() * nodes.length)]!;
    if (from !== to) result.push([from, to, 1 + Math.floor(random() * 8)]);
  }
  return result;
}

describe('bounded path search', () => {
  const random = seeded(7);
  const graphs = [clusteredGraph(random, 12, 30), clusteredGraph(random, 40, 12), clusteredGraph(random, 4, 80)];

  it('finds the same shortest-path predecessors, in the same order, as a pass over the whole graph', async () => {
    let found = 0;
    for (const graph of graphs) {
      for (const [from, to, maxLength] of pairs(graph, random, 400)) {
        const expected = referencePredecessors(graph, from, to, maxLength);
        const actual = await shortestPathPredecessors(pathGraphOf(graph), from, to, maxLength);
        if (expected === null) {
          expect(actual, `${from} → ${to} ≤ ${maxLength}`).toBeNull();
          continue;
        }
        found++;
        for (const [node, list] of expected) expect(actual?.get(node), `${from} → ${to} ≤ ${maxLength}, at ${node}`).toEqual(list);
      }
    }
    expect(found).toBeGreaterThan(500);
  });

  it('finds the same entities near short paths as distances over the whole graph', async () => {
    let found = 0;
    for (const graph of graphs) {
      for (const [from, to, maxLength] of pairs(graph, random, 400)) {
        const expected = referenceNear(graph, from, to, maxLength);
        const actual = await entitiesNearPaths(pathGraphOf(graph), from, to, maxLength);
        if (expected) found++;
        expect(actual === null ? null : [...actual].sort(), `${from} → ${to} ≤ ${maxLength}`).toEqual(expected === null ? null : [...expected].sort());
      }
    }
    expect(found).toBeGreaterThan(500);
  });

  it('lists the same first simple paths as listing them all and sorting', async () => {
    let found = 0;
    for (const graph of graphs) {
      for (const [from, to, maxLength] of pairs(graph, random, 150)) {
        const limit = [1, 5, 50][Math.floor(random() * 3)]!;
        const expected = referenceFirstPaths(graph, from, to, maxLength, limit);
        if (expected.length > 0) found++;
        expect(await firstSimplePaths(pathGraphOf(graph), from, to, maxLength, limit), `${from} → ${to} ≤ ${maxLength}, first ${limit}`).toEqual(expected);
      }
    }
    expect(found).toBeGreaterThan(200);
  });
});
