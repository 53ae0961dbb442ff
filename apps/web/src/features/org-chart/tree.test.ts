import { describe, expect, it } from 'vitest';
import type { OrgChartEntry } from '../../api/types.ts';
import { branchIds, buildOrgTree } from './tree.ts';

const entry = (id: string, depth: number, parent: string | null, childCount: number): OrgChartEntry => ({
  entity: { id, kind: 'POLITICAL_BODY', name: id, nameEn: id, subtype: null },
  depth,
  parent: parent ? { id: parent } : null,
  via: parent ? { id: `${parent}.x.${id}`, kind: 'ELECTS', family: 'REPORTING', label: 'väljer' } : null,
  childCount,
});

describe('the org chart tree', () => {
  const entries = [
    entry('kf', 0, null, 2),
    entry('ks', 1, 'kf', 1),
    entry('kd', 2, 'ks', 1),
    entry('socialkontoret', 3, 'kd', 0),
    entry('valnamnden', 1, 'kf', 0),
  ];

  it('rebuilds the tree from the depth-first entries', () => {
    const root = buildOrgTree(entries)!;
    expect(root.entry.entity.id).toBe('kf');
    expect(root.children.map((c) => c.entry.entity.id)).toEqual(['ks', 'valnamnden']);
    expect(root.children[0]!.children[0]!.children[0]!.entry.entity.id).toBe('socialkontoret');
  });

  it('"collapse all" folds every branch below the root', () => {
    expect(branchIds(entries)).toEqual(['ks', 'kd']);
  });

  it('has no tree for no entries', () => {
    expect(buildOrgTree([])).toBeNull();
  });
});
