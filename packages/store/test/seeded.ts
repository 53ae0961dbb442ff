import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * A seeded source of numbers in [0, 1) for tests, so that every run draws
 * the same graphs, pairs and queries: pure-rand's xoroshiro128+, the
 * generator the quiz and the synthetic data use.
 */
export function seeded(seed: number): () => number {
  const rng = xoroshiro128plus(seed);
  return () => uniformFloat64(rng);
}
