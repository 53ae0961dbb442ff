import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './validate.ts';

/** The definition the digest was first built on; canonicalJson must give the same text for every value. */
const reference = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );

describe('canonical JSON', () => {
  it('sorts keys at every depth, whatever order they were written in', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[{"y":2,"z":1}]},"b":1}');
  });

  it('is byte for byte the replacer-based form for any value (so digests do not change)', () => {
    const odd = fc.oneof(fc.constant(undefined), fc.constant(NaN), fc.constant(-0), fc.constant(Infinity), fc.date(), fc.constant(() => 1));
    const value = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, fc.jsonValue(), odd, fc.array(tie('tree')), fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('0', '10', '9', '01', '4294967295', '__proto__')), tie('tree'))),
    })).tree;
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(v)).toBe(reference(v));
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});
