import { describe, expect, it } from 'vitest';
import type { Subgraph } from '../../api/types.ts';
import { compoundParents, mergeSubgraphs, toElements, type EdgeData, type NodeData } from './elements.ts';

const node = (id: string, kind: Subgraph['nodes'][number]['kind']) => ({ id, kind, name: id, nameEn: id, subtype: null, validFrom: null, validTo: null });
const edge = (from: string, kind: string, family: Subgraph['edges'][number]['family'], to: string) => ({ id: `${from}.${kind}.${to}`, kind, family, label: kind, from: { id: from }, to: { id: to } });

const subgraph: Subgraph = {
  nodes: [node('kf', 'POLITICAL_BODY'), node('ks', 'POLITICAL_BODY'), node('kd', 'ROLE'), node('area', 'DECISION_AREA'), node('kontor', 'UNIT')],
  edges: [
    edge('kf', 'ELECTS', 'REPORTING', 'ks'),
    edge('kd', 'REPORTS_TO', 'REPORTING', 'ks'),
    edge('kd', 'DECIDES', 'DECISION', 'area'),
    edge('ks', 'OVERSEES', 'OVERSIGHT', 'kontor'),
    edge('kontor', 'PART_OF', 'STRUCTURE', 'ks'),
    edge('kd', 'MANAGES', 'REPORTING', 'elsewhere'),
  ],
};
const vocabulary = {
  relationKinds: [
    { kind: 'ELECTS', family: 'REPORTING' as const, label: 'väljer', hierarchy: true },
    { kind: 'REPORTS_TO', family: 'REPORTING' as const, label: 'redovisar till', hierarchy: true },
  ],
};

describe('canvas elements from a subgraph', () => {
  const elements = toElements(subgraph, vocabulary);
  const edges = new Map(elements.filter((e) => e.group === 'edges').map((e) => [e.data.id!, e.data as EdgeData]));
  const nodes = new Map(elements.filter((e) => e.group === 'nodes').map((e) => [e.data.id!, e.data as NodeData]));

  it('ranks the layout by the hierarchy: downward lines down, upward ones (reports to, part of) turned round, the rest not at all', () => {
    expect(edges.get('kf.ELECTS.ks')?.rank).toBe('down');
    expect(edges.get('kd.REPORTS_TO.ks')?.rank).toBe('up');
    expect(edges.get('kontor.PART_OF.ks')?.rank).toBe('up');
    expect(edges.get('kd.DECIDES.area')?.rank).toBe('down');
    expect(edges.get('ks.OVERSEES.kontor')?.rank).toBeNull();
  });

  it('drops an edge whose end is not in the subgraph, and draws busier entities larger', () => {
    expect(edges.has('kd.MANAGES.elsewhere')).toBe(false);
    expect(nodes.get('ks')!.size).toBeGreaterThan(nodes.get('kf')!.size);
  });

  it('merges neighbourhoods without duplicates', () => {
    const merged = mergeSubgraphs([subgraph, { nodes: [node('ks', 'POLITICAL_BODY'), node('x', 'UNIT')], edges: [edge('ks', 'OVERSEES', 'OVERSIGHT', 'kontor')] }]);
    expect(merged.nodes.map((n) => n.id)).toEqual(['kf', 'ks', 'kd', 'area', 'kontor', 'x']);
    expect(merged.edges).toHaveLength(subgraph.edges.length);
  });
});

describe('what is drawn inside what', () => {
  it('draws a part inside its whole and a subsidiary inside the company that owns it, never in a loop', () => {
    const parents = compoundParents({
      nodes: [node('ks', 'POLITICAL_BODY'), node('utskott', 'POLITICAL_BODY'), node('group', 'COMPANY'), node('sub', 'COMPANY'), node('kf', 'POLITICAL_BODY'), node('kommun', 'ORGANISATION'), node('a', 'UNIT'), node('b', 'UNIT')],
      edges: [
        edge('utskott', 'PART_OF', 'STRUCTURE', 'ks'),
        edge('group', 'OWNS', 'OWNERSHIP', 'sub'),
        edge('kf', 'OWNS', 'OWNERSHIP', 'group'),
        edge('kf', 'PART_OF', 'STRUCTURE', 'kommun'),
        edge('a', 'PART_OF', 'STRUCTURE', 'b'),
        edge('b', 'PART_OF', 'STRUCTURE', 'a'),
      ],
    });
    expect(parents.get('utskott')).toBe('ks');
    expect(parents.get('sub')).toBe('group');
    // A council owning a company is a line, not a box; the municipality as a whole is not drawn around its council.
    expect(parents.has('group')).toBe(false);
    expect(parents.has('kf')).toBe(false);
    expect([parents.get('a'), parents.get('b')].filter(Boolean)).toHaveLength(1);
  });

  it('marks the tops of the organisation as the labels to keep readable furthest out', () => {
    const elements = toElements(
      { nodes: [node('kf', 'POLITICAL_BODY'), ...['a', 'b', 'c', 'd', 'e'].map((id) => node(id, 'POLITICAL_BODY')), node('area', 'DECISION_AREA')], edges: ['a', 'b', 'c', 'd', 'e'].map((id) => edge('kf', 'ELECTS', 'REPORTING', id)) },
      vocabulary,
    );
    const importance = new Map(elements.filter((e) => e.group === 'nodes').map((e) => [e.data.id!, (e.data as NodeData).importance]));
    expect(importance.get('kf')).toBe(1);
    expect(importance.get('a')).toBe(2);
    expect(importance.get('area')).toBe(3);
  });
});
