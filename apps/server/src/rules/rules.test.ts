import { loadDatasetOrThrow, parseDataset, readDatasetFiles } from '@styrgraf/model';
import { createMemoryStore } from '@styrgraf/store';
import { describe, expect, it } from 'vitest';
import { createStyrgrafYoga } from '../app.ts';
import { repoRoot } from '../config.ts';

/** ruleChecks over GraphQL, in process: Norrköping's result, and a planted breach failing its rule. */

type Check = {
  id: string;
  status: string;
  statusLabel: string;
  summary: string;
  provisions: { id: string }[];
  findings: { status: string; message: string; entities: { id: string }[]; relations: { id: string; kind: string }[]; provisions: { id: string }[] }[];
};
const QUERY = `query ($asOf: Date, $lang: Lang) { ruleChecks(asOf: $asOf) {
  id status statusLabel(lang: $lang) summary(lang: $lang) provisions { id }
  findings { status message(lang: $lang) entities { id } relations { id kind } provisions { id } } } }`;

async function ruleChecks(yoga: ReturnType<typeof createStyrgrafYoga>, asOf: string, lang = 'SV'): Promise<Check[]> {
  const response = await yoga.fetch('http://styrgraf.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY, variables: { asOf, lang } }),
  });
  const body = (await response.json()) as { data?: { ruleChecks: Check[] }; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data!.ruleChecks;
}

describe('ruleChecks', () => {
  it('gives Norrköping’s result: no failure, and what the instruction leaves open as warnings', async () => {
    const yoga = createStyrgrafYoga(createMemoryStore(await loadDatasetOrThrow(`${repoRoot}graph`)));
    const checks = await ruleChecks(yoga, '2025-06-01');
    expect(checks.map((c) => [c.id, c.status])).toEqual([
      ['decision-area-decider', 'WARN'],
      ['kontor-has-head', 'PASS'],
      ['namnd-has-kontor', 'PASS'],
      ['delegation-to-employee', 'WARN'],
      ['onward-delegation', 'PASS'],
      ['not-delegated', 'PASS'],
      ['director-appointed', 'PASS'],
      ['ownership-tree', 'WARN'],
      ['company-posts', 'WARN'],
      ['evidence-present', 'WARN'],
    ]);
    const ownership = checks.find((c) => c.id === 'ownership-tree')!;
    expect(ownership.statusLabel).toBe('Varning');
    expect(ownership.findings[0]).toMatchObject({
      status: 'WARN',
      entities: [{ id: 'norrkoping-airport-ab' }, { id: 'norrkoping-radhus-ab' }],
      relations: [{ id: 'norrkoping-radhus-ab.owns.norrkoping-airport-ab', kind: 'OWNS' }],
    });
    expect(checks.find((c) => c.id === 'onward-delegation')!.provisions).toEqual([{ id: 'kl-7-6' }]);
    const english = await ruleChecks(yoga, '2025-06-01', 'EN');
    expect(english.find((c) => c.id === 'kontor-has-head')!.summary).toBe('All 12 offices (7 of them on 2025-06-01) have a head throughout their existence.');
  });

  it('fails the named rule on a copy of graph/ with an onward delegation outside the administration', async () => {
    const files = await readDatasetFiles(`${repoRoot}graph`);
    const planted = files.map((f) =>
      f.path === 'relations/decision.yaml'
        ? {
            ...f,
            content: `${f.content}\n  - { kind: SUBDELEGATES_TO, from: kommundirektor, to: vd-nodra-ab, cites: [kdi-vidaredelegation-a1], evidence: { status: INTERPRETED, note: { sv: Planterat., en: Planted. } } }\n`,
          }
        : f,
    );
    const result = parseDataset(planted);
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('; '));
    const checks = await ruleChecks(createStyrgrafYoga(createMemoryStore(result.dataset)), '2025-06-01');
    const onward = checks.find((c) => c.id === 'onward-delegation')!;
    expect(onward.status).toBe('FAIL');
    expect(onward.findings).toEqual([
      expect.objectContaining({
        status: 'FAIL',
        entities: [{ id: 'kommundirektor' }, { id: 'vd-nodra-ab' }],
        relations: [{ id: 'kommundirektor.subdelegates_to.vd-nodra-ab', kind: 'SUBDELEGATES_TO' }],
        provisions: [{ id: 'kdi-vidaredelegation-a1' }, { id: 'kl-7-6' }],
      }),
    ]);
  });
});
