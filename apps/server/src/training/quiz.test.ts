import { loadDatasetOrThrow, RELATION_KINDS, type Dataset, type RelationKind } from '@styrgraf/model';
import { createMemoryStore, type Store } from '@styrgraf/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../config.ts';
import { buildQuestionBank, type QuestionBank, type QuestionList } from './bank.ts';
import { availableQuestions, drawQuiz, QUIZ_MAX_COUNT, type Quiz } from './quiz.ts';
import { QUIZ_TOPICS } from './templates.ts';

/** A fixed date, so that the questions do not change with the calendar. */
const AS_OF = '2025-06-01';

let dataset: Dataset;
let store: Store;
let bank: QuestionBank;
let list: QuestionList;

beforeAll(async () => {
  dataset = await loadDatasetOrThrow(`${repoRoot}graph`);
  store = createMemoryStore(dataset);
  bank = await buildQuestionBank(store, AS_OF);
  list = await bank.all();
});

const shape = (quiz: Quiz) => quiz.questions.map((q) => ({ id: q.question.id, options: q.options, answer: q.answer.from }));

/** Every question the bank holds, each drawn once: one quiz per topic (no topic holds more than a quiz may). */
function everyQuestion(seed: number) {
  return QUIZ_TOPICS.flatMap((topic) => drawQuiz(bank, { seed, count: QUIZ_MAX_COUNT, topics: [topic] }).questions);
}

/**
 * Whether the graph says `actor` stands in `kind` to `subject`, asked of the
 * store directly and not of the bank: the check the generator must pass,
 * written without its logic.
 */
async function graphSays(subject: string, kind: RelationKind, actor: string): Promise<boolean> {
  const [incoming] = await store.relationsOf([subject], { direction: 'IN', asOf: AS_OF });
  return incoming!.some((r) => r.kind === kind && r.from === actor);
}

/** Entities that own `company` through a chain of owners, found by walking the store. */
async function ownersOf(company: string): Promise<Set<string>> {
  const owners = new Set<string>();
  const queue = [company];
  while (queue.length > 0) {
    const [incoming] = await store.relationsOf([queue.shift()!], { direction: 'IN', families: ['OWNERSHIP'], asOf: AS_OF });
    for (const r of incoming!) if (r.kind === 'OWNS' && !owners.has(r.from)) queue.push(owners.add(r.from) && r.from);
  }
  return owners;
}

/** Whether a and b are joined by a relation saying one is part of, a kind of, a member or the chair of the other. */
async function structurallyJoined(a: string, b: string): Promise<boolean> {
  const [relations] = await store.relationsOf([a], { direction: 'BOTH', families: ['STRUCTURE'], asOf: AS_OF });
  return relations!.some((r) => ['PART_OF', 'IS_A', 'MEMBER_OF', 'CHAIRS'].includes(r.kind) && (r.from === b || r.to === b));
}

describe('the quiz generator', () => {
  it('gives the same quiz for the same seed, also from a bank built again', async () => {
    const again = await buildQuestionBank(createMemoryStore(dataset), AS_OF);
    const first = drawQuiz(bank, { seed: 2024, count: 10 });
    expect(shape(drawQuiz(bank, { seed: 2024, count: 10 }))).toEqual(shape(first));
    expect(shape(drawQuiz(again, { seed: 2024, count: 10 }))).toEqual(shape(first));
  });

  it('does not depend on the order in which the store lists the graph', async () => {
    const reversed = new Proxy(store, {
      get(target, prop, receiver) {
        if (prop !== 'graph') return Reflect.get(target, prop, receiver) as unknown;
        return async (...args: Parameters<Store['graph']>) => {
          const g = await target.graph(...args);
          return { nodes: [...g.nodes].reverse(), edges: [...g.edges].reverse() };
        };
      },
    });
    const fromReversed = await buildQuestionBank(reversed, AS_OF);
    expect(shape(drawQuiz(fromReversed, { seed: 5, count: 20 }))).toEqual(shape(drawQuiz(bank, { seed: 5, count: 20 })));
  });

  it('gives different quizzes for different seeds', () => {
    const quizzes = [1, 2, 3].map((seed) => JSON.stringify(shape(drawQuiz(bank, { seed, count: 10 }))));
    expect(new Set(quizzes).size).toBe(3);
  });

  it('takes turns between the topics, so ten questions cover at least five of them', () => {
    const quiz = drawQuiz(bank, { seed: 11, count: 10 });
    expect(quiz.questions).toHaveLength(10);
    expect(new Set(quiz.questions.map((q) => q.question.template.topic)).size).toBeGreaterThanOrEqual(5);
    expect(quiz.questions.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('asks every topic, and only the topics asked for', () => {
    for (const topic of QUIZ_TOPICS) {
      const quiz = drawQuiz(bank, { seed: 3, count: 5, topics: [topic] });
      expect(quiz.questions.length, topic).toBeGreaterThan(0);
      expect(
        quiz.questions.every((q) => q.question.template.topic === topic),
        topic,
      ).toBe(true);
    }
  });

  it('gives fewer questions than asked when the topics hold fewer, and says how many there are', () => {
    const quiz = drawQuiz(bank, { seed: 1, count: 50, topics: ['HEARING'] });
    expect(availableQuestions(list, quiz.topics)).toBe(2);
    expect(quiz.questions.map((q) => q.question.id).sort()).toEqual(['heard:da-anstallning-kontorschef', 'heard:da-villkor-kontorschef']);
  });

  it('has exactly one option the graph supports in every question, and it is the answer', async () => {
    const questions = everyQuestion(17);
    // Drawn one at a time, read to the end, the topics give exactly the questions of the listing.
    expect(questions.map((q) => q.question.id).sort()).toEqual(list.questions.map((q) => q.id).sort());
    for (const q of questions) {
      const { kind } = q.question.template;
      const supported = [];
      for (const option of q.options) if (await graphSays(q.question.subject.id, kind, option)) supported.push(option);
      expect(supported, q.question.id).toEqual([q.answer.from]);
    }
  });

  it('never offers as wrong what the graph could be read to support', async () => {
    for (const q of everyQuestion(23)) {
      const subject = q.question.subject.id;
      const wrong = q.options.filter((o) => o !== q.answer.from);
      for (const option of wrong) {
        // A body that delegated a decision may still take it.
        if (q.question.template.kind === 'DECIDES') expect(await graphSays(subject, 'DELEGATES', option), `${q.question.id}: ${option}`).toBe(false);
        // Part of, a kind of, a member or the chair of the answer (utbildningsdirektören when kontorschefen is right).
        expect(await structurallyJoined(option, q.answer.from), `${q.question.id}: ${option}`).toBe(false);
      }
      // An owner's owner owns too.
      if (q.question.template.kind === 'OWNS') {
        const owners = await ownersOf(subject);
        expect(
          wrong.filter((o) => owners.has(o)),
          q.question.id,
        ).toEqual([]);
      }
    }
  });

  it('offers three or four distinct options, each of a kind that can hold the relation asked about', () => {
    for (const q of everyQuestion(29)) {
      expect(new Set(q.options).size, q.question.id).toBe(q.options.length);
      expect(q.options.length, q.question.id).toBeGreaterThanOrEqual(3);
      expect(q.options.length, q.question.id).toBeLessThanOrEqual(4);
      expect(q.options, q.question.id).not.toContain(q.question.subject.id);
      const allowed: readonly string[] = RELATION_KINDS[q.question.template.kind].from;
      for (const option of q.options) expect(allowed, `${q.question.id}: ${option}`).toContain(bank.entities.get(option)!.kind);
    }
  });

  it('asks the real questions of the instruction, with the real answers', () => {
    const answerOf = (id: string) => list.byId.get(id)!;
    expect(answerOf('heard:da-villkor-kontorschef')).toMatchObject({
      prompt: { sv: 'Vem ska höras inför beslut om kontorschefens anställningsvillkor?' },
      shown: [{ from: 'personalutskottets-ordforande', cites: ['kdi-villkor-kontorschef'] }],
    });
    expect(answerOf('heads:norrkoping-radhus-ab')).toMatchObject({
      prompt: { sv: 'Vem är verkställande direktör för Norrköping Rådhus AB?', en: 'Who is the managing director of Norrköping Rådhus AB?' },
      shown: [{ from: 'kommundirektor', cites: ['kdi-vd-radhus'] }],
    });
    expect(answerOf('appoints:kommundirektor').shown.map((r) => r.from)).toEqual(['kommunstyrelsen']);
    expect(answerOf('serves:valnamnden').shown.map((r) => r.from)).toEqual(['kommunstyrelsens-kontor']);
    expect(answerOf('consulted:da-omorganisation-inom-kontor').shown.map((r) => r.from)).toEqual(['kontorschef']);
  });

  it('keeps plausible but right-ish options out: no indirect owner, no head of the whole, no kind of the answer', () => {
    const offerable = (id: string) => Object.values(bank.wrongOptions(list.byId.get(id)!)).flat();
    // Kommunfullmäktige owns Nodra AB through Rådhus AB.
    expect(offerable('owns:nodra-ab')).not.toContain('kommunfullmaktige');
    expect(offerable('owns:nodra-ab')).toContain('kommunstyrelsen');
    // Kommundirektören heads the förvaltning that utbildningskontoret is part of.
    expect(offerable('heads:utbildningskontoret')).not.toContain('kommundirektor');
    // Utbildningsdirektören is a kontorschef.
    expect(offerable('consulted:da-omorganisation-inom-kontor')).not.toContain('utbildningsdirektor');
    // The decider is the best wrong answer to who must be heard.
    expect(list.byId.get('heard:da-villkor-kontorschef')!.nearby).toEqual(['kommundirektor']);
  });

  it('shows the most specific of several right answers: an office, not the whole administration', () => {
    // Kommunstyrelsen is served by the whole förvaltning and by two offices within it.
    // Kommunstyrelsen is served by the whole förvaltning and by two offices within it. The bank does not ask that
    // question (every office is part of the förvaltning, so none is a wrong option), so its rule is checked on the relations.
    expect(list.byId.has('serves:kommunstyrelsen')).toBe(false);
    const serving = bank.graph.into(bank.graph.node('kommunstyrelsen')!, ['SERVES'], AS_OF);
    expect(serving.map((e) => bank.graph.edges[e]!.from).sort()).toEqual(['forvaltningen', 'kommunstyrelsens-kontor', 'tillvaxt-och-utvecklingskontoret']);
    expect(
      bank
        .mostSpecific(serving)
        .map((r) => r.from)
        .sort(),
    ).toEqual(['kommunstyrelsens-kontor', 'tillvaxt-och-utvecklingskontoret']);
    const kfn = list.byId.get('serves:kultur-och-fritidsnamnden')!;
    expect(kfn.shown.map((r) => r.from).sort()).toEqual(['samhallsbyggnadskontoret', 'tillvaxt-och-utvecklingskontoret']);
  });

  it('answers who owns Norrköping Rådhus AB with the municipality, and never offers the council as wrong', () => {
    const q = list.byId.get('owns:norrkoping-radhus-ab')!;
    expect(q.shown.map((r) => r.from)).toEqual(['norrkopings-kommun']);
    for (const id of ['owns:norrkoping-radhus-ab', 'owns:nodra-ab']) {
      const question = list.byId.get(id)!;
      expect(Object.values(bank.wrongOptions(question)).flat(), id).not.toContain('kommunfullmaktige');
    }
    expect(list.byId.get('exercises-ownership:norrkoping-radhus-ab')!.shown.map((r) => r.from)).toEqual(['kommunfullmaktige']);
  });

  it('never asks a question whose answer is contested or rests on an uncertain source', () => {
    for (const q of list.questions) {
      expect(
        q.right.map((r) => r.evidence.status),
        q.id,
      ).not.toContain('CONTESTED');
      expect(
        q.right.filter((r) => r.evidence.status === 'SOURCED' && r.evidence.confidence === 'LOW').map((r) => r.id),
        q.id,
      ).toEqual([]);
    }
    // Who is consulted on appointing a subsidiary's managing director: "styrelsens presidium", which presidium is contested.
    expect(list.byId.has('consulted:da-anstallning-vd-dotterbolag')).toBe(false);
    // Who owns Norrköping Airport AB today is not known.
    expect(list.byId.has('owns:norrkoping-airport-ab')).toBe(false);
  });

  it('asks no question whose answer names its subject, and offers no post beside its own role', () => {
    for (const q of list.questions) {
      for (const r of q.shown) expect(bank.entities.get(r.from)!.name.sv, q.id).not.toContain(q.subject.name.sv);
    }
    expect(list.byId.has('heads:nodra-ab')).toBe(false);
    const omorganisation = list.byId.get('consulted:da-omorganisation-inom-kontor')!;
    const offerable = Object.values(bank.wrongOptions(omorganisation)).flat();
    expect(offerable.filter((id) => (bank.entities.get(id) as { role?: string }).role === 'kontorschef')).toEqual([]);
  });

  it('asks about the organisation as of its date: the offices closed in 2023 are not asked about in 2025', async () => {
    expect(list.byId.has('heads:kultur-och-fritidskontoret')).toBe(false);
    const then = await buildQuestionBank(store, '2023-06-01');
    expect((await then.all()).byId.get('heads:kultur-och-fritidskontoret')?.shown.map((r) => r.from)).toEqual(['kultur-och-fritidsdirektor']);
  });
});
