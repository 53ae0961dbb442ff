import { loadDatasetOrThrow, type Dataset } from '@styrgraf/model';
import type { RunningServer } from '@styrgraf/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureLoaded, settingsOf } from './neo4j/live.ts';
import { gql } from './helpers/server.ts';
import { startTestServer } from './helpers/server.ts';
import { liveNeo4j, neo4jEnv, skipReason } from './neo4j/instances.ts';
import { generateSet } from './synthetic-set.ts';

/**
 * The country over real HTTP: a data set of 30 generated municipalities
 * (graph:generate, seed 7), served on the embedded store and on the run's
 * live Neo4j, asked what the explorer asks of it: the municipalities, the
 * overview, one municipality's picture, decisions and rule checks, a capped
 * focus on a hub, and a search within one municipality. The generator's
 * layout is the oracle (sNNN-… is municipality NNN's, se-… the country's);
 * the server never reads ids.
 */
const neo4j = liveNeo4j('lts');
const TARGETS = [
  { title: 'on the embedded store', skip: null as string | null, start: (dir: string) => startTestServer({ GRAPH_DIR: dir }) },
  {
    title: `on Neo4j ${neo4j?.version ?? ''}${skipReason('lts') ? ` — SKIPPED: ${skipReason('lts')}` : ''}`,
    skip: skipReason('lts'),
    async start(_dir: string, dataset: Dataset) {
      await ensureLoaded(settingsOf(neo4j!), dataset);
      return startTestServer({ STORE: 'neo4j', ...neo4jEnv(neo4j!) });
    },
  },
];

const owner = (id: string) => /^(s\d{3})-/.exec(id)?.[1] ?? null;

let set: { dir: string; remove(): Promise<void> };
let dataset: Dataset;
beforeAll(async () => {
  set = await generateSet(30);
  dataset = await loadDatasetOrThrow(set.dir);
}, 120_000);
afterAll(async () => {
  await set?.remove();
});

for (const target of TARGETS) {
  describe.skipIf(!!target.skip)(`a country of 30 municipalities ${target.title}`, () => {
    let server: RunningServer;
    let url: string;
    beforeAll(async () => {
      server = await target.start(set.dir, dataset);
      url = server.url;
    }, 300_000);
    afterAll(async () => {
      await server?.close();
    });

    async function ask<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
      const { status, body } = await gql<T>(url, query, variables);
      expect(body.errors, query).toBeUndefined();
      expect(status).toBe(200);
      return body.data!;
    }

    it('lists the municipalities in Swedish order, with what each holds', async () => {
      const data = await ask<{
        about: { municipalityCount: number };
        municipalities: { id: string; name: string; entityCount: number; entity: { subtype: string } }[];
      }>(`{ about { municipalityCount } municipalities { id name entityCount entity { subtype } } }`);
      expect(data.about.municipalityCount).toBe(30);
      expect(data.municipalities.map((m) => m.id)).toEqual(Array.from({ length: 30 }, (_, i) => `s${String(i + 1).padStart(3, '0')}-kommunen`));
      expect(data.municipalities[6]!.name).toBe('Syntetiska kommun 007');
      expect(data.municipalities.every((m) => m.entity.subtype === 'kommun')).toBe(true);
      const own = dataset.entities.filter((e) => owner(e.id) === 's007').length;
      expect(data.municipalities[6]!.entityCount).toBeGreaterThan(own);
      expect(data.municipalities[6]!.entityCount).toBeLessThanOrEqual(own + 3);
    });

    it('draws the overview the explorer opens with: the municipalities and the organisations they share, joined by membership', async () => {
      const { overview } = await ask<{
        overview: { nodes: { id: string; municipality: { id: string } | null }[]; edges: { kind: string; from: { id: string }; to: { id: string } }[] };
      }>(`{ overview(asOf: "2025-06-01") { nodes { id municipality { id } } edges { kind from { id } to { id } } } }`);
      const kommuner = overview.nodes.filter((n) => n.id.endsWith('-kommunen'));
      expect(kommuner).toHaveLength(30);
      expect(kommuner.every((n) => n.municipality?.id === n.id)).toBe(true);
      const shared = overview.nodes.filter((n) => !n.id.endsWith('-kommunen'));
      expect(shared.map((n) => n.id)).toContain('se-kommunforbundet');
      expect(shared.every((n) => n.id.startsWith('se-') && n.municipality === null)).toBe(true);
      const memberships = dataset.relations.filter((r) => r.kind === 'MEMBER_OF' && r.from.endsWith('-kommunen'));
      expect(overview.edges).toHaveLength(memberships.length);
      expect(overview.edges.every((e) => e.kind === 'MEMBER_OF')).toBe(true);
    });

    it('gives one municipality its own picture, its decisions and its rule checks, naming no other municipality', async () => {
      const data = await ask<{
        graph: { nodes: { id: string }[]; edges: { from: { id: string }; to: { id: string } }[] };
        decisionAreas: { id: string }[];
        ruleChecks: { id: string; findings: { entities: { id: string }[] }[] }[];
      }>(
        `query ($m: ID) { graph(municipality: $m, asOf: "2025-06-01") { nodes { id } edges { from { id } to { id } } } decisionAreas(municipality: $m, asOf: "2025-06-01") { id } ruleChecks(municipality: $m, asOf: "2025-06-01") { id findings { entities { id } } } }`,
        { m: 's007-kommunen' },
      );
      const ids = data.graph.nodes.map((n) => n.id);
      expect(ids.filter((id) => owner(id) === 's007').length).toBeGreaterThan(40);
      expect(ids.every((id) => owner(id) === 's007' || id.startsWith('se-'))).toBe(true);
      expect(ids).toContain('s007-kommunstyrelsen');
      const areas = dataset.entities.filter(
        (e) =>
          e.kind === 'DECISION_AREA' && owner(e.id) === 's007' && (!e.validTo || e.validTo >= '2025-06-01') && (!e.validFrom || e.validFrom <= '2025-06-01'),
      );
      expect(data.decisionAreas.map((a) => a.id).sort()).toEqual(areas.map((e) => e.id).sort());
      expect(data.decisionAreas.length).toBeGreaterThan(5);
      expect(data.ruleChecks).toHaveLength(10);
      const named = data.ruleChecks.flatMap((r) => r.findings.flatMap((f) => f.entities.map((e) => e.id)));
      expect(named.every((id) => owner(id) === 's007' || id.startsWith('se-'))).toBe(true);
    });

    it('holds a depth-3 focus on the association every municipality joins to its `first`, and says what it left out', async () => {
      const whole = await ask<{ neighbourhood: { nodes: { id: string }[] } }>(`{ neighbourhood(id: "se-kommunforbundet", depth: 3) { nodes { id } } }`);
      const { neighbourhood } = await ask<{
        neighbourhood: { nodes: { id: string }[]; omitted: number; omittedNeighbours: { entity: { id: string }; count: number }[] };
      }>(`{ neighbourhood(id: "se-kommunforbundet", depth: 3, first: 40) { nodes { id } omitted omittedNeighbours { entity { id } count } } }`);
      // The association and its 30 members are the first step; their councils and federations the second: too many for 40.
      expect(neighbourhood.nodes.map((n) => n.id).sort()).toEqual(
        ['se-kommunforbundet', ...Array.from({ length: 30 }, (_, i) => `s${String(i + 1).padStart(3, '0')}-kommunen`)].sort(),
      );
      expect(neighbourhood.omitted).toBe(whole.neighbourhood.nodes.length - 31);
      expect(neighbourhood.omitted).toBeGreaterThan(100);
      expect(neighbourhood.omittedNeighbours).toHaveLength(30);
      expect(neighbourhood.omittedNeighbours.every((o) => o.entity.id.endsWith('-kommunen') && o.count >= 1)).toBe(true);
    });

    it('searches within a municipality, and refuses an unknown one with the nearest', async () => {
      const { search } = await ask<{ search: { entity: { id: string; municipality: { name: string } | null } }[] }>(
        `{ search(text: "Kommunstyrelsen", municipality: "s012-kommunen", first: 3) { entity { id municipality { name } } } }`,
      );
      expect(search[0]!.entity).toEqual({ id: 's012-kommunstyrelsen', municipality: { name: 'Syntetiska kommun 012' } });
      const { body } = await gql(url, `{ graph(municipality: "s012-kommun") { nodes { id } } }`);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'municipality', suggestion: { id: 's012-kommunen' } });
    });
  });
}
