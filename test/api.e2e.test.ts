import { describe, expect, it } from 'vitest';
import { gql } from './helpers/server.ts';
import { describeOnEachStore } from './helpers/stores.ts';

/**
 * End to end over real HTTP: the server as `pnpm start` runs it, asked the
 * governance questions a new politician asks, with the answers the director's
 * instruction (KS 2021/0005) gives — several from each part of it. Once on
 * the embedded store and once on the run's live Neo4j: the same answers.
 */
describeOnEachStore((served) => {
  type Participant = { role: string; actor: { id: string; name: string }; provisions: { id: string; text: string; section: string }[] };
  const AREA = /* GraphQL */ `
    query Area($id: ID!, $lang: Lang) {
      decisionArea(id: $id) {
        name(lang: $lang)
        summary(lang: $lang)
        unsettled
        participants {
          role
          actor {
            id
            name
          }
          provisions {
            id
            text
            section
          }
        }
      }
    }
  `;
  async function area(id: string, lang = 'SV') {
    const { status, body } = await gql<{ decisionArea: { name: string; summary: string; unsettled: string | null; participants: Participant[] } }>(
      served.url,
      AREA,
      { id, lang },
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    return body.data!.decisionArea;
  }
  const actorsIn = (participants: Participant[], role: string) => participants.filter((p) => p.role === role).map((p) => p.actor.id);

  describe('health', () => {
    it('answers 200 with the data version and counts', async () => {
      const response = await fetch(new URL('health', served.url));
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        status: string;
        engine: string;
        dataset: { id: string; version: string; digest: string };
        counts: { entities: number; relations: number; byKind: Record<string, number> };
      };
      expect(body.status).toBe('ok');
      expect(body.engine).toBe(served.engine);
      expect(body.dataset.id).toBe('norrkoping');
      expect(body.dataset.digest).toMatch(/^[0-9a-f]{16}$/);
      expect(body.counts.byKind.PROVISION).toBeGreaterThanOrEqual(33);
      expect(body.counts.relations).toBeGreaterThan(100);
    });

    it('serves GraphiQL to a browser at /graphql', async () => {
      const response = await fetch(new URL('graphql', served.url), { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('Styrgraf GraphQL');
    });
  });

  describe('the instruction: towards the political bodies', () => {
    it('the director prepares every matter before KS, and the joint preparation ends with the signature', async () => {
      const a = await area('da-arenden-ks');
      expect(actorsIn(a.participants, 'DECIDES')).toEqual(['kommunstyrelsen']);
      const prepares = a.participants.find((p) => p.role === 'PREPARES' && p.actor.id === 'kommundirektor');
      expect(prepares?.provisions.map((p) => p.id)).toEqual(expect.arrayContaining(['kdi-beredning', 'kdi-samberedning']));
      expect(prepares?.provisions.find((p) => p.id === 'kdi-beredning')?.text).toBe(
        'Kommundirektören är ansvarig för beredning av samtliga ärenden inför behandling i kommunstyrelsen och kommunfullmäktige.',
      );
    });

    it('the director assists KS in its oversight and may attend and speak in the nämnder', async () => {
      const { body } = await gql<{
        entity: { relations: { kind: string; family: string; to: { id: string }; provisions: { id: string }[]; label: string }[] };
      }>(
        served.url,
        /* GraphQL */ `
          {
            entity(id: "kommundirektor") {
              ... on Actor {
                relations(direction: OUT, families: [OVERSIGHT, RIGHTS]) {
                  kind
                  family
                  label
                  to {
                    id
                  }
                  provisions {
                    id
                  }
                }
              }
            }
          }
        `,
      );
      const relations = body.data!.entity.relations;
      const assists = relations.find((r) => r.kind === 'ASSISTS' && r.to.id === 'kommunstyrelsen');
      expect(assists?.provisions.map((p) => p.id)).toContain('kdi-uppsikt');
      const speaks = relations.filter((r) => r.kind === 'ATTENDS_AND_SPEAKS').map((r) => r.to.id);
      expect(speaks).toEqual(expect.arrayContaining(['kommunstyrelsen', 'socialnamnden', 'utbildningsnamnden']));
      expect(relations.find((r) => r.kind === 'ATTENDS_AND_SPEAKS')?.label).toBe('har närvaro- och yttranderätt i');
      expect(relations.every((r) => r.provisions.length > 0)).toBe(true);
    });

    it('the director may pass on A 1 to officials in each kontor', async () => {
      const a = await area('da-anslag-utrustning-a1');
      expect(actorsIn(a.participants, 'DELEGATES')).toEqual(['kommunstyrelsen']);
      expect(actorsIn(a.participants, 'DECIDES')).toEqual(expect.arrayContaining(['kommundirektor', 'tjansteperson-kontor']));
      const sub = a.participants.find((p) => p.actor.id === 'tjansteperson-kontor');
      expect(sub?.provisions.map((p) => p.id)).toContain('kdi-vidaredelegation-a1');
    });
  });

  describe('the instruction: the leading official', () => {
    it('who decides a kontorschef’s employment, who is heard and who is told', async () => {
      const a = await area('da-anstallning-kontorschef');
      expect(actorsIn(a.participants, 'DECIDES')).toEqual(['kommundirektor']);
      expect(actorsIn(a.participants, 'HEARD')).toEqual(['berorda-namnders-presidier']);
      expect(actorsIn(a.participants, 'INFORMED')).toEqual(['kommunstyrelsen']);
      expect(a.participants.every((p) => p.provisions.some((q) => q.id === 'kdi-anstallning-kontorschef'))).toBe(true);
      expect(a.summary).toMatch(/^Kommundirektören beslutar\./);
      expect(a.summary).toContain('ska höras');
    });

    it('a kontorschef’s terms after hearing the chair of the personalutskott', async () => {
      const a = await area('da-villkor-kontorschef');
      expect(actorsIn(a.participants, 'DECIDES')).toEqual(['kommundirektor']);
      expect(actorsIn(a.participants, 'HEARD')).toEqual(['personalutskottets-ordforande']);
    });

    it('KS decides the division into kontor on the director’s proposal; the director reorganises within a kontor with its chief', async () => {
      const division = await area('da-organisation-i-kontor');
      expect(actorsIn(division.participants, 'DECIDES')).toEqual(['kommunstyrelsen']);
      expect(actorsIn(division.participants, 'PROPOSES')).toEqual(['kommundirektor']);
      const within = await area('da-omorganisation-inom-kontor');
      expect(actorsIn(within.participants, 'DECIDES')).toEqual(['kommundirektor']);
      expect(actorsIn(within.participants, 'CONSULTED')).toEqual(['kontorschef']);
    });

    it('subsidiary chairs decide their VD’s terms after consulting the director (in English too)', async () => {
      const a = await area('da-villkor-vd-dotterbolag', 'EN');
      expect(actorsIn(a.participants, 'DECIDES')).toEqual(['ordforande-dotterbolag']);
      expect(actorsIn(a.participants, 'CONSULTED')).toEqual(['kommundirektor']);
      expect(a.summary).toMatch(/decides\./);
    });

    it('the director is managing director of Norrköping Rådhus AB, which owns the subsidiaries', async () => {
      const { body } = await gql<{
        paths: { length: number; nodes: { id: string }[]; explanation: string; steps: { relation: { kind: string; provisions: { id: string }[] } }[] }[];
      }>(
        served.url,
        /* GraphQL */ `
          {
            paths(from: "kommunstyrelsen", to: "hyresbostader", families: [REPORTING, OWNERSHIP], maxLength: 4) {
              length
              nodes {
                id
              }
              explanation
              steps {
                relation {
                  kind
                  provisions {
                    id
                  }
                }
              }
            }
          }
        `,
      );
      const [first] = body.data!.paths;
      expect(first!.nodes.map((n) => n.id)).toEqual(['kommunstyrelsen', 'kommundirektor', 'norrkoping-radhus-ab', 'hyresbostader']);
      expect(first!.explanation).toMatch(/^Kommunstyrelsen anställer kommundirektören, som .*Norrköping Rådhus AB, som äger Hyresbostäder i Norrköping AB\.$/);
      expect(first!.steps[1]!.relation.provisions.map((p) => p.id)).toContain('kdi-vd-radhus');
      expect(first!.steps[0]!.relation.provisions.map((p) => p.id)).toContain('kl-7-1');
    });

    it('the org chart puts the kontor under their chiefs, below the director', async () => {
      const { body } = await gql<{
        orgChart: { entries: { entity: { id: string }; depth: number; parent: { id: string } | null; via: { kind: string } | null }[] };
      }>(
        served.url,
        /* GraphQL */ `
          {
            orgChart(rootId: "kommunstyrelsen", asOf: "2024-06-01") {
              entries {
                entity {
                  id
                }
                depth
                parent {
                  id
                }
                via {
                  kind
                }
              }
            }
          }
        `,
      );
      const entries = body.data!.orgChart.entries;
      const at = (id: string) => entries.find((e) => e.entity.id === id);
      expect(at('kommunstyrelsen')?.depth).toBe(0);
      expect(at('kommundirektor')).toMatchObject({ depth: 1, parent: { id: 'kommunstyrelsen' } });
      expect(at('vard-och-omsorgsdirektor')).toMatchObject({ parent: { id: 'kommundirektor' }, via: { kind: 'MANAGES' } });
      expect(at('vard-och-omsorgskontoret')).toMatchObject({ parent: { id: 'vard-och-omsorgsdirektor' }, via: { kind: 'HEADS' } });
      expect(at('tillvaxt-och-utvecklingskontoret')).toBeDefined();
    });
  });

  describe('the instruction: external contacts and follow-up', () => {
    it('the director settles who handles external contacts, in consultation with the KS chair', async () => {
      const a = await area('da-externa-kontakter');
      expect(actorsIn(a.participants, 'DECIDES')).toEqual(['kommundirektor']);
      expect(actorsIn(a.participants, 'CONSULTED')).toEqual(['ks-ordforande']);
      expect(a.participants[0]!.provisions[0]!.section).toBe('Externa kontakter');
    });

    it('KS adopts and follows up the instruction', async () => {
      const a = await area('da-instruktion');
      expect(actorsIn(a.participants, 'DECIDES')).toEqual(['kommunstyrelsen']);
      const cited = a.participants.flatMap((p) => p.provisions.map((q) => q.id));
      expect(cited).toEqual(expect.arrayContaining(['kl-7-2', 'kdi-uppfoljning']));
    });

    it('lists what the workshop asks that the instruction leaves open', async () => {
      const { body } = await gql<{
        workshopQuestions: { name: string; status: string; reason: string; provisions: { id: string }[] }[];
        workshopCoverage: { total: number; open: number; sections: { name: string; total: number }[] };
      }>(
        served.url,
        /* GraphQL */ `
          {
            workshopQuestions(status: OPEN) {
              name
              status
              reason
              provisions {
                id
              }
            }
            workshopCoverage {
              total
              open
              sections {
                name
                total
              }
            }
          }
        `,
      );
      const open = body.data!.workshopQuestions;
      expect(open.map((q) => q.name)).toEqual(expect.arrayContaining(['Hur är avgångsförmånerna reglerade?', 'Ansvar för föredragningar?']));
      expect(open.every((q) => q.status === 'OPEN' && q.reason.length > 10)).toBe(true);
      expect(body.data!.workshopCoverage.open).toBe(open.length);
      expect(body.data!.workshopCoverage.sections.map((s) => s.name)).toContain('ANSTÄLLNINGEN');
    });
  });

  describe('time', () => {
    it('tells what changed in the 2024 reorganisation', async () => {
      const { body } = await gql<{
        changes: { date: string; type: string; entity: { id: string } | null; description: string; related: { id: string }[] }[];
      }>(
        served.url,
        /* GraphQL */ `
          {
            changes(from: "2023-06-01", to: "2024-06-01") {
              date
              type
              entity {
                id
              }
              description
              related {
                id
              }
            }
          }
        `,
      );
      const closed = body.data!.changes.find((c) => c.entity?.id === 'kultur-och-fritidskontoret');
      expect(closed).toMatchObject({ date: '2024-01-01', type: 'ENDED', description: 'Kultur- och fritidskontoret upphör.' });
      expect(closed!.related.map((r) => r.id)).toContain('tillvaxt-och-utvecklingskontoret');
    });

    it('shows the graph as of a date', async () => {
      const query = /* GraphQL */ `
        query G($d: Date) {
          graph(asOf: $d) {
            nodes {
              id
            }
            edges {
              id
              family
            }
          }
        }
      `;
      const before = await gql<{ graph: { nodes: { id: string }[] } }>(served.url, query, { d: '2023-06-01' });
      const after = await gql<{ graph: { nodes: { id: string }[] } }>(served.url, query, { d: '2024-06-01' });
      const ids = (r: typeof before) => r.body.data!.graph.nodes.map((n) => n.id);
      expect(ids(before)).toContain('kultur-och-fritidskontoret');
      expect(ids(after)).not.toContain('kultur-och-fritidskontoret');
      expect(ids(after)).toContain('tillvaxt-och-utvecklingskontoret');
    });
  });

  describe('every relation says why it exists', () => {
    it('exposes family, kind, label, provisions and sources on every edge of the graph', async () => {
      const { body } = await gql<{
        graph: { edges: { family: string; kind: string; label: string; provisions: { id: string; text: string; section: string }[]; sources: string[] }[] };
      }>(
        served.url,
        /* GraphQL */ `
          {
            graph {
              edges {
                family
                kind
                label(lang: SV)
                provisions {
                  id
                  text
                  section
                }
                sources
              }
            }
          }
        `,
      );
      const edges = body.data!.graph.edges;
      expect(edges.length).toBeGreaterThan(100);
      expect(edges.every((e) => e.provisions.length + e.sources.length > 0)).toBe(true);
      expect(new Set(edges.map((e) => e.family))).toEqual(new Set(['REPORTING', 'DECISION', 'CONSULTATION', 'OWNERSHIP', 'OVERSIGHT', 'STRUCTURE', 'RIGHTS']));
    });
  });

  describe('search', () => {
    it('finds KS, TUK and personalutskottet', async () => {
      const query = /* GraphQL */ `
        query S($t: String!) {
          search(text: $t, first: 3) {
            match
            entity {
              id
              name
            }
          }
        }
      `;
      const first = async (t: string) => (await gql<{ search: { entity: { id: string } }[] }>(served.url, query, { t })).body.data!.search[0]?.entity.id;
      expect(await first('KS')).toBe('kommunstyrelsen');
      expect(await first('TUK')).toBe('tillvaxt-och-utvecklingskontoret');
      expect(await first('personalutskott')).toBe('ks-personalutskott');
    });
  });

  describe('bad input gets a clear error', () => {
    it('an unknown id is NOT_FOUND, with a suggestion', async () => {
      const { status, body } = await gql(served.url, `{ entity(id: "kommunstyrelse") { id } }`);
      expect(status).toBe(200);
      expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(body.errors?.[0]?.message).toContain('Did you mean "kommunstyrelsen"');
    });

    it('limits are named in the error', async () => {
      const { body } = await gql(served.url, `{ paths(from: "kommunstyrelsen", to: "nodra-ab", maxLength: 99) { length } }`);
      expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'maxLength' } });
      expect(body.errors?.[0]?.message).toBe('"maxLength" must be a whole number from 1 to 8; got 99.');
      const search = await gql(served.url, `{ search(text: "KS", first: 1000) { score } }`);
      expect(search.body.errors?.[0]?.message).toContain('"first" must be a whole number from 1 to 50');
      const depth = await gql(served.url, `{ neighbourhood(id: "kommundirektor", depth: 0) { nodes { id } } }`);
      expect(depth.body.errors?.[0]?.extensions?.argument).toBe('depth');
    });

    it('an impossible date is rejected, named as a date', async () => {
      const { body } = await gql(served.url, `{ graph(asOf: "2023-02-30") { nodes { id } } }`);
      expect(body.errors?.[0]?.message).toContain('YYYY-MM-DD');
      const vars = await gql(served.url, `query Q($d: Date) { graph(asOf: $d) { nodes { id } } }`, { d: 'igår' });
      expect(vars.body.errors?.[0]?.message).toContain('"igår"');
    });

    it('a closed entity as of a date, and a path to itself, are explained', async () => {
      const closed = await gql(served.url, `{ neighbourhood(id: "kultur-och-fritidskontoret", asOf: "2024-06-01") { nodes { id } } }`);
      expect(closed.body.errors?.[0]?.message).toContain('not in force on 2024-06-01');
      const self = await gql(served.url, `{ paths(from: "kommunstyrelsen", to: "kommunstyrelsen") { length } }`);
      expect(self.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('an unknown field or a malformed body is a client error', async () => {
      const { body } = await gql(served.url, `{ entity(id: "kommunstyrelsen") { colour } }`);
      expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const raw = await fetch(new URL('graphql', served.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
      expect(raw.status).toBe(400);
    });
  });
});
