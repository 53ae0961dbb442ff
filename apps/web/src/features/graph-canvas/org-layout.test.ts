import { describe, expect, it } from 'vitest';
import { orgLayout, type OrgBox, type OrgLink } from './org-layout.ts';

const box = (id: string, rank = 0, parent: string | null = null): OrgBox => ({ id, w: 120, h: 60, cx: 60, cy: 20, parent, rank, name: id });
const line = (source: string, target: string): OrgLink => ({ source, target, tree: true, weight: 1 });
const beside = (source: string, target: string, weight = 5): OrgLink => ({ source, target, tree: false, weight });

/** A small municipality: KF elects KS and three nämnder; KS (with a presidium inside it) appoints the director, who heads two offices inside the administration; a decision area KS decides. */
const boxes = [
  box('kf'),
  box('ks'),
  box('ks-presidium', 0, 'ks'),
  box('namnd-a'),
  box('namnd-b'),
  box('namnd-c'),
  box('kd', 1),
  box('forvaltningen', 2),
  box('kontor-1', 2, 'forvaltningen'),
  box('kontor-2', 2, 'forvaltningen'),
  box('beslut', 5),
];
const links = [
  line('kf', 'ks'),
  line('kf', 'namnd-a'),
  line('kf', 'namnd-b'),
  line('kf', 'namnd-c'),
  line('ks', 'kd'),
  line('kd', 'kontor-1'),
  line('kd', 'kontor-2'),
  line('kd', 'forvaltningen'),
  beside('ks', 'beslut'),
  beside('ks-presidium', 'ks', 6),
];

describe('the org layout', () => {
  const at = orgLayout(boxes, links, { aspect: 1.6 });

  it('places every entity that is not a box of its own, and the same data the same way every time', () => {
    expect([...at.keys()].sort()).toEqual(['beslut', 'kd', 'kf', 'kontor-1', 'kontor-2', 'ks-presidium', 'namnd-a', 'namnd-b', 'namnd-c'].sort());
    expect(orgLayout([...boxes].reverse(), [...links].reverse(), { aspect: 1.6 })).toEqual(at);
  });

  it('puts what elects, appoints and heads above what it elects, appoints and heads', () => {
    const y = (id: string) => at.get(id)!.y;
    expect(y('kf')).toBeLessThan(y('namnd-a'));
    expect(y('kf')).toBeLessThan(y('ks-presidium'));
    expect(y('ks-presidium')).toBeLessThan(y('kd'));
    expect(y('kd')).toBeLessThan(y('kontor-1'));
  });

  it('keeps a decision area beside the body that decides it, not on a line of its own', () => {
    expect(Math.abs(at.get('beslut')!.y - at.get('ks-presidium')!.y)).toBeLessThan(150);
  });

  it('lets no two entities’ boxes overlap', () => {
    const list = [...at.entries()].map(([id, p]) => ({ id, x1: p.x - 60, x2: p.x + 60, y1: p.y - 20, y2: p.y + 40 }));
    for (const a of list)
      for (const b of list) if (a.id < b.id) expect(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2, `${a.id} and ${b.id}`).toBe(false);
  });

  it('makes a box at least as wide as its name, its members centred under it', () => {
    const members = [
      { ...box('b', 3, 'group'), w: 40, cx: 20 },
      { ...box('c', 3, 'group'), w: 40, cx: 20 },
    ];
    const group = (labelW?: number): OrgBox => ({ id: 'group', w: 0, h: 0, cx: 0, cy: 0, parent: null, rank: 3, name: 'group', ...(labelW ? { labelW } : {}) });
    const middle = (at: Map<string, { x: number }>) => (at.get('b')!.x + at.get('c')!.x) / 2;
    // Without a long name the box is as narrow as its members (12 px padding each side); with one, it is 400 wide and they sit in its middle.
    expect(middle(orgLayout([group(), ...members], [], { aspect: 1.6 }))).toBeCloseTo(12 + 49, 0);
    expect(middle(orgLayout([group(400), ...members], [], { aspect: 1.6 }))).toBeCloseTo(200, 0);
  });

  it('stacks a wide level’s branches under its members rather than beside them', () => {
    const wide = orgLayout(boxes, links, { aspect: 1.6, maxRowWidth: 200 });
    const narrow = orgLayout(boxes, links, { aspect: 1.6, maxRowWidth: 100_000 });
    const width = (p: Map<string, { x: number }>) => Math.max(...[...p.values()].map((v) => v.x)) - Math.min(...[...p.values()].map((v) => v.x));
    expect(width(wide)).toBeLessThan(width(narrow));
  });
});
