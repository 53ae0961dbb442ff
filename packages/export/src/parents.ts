import type { Entity, Relation } from '@styrgraf/model';
import type { ExportSelection } from './selection.ts';

/** A relation kind that can make one organisation another's parent, and which end is the child. */
export interface ParentRule {
  kind: Relation['kind'];
  childIs: 'from' | 'to';
}

/**
 * One parent per organisation for formats that allow only one (Popolo's
 * `parent_id`, OParl's `subOrganizationOf`): the first rule that gives one,
 * between two organisations of the selection, and never one that would close
 * a loop (a reader walking up the parents must reach a top).
 */
export function chooseParents(
  selection: ExportSelection,
  rules: readonly ParentRule[],
  isOrganisation: (e: Entity | undefined) => boolean,
): Map<string, { parent: string; relation: Relation }> {
  const present = new Map(selection.entities.map((e) => [e.id, e]));
  const parents = new Map<string, { parent: string; relation: Relation }>();
  const reaches = (from: string, target: string) => {
    for (let at: string | undefined = from, steps = 0; at !== undefined && steps <= parents.size; at = parents.get(at)?.parent, steps++)
      if (at === target) return true;
    return false;
  };
  for (const { kind, childIs } of rules) {
    for (const relation of selection.relations) {
      if (relation.kind !== kind) continue;
      const [child, parent] = childIs === 'from' ? [relation.from, relation.to] : [relation.to, relation.from];
      if (parents.has(child) || !isOrganisation(present.get(child)) || !isOrganisation(present.get(parent)) || reaches(parent, child)) continue;
      parents.set(child, { parent, relation });
    }
  }
  return parents;
}
