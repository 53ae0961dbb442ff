import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * Runs `run` with Math.random replaced by a seeded generator, so that a
 * layout engine that starts from random positions (fcose) gives the same
 * picture from the same data on every load and every machine. Only the
 * synchronous part is covered, which is where fcose computes.
 */
export function seededRandom<T>(seed: number, run: () => T): T {
  const original = Math.random;
  Math.random = seededFloats(seed);
  try {
    return run();
  } finally {
    Math.random = original;
  }
}

/** Numbers in [0, 1) from a seed: pure-rand's xoroshiro128+, the generator the quiz and the synthetic data use. */
export function seededFloats(seed: number): () => number {
  const rng = xoroshiro128plus(seed);
  return () => uniformFloat64(rng);
}
