/**
 * The country's overview placed without a force simulation: what the
 * municipalities share (federations, associations) on an inner ring, the
 * municipalities on staggered outer rings beside the shared bodies they
 * belong to, and a body most of the country belongs to (the association of
 * all municipalities) in the middle. Linear in the picture after one sort,
 * the same on every load and machine: the org layout's measuring and packing
 * took most of a second on 290 municipalities, for a picture of rings anyway.
 */
export interface OverviewInput {
  /** The municipalities (kommun entities), in any order. */
  municipalities: readonly string[];
  /** Everything else on the overview: what the municipalities share. */
  shared: readonly string[];
  /** Who belongs to what, either way round. */
  links: readonly (readonly [string, string])[];
}

export type Point = { x: number; y: number };

/** Room per entity along a ring, and between the rings. */
const SPACING = { municipality: 42, shared: 90, stagger: 70, gap: 260 };
/** Municipalities on a ring of their own sit this many radii apart, so that a neighbour's label does not overlap. */
const STAGGER = 3;

export function overviewLayout({ municipalities, shared, links }: OverviewInput): Map<string, Point> {
  const isMunicipality = new Set(municipalities);
  const members = new Map<string, Set<string>>(shared.map((s) => [s, new Set()]));
  const belongs = new Map<string, string[]>(municipalities.map((m) => [m, []]));
  for (const [a, b] of links) {
    const [m, s] = isMunicipality.has(a) ? [a, b] : [b, a];
    if (!isMunicipality.has(m) || !members.has(s)) continue;
    members.get(s)!.add(m);
    belongs.get(m)!.push(s);
  }
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sortedMunicipalities = [...municipalities].sort(byId);
  const order = new Map(sortedMunicipalities.map((m, i) => [m, i]));
  // A body more than half the country belongs to would pull every line to one side of the ring: it sits in the middle.
  const centre = shared.filter((s) => members.get(s)!.size > municipalities.length / 2).sort(byId);
  const ring = shared.filter((s) => !centre.includes(s));
  // Bodies in the order of their first member, so that bodies of neighbouring municipalities sit side by side.
  const first = (s: string) => Math.min(...[...members.get(s)!].map((m) => order.get(m)!), Infinity);
  ring.sort((a, b) => first(a) - first(b) || byId(a, b));

  const positions = new Map<string, Point>();
  const at = (angle: number, radius: number): Point => ({ x: Math.round(radius * Math.cos(angle)), y: Math.round(radius * Math.sin(angle)) });
  // Start at the top, clockwise.
  const angleOf = (i: number, n: number) => -Math.PI / 2 + (2 * Math.PI * i) / Math.max(n, 1);

  centre.forEach((s, i) => positions.set(s, centre.length === 1 ? { x: 0, y: 0 } : at(angleOf(i, centre.length), SPACING.shared)));
  const inner = Math.max((ring.length * SPACING.shared) / (2 * Math.PI), centre.length > 0 ? 2 * SPACING.shared : 0);
  const ringAngle = new Map(ring.map((s, i) => [s, angleOf(i, ring.length)]));
  ring.forEach((s) => positions.set(s, at(ringAngle.get(s)!, inner)));

  // Each municipality's bearing is the mean direction of the ring bodies it belongs to; those with none keep their place in id order.
  const bearing = (m: string): number => {
    const angles = belongs
      .get(m)!
      .map((s) => ringAngle.get(s))
      .filter((a): a is number => a !== undefined);
    if (angles.length === 0) return angleOf(order.get(m)!, municipalities.length);
    const angle = Math.atan2(
      angles.reduce((n, a) => n + Math.sin(a), 0),
      angles.reduce((n, a) => n + Math.cos(a), 0),
    );
    // Measured from the top, clockwise, as the ring is laid.
    return (angle + Math.PI / 2 + 2 * Math.PI) % (2 * Math.PI);
  };
  const bearings = new Map(sortedMunicipalities.map((m) => [m, bearing(m)]));
  const around = [...sortedMunicipalities].sort((a, b) => bearings.get(a)! - bearings.get(b)! || order.get(a)! - order.get(b)!);
  const outer = Math.max(inner + SPACING.gap, (around.length * SPACING.municipality) / (2 * Math.PI));
  // Evenly spaced in that order, the whole ring turned so that the municipalities sit, on the whole, at their bearings.
  const turn = Math.atan2(
    around.reduce((n, m, i) => n + Math.sin(bearings.get(m)! - Math.PI / 2 - angleOf(i, around.length)), 0),
    around.reduce((n, m, i) => n + Math.cos(bearings.get(m)! - Math.PI / 2 - angleOf(i, around.length)), 0),
  );
  around.forEach((m, i) => positions.set(m, at(angleOf(i, around.length) + turn, outer + (i % STAGGER) * SPACING.stagger)));
  return positions;
}
