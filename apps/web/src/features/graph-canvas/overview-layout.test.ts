import { describe, expect, it } from 'vitest';
import { overviewLayout, type OverviewInput } from './overview-layout.ts';

/**
 * A country of twelve municipalities: the association of all of them
 * (se-kommunforbundet, as in the national set), a federation of the first
 * four (north), one of the last four (south), and two municipalities in none
 * but the association.
 */
const municipalities = Array.from({ length: 12 }, (_, i) => `s${String(i + 1).padStart(3, '0')}-kommunen`);
const north = municipalities.slice(0, 4);
const south = municipalities.slice(8);
const COUNTRY: OverviewInput = {
  municipalities,
  shared: ['se-kommunforbundet', 'f-norr', 'f-syd'],
  links: [
    ...municipalities.map((m) => [m, 'se-kommunforbundet'] as const),
    ...north.map((m) => [m, 'f-norr'] as const),
    // Either way round: the layout does not care which end is which.
    ...south.map((m) => ['f-syd', m] as const),
  ],
};

const radius = (p: { x: number; y: number }) => Math.hypot(p.x, p.y);
const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe('the country overview placed in rings', () => {
  it('places every entity once, the association of all municipalities in the middle and the federations inside the municipalities', () => {
    const at = overviewLayout(COUNTRY);
    expect([...at.keys()].sort()).toEqual([...municipalities, 'f-norr', 'f-syd', 'se-kommunforbundet'].sort());
    expect(at.get('se-kommunforbundet')).toEqual({ x: 0, y: 0 });
    const innermostMunicipality = Math.min(...municipalities.map((m) => radius(at.get(m)!)));
    for (const f of ['f-norr', 'f-syd']) expect(radius(at.get(f)!)).toBeLessThan(innermostMunicipality);
  });

  it('puts each federation’s members on its side of the ring, nearer to it than to the other federation', () => {
    const at = overviewLayout(COUNTRY);
    for (const m of north) expect(distance(at.get(m)!, at.get('f-norr')!)).toBeLessThan(distance(at.get(m)!, at.get('f-syd')!));
    for (const m of south) expect(distance(at.get(m)!, at.get('f-syd')!)).toBeLessThan(distance(at.get(m)!, at.get('f-norr')!));
  });

  it('keeps neighbours on the ring apart: no two municipalities closer than the spacing', () => {
    const at = overviewLayout(COUNTRY);
    for (const a of municipalities) for (const b of municipalities) if (a < b) expect(distance(at.get(a)!, at.get(b)!)).toBeGreaterThanOrEqual(40);
  });

  it('gives the same picture whatever order the data came in', () => {
    const reversed: OverviewInput = {
      municipalities: [...COUNTRY.municipalities].reverse(),
      shared: [...COUNTRY.shared].reverse(),
      links: [...COUNTRY.links].reverse(),
    };
    expect(overviewLayout(reversed)).toEqual(overviewLayout(COUNTRY));
  });
});
