import { loadDatasetOrThrow } from '@styrgraf/model';
import { createMemoryStore, type Store } from '@styrgraf/store';
import { parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStyrgrafYoga } from '../app.ts';
import { repoRoot } from '../config.ts';
import { estimateCost } from '../cost/estimate.ts';
import { FALLBACK_PROFILE, profileOf, type DataProfile } from '../cost/profile.ts';
import { QUERY_LIMITS } from '../limits.ts';
import { buildSchema } from '../schema.ts';

/**
 * The static cost: what a document will read, known before it runs. The
 * heavy shapes an attacker sent are refused up front, with the limit named
 * and no store call made; the queries the web app sends pass.
 */
let store: Store;
let norrkoping: DataProfile;
const schema = buildSchema();
beforeAll(async () => {
  store = createMemoryStore(await loadDatasetOrThrow(`${repoRoot}graph`));
  norrkoping = await profileOf(store);
});

const cost = (query: string, profile: DataProfile = norrkoping, variables: Record<string, unknown> = {}) =>
  estimateCost(schema, parse(query), null, variables, profile);

/** A store that records which calls were made. */
function recording(base: Store): { store: Store; calls: string[] } {
  const calls: string[] = [];
  const proxy = new Proxy(base, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(prop));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, calls };
}

const ATTACKS = {
  'the whole graph with relations of relations and sentences': `{ graph { nodes { id ... on Actor { relations { sentence from { id ... on Actor { relations { sentence to { id name } } } } } } } } }`,
  'twenty neighbourhoods of depth 4, each on its own date': `{ ${Array.from({ length: 20 }, (_, i) => `n${i}: neighbourhood(id: "kommunstyrelsen", depth: 4, asOf: "20${String(10 + i)}-01-01") { nodes { id name } edges { id sentence } }`).join(' ')} }`,
  'two hundred entities with the relations of their relations': `{ entities(first: 200) { nodes { id relations { from { id relations { to { id } } } } } } }`,
};

describe('the static cost of a document', () => {
  it('multiplies lists nested in lists', () => {
    const one = cost(`{ graph { nodes { id ... on Actor { relations { id } } } } }`);
    const two = cost(`{ graph { nodes { id ... on Actor { relations { id from { ... on Actor { relations { id } } } } } } } }`);
    const nodes = norrkoping.entitiesByKind;
    const graphNodes =
      (nodes.POLITICAL_BODY ?? 0) + (nodes.ROLE ?? 0) + (nodes.UNIT ?? 0) + (nodes.COMPANY ?? 0) + (nodes.ORGANISATION ?? 0) + (nodes.DECISION_AREA ?? 0);
    expect(one.records).toBe(graphNodes + graphNodes * 15);
    expect(two.records).toBe(one.records + graphNodes * 15 * 15);
  });

  it('reads the served data set: the same document costs more on the national set', () => {
    const query = `{ graph(kinds: [COMPANY, ORGANISATION], families: [OWNERSHIP]) { nodes { id } edges { id } } }`;
    expect(cost(query).records).toBe(
      (norrkoping.entitiesByKind.COMPANY ?? 0) + (norrkoping.entitiesByKind.ORGANISATION ?? 0) + (norrkoping.relationsByFamily.OWNERSHIP ?? 0),
    );
    expect(cost(query, FALLBACK_PROFILE).records).toBe(2_400 + 400 + 2_400);
  });

  it('reads arguments from variables and defaults, and charges each alias', () => {
    const query = `query ($n: Int) { entities(first: $n) { nodes { id } } }`;
    expect(cost(query, norrkoping, { n: 7 }).records).toBe(7);
    expect(cost(`{ entities { nodes { id } } }`).records).toBe(50);
    expect(cost(`{ a: entities(first: 7) { nodes { id } } b: entities(first: 7) { nodes { id } } }`).records).toBe(14);
  });

  it('charges the work of a sentence, a path search and a traversal, not only the records', () => {
    const plain = cost(`{ entity(id: "kommunstyrelsen") { relations { id } } }`);
    const sentences = cost(`{ entity(id: "kommunstyrelsen") { relations { id sentence } } }`);
    expect(sentences.records).toBe(plain.records);
    expect(sentences.cost).toBeGreaterThan(plain.cost);
    expect(cost(`{ paths(from: "a", to: "b", maxLength: 8, mode: ALL) { length } }`).cost).toBeGreaterThan(
      cost(`{ paths(from: "a", to: "b", maxLength: 2) { length } }`).cost,
    );
  });

  it('refuses the attack documents over the limit', () => {
    for (const [name, query] of Object.entries(ATTACKS)) expect(cost(query).cost, name).toBeGreaterThan(QUERY_LIMITS.cost);
  });
});

describe('the cost limit', () => {
  it('refuses the heavy shapes before they run: 400, the limit named, no store call made', async () => {
    for (const [name, query] of Object.entries(ATTACKS)) {
      const { store: spied, calls } = recording(store);
      const yoga = createStyrgrafYoga(spied);
      const response = await yoga.fetch('http://styrgraf.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
      expect(response.status, name).toBe(400);
      expect(body.errors?.[0]?.extensions, name).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: QUERY_LIMITS.cost });
      expect(body.errors?.[0]?.message, name).toMatch(
        /^The query is too large: it would read about [\d,]+ records, at a cost of [\d,]+ \(limit "cost": 25,000\)/,
      );
      expect(body.data, name).toBeUndefined();
      // The calls: the data set's counts and its municipalities', read once for the estimate.
      expect(
        calls.filter((c) => c !== 'info' && c !== 'municipalities'),
        name,
      ).toEqual([]);
    }
  });

  it('lets the queries the web app sends through, on Norrköping and on the national set', () => {
    const web = [
      `query ($lang: Lang) { decisionAreas { id name summary(lang: $lang) unsettled(lang: $lang) participants { role roleLabel(lang: $lang) actor { id kind name } provisions { id name text section reference textKind document { id name } } } } }`,
      `{ entity(id: "kommunstyrelsen") { id names { sv en } provisions { id text document { id name } } relations { id kind label sentence from { id kind name } to { id kind name } provisions { id text document { id name } } } } }`,
      `{ neighbourhood(id: "kommunstyrelsen", depth: 3) { nodes { id kind name nameEn: name(lang: EN) validFrom validTo ... on Actor { subtype } } edges { id kind family label from { id } to { id } } } }`,
      `{ paths(from: "kommunstyrelsen", to: "nodra-ab", mode: ALL, maxLength: 8, first: 12) { length explanation nodes { id kind name } steps { forward label from { id kind name } to { id kind name } relation { id family kind } } } }`,
      `{ orgChart(rootId: "kommunfullmaktige") { entries { entity { id kind name } depth parent { id } via { id kind family label } childCount } } }`,
      `{ changes(from: "2018-01-01", to: "2026-01-01") { date type description entity { id } relation { id } } }`,
    ];
    for (const query of web) expect(cost(query).cost, query).toBeLessThan(QUERY_LIMITS.cost);
    // The national view the web app draws: ~5,000 companies, organisations and ownership relations.
    expect(
      cost(
        `{ graph(kinds: [COMPANY, ORGANISATION], families: [OWNERSHIP]) { nodes { id kind name } edges { id kind family label from { id } to { id } } } }`,
        FALLBACK_PROFILE,
      ).cost,
    ).toBeLessThan(QUERY_LIMITS.cost);
    for (const query of web.slice(1)) expect(cost(query, FALLBACK_PROFILE).cost, query).toBeLessThan(QUERY_LIMITS.cost);
  });
});
