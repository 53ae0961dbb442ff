import { generateSynthetic, parseDataset, syntheticFiles, type Entity, type Relation } from '@styrgraf/model';
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { Adjacency } from './adjacency.ts';

/**
 * The store's own graph against the graphology graph it replaced, built the
 * way the store built it: every node's neighbours in the same order (a walk's
 * answers and their order depend on it), the same degrees and the same
 * relations between each pair.
 */
function graphologyOf(entities: readonly Entity[], relations: readonly Relation[]): UndirectedGraph<object, { relations: Relation[] }> {
  const graph = new UndirectedGraph<object, { relations: Relation[] }>();
  for (const e of entities) graph.addNode(e.id, {});
  for (const r of [...relations].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (r.from === r.to) continue;
    const edge = graph.edge(r.from, r.to);
    if (edge === undefined) graph.addEdgeWithKey(r.id, r.from, r.to, { relations: [r] });
    else graph.getEdgeAttributes(edge).relations.push(r);
  }
  return graph;
}

function expectSameGraph(entities: readonly Entity[], relations: readonly Relation[]): void {
  const sorted = [...relations].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const view = new Adjacency(entities, sorted).filtered({});
  const reference = graphologyOf(entities, relations);
  for (const e of entities) {
    const mine: string[] = [];
    view.forEachNeighbor(e.id, (n) => mine.push(n));
    expect(mine, e.id).toEqual(reference.neighbors(e.id));
    expect(view.degree(e.id)).toBe(reference.degree(e.id));
    // Each neighbour's place, looked up by pair, is where the walk visits it.
    expect(mine.map((n) => view.placeOf(e.id, n))).toEqual(mine.map((_, i) => i));
    for (const n of mine)
      expect(view.between(e.id, n).map((r) => r.id)).toEqual(reference.getEdgeAttributes(reference.edge(e.id, n)!).relations.map((r) => r.id));
  }
}

const entity = (id: string): Entity =>
  ({ id, kind: 'ROLE', name: { sv: id, en: id }, cites: [], sources: [], abbreviations: [], aliases: [] }) as unknown as Entity;
const relation = (from: string, to: string, id = `${from}.reports_to.${to}`): Relation =>
  ({ id, kind: 'REPORTS_TO', family: 'REPORTING', from, to, cites: [], sources: [] }) as unknown as Relation;

describe('the store’s graph', () => {
  it('gives each node’s neighbours in graphology’s order on a generated set', () => {
    const result = parseDataset(syntheticFiles(generateSynthetic({ municipalities: 6, seed: 5 })));
    if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
    expect(result.dataset.relations.length).toBeGreaterThan(500);
    expectSameGraph(result.dataset.entities, result.dataset.relations);
  });

  it('puts ids that read as array indices first, in numeric order, as graphology’s objects did', () => {
    const ids = ['hub', 'b', '42', '7', 'a', '0', '10', '4294967295', '007'];
    const entities = ids.map(entity);
    // Joined to the hub in an order unlike the one a walk must see: by relation id, so "z…" ids come last.
    const relations = ids.filter((id) => id !== 'hub').map((id, i) => relation('hub', id, `r${String(9 - i).padStart(2, '0')}`));
    relations.push(relation('a', 'b'), relation('b', 'a', 'a.other.b'), relation('7', '7'));
    const view = new Adjacency(
      entities,
      [...relations].sort((x, y) => (x.id < y.id ? -1 : 1)),
    ).filtered({});
    const order: string[] = [];
    view.forEachNeighbor('hub', (n) => order.push(n));
    expect(order).toEqual(['0', '7', '10', '42', '007', '4294967295', 'a', 'b']);
    expect(view.placeOf('hub', '10')).toBe(2);
    expect(view.placeOf('a', 'b')).toBe(0);
    expect(view.placeOf('a', 'hub')).toBe(1);
    expect(view.placeOf('a', '7')).toBe(-1);
    expect(view.placeOf('7', '7')).toBe(-1);
    expectSameGraph(entities, relations);
  });
});
