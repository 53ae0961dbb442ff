import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

/**
 * A seeded source of choices for the synthetic data. Each municipality draws
 * from its own stream (a jump of the national one), so municipality 42 is the
 * same whether 50 or 290 are generated, and one change to a municipality's
 * recipe does not shift every municipality after it.
 */
export class Random {
  private constructor(private readonly rng: JumpableRandomGenerator) {}

  static seeded(seed: number): Random {
    return new Random(xoroshiro128plus(seed));
  }

  /** `count` independent streams, each 2^64 draws away from the one before. */
  streams(count: number): Random[] {
    const rng = this.rng.clone();
    const out: Random[] = [];
    for (let i = 0; i < count; i++) {
      rng.jump();
      out.push(new Random(rng.clone()));
    }
    return out;
  }

  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return uniformInt(this.rng, min, max);
  }

  chance(probability: number): boolean {
    return uniformInt(this.rng, 0, 9_999) < probability * 10_000;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(0, items.length - 1)]!;
  }

  /** `count` distinct items, in the order they stand in `items`. */
  sample<T>(items: readonly T[], count: number): T[] {
    const indices = items.map((_, i) => i);
    for (let i = indices.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [indices[i], indices[j]] = [indices[j]!, indices[i]!];
    }
    return indices
      .slice(0, Math.min(count, items.length))
      .sort((a, b) => a - b)
      .map((i) => items[i]!);
  }
}
