import type { RunningServer } from '@styrgraf/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestServer } from './helpers/server.ts';

/**
 * The org chart both ways over real HTTP: rooted at a nämnd, the chart has
 * nothing below it in the line, but says who elects it and which kontor
 * works for it; rooted at a kontor, the whole chain up to the council.
 */
let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const CHART = /* GraphQL */ `
  query Chart($root: ID!, $asOf: Date) {
    orgChart(rootId: $root, asOf: $asOf) {
      entries {
        entity {
          id
        }
      }
      above {
        entity {
          id
        }
        below {
          id
        }
        height
        via {
          kind
        }
      }
      beside {
        kind
        from {
          id
        }
        to {
          id
        }
      }
    }
  }
`;
type Chart = {
  entries: { entity: { id: string } }[];
  above: { entity: { id: string }; below: { id: string }; height: number; via: { kind: string } }[];
  beside: { kind: string; from: { id: string }; to: { id: string } }[];
};
const chart = async (root: string, asOf = '2025-01-01') => {
  const { status, body } = await gql<{ orgChart: Chart }>(server.url, CHART, { root, asOf });
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  return body.data!.orgChart;
};

describe('the org chart both ways', () => {
  it('rooted at Socialnämnden: KF elects it, and Socialkontoret works for it (a dotted line)', async () => {
    const c = await chart('socialnamnden');
    expect(c.entries.map((e) => e.entity.id)).toEqual(['socialnamnden']);
    expect(c.above).toEqual([{ entity: { id: 'kommunfullmaktige' }, below: { id: 'socialnamnden' }, height: 1, via: { kind: 'ELECTS' } }]);
    expect(c.beside).toContainEqual({ kind: 'SERVES', from: { id: 'socialkontoret' }, to: { id: 'socialnamnden' } });
  });

  it('rooted at Socialkontoret: the chain up through its head and the kommundirektör to KS and KF, nearest first', async () => {
    const c = await chart('socialkontoret');
    expect(c.above.map((l) => [l.height, l.entity.id, l.via.kind])).toEqual([
      [1, 'socialkontorets-chef', 'HEADS'],
      [2, 'kommundirektor', 'MANAGES'],
      [3, 'kommunstyrelsen', expect.stringMatching(/^(REPORTS_TO|APPOINTS)$/)],
      [4, 'kommunfullmaktige', 'ELECTS'],
    ]);
    expect(c.above.every((l, i) => i === 0 || l.below.id === c.above[i - 1]!.entity.id)).toBe(true);
  });

  it('at the top, nothing is above the council, and the offices working for the nämnder are beside the tree', async () => {
    const c = await chart('kommunfullmaktige');
    expect(c.above).toEqual([]);
    const serves = c.beside.filter((r) => r.kind === 'SERVES').map((r) => `${r.from.id}>${r.to.id}`);
    expect(serves).toEqual(expect.arrayContaining(['socialkontoret>socialnamnden', 'utbildningskontoret>utbildningsnamnden']));
  });
});
