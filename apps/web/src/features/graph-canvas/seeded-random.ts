/**
 * Runs `run` with Math.random replaced by a seeded generator (mulberry32),
 * so that a layout engine that starts from random positions (fcose) gives
 * the same picture from the same data on every load and every machine.
 * Only the synchronous part is covered, which is where fcose computes.
 */
export function seededRandom<T>(seed: number, run: () => T): T {
  const original = Math.random;
  Math.random = mulberry32(seed);
  try {
    return run();
  } finally {
    Math.random = original;
  }
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
