import { describe, expect, it } from 'vitest';
import { orgTops } from './roots.ts';

const node = (id: string) => ({ id, name: id, kind: 'POLITICAL_BODY' });
const edge = (from: string, kind: string, to: string) => ({ kind, from: { id: from }, to: { id: to } });
const hierarchy = new Map([
  ['ELECTS', 'down'],
  ['APPOINTS', 'down'],
  ['MANAGES', 'down'],
  ['OWNS', 'down'],
  ['REPORTS_TO', 'up'],
] as const);

describe('where an org chart starts, from the data', () => {
  it('the top of the line first, then the largest branches, whatever the ids', () => {
    const graph = {
      nodes: ['s001-kf', 's001-ks', 's001-kd', 'a', 'b', 'c', 'namnd', 'group', 'sub'].map(node),
      edges: [
        edge('s001-kf', 'ELECTS', 's001-ks'),
        edge('s001-kf', 'ELECTS', 'namnd'),
        edge('s001-kd', 'REPORTS_TO', 's001-ks'),
        edge('s001-kd', 'MANAGES', 'a'),
        edge('s001-kd', 'MANAGES', 'b'),
        edge('s001-kd', 'MANAGES', 'c'),
        edge('s001-kf', 'OWNS', 'group'),
        edge('group', 'OWNS', 'sub'),
        edge('namnd', 'OVERSEES', 'a'),
      ],
    };
    const tops = orgTops(graph, hierarchy);
    expect(tops.map((t) => t.id)).toEqual(['s001-kf', 's001-ks', 's001-kd', 'group']);
    expect(tops[0]!.below).toBe(8);
  });

  it('has nothing to offer for a data set without a line of management', () => {
    expect(orgTops({ nodes: [node('x')], edges: [] }, hierarchy)).toEqual([]);
  });
});
