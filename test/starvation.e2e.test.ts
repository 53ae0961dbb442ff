import type { RunningServer } from '@styrgraf/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_NEIGHBOURHOOD, WHOLE_GRAPH_RELATIONS } from './helpers/heavy-query.ts';
import { gql, startTestServer, type GraphQLResponse } from './helpers/server.ts';
import { generateSet } from './synthetic-set.ts';

/**
 * No mix of queries starves /health or a cheap query: with 3 and with 20
 * heavy queries under way, both answer within a second (a bound on waiting,
 * not a speed target: on a quiet machine they answer in milliseconds, and
 * `pnpm bench` prints the figures). Heavy queries are of two sorts: the
 * documents an attacker sent (refused before they run, by their static
 * cost), and the heaviest the limits allow, which run in slices, a few at a
 * time, the rest turned away with 503 and Retry-After.
 */

/** The whole graph with every node's relations, their ends' relations and sentences: ~1.4 s of CPU and 4.5 MB before the cost limit. */
const REFUSED = /* GraphQL */ `
  {
    graph {
      nodes {
        id
        ... on Actor {
          relations {
            sentence
            from {
              id
              ... on Actor {
                relations {
                  sentence
                  from {
                    name
                  }
                  to {
                    id
                    name
                    ... on Actor {
                      relations {
                        id
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`;

interface Scene {
  name: string;
  /** The heaviest query the limits let through on this data set. */
  heaviest: string;
  cheap: string;
  cheapAnswer: Record<string, unknown>;
  env: () => Promise<Record<string, string>>;
}

let synthetic: Awaited<ReturnType<typeof generateSet>> | undefined;

const scenes: Scene[] = [
  {
    name: 'Norrköping',
    heaviest: WHOLE_GRAPH_RELATIONS,
    cheap: /* GraphQL */ `
      {
        entity(id: "kommundirektor") {
          id
          name
        }
      }
    `,
    cheapAnswer: { entity: { id: 'kommundirektor', name: 'Kommundirektör' } },
    env: async () => ({}),
  },
  {
    name: '120 synthetic municipalities',
    heaviest: HUB_NEIGHBOURHOOD,
    cheap: /* GraphQL */ `
      {
        entity(id: "s001-kommundirektor") {
          id
        }
      }
    `,
    cheapAnswer: { entity: { id: 's001-kommundirektor' } },
    env: async () => {
      synthetic ??= await generateSet(120);
      return { GRAPH_DIR: synthetic.dir };
    },
  },
];

afterAll(async () => {
  await synthetic?.remove();
});

type Outcome = { status: number; code: string | null; retryAfter: string | null } | { failed: string };

async function post(url: string, query: string): Promise<Outcome> {
  try {
    const response = await fetch(new URL('graphql', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = (await response.json()) as GraphQLResponse<unknown>;
    return { status: response.status, code: body.errors?.[0]?.extensions?.code ?? null, retryAfter: response.headers.get('retry-after') };
  } catch (error) {
    return { failed: String(error) };
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

for (const scene of scenes) {
  describe(`starvation on ${scene.name}`, () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startTestServer(await scene.env());
    }, 180_000);
    afterAll(async () => {
      await server?.close();
    });

    it('refuses the heavy documents before they run, naming the limit', async () => {
      const { ms, value } = await timed(() => gql(server.url, REFUSED));
      expect(value.status).toBe(400);
      expect(value.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
      expect(value.body.errors?.[0]?.message).toMatch(/limit "cost"/);
      console.log(`starvation (${scene.name}): the attack document refused in ${ms.toFixed(0)} ms`);
    });

    it('lets the heaviest allowed query run to its answer', async () => {
      const { ms, value } = await timed(() => gql(server.url, scene.heaviest));
      expect(value.body.errors).toBeUndefined();
      console.log(`starvation (${scene.name}): the heaviest allowed query alone: ${ms.toFixed(0)} ms`);
    }, 60_000);

    for (const heavy of [3, 20]) {
      it(`answers /health and a cheap query within a second while ${heavy} heavy queries run`, async () => {
        const attack = [
          ...Array.from({ length: heavy }, () => post(server.url, scene.heaviest)),
          ...Array.from({ length: heavy }, () => post(server.url, REFUSED)),
        ];
        // Let the heavy ones get under way first.
        await new Promise((resolve) => setTimeout(resolve, 100));
        const health = await timed(() => fetch(new URL('health', server.url)).then((r) => r.status));
        const cheap = await timed(() => gql(server.url, scene.cheap));
        const outcomes = await Promise.all(attack);
        const summary = outcomes.map((o) => ('failed' in o ? 'failed' : `${o.status}${o.code ? ` ${o.code}` : ''}`));
        console.log(
          `starvation (${scene.name}, ${heavy} heavy + ${heavy} refused): /health ${health.ms.toFixed(0)} ms, cheap query ${cheap.ms.toFixed(0)} ms; heavy answers: ${[...new Set(summary)].map((s) => `${summary.filter((x) => x === s).length}× ${s}`).join(', ')}`,
        );
        expect(health.value).toBe(200);
        expect(cheap.value.body).toEqual({ data: scene.cheapAnswer });
        expect(health.ms).toBeLessThan(1_000);
        expect(cheap.ms).toBeLessThan(1_000);
        // Every heavy query has an answer: in full, or 503 OVERLOADED with Retry-After; never a reset connection.
        for (const outcome of outcomes.slice(0, heavy)) {
          expect(outcome).not.toHaveProperty('failed');
          if ('failed' in outcome) continue;
          if (outcome.status === 503) expect(outcome).toMatchObject({ code: 'OVERLOADED', retryAfter: expect.stringMatching(/^\d+$/) });
          else expect(outcome).toMatchObject({ status: 200, code: null });
        }
        for (const outcome of outcomes.slice(heavy)) expect(outcome).toMatchObject({ status: 400, code: 'QUERY_TOO_COMPLEX' });
      }, 120_000);
    }
  });
}
