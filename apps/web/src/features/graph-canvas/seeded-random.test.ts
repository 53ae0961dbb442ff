import { describe, expect, it } from 'vitest';
import { LAYOUT_SEED } from './layouts.ts';
import { seededFloats, seededRandom } from './seeded-random.ts';

const draw = (next: () => number, n: number) => Array.from({ length: n }, next);

describe('the layouts’ seeded randomness', () => {
  it('gives the same numbers in [0, 1) from the same seed, and others from another seed', () => {
    const a = draw(seededFloats(LAYOUT_SEED), 1_000);
    expect(draw(seededFloats(LAYOUT_SEED), 1_000)).toEqual(a);
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(a).size).toBe(1_000);
    expect(draw(seededFloats(LAYOUT_SEED + 1), 10)).not.toEqual(a.slice(0, 10));
  });

  it('replaces Math.random only while the layout runs, and puts it back when the layout throws', () => {
    const original = Math.random;
    const inside = seededRandom(LAYOUT_SEED, () => draw(Math.random, 5));
    expect(inside).toEqual(draw(seededFloats(LAYOUT_SEED), 5));
    expect(Math.random).toBe(original);
    expect(() =>
      seededRandom(LAYOUT_SEED, () => {
        throw new Error('layout failed');
      }),
    ).toThrow('layout failed');
    expect(Math.random).toBe(original);
  });
});
