import { relationSpec, type Entity, type Relation } from '@styrgraf/model';
import type { OrgChartNode } from '../port.ts';
import { byVocabulary, bySwedishName } from './order.ts';

/** A line-management relation seen as parent → child. */
export interface HierarchyEdge {
  parent: string;
  child: string;
  relation: Relation;
}

export function hierarchyEdge(relation: Relation): HierarchyEdge | null {
  const direction = relationSpec(relation.kind).hierarchy;
  if (!direction) return null;
  return direction === 'down' ? { parent: relation.from, child: relation.to, relation } : { parent: relation.to, child: relation.from, relation };
}

/**
 * Builds the org chart from each entity's distance below the root (found by
 * the engine) and the hierarchy edges: an entity hangs under the parent one
 * step nearer the root, by vocabulary order of the relation where several are.
 */
export function assembleOrgTree(
  rootId: string,
  depths: ReadonlyMap<string, number>,
  edges: readonly HierarchyEdge[],
  lookup: (id: string) => Entity | undefined,
): OrgChartNode | null {
  const root = lookup(rootId);
  if (!root || depths.get(rootId) !== 0) return null;
  const chosen = new Map<string, HierarchyEdge>();
  for (const edge of edges) {
    const d = depths.get(edge.child);
    if (d === undefined || d === 0 || depths.get(edge.parent) !== d - 1) continue;
    const current = chosen.get(edge.child);
    if (!current || byVocabulary(edge.relation, current.relation) < 0) chosen.set(edge.child, edge);
  }
  const children = new Map<string, { entity: Entity; via: Relation }[]>();
  for (const [child, edge] of chosen) {
    const entity = lookup(child);
    if (!entity) continue;
    const list = children.get(edge.parent) ?? [];
    list.push({ entity, via: edge.relation });
    children.set(edge.parent, list);
  }
  const build = (entity: Entity, via: Relation | null): OrgChartNode => ({
    entity,
    via,
    children: (children.get(entity.id) ?? []).sort((a, b) => bySwedishName(a.entity, b.entity)).map((c) => build(c.entity, c.via)),
  });
  return build(root, null);
}
