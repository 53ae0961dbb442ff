import type { OrgChartEntry } from '../../api/types.ts';

export interface OrgNode {
  entry: OrgChartEntry;
  children: OrgNode[];
}

/** The API's flat, depth-first entries as a tree (each entry names its parent). */
export function buildOrgTree(entries: readonly OrgChartEntry[]): OrgNode | null {
  const nodes = new Map<string, OrgNode>();
  let root: OrgNode | null = null;
  for (const entry of entries) {
    const node: OrgNode = { entry, children: [] };
    nodes.set(entry.entity.id, node);
    const parent = entry.parent ? nodes.get(entry.parent.id) : undefined;
    if (parent) parent.children.push(node);
    else root ??= node;
  }
  return root;
}

/** Every entity with something below it: what "collapse all" folds. */
export function branchIds(entries: readonly OrgChartEntry[]): string[] {
  return entries.filter((e) => e.childCount > 0 && e.depth > 0).map((e) => e.entity.id);
}

/** An org-chart entry as the API answers it: only an actor has a subtype; the tree reads null for the others. */
type AnsweredEntry = Omit<OrgChartEntry, 'entity'> & { entity: Omit<OrgChartEntry['entity'], 'subtype'> & { subtype?: string | null } };
export const normaliseEntries = (entries: readonly AnsweredEntry[]): OrgChartEntry[] =>
  entries.map((e) => ({ ...e, entity: { ...e.entity, subtype: e.entity.subtype ?? null } }));
