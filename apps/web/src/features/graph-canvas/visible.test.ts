import { describe, expect, it } from 'vitest';
import type { Subgraph } from '../../api/types.ts';
import { visibleSubgraph } from './visible.ts';

const node = (id: string) => ({ id, kind: 'COMPANY' as const, name: id, nameEn: id, subtype: null, validFrom: null, validTo: null, postIn: null });
const owns = (from: string, to: string) => ({
  id: `${from}.owns.${to}`,
  kind: 'OWNS',
  family: 'OWNERSHIP' as const,
  label: 'äger',
  from: { id: from },
  to: { id: to },
  evidence: { status: 'STATED' as const, confidence: null, marker: null },
});
/** An ownership view: KF owns the group, the group owns two companies; the nämnd owns nothing. */
const ownership: Subgraph = {
  nodes: [node('kf'), node('group'), node('a'), node('b'), node('namnd')],
  edges: [owns('kf', 'group'), owns('group', 'a'), owns('group', 'b')],
};
const none = { hidden: [], pinned: [], lonely: false, keep: [] };

describe('what the canvas and the table show', () => {
  it('leaves out what the filters leave without a relation, and counts it', () => {
    const v = visibleSubgraph(ownership, none);
    expect(v.subgraph.nodes.map((n) => n.id)).toEqual(['kf', 'group', 'a', 'b']);
    expect(v.lonelyCount).toBe(1);
    expect(visibleSubgraph(ownership, { ...none, lonely: true }).subgraph.nodes).toHaveLength(5);
  });

  it('takes a hidden entity off with its lines, and then what that leaves alone', () => {
    const v = visibleSubgraph(ownership, { ...none, hidden: ['group'] });
    expect(v.subgraph.nodes.map((n) => n.id)).toEqual([]);
    expect(v.subgraph.edges).toEqual([]);
    expect(v.hiddenCount).toBe(1);
    expect(v.lonelyCount).toBe(4);
  });

  it('keeps pinned entities, the focus and the selection even without a relation', () => {
    expect(visibleSubgraph(ownership, { ...none, pinned: ['namnd'] }).subgraph.nodes.map((n) => n.id)).toContain('namnd');
    expect(visibleSubgraph(ownership, { ...none, keep: ['namnd'] }).subgraph.nodes.map((n) => n.id)).toContain('namnd');
  });

  it('gives the same object back when nothing is left out, so the canvas does not redraw', () => {
    const full: Subgraph = { nodes: [node('kf'), node('group')], edges: [owns('kf', 'group')] };
    expect(visibleSubgraph(full, none).subgraph).toBe(full);
  });
});
