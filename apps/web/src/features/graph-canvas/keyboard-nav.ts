/** A point on the canvas and the way an arrow key points. */
export interface Point {
  x: number;
  y: number;
}
export type ArrowKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';

const DIRECTION: Record<ArrowKey, Point> = { ArrowUp: { x: 0, y: -1 }, ArrowDown: { x: 0, y: 1 }, ArrowLeft: { x: -1, y: 0 }, ArrowRight: { x: 1, y: 0 } };

/**
 * The neighbour an arrow key leads to from `from`: among the entities joined
 * to it by a relation, the one lying most nearly in the key's direction
 * (within 80° of it), nearer ones first when two lie alike. Null when no
 * relation leads that way. The canvas is then walked along its relations, as
 * a screen-reader user walks a tree, rather than panned blind.
 */
export function neighbourInDirection(from: Point, neighbours: readonly { id: string; at: Point }[], key: ArrowKey): string | null {
  const d = DIRECTION[key];
  let best: { id: string; score: number } | null = null;
  for (const n of neighbours) {
    const dx = n.at.x - from.x;
    const dy = n.at.y - from.y;
    const length = Math.hypot(dx, dy);
    if (length < 1) continue;
    const cos = (dx * d.x + dy * d.y) / length;
    if (cos < Math.cos((80 * Math.PI) / 180)) continue;
    // Mostly the angle, a little the distance: the one straight below beats a nearer one off to the side.
    const score = (1 - cos) * 4 + length / 2000;
    if (!best || score < best.score || (score === best.score && n.id < best.id)) best = { id: n.id, score };
  }
  return best?.id ?? null;
}
