import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../schema.ts';
import { CostCache } from './cache.ts';
import { estimateCost } from './estimate.ts';
import { FALLBACK_PROFILE } from './profile.ts';

/**
 * A remembered estimate is the estimate the walk would give: reused only for
 * the same values of the variables the walk read, whatever the others.
 */
const schema = buildSchema();
const NEIGHBOURHOOD = parse(
  `query N($id: ID!, $depth: Int, $first: Int) { neighbourhood(id: $id, depth: $depth, first: $first) { nodes { id } edges { id } } }`,
);
const walked = (variables: Record<string, unknown>) => estimateCost(schema, NEIGHBOURHOOD, 'N', variables, FALLBACK_PROFILE);

describe('the cost cache', () => {
  it('gives what the walk gives for every request, as the variables that size the answer change and the others do not', () => {
    const cache = new CostCache();
    const asks: Record<string, unknown>[] = [
      { id: 'kommunstyrelsen', depth: 1 },
      { id: 'kommundirektor', depth: 1 },
      { id: 'kommunstyrelsen', depth: 3 },
      { id: 'kommunstyrelsen', depth: 3, first: 20 },
      { id: 'kommundirektor', depth: 3 },
      { id: 'kommunstyrelsen' },
      { id: 'kommunstyrelsen', depth: null },
      { id: 'kommunstyrelsen', depth: 1 },
    ];
    for (const variables of asks) expect(cache.estimate(schema, NEIGHBOURHOOD, 'N', variables, FALLBACK_PROFILE)).toEqual(walked(variables));
    // The figures differ from one another, so a cache that kept one answer per document would have failed above.
    expect(new Set(asks.map((v) => walked(v).records)).size).toBeGreaterThanOrEqual(3);
  });

  it('reuses an estimate for another entity id: the id is given but never read', () => {
    const cache = new CostCache();
    const first = cache.estimate(schema, NEIGHBOURHOOD, 'N', { id: 'kommunstyrelsen', depth: 2 }, FALLBACK_PROFILE);
    expect(cache.estimate(schema, NEIGHBOURHOOD, 'N', { id: 'kommundirektor', depth: 2 }, FALLBACK_PROFILE)).toBe(first);
    expect(cache.estimate(schema, NEIGHBOURHOOD, 'N', { id: 'kommundirektor', depth: 3 }, FALLBACK_PROFILE)).not.toBe(first);
  });

  it('counts a search by the words of its text, whatever the text', () => {
    const cache = new CostCache();
    const search = parse(`query S($text: String!) { search(text: $text, first: 10) { entity { id } } }`);
    const one = cache.estimate(schema, search, 'S', { text: 'kommunstyrelsen' }, FALLBACK_PROFILE);
    const three = cache.estimate(schema, search, 'S', { text: 'kommunstyrelsen och nämnderna' }, FALLBACK_PROFILE);
    expect(three.cost).toBeGreaterThan(one.cost);
    expect(three).toEqual(estimateCost(schema, search, 'S', { text: 'kommunstyrelsen och nämnderna' }, FALLBACK_PROFILE));
  });
});
