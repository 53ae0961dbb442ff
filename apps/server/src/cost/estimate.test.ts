import { generateSynthetic, parseDataset, syntheticFiles } from '@styrgraf/model';
import { createMemoryStore } from '@styrgraf/store';
import { parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { QUERY_LIMITS } from '../limits.ts';
import { buildSchema } from '../schema.ts';
import { estimateCost } from './estimate.ts';
import { FALLBACK_PROFILE, profileOf, type DataProfile } from './profile.ts';

/**
 * The cost of a view scoped to one municipality, and of the overview, is
 * read from that scope's counts (counted when the store was built), so the
 * national set's whole graph is refused before any work while one
 * municipality's picture, the overview and a capped focus pass.
 */
const schema = buildSchema();
const cost = (query: string, profile: DataProfile) => estimateCost(schema, parse(query), null, {}, profile);
const NODES = `nodes { id kind name nameEn: name(lang: EN) validFrom validTo ... on Actor { subtype postIn { id } } }`;
const EDGES = `edges { id kind family label from { id } to { id } evidence { status confidence marker } }`;

let country: DataProfile;
beforeAll(async () => {
  const result = parseDataset(syntheticFiles(generateSynthetic({ municipalities: 6, seed: 7 })));
  if (!result.ok) throw new Error('the synthetic set is invalid');
  country = await profileOf(createMemoryStore(result.dataset));
});

describe('the cost of a scoped view', () => {
  it('counts one municipality’s own entities and relations, not the country’s', () => {
    const third = country.municipalities.get('s003-kommunen')!;
    const query = `{ graph(municipality: "s003-kommunen", kinds: [ORGANISATION, COMPANY], families: [OWNERSHIP, STRUCTURE]) { nodes { id } edges { id } } }`;
    const expected =
      (third.entitiesByKind.ORGANISATION ?? 0) +
      (third.entitiesByKind.COMPANY ?? 0) +
      (third.relationsByFamily.OWNERSHIP ?? 0) +
      (third.relationsByFamily.STRUCTURE ?? 0);
    expect(cost(query, country).records).toBe(expected);
    expect(cost(query.replace('(municipality: "s003-kommunen", ', '('), country).records).toBeGreaterThan(4 * expected);
  });

  it('counts the overview from its own scope: the municipalities and what they share', () => {
    const { overview } = country;
    expect(cost(`{ overview(kinds: [ORGANISATION], families: [STRUCTURE]) { nodes { id } edges { id } } }`, country).records).toBe(
      (overview.entitiesByKind.ORGANISATION ?? 0) + (overview.relationsByFamily.STRUCTURE ?? 0),
    );
  });

  it('on the national set: the explorer’s whole graph is refused before it runs; one municipality, the overview and its matrix pass', () => {
    const whole = cost(`{ graph { ${NODES} ${EDGES} } }`, FALLBACK_PROFILE);
    expect(whole.cost).toBeGreaterThan(QUERY_LIMITS.cost);
    expect(cost(`{ graph(municipality: "s145-kommunen") { ${NODES} ${EDGES} } }`, FALLBACK_PROFILE).cost).toBeLessThan(2_000);
    expect(cost(`{ overview { ${NODES} ${EDGES} } }`, FALLBACK_PROFILE).cost).toBeLessThan(5_000);
    const matrix = (scope: string) => `{ decisionAreas${scope} { id name summary participants { role actor { id kind name } provisions { id text } } } }`;
    expect(cost(matrix(''), FALLBACK_PROFILE).cost).toBeGreaterThan(QUERY_LIMITS.cost);
    expect(cost(matrix('(municipality: "s145-kommunen")'), FALLBACK_PROFILE).cost).toBeLessThan(2_000);
  });

  it('holds a capped neighbourhood to its `first`, whatever its depth', () => {
    const query = (first: string) => `{ neighbourhood(id: "se-kommunforbundet", depth: 3${first}) { ${NODES} ${EDGES} } }`;
    expect(cost(query(', first: 50'), FALLBACK_PROFILE).records).toBeLessThan(cost(query(''), FALLBACK_PROFILE).records);
    expect(cost(query(', first: 100'), FALLBACK_PROFILE).records).toBeLessThan(100 * (1 + 2.5 + 1));
  });
});
