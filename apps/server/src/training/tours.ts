import { GOVERNANCE_FAMILIES, type Entity, type GraphPath, type Relation, type RelationFamily, type Tour, type TourStep } from '@styrgraf/model';
import type { Store, Subgraph } from '@styrgraf/store';

/**
 * What a tour step shows on the graph, worked out through the Store port:
 * its route (leg by leg through the waypoints, each the shortest path at the
 * step's date) and everything to highlight.
 */

/** A tour step as the API serves it: the step with its place in the tour and the date it is shown as of. */
export interface TourStepView {
  tour: Tour;
  step: TourStep;
  number: number;
  asOf: string;
}

/** Legs are single hops or short chains; a route that needs more says so by a waypoint. */
export const MAX_LEG_LENGTH = 6;

export function stepViews(tour: Tour, today: string): TourStepView[] {
  return tour.steps.map((step, i) => ({ tour, step, number: i + 1, asOf: step.asOf ?? today }));
}

export function stepFamilies(step: TourStep): readonly RelationFamily[] {
  return step.families ?? GOVERNANCE_FAMILIES;
}

export function routeFamilies(step: TourStep): readonly RelationFamily[] {
  return step.path?.families ?? stepFamilies(step);
}

/** The route as one path: the first shortest path of each leg, joined. Null when a leg has no path on the step's date. */
export async function routeOf(store: Store, view: TourStepView): Promise<GraphPath | null> {
  const route = view.step.path;
  if (!route) return null;
  const stops = [route.from, ...(route.via ?? []), route.to];
  const legs = await Promise.all(
    stops
      .slice(1)
      .map((to, i) =>
        store.paths({ from: stops[i]!, to, maxLength: MAX_LEG_LENGTH, families: routeFamilies(view.step), asOf: view.asOf, mode: 'SHORTEST', limit: 1 }),
      ),
  );
  if (legs.some((found) => found.length === 0)) return null;
  return legs.reduce<GraphPath>((path, [leg]) => ({ nodes: [...path.nodes, ...leg!.nodes.slice(1)], steps: [...path.steps, ...leg!.steps] }), {
    nodes: [route.from],
    steps: [],
  });
}

/**
 * What to light up: the focus; for a decision area in focus, its
 * participants in the step's roles and their part in it; the route; and the
 * relations of the step's families between entities in focus.
 */
export async function highlightOf(store: Store, view: TourStepView, focus: Entity[]): Promise<Subgraph> {
  const { step, asOf } = view;
  const nodeIds = new Set(focus.map((e) => e.id));
  const edges = new Map<string, Relation>();

  const areas = focus.filter((e) => e.kind === 'DECISION_AREA').map((e) => e.id);
  if (areas.length > 0) {
    const participations = (await store.relationsOf(areas, { direction: 'IN', families: ['DECISION', 'CONSULTATION'], asOf })).flat();
    for (const r of participations) {
      if (r.derivedFrom !== 'PARTICIPATION' || (step.roles && !(step.roles as readonly string[]).includes(r.kind))) continue;
      nodeIds.add(r.from);
      edges.set(r.id, r);
    }
  }

  const route = await routeOf(store, view);
  for (const id of route?.nodes ?? []) nodeIds.add(id);
  for (const s of route?.steps ?? []) edges.set(s.relation.id, s.relation);

  const focusIds = new Set(focus.map((e) => e.id));
  const among = (await store.relationsOf([...focusIds], { direction: 'OUT', families: stepFamilies(step), asOf })).flat();
  for (const r of among) if (focusIds.has(r.to)) edges.set(r.id, r);

  const nodes = (await store.getEntities([...nodeIds])).filter((e): e is Entity => e !== null);
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { nodes: nodes.sort(byId), edges: [...edges.values()].sort(byId) };
}
