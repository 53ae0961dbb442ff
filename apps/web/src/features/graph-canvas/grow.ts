export interface Point {
  x: number;
  y: number;
}

/** An entity added to a picture already drawn, and the entities it relates to (drawn or added with it). */
export interface Newcomer {
  id: string;
  neighbours: readonly string[];
}

/** Least distance between two centres: a node and the label under it (the stylesheet's text-max-width is 120 px). */
export const GROW_SPACING = 90;

/**
 * Where entities added to a large picture go, leaving everything already
 * drawn where it is: around the drawn entity most of them relate to (the one
 * expanded), in rings outwards from it, each at a free spot at least
 * `spacing` from every node drawn or placed. One that relates only to other
 * newcomers goes around the first of them placed; one that relates to
 * nothing drawn goes beside the picture, to its right. Deterministic: the
 * same input gives the same places.
 */
export function placeNewcomers(newcomers: readonly Newcomer[], placed: ReadonlyMap<string, Point>, spacing = GROW_SPACING): Map<string, Point> {
  const result = new Map<string, Point>();
  if (newcomers.length === 0) return result;
  const taken = new SpatialGrid(spacing);
  for (const p of placed.values()) taken.add(p);
  const at = (id: string) => result.get(id) ?? placed.get(id);

  // The drawn entity shared by most newcomers is where they gather; an expansion's is the entity expanded.
  const shared = new Map<string, number>();
  for (const n of newcomers) for (const m of new Set(n.neighbours)) if (placed.has(m)) shared.set(m, (shared.get(m) ?? 0) + 1);
  const anchorOf = (n: Newcomer): string | undefined => {
    let best: string | undefined;
    for (const m of n.neighbours) {
      if (!at(m)) continue;
      if (best === undefined || (shared.get(m) ?? 0) > (shared.get(best) ?? 0)) best = m;
    }
    return best;
  };

  const rings = new Map<string, RingCursor>();
  const place = (n: Newcomer, anchorId: string, centre: Point) => {
    let cursor = rings.get(anchorId);
    if (!cursor) rings.set(anchorId, (cursor = new RingCursor(centre, spacing)));
    let spot = cursor.next();
    while (taken.near(spot)) spot = cursor.next();
    taken.add(spot);
    result.set(n.id, spot);
  };

  // In rounds: those beside something drawn first, then those beside a newcomer placed in an earlier round.
  let waiting = [...newcomers];
  while (waiting.length > 0) {
    const later: Newcomer[] = [];
    for (const n of waiting) {
      const anchor = anchorOf(n);
      if (anchor === undefined) later.push(n);
      else place(n, anchor, at(anchor)!);
    }
    if (later.length === waiting.length) {
      // Nothing drawn relates to these: beside the picture, to its right, level with its top.
      const box = extent([...placed.values(), ...result.values()]);
      const beside = box ? { x: box.x2 + 3 * spacing, y: box.y1 } : { x: 0, y: 0 };
      place(later[0]!, '\u0000beside', beside);
      waiting = later.slice(1);
    } else waiting = later;
  }
  return result;
}

function extent(points: readonly Point[]): { x1: number; y1: number; x2: number; y2: number } | null {
  if (points.length === 0) return null;
  const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  for (const p of points) {
    box.x1 = Math.min(box.x1, p.x);
    box.y1 = Math.min(box.y1, p.y);
    box.x2 = Math.max(box.x2, p.x);
    box.y2 = Math.max(box.y2, p.y);
  }
  return box;
}

/** Spots on rings around a centre, `spacing` apart along each ring and between rings, the innermost first. */
class RingCursor {
  private ring = 1;
  private slot = 0;
  constructor(
    private readonly centre: Point,
    private readonly spacing: number,
  ) {}

  next(): Point {
    const radius = this.ring * this.spacing;
    const slots = Math.max(6, Math.floor((2 * Math.PI * radius) / this.spacing));
    // Each ring starts half a step round from the one inside it, so that the rings' spots do not line up.
    const angle = (2 * Math.PI * (this.slot + ((this.ring + 1) % 2) / 2)) / slots - Math.PI / 2;
    const spot = { x: this.centre.x + radius * Math.cos(angle), y: this.centre.y + radius * Math.sin(angle) };
    if (++this.slot >= slots) {
      this.slot = 0;
      this.ring++;
    }
    return spot;
  }
}

/** Points in square cells of the spacing's size: whether a spot has a point within the spacing looks at nine cells, not at every point. */
class SpatialGrid {
  private readonly cells = new Map<string, Point[]>();
  constructor(private readonly spacing: number) {}

  private key(cx: number, cy: number) {
    return `${cx},${cy}`;
  }

  add(p: Point): void {
    const key = this.key(Math.floor(p.x / this.spacing), Math.floor(p.y / this.spacing));
    const cell = this.cells.get(key);
    if (cell) cell.push(p);
    else this.cells.set(key, [p]);
  }

  near(p: Point): boolean {
    const cx = Math.floor(p.x / this.spacing);
    const cy = Math.floor(p.y / this.spacing);
    const limit = this.spacing * this.spacing - 1e-6;
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const q of this.cells.get(this.key(cx + dx, cy + dy)) ?? []) if ((q.x - p.x) ** 2 + (q.y - p.y) ** 2 < limit) return true;
    return false;
  }
}
