import { loadDatasetOrThrow } from '@styrgraf/model';
import { createMemoryStore, type Store } from '@styrgraf/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStyrgrafYoga } from '../app.ts';
import { repoRoot } from '../config.ts';

/**
 * Evidence, posts and unsettled deciders over GraphQL, in process: what a
 * detail panel, a legend, a path explanation and the decision matrix read.
 */

let yoga: ReturnType<typeof createStyrgrafYoga>;
beforeAll(async () => {
  const store: Store = createMemoryStore(await loadDatasetOrThrow(`${repoRoot}graph`));
  yoga = createStyrgrafYoga(store);
});

async function query<T>(text: string): Promise<T> {
  const response = await yoga.fetch('http://styrgraf.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: text }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  expect(body.errors).toBeUndefined();
  return body.data!;
}

type EvidenceView = {
  status: string;
  wording: string;
  marker: string | null;
  quote: string | null;
  quotedFrom: { id: string } | null;
  quoteVerbatim: boolean | null;
  note: string | null;
  readings: string[];
  confidence: string | null;
  attested: string | null;
};
const EVIDENCE = 'evidence { status wording marker quote quotedFrom { id } quoteVerbatim note readings confidence attested }';

describe('evidence on relations and participants', () => {
  it('quotes the instruction for a stated relation and says where the words stand', async () => {
    const { entity } = await query<{ entity: { relations: { kind: string; to: { id: string }; evidence: EvidenceView }[] } }>(
      `{ entity(id: "kommundirektor") { relations(direction: OUT, families: [REPORTING]) { kind to { id } ${EVIDENCE} } } }`,
    );
    const vd = entity.relations.find((r) => r.kind === 'HEADS' && r.to.id === 'norrkoping-radhus-ab')!;
    expect(vd.evidence).toEqual({
      status: 'STATED',
      wording: 'Enligt kommundirektörens instruktion',
      marker: null,
      quote: 'Kommundirektören är verkställande direktör för Norrköping Rådhus AB.',
      quotedFrom: { id: 'kdi-vd-radhus' },
      quoteVerbatim: true,
      note: null,
      readings: [],
      confidence: null,
      attested: null,
    });
  });

  it('gives a contested participant every reading, in Swedish and English', async () => {
    const { decisionArea } = await query<{
      decisionArea: { participants: { role: string; actor: { id: string }; evidence: EvidenceView; en: { readings: string[]; wording: string } }[] };
    }>(
      `{ decisionArea(id: "da-anstallning-vd-dotterbolag") { participants { role actor { id } ${EVIDENCE} en: evidence { readings(lang: EN) wording(lang: EN) } } } }`,
    );
    const consulted = decisionArea.participants.find((p) => p.role === 'CONSULTED')!;
    expect(consulted.actor.id).toBe('ks-presidium');
    expect(consulted.evidence).toMatchObject({
      status: 'CONTESTED',
      wording: 'Oklart – flera läsningar',
      marker: 'omstritt',
      quote: 'i samråd med styrelsens presidium',
    });
    expect(consulted.evidence.readings).toHaveLength(2);
    expect(consulted.evidence.readings[1]).toMatch(/dotterbolagets egen styrelse/);
    expect(consulted.en).toMatchObject({ wording: 'Contested – more than one reading' });
    expect(consulted.en.readings[0]).toMatch(/^The executive board's presidium/);
  });

  it('says a low-confidence source as such, with the date it was last seen true', async () => {
    const { entity } = await query<{ entity: { relations: { kind: string; from: { id: string }; evidence: EvidenceView; sentence: string }[] } }>(
      `{ entity(id: "norrkoping-airport-ab") { relations(direction: IN, families: [OWNERSHIP]) { kind from { id } sentence ${EVIDENCE} } } }`,
    );
    const [owner] = entity.relations;
    expect(owner).toMatchObject({ kind: 'OWNS', from: { id: 'norrkoping-radhus-ab' } });
    expect(owner!.evidence).toMatchObject({
      status: 'SOURCED',
      confidence: 'LOW',
      attested: '2020',
      wording: 'Enligt källa (låg tillförlitlighet)',
      marker: 'osäkert',
    });
    expect(owner!.sentence).toBe('Norrköping Rådhus AB äger Norrköping Airport AB (osäkert).');
  });

  it('shows an actor’s participations with their evidence', async () => {
    const { entity } = await query<{ entity: { participations: { role: string; decisionArea: { id: string }; evidence: { status: string } }[] } }>(
      `{ entity(id: "tjansteperson-kontor") { ... on Actor { participations { role decisionArea { id } evidence { status } } } } }`,
    );
    expect(entity.participations).toEqual([{ role: 'DECIDES', decisionArea: { id: 'da-anslag-utrustning-a1' }, evidence: { status: 'INTERPRETED' } }]);
  });

  it('lists the four statuses for a legend, each with its marker', async () => {
    const { vocabulary } = await query<{ vocabulary: { evidenceStatuses: { status: string; label: string; marker: string | null }[] } }>(
      `{ vocabulary { evidenceStatuses { status label marker } } }`,
    );
    expect(vocabulary.evidenceStatuses).toEqual([
      { status: 'STATED', label: 'Står i bestämmelsen', marker: null },
      { status: 'INTERPRETED', label: 'Tolkning', marker: 'tolkning' },
      { status: 'CONTESTED', label: 'Oklart – flera läsningar', marker: 'omstritt' },
      { status: 'SOURCED', label: 'Enligt källa', marker: null },
    ]);
  });
});

describe('path explanations', () => {
  it('mark a step that is a reading: the director in a committee', async () => {
    const { paths } = await query<{ paths: { explanation: string; en: string }[] }>(
      `{ paths(from: "kommundirektor", to: "valnamnden", families: [RIGHTS], maxLength: 1) { explanation en: explanation(lang: EN) } }`,
    );
    expect(paths[0]).toEqual({
      explanation: 'Kommundirektören har närvaro- och yttranderätt i valnämnden (tolkning).',
      en: 'The municipal director may attend and speak in the election committee (reading).',
    });
  });

  it('never cross from one company to another through a role they share', async () => {
    const { paths } = await query<{ paths: { nodes: { id: string; kind: string; generic?: boolean }[] }[] }>(
      `{ paths(from: "kommunstyrelsen", to: "hyresbostader", mode: ALL, maxLength: 6, first: 50, asOf: "2025-06-01") { nodes { id kind ... on Actor { generic } } } }`,
    );
    expect(paths.length).toBeGreaterThan(1);
    for (const path of paths) {
      const inner = path.nodes.slice(1, -1);
      expect(
        inner.filter((n) => n.generic).map((n) => n.id),
        path.nodes.map((n) => n.id).join(' > '),
      ).toEqual([]);
      expect(inner.map((n) => n.id)).not.toContain('vd-dotterbolag');
    }
  });
});

describe('posts and generic roles', () => {
  it('gives a generic role its posts, and each post its role and organisation', async () => {
    const { entity } = await query<{ entity: { generic: boolean; posts: { id: string; postIn: { id: string }; role: { id: string } }[] } }>(
      `{ entity(id: "vd-dotterbolag") { ... on Actor { generic posts { id postIn { id } role { id } } } } }`,
    );
    expect(entity.generic).toBe(true);
    expect(entity.posts.map((p) => p.postIn.id)).toEqual(expect.arrayContaining(['nodra-ab', 'hyresbostader', 'norrkoping-airport-ab']));
    expect(entity.posts).toHaveLength(9);
    expect(entity.posts.every((p) => p.role.id === 'vd-dotterbolag')).toBe(true);
  });

  it('keeps the offices’ heads as posts of the head-of-office role, closed ones on their dates', async () => {
    const { now, then } = await query<{ now: { posts: { id: string }[] }; then: { posts: { id: string }[] } }>(
      `{ now: entity(id: "kontorschef") { ... on Actor { posts(asOf: "2025-06-01") { id } } }
         then: entity(id: "kontorschef") { ... on Actor { posts(asOf: "2018-06-01") { id } } } }`,
    );
    expect(now.posts.map((p) => p.id)).toContain('tillvaxt-och-utvecklingsdirektor');
    expect(now.posts.map((p) => p.id)).not.toContain('stadsbyggnadsdirektor');
    expect(then.posts.map((p) => p.id)).toEqual(expect.arrayContaining(['stadsbyggnadsdirektor', 'teknisk-direktor', 'bygg-och-miljokontorets-chef']));
  });
});

describe('decision areas', () => {
  it('say which have no single decider, and why', async () => {
    const { decisionAreas } = await query<{ decisionAreas: { id: string; settled: boolean; settledReason: string | null; summary: string }[] }>(
      `{ decisionAreas(asOf: "2025-06-01") { id settled settledReason summary } }`,
    );
    expect(
      decisionAreas
        .filter((a) => !a.settled)
        .map((a) => a.id)
        .sort(),
    ).toEqual(['da-anslag-utrustning-a1', 'da-anstallning-vd-dotterbolag', 'da-avslut-kontorschef', 'da-verkstallighet-ks-beslut']);
    const a1 = decisionAreas.find((a) => a.id === 'da-anslag-utrustning-a1')!;
    expect(a1.settledReason).toMatch(/vidaredelegerats/);
    expect(a1.summary).toMatch(/^Kommundirektören och tjänsteperson inom respektive kontor \(tolkning\) beslutar\./);
    expect(decisionAreas.filter((a) => a.settled).every((a) => a.settledReason === null)).toBe(true);
  });

  it('say where the law keeps a decision with the body itself', async () => {
    const { decisionArea } = await query<{ decisionArea: { notDelegable: string | null; notDelegableProvisions: { id: string }[] } }>(
      `{ decisionArea(id: "da-arenden-kf") { notDelegable notDelegableProvisions { id } } }`,
    );
    expect(decisionArea.notDelegableProvisions).toEqual([{ id: 'kl-6-38' }]);
    expect(decisionArea.notDelegable).toMatch(/får inte delegeras/);
  });
});

describe('the quiz on evidence', () => {
  it('marks an answer that is a reading, and says the reading', async () => {
    const { checkAnswer } = await query<{ checkAnswer: { correct: boolean; answer: { explanation: string } } }>(
      `{ checkAnswer(questionId: "prepares:da-anstallning-kontorschef", optionId: "kommundirektor", asOf: "2025-06-01") { correct answer { explanation } } }`,
    );
    expect(checkAnswer.correct).toBe(true);
    expect(checkAnswer.answer.explanation).toMatch(
      /^Kommundirektören bereder anställning av kontorschef \(tolkning\)\. Det är en tolkning: Instruktionen säger vad beredningen ska innehålla men inte vem som bereder/,
    );
    expect(checkAnswer.answer.explanation).toContain('”Kommundirektören fattar beslut i anställningsärende gällande kontorschefer.');
  });

  it('gives a stated answer without a marker', async () => {
    const { checkAnswer } = await query<{ checkAnswer: { answer: { explanation: string } } }>(
      `{ checkAnswer(questionId: "decides:da-villkor-kontorschef", optionId: "kommundirektor", asOf: "2025-06-01") { answer { explanation } } }`,
    );
    expect(checkAnswer.answer.explanation).not.toMatch(/tolkning|omstritt|osäkert/);
  });
});
