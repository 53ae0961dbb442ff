import { describe, expect, it } from 'vitest';
import type { Subgraph } from '../../api/types.ts';
import { compoundParents, mergeSubgraphs, nameInside, toElements, type EdgeData, type NodeData } from './elements.ts';

const node = (id: string, kind: Subgraph['nodes'][number]['kind'], postIn: string | null = null) => ({
  id,
  kind,
  name: id,
  nameEn: id,
  subtype: null,
  validFrom: null,
  validTo: null,
  postIn: postIn ? { id: postIn } : null,
});
const edge = (
  from: string,
  kind: string,
  family: Subgraph['edges'][number]['family'],
  to: string,
  evidence: Subgraph['edges'][number]['evidence'] = { status: 'STATED', confidence: null, marker: null },
) => ({
  id: `${from}.${kind}.${to}`,
  kind,
  family,
  label: kind,
  from: { id: from },
  to: { id: to },
  evidence,
});

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
    const merged = mergeSubgraphs([
      subgraph,
      { nodes: [node('ks', 'POLITICAL_BODY'), node('x', 'UNIT')], edges: [edge('ks', 'OVERSEES', 'OVERSIGHT', 'kontor')] },
    ]);
    expect(merged.nodes.map((n) => n.id)).toEqual(['kf', 'ks', 'kd', 'area', 'kontor', 'x']);
    expect(merged.edges).toHaveLength(subgraph.edges.length);
  });
});

describe('what is drawn inside what', () => {
  it('draws a part inside its whole and a subsidiary inside the company that owns it, never in a loop', () => {
    const parents = compoundParents({
      nodes: [
        node('ks', 'POLITICAL_BODY'),
        node('utskott', 'POLITICAL_BODY'),
        node('group', 'COMPANY'),
        node('sub', 'COMPANY'),
        node('kf', 'POLITICAL_BODY'),
        node('kommun', 'ORGANISATION'),
        node('a', 'UNIT'),
        node('b', 'UNIT'),
      ],
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

  it("draws a post inside the organisation it sits in (a company's VD and chair, a nämnd's presidium), named there without the box's name", () => {
    const posts: Subgraph = {
      nodes: [
        node('radhus', 'COMPANY'),
        node('nodra', 'COMPANY'),
        node('vd-nodra', 'ROLE', 'nodra'),
        node('ordf-nodra', 'ROLE', 'nodra'),
        node('namnd', 'POLITICAL_BODY'),
        node('presidium', 'POLITICAL_BODY', 'namnd'),
        // A post whose organisation the view leaves out stays free; a post in something that is no box (a decision area) too.
        node('vd-annat', 'ROLE', 'annat-bolag'),
        node('area', 'DECISION_AREA'),
        node('odd', 'ROLE', 'area'),
      ].map((n) => ({
        ...n,
        name:
          {
            'vd-nodra': 'VD för Nodra AB',
            'ordf-nodra': 'Styrelseordförande i Nodra AB',
            nodra: 'Nodra AB',
            presidium: 'Nämndens presidium',
            namnd: 'Nämnden',
          }[n.id] ?? n.id,
      })),
      edges: [
        edge('radhus', 'OWNS', 'OWNERSHIP', 'nodra'),
        edge('vd-nodra', 'HEADS', 'REPORTING', 'nodra', { status: 'INTERPRETED', confidence: null, marker: 'tolkning' }),
        edge('presidium', 'PART_OF', 'STRUCTURE', 'namnd'),
      ],
    };
    const parents = compoundParents(posts);
    expect(Object.fromEntries(parents)).toEqual({ nodra: 'radhus', 'vd-nodra': 'nodra', 'ordf-nodra': 'nodra', presidium: 'namnd' });
    const elements = toElements(posts, vocabulary);
    const data = new Map(elements.map((e) => [e.data.id!, e.data]));
    expect((data.get('vd-nodra') as NodeData).label).toBe('VD');
    expect((data.get('ordf-nodra') as NodeData).label).toBe('Styrelseordförande');
    expect((data.get('presidium') as NodeData).label).toBe('Nämndens presidium');
    // The box says the VD heads the company; the line is not drawn twice, nor does it make the VD's name larger than the chair's.
    expect((data.get('vd-nodra.HEADS.nodra') as EdgeData).contained).toBe(true);
    expect((data.get('vd-nodra') as NodeData).importance).toBe((data.get('ordf-nodra') as NodeData).importance);
  });

  it("names a post inside its box without the box's name, in any case, and leaves other names whole", () => {
    expect(nameInside('VD för Nodra AB', 'Nodra AB')).toBe('VD');
    expect(nameInside('Kontorschef för socialkontoret', 'Socialkontoret')).toBe('Kontorschef');
    expect(nameInside('Styrelseordförande i Norrköping Rådhus AB', 'Norrköping Rådhus AB')).toBe('Styrelseordförande');
    expect(nameInside('Utbildningsdirektör', 'Utbildningskontoret')).toBe('Utbildningsdirektör');
    expect(nameInside('Nodra AB', 'Nodra AB')).toBe('Nodra AB');
  });

  it("marks each relation with how it is known, and says it in the line's words where it is not plain", () => {
    const elements = toElements(
      {
        nodes: [
          node('ks', 'POLITICAL_BODY'),
          node('kd', 'ROLE'),
          node('airport', 'COMPANY'),
          node('radhus', 'COMPANY'),
          node('presidium', 'POLITICAL_BODY'),
          node('area', 'DECISION_AREA'),
        ],
        edges: [
          edge('ks', 'APPOINTS', 'REPORTING', 'kd'),
          edge('kd', 'REPORTS_TO', 'REPORTING', 'ks', { status: 'INTERPRETED', confidence: null, marker: 'tolkning' }),
          edge('area', 'CONSULTED', 'CONSULTATION', 'presidium', { status: 'CONTESTED', confidence: null, marker: 'omstritt' }),
          edge('radhus', 'OWNS', 'OWNERSHIP', 'airport', { status: 'SOURCED', confidence: 'LOW', marker: 'osäkert' }),
          edge('ks', 'OVERSEES', 'OVERSIGHT', 'radhus', { status: 'SOURCED', confidence: 'HIGH', marker: null }),
        ],
      },
      vocabulary,
    );
    const edges = elements.filter((e) => e.group === 'edges').map((e) => e.data as EdgeData);
    expect(edges.map((e) => [e.evidence, e.label])).toEqual([
      ['STATED', 'APPOINTS'],
      ['INTERPRETED', 'REPORTS_TO (tolkning)'],
      ['CONTESTED', 'CONSULTED (omstritt)'],
      ['SOURCED_LOW', 'OWNS (osäkert)'],
      ['SOURCED', 'OVERSEES'],
    ]);
  });

  it('never boxes in what rests on a contested text or a weak source: the line stays, with its mark', () => {
    const parents = compoundParents({
      nodes: [
        node('radhus', 'COMPANY'),
        node('nodra', 'COMPANY'),
        node('airport', 'COMPANY'),
        node('namnd', 'POLITICAL_BODY'),
        node('utskott', 'POLITICAL_BODY'),
      ],
      edges: [
        edge('radhus', 'OWNS', 'OWNERSHIP', 'nodra', { status: 'SOURCED', confidence: 'HIGH', marker: null }),
        edge('radhus', 'OWNS', 'OWNERSHIP', 'airport', { status: 'SOURCED', confidence: 'LOW', marker: 'osäkert' }),
        edge('utskott', 'PART_OF', 'STRUCTURE', 'namnd', { status: 'CONTESTED', confidence: null, marker: 'omstritt' }),
      ],
    });
    expect(Object.fromEntries(parents)).toEqual({ nodra: 'radhus' });
  });

  it('marks the tops of the organisation as the labels to keep readable furthest out', () => {
    const elements = toElements(
      {
        nodes: [node('kf', 'POLITICAL_BODY'), ...['a', 'b', 'c', 'd', 'e'].map((id) => node(id, 'POLITICAL_BODY')), node('area', 'DECISION_AREA')],
        edges: ['a', 'b', 'c', 'd', 'e'].map((id) => edge('kf', 'ELECTS', 'REPORTING', id)),
      },
      vocabulary,
    );
    const importance = new Map(elements.filter((e) => e.group === 'nodes').map((e) => [e.data.id!, (e.data as NodeData).importance]));
    expect(importance.get('kf')).toBe(1);
    expect(importance.get('a')).toBe(2);
    expect(importance.get('area')).toBe(3);
  });
});
