import type { Subgraph } from '../../api/types.ts';

export interface Visibility {
  hidden: readonly string[];
  pinned: readonly string[];
  /** Keep entities the filters leave without a relation. */
  lonely: boolean;
  /** Entities that stay whatever happens: the focus, the selection. */
  keep: readonly string[];
}

export interface VisibleSubgraph {
  subgraph: Subgraph;
  /** Entities taken off by hand that were in the data. */
  hiddenCount: number;
  /** Entities left out because the filters leave them without a relation. */
  lonelyCount: number;
}

/**
 * What the canvas and the table show of a subgraph: less the entities hidden
 * by hand, and less those left without any relation by the current filters
 * (when the families shown are only Ägande, the 68 entities that own nothing
 * and are owned by nothing only clutter the picture). Pinned entities, the
 * focus and the selection always stay. Exports draw what is shown, so they
 * inherit the same clean picture.
 */
export function visibleSubgraph(subgraph: Subgraph, v: Visibility): VisibleSubgraph {
  const hidden = new Set(v.hidden);
  const stay = new Set([...v.pinned, ...v.keep]);
  const nodes = subgraph.nodes.filter((n) => !hidden.has(n.id) || stay.has(n.id));
  const ids = new Set(nodes.map((n) => n.id));
  const edges = subgraph.edges.filter((e) => ids.has(e.from.id) && ids.has(e.to.id));
  const connected = new Set(edges.flatMap((e) => [e.from.id, e.to.id]));
  const shown = v.lonely ? nodes : nodes.filter((n) => connected.has(n.id) || stay.has(n.id));
  return {
    subgraph: shown.length === subgraph.nodes.length && edges.length === subgraph.edges.length ? subgraph : { nodes: shown, edges },
    hiddenCount: subgraph.nodes.length - nodes.length,
    lonelyCount: nodes.length - shown.length,
  };
}
