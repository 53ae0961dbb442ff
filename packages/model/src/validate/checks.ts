import { DirectedGraph } from 'graphology';
import { stronglyConnectedComponents } from 'graphology-components';
import { isValidAt } from '../dates.ts';
import type { Entity, Relation, TourStep } from '../types.ts';
import { RELATION_KINDS, relationSpec, type RelationKind } from '../vocabulary.ts';
import type { IssueList, Place } from './issues.ts';
import type { ReferenceChecker } from './references.ts';

/**
 * A step must point at things that exist, rest on provisions, and show what
 * it talks about: its focus and route in force on its date, a path with two
 * different ends, roles only where a decision area is in focus.
 */
export function checkTourStep(step: TourStep, place: Place, entities: Map<string, Entity>, check: ReferenceChecker, issues: IssueList): void {
  const at = (...path: (string | number)[]): Place => ({ ...place, path: [...place.path, ...path] });
  const inForce = (id: string, field: Place) => {
    const entity = entities.get(id);
    if (step.asOf && entity && !isValidAt(entity, step.asOf)) {
      issues.add(
        'INVALID_DATES',
        field,
        `"${id}" is not in force on ${step.asOf} (the step's asOf; it exists ${entity.validFrom ?? '…'} – ${entity.validTo ?? '…'}), so the graph would not show it`,
      );
    }
  };
  step.focus.forEach((f, j) => {
    if (check.ref(f, at('focus', j), 'entity')) inForce(f, at('focus', j));
  });
  check.citations(step, place, 'a tour step');
  step.cites.forEach((c, j) => check.ref(c, at('cites', j), 'provision', (k) => k === 'PROVISION'));
  if (step.roles && !step.focus.some((f) => entities.get(f)?.kind === 'DECISION_AREA')) {
    issues.add('SCHEMA', at('roles'), '"roles" picks the participants of the decision areas in focus, but the step focuses no decision area');
  }
  if (step.path) {
    const route = [step.path.from, ...(step.path.via ?? []), step.path.to];
    const fields = [at('path', 'from'), ...(step.path.via ?? []).map((_, j) => at('path', 'via', j)), at('path', 'to')];
    route.forEach((id, j) => {
      if (check.ref(id, fields[j]!, 'entity')) inForce(id, fields[j]!);
      if (j > 0 && id === route[j - 1]) issues.add('SCHEMA', fields[j]!, `the path goes from "${id}" to itself; a leg needs two different entities`);
    });
  }
}

/** A decision area names one decider, or says why the sources settle none (or more than one). */
export function checkSettled(area: Extract<Entity, { kind: 'DECISION_AREA' }>, place: Place, issues: IssueList): void {
  if (area.settled === false && !area.settledReason) {
    issues.add('SCHEMA', { ...place, path: [...place.path, 'settledReason'] }, 'an area marked settled: false says why in settledReason (sv and en)');
  }
  if (area.settled !== false && area.settledReason) {
    issues.add(
      'SCHEMA',
      { ...place, path: [...place.path, 'settledReason'] },
      'settledReason explains an unsettled decider: add settled: false, or leave the reason out',
    );
  }
}

/** Ownership and line management must be trees, not loops. */
export function checkCycles(relations: Relation[], places: Map<Relation, Place>, issues: IssueList): void {
  const groups: { name: string; kinds: RelationKind[] }[] = [
    { name: 'ownership', kinds: ['OWNS', 'CO_OWNS'] },
    {
      name: 'line management',
      kinds: (Object.keys(RELATION_KINDS) as RelationKind[]).filter((k) => relationSpec(k).hierarchy),
    },
  ];
  for (const group of groups) {
    const graph = new DirectedGraph();
    const members = relations.filter((r) => group.kinds.includes(r.kind));
    const edge = (r: Relation): [string, string] => (relationSpec(r.kind).hierarchy === 'up' ? [r.to, r.from] : [r.from, r.to]);
    for (const r of members) graph.mergeEdge(...edge(r));
    const componentOf = new Map<string, number>();
    stronglyConnectedComponents(graph).forEach((component, i) => {
      if (component.length > 1) for (const node of component) componentOf.set(node, i);
    });
    if (componentOf.size === 0) continue;
    // Report each loop once, at the first relation inside it.
    const reported = new Set<number>();
    for (const r of members) {
      const [parent, child] = edge(r);
      const c = componentOf.get(parent);
      if (c === undefined || c !== componentOf.get(child) || reported.has(c)) continue;
      reported.add(c);
      issues.add('CYCLE', places.get(r)!, `the ${group.name} relations form a loop through "${parent}" and "${child}"`);
    }
  }
}
