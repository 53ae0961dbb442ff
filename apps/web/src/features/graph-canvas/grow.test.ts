import { describe, expect, it } from 'vitest';
import { GROW_SPACING, placeNewcomers, type Point } from './grow.ts';

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/** Every pair of points at least `spacing` apart (up to rounding). */
function closestPair(points: Point[]): number {
  let min = Infinity;
  for (let i = 0; i < points.length; i++) for (let j = i + 1; j < points.length; j++) min = Math.min(min, distance(points[i]!, points[j]!));
  return min;
}

describe('placing entities added to a large picture', () => {
  // A row of drawn entities 100 apart, as a dagre rank leaves them; the expanded one, "ks", in the middle of the row.
  const placed = new Map<string, Point>(['a', 'b', 'ks', 'c', 'd'].map((id, i) => [id, { x: i * 100, y: 0 }]));

  it('puts an expansion’s neighbours around the entity expanded, apart from each other and from what is drawn', () => {
    const newcomers = ['n1', 'n2', 'n3'].map((id) => ({ id, neighbours: ['ks'] }));
    const places = placeNewcomers(newcomers, placed);
    expect([...places.keys()]).toEqual(['n1', 'n2', 'n3']);
    const ks = placed.get('ks')!;
    // The first ring's spots beside the row are too near b and c: above and below it are free, the third goes to the second ring.
    expect(places.get('n2')!).toEqual({ x: expect.closeTo(200, 6) as number, y: expect.closeTo(GROW_SPACING, 6) as number });
    expect(distance(places.get('n3')!, ks)).toBeCloseTo(2 * GROW_SPACING, 6);
    // The first spot is straight above the entity expanded.
    expect(places.get('n1')!.x).toBeCloseTo(200, 6);
    expect(places.get('n1')!.y).toBeCloseTo(-GROW_SPACING, 6);
    expect(closestPair([...placed.values(), ...places.values()])).toBeGreaterThanOrEqual(GROW_SPACING - 1e-6);
  });

  it('goes out to the next ring when the first is full, never on top of another node', () => {
    const newcomers = Array.from({ length: 40 }, (_, i) => ({ id: `n${i}`, neighbours: ['ks'] }));
    const places = placeNewcomers(newcomers, placed);
    expect(places.size).toBe(40);
    expect(closestPair([...placed.values(), ...places.values()])).toBeGreaterThanOrEqual(GROW_SPACING - 1e-6);
    // Forty spots fit within four rings of the entity expanded.
    for (const p of places.values()) expect(distance(p, placed.get('ks')!)).toBeLessThanOrEqual(4 * GROW_SPACING + 1e-6);
  });

  it('gathers newcomers round the drawn entity most of them share, and one linked only to a newcomer beside that one', () => {
    const places = placeNewcomers(
      [
        { id: 'x', neighbours: ['a', 'ks'] },
        { id: 'y', neighbours: ['ks'] },
        { id: 'z', neighbours: ['y'] },
      ],
      placed,
    );
    // x relates to both a and ks; ks is shared by two newcomers, a by one: x goes round ks.
    expect(distance(places.get('x')!, placed.get('ks')!)).toBeCloseTo(GROW_SPACING, 6);
    expect(distance(places.get('z')!, places.get('y')!)).toBeCloseTo(GROW_SPACING, 6);
  });

  it('puts what relates to nothing drawn beside the picture, to its right', () => {
    const places = placeNewcomers([{ id: 'alone', neighbours: [] }], placed);
    expect(places.get('alone')!.x).toBeGreaterThan(400);
  });

  it('gives the same places for the same input', () => {
    const newcomers = Array.from({ length: 12 }, (_, i) => ({ id: `n${i}`, neighbours: [i % 2 ? 'ks' : 'a'] }));
    expect(placeNewcomers(newcomers, placed)).toEqual(placeNewcomers(newcomers, placed));
  });
});
