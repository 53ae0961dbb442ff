import type { ElementDefinition } from 'cytoscape';
import type { Subgraph, Vocabulary } from '../../api/types.ts';
import { kindStyle } from './theme.ts';

/**
 * Relation kinds read from the lower party to the higher one (a subordinate
 * reports to its superior; a part belongs to its whole). The layouts rank by
 * the vocabulary's hierarchical kinds, and by these turned the right way up.
 */
const UPWARD_KINDS = new Set(['REPORTS_TO', 'PART_OF', 'MEMBER_OF']);

export interface NodeData {
  id: string;
  label: string;
  nameEn: string;
  kind: string;
  subtype: string | null;
  size: number;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  kind: string;
  family: string;
  label: string;
  /** Where the layout ranks by this edge: 'down' puts the source above the target, 'up' the target above the source. */
  rank: 'down' | 'up' | null;
}

/** The canvas elements for a subgraph: names stay Swedish (they are proper names); relation words follow the UI language. */
export function toElements(subgraph: Subgraph, vocabulary: Pick<Vocabulary, 'relationKinds'>): ElementDefinition[] {
  const hierarchical = new Set(vocabulary.relationKinds.filter((k) => k.hierarchy).map((k) => k.kind));
  const kindOf = new Map(subgraph.nodes.map((n) => [n.id, n.kind]));
  const degree = new Map<string, number>();
  const edges: ElementDefinition[] = [];
  for (const e of subgraph.edges) {
    if (!kindOf.has(e.from.id) || !kindOf.has(e.to.id)) continue;
    degree.set(e.from.id, (degree.get(e.from.id) ?? 0) + 1);
    degree.set(e.to.id, (degree.get(e.to.id) ?? 0) + 1);
    const rank = UPWARD_KINDS.has(e.kind)
      ? 'up'
      : hierarchical.has(e.kind) || (kindOf.get(e.to.id) === 'DECISION_AREA' && kindOf.get(e.from.id) !== 'DECISION_AREA')
        ? 'down'
        : null;
    const data: EdgeData = { id: e.id, source: e.from.id, target: e.to.id, kind: e.kind, family: e.family, label: e.label, rank };
    edges.push({ group: 'edges', data });
  }
  const nodes: ElementDefinition[] = subgraph.nodes.map((n) => {
    const data: NodeData = {
      id: n.id,
      label: n.name,
      nameEn: n.nameEn,
      kind: n.kind,
      subtype: n.subtype,
      size: Math.round(kindStyle(n.kind).size + Math.min(degree.get(n.id) ?? 0, 24) * 0.75),
    };
    return { group: 'nodes', data };
  });
  return [...nodes, ...edges];
}

/** Two subgraphs as one: used when a focus view is expanded neighbour by neighbour. */
export function mergeSubgraphs(parts: readonly Subgraph[]): Subgraph {
  const nodes = new Map<string, Subgraph['nodes'][number]>();
  const edges = new Map<string, Subgraph['edges'][number]>();
  for (const part of parts) {
    for (const n of part.nodes) nodes.set(n.id, n);
    for (const e of part.edges) edges.set(e.id, e);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
