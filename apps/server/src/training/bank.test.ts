/**
 * The question bank against the straightforward computation it replaced
 * (every question with its option lists, worked out in full), on Norrköping
 * and on a generated set of several municipalities, at dates on both sides of
 * their changes; and held to doing only the work a request asks for.
 */
import {
  ACTOR_KINDS,
  fold,
  generateSynthetic,
  inText,
  loadDatasetOrThrow,
  parseDataset,
  relationLabel,
  syntheticFiles,
  type Dataset,
  type Entity,
  type EntityKind,
  type Relation,
  type RelationKind,
} from '@styrgraf/model';
import { createMemoryStore, type Store } from '@styrgraf/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../config.ts';
import { allQuestions, answerable, buildQuestionBank, MIN_DISTRACTORS, prepareQuiz, QUIZ_FAMILIES, QuestionBank, questionBank } from './bank.ts';
import { QuizGraph } from './quiz-graph.ts';
import { drawQuiz } from './quiz.ts';
import { QUESTION_TEMPLATES } from './templates.ts';
import { addTo } from '@styrgraf/model';

interface ReferenceQuestion {
  id: string;
  prompt: { sv: string; en: string };
  right: string[];
  shown: string[];
  nearby: string[];
  pool: string[];
  fillers: string[];
}

/** The bank as it was first written, trimmed to what it computed: every question of the date with every option list in full. */
async function referenceBank(store: Store, asOf: string): Promise<ReferenceQuestion[]> {
  const graph = await store.graph({ asOf, families: QUIZ_FAMILIES, kinds: [...ACTOR_KINDS, 'DECISION_AREA'] });
  const entities = new Map(graph.nodes.map((e) => [e.id, e]));
  const relations = [...graph.edges].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const incoming = new Map<string, Relation[]>();
  const outgoing = new Map<string, Relation[]>();
  for (const r of relations) {
    addTo(incoming, r.to, r);
    addTo(outgoing, r.from, r);
  }
  const into = (id: string, kinds: readonly RelationKind[]) => (incoming.get(id) ?? []).filter((r) => kinds.includes(r.kind));
  const walk = (start: string, next: (id: string) => string[]) => {
    const seen = new Set<string>();
    const queue = [start];
    while (queue.length > 0) {
      for (const id of next(queue.shift()!)) {
        if (id === start || seen.has(id)) continue;
        seen.add(id);
        queue.push(id);
      }
    }
    return seen;
  };
  const upward = (id: string, kinds: readonly RelationKind[]) =>
    walk(id, (x) => (outgoing.get(x) ?? []).filter((r) => kinds.includes(r.kind)).map((r) => r.to));
  const downward = (id: string, kinds: readonly RelationKind[]) =>
    walk(id, (x) => (incoming.get(x) ?? []).filter((r) => kinds.includes(r.kind)).map((r) => r.from));
  const kin = (id: string, kinds: readonly RelationKind[]) => new Set([...upward(id, kinds), ...downward(id, kinds)]);
  const structureUp: RelationKind[] = ['PART_OF', 'IS_A'];

  const questions: ReferenceQuestion[] = [];
  for (const template of QUESTION_TEMPLATES) {
    const subjects = [...new Set(relations.filter((r) => r.kind === template.kind).map((r) => r.to))].sort();
    for (const subjectId of subjects) {
      const subject = entities.get(subjectId)!;
      const right = into(subjectId, [template.kind, ...(template.alsoRight ?? [])]).filter((r) => template.optionKinds.includes(entities.get(r.from)!.kind));
      const asked = right.filter((r) => r.kind === template.kind);
      if (asked.length === 0 || !right.every(answerable)) continue;
      if (asked.every((r) => fold(entities.get(r.from)!.name.sv).includes(fold(subject.name.sv)))) continue;
      const rightIds = new Set(right.map((r) => r.from));
      const excluded = new Set<string>([subjectId, ...rightIds]);
      for (const id of rightIds) for (const k of kin(id, [...structureUp, 'MEMBER_OF', 'CHAIRS'])) excluded.add(k);
      for (const id of rightIds) {
        const entity = entities.get(id) as { role?: string; generic?: boolean };
        if (entity.role) excluded.add(entity.role);
        else if (entity.generic) for (const e of entities.values()) if ((e as { role?: string }).role === id) excluded.add(e.id);
      }
      for (const k of kin(subjectId, structureUp)) excluded.add(k);
      for (const ancestor of upward(subjectId, structureUp)) for (const r of into(ancestor, [template.kind])) excluded.add(r.from);
      const owners = template.transitive ? downward(subjectId, [template.kind]) : new Set<string>();
      for (const owner of owners) excluded.add(owner);
      if (template.neverWrong) for (const id of [subjectId, ...owners]) for (const r of into(id, template.neverWrong)) excluded.add(r.from);
      const isOption = (id: string) => !excluded.has(id) && template.optionKinds.includes(entities.get(id)?.kind as EntityKind);
      const sources = new Set(
        relations
          .filter((r) => template.poolKinds.includes(r.kind))
          .map((r) => r.from)
          .filter(isOption),
      );
      const neighbours = [...(incoming.get(subjectId) ?? []).map((r) => r.from), ...(outgoing.get(subjectId) ?? []).map((r) => r.to)];
      const nearby = [...new Set(neighbours)].filter((id) => sources.has(id)).sort();
      const pool = [...sources].filter((id) => !nearby.includes(id)).sort();
      const fillers = [...new Set(relations.filter((r) => template.poolTargets?.includes(r.kind)).map((r) => r.to))]
        .filter((id) => isOption(id) && !sources.has(id))
        .sort();
      if (nearby.length + pool.length + fillers.length < MIN_DISTRACTORS) continue;
      const wordings = new Map<string, Relation[]>();
      for (const r of asked) addTo(wordings, r.label?.sv ?? '', r);
      for (const [wording, withWording] of wordings) {
        const id = wordings.size === 1 ? `${template.id}:${subjectId}` : `${template.id}:${subjectId}:${fold(wording).replace(/ /g, '-') || 'default'}`;
        const name = { sv: inText(subject, 'sv'), en: inText(subject, 'en') };
        const prompt = template.prompt?.(name) ?? {
          sv: `Vem ${relationLabel(withWording[0]!, 'sv')} ${name.sv}?`,
          en: `Who ${relationLabel(withWording[0]!, 'en')} ${name.en}?`,
        };
        const sourcesOfWording = new Set(withWording.map((r) => r.from));
        const general = new Set<string>();
        for (const s of sourcesOfWording) for (const a of upward(s, structureUp)) if (sourcesOfWording.has(a)) general.add(a);
        const specific = withWording.filter((r) => !general.has(r.from));
        const shown = (specific.length > 0 ? specific : withWording).map((r) => r.id);
        questions.push({ id, prompt, right: right.map((r) => r.id), shown, nearby, pool, fillers });
      }
    }
  }
  return questions.sort((a, b) => (a.id < b.id ? -1 : 1));
}

async function bankAsReference(bank: QuestionBank): Promise<ReferenceQuestion[]> {
  const { questions } = await bank.all();
  return questions
    .map((q) => ({ id: q.id, prompt: q.prompt, right: q.right.map((r) => r.id), shown: q.shown.map((r) => r.id), ...bank.wrongOptions(q) }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

describe('the question bank', () => {
  let norrkoping: Dataset;
  let store: Store;
  let quizGraph: QuizGraph;

  beforeAll(async () => {
    norrkoping = await loadDatasetOrThrow(`${repoRoot}graph`);
    store = createMemoryStore(norrkoping);
    quizGraph = await QuizGraph.read(store);
  });

  it('holds the questions and options of the straightforward computation, on every side of Norrköping’s changes', async () => {
    for (const asOf of ['2018-06-01', '2020-01-01', '2023-06-01', '2024-03-01', '2025-06-01']) {
      const expected = await referenceBank(store, asOf);
      expect(expected.length, asOf).toBeGreaterThan(100);
      expect(await bankAsReference(await buildQuestionBank(store, asOf)), asOf).toEqual(expected);
    }
  });

  describe('on several municipalities', () => {
    let synthetic: Store;

    beforeAll(() => {
      // Generated in memory: what `styrgraf generate` writes, without a process and a directory to read back.
      const result = parseDataset(syntheticFiles(generateSynthetic({ municipalities: 6, seed: 7 })));
      if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
      synthetic = createMemoryStore(result.dataset);
    });

    it('holds the same questions and options as the straightforward computation', async () => {
      for (const asOf of ['2021-01-01', '2025-06-01']) {
        const expected = await referenceBank(synthetic, asOf);
        expect(expected.length, asOf).toBeGreaterThan(500);
        expect(await bankAsReference(await buildQuestionBank(synthetic, asOf)), asOf).toEqual(expected);
      }
    });

    it('draws a cold quiz of ten from as few candidates as on one municipality', async () => {
      const bank = await buildQuestionBank(synthetic, '2025-06-01');
      expect(drawQuiz(bank, { seed: 3, count: 10 }).questions).toHaveLength(10);
      expect(bank.counters.candidates).toBeLessThanOrEqual(20);
      expect(bank.counters.listed).toBe(0);
    });
  });

  it('draws a cold quiz on a new date reading the relations its questions touch, not the country’s', () => {
    // Four times the municipalities, and a quiz on a date no bank has seen reads about as much: its questions' own relations and walks.
    const readsPerDate = (municipalities: number) => {
      const result = parseDataset(syntheticFiles(generateSynthetic({ municipalities, seed: 7 })));
      if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
      const graph = new QuizGraph(result.dataset.entities, result.dataset.relations);
      // The first bank on the graph works out what every date shares (the option pools), once per data set.
      drawQuiz(new QuestionBank(graph, '2024-06-01'), { seed: 1, count: 10 });
      const before = graph.edgesRead;
      for (let year = 2010; year < 2016; year++) drawQuiz(new QuestionBank(graph, `${year}-03-01`), { seed: year, count: 10 });
      return { reads: (graph.edgesRead - before) / 6, relations: graph.edges.length };
    };
    const [small, large] = [readsPerDate(8), readsPerDate(32)];
    expect(large.relations).toBeGreaterThan(3.5 * small.relations);
    // A pass over a pool of the whole data set on each new date read 2.4 times as much at 32 as at 8, and more relations than the graph holds.
    expect(large.reads).toBeLessThan(1.6 * small.reads);
    expect(large.reads).toBeLessThan(large.relations / 2);
  });

  it('draws a cold quiz of ten by working out the questions it reads, without listing the date', () => {
    const bank = new QuestionBank(quizGraph, '2025-06-01');
    const quiz = drawQuiz(bank, { seed: 8, count: 10 });
    expect(quiz.questions).toHaveLength(10);
    // Each relation read names one candidate; a few are passed over (an answer in dispute, too few wrong options, a subject already asked).
    expect(bank.counters.candidates).toBeLessThanOrEqual(20);
    // One exclusion per candidate, worked out once more for a drawn question that has several wordings.
    expect(bank.counters.exclusions).toBeLessThanOrEqual(bank.counters.candidates + 10);
    expect(bank.counters.listed).toBe(0);
  });

  it('reads the quiz graph once, ahead of the first quiz, when prepared at start', async () => {
    let reads = 0;
    // A digest of its own, so that no other test's graph is found in the cache.
    const fresh = new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === 'graph') return (...args: Parameters<Store['graph']>) => (reads++, target.graph(...args));
        if (prop === 'info') return async (...args: Parameters<Store['info']>) => ({ ...(await target.info(...args)), digest: 'prepared-at-start' });
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    await prepareQuiz(fresh);
    expect(reads).toBe(1);
    const bank = await questionBank(fresh, '2025-06-01');
    expect(drawQuiz(bank, { seed: 1, count: 10 }).questions).toHaveLength(10);
    expect(reads).toBe(1);
  });

  it('checks an answer by working out its one question, without listing the date', async () => {
    const bank = await buildQuestionBank(store, '2025-06-01');
    const question = bank.find('heard:da-villkor-kontorschef')!;
    expect(question.shown.map((r) => r.from)).toEqual(['personalutskottets-ordforande']);
    expect(bank.isWrongOption(question, 'kommundirektor')).toBe(true);
    expect(bank.isWrongOption(question, 'personalutskottets-ordforande')).toBe(false);
    expect(bank.counters.candidates).toBe(1);
    expect(bank.find('heard:no-such-area')).toBeUndefined();
  });

  it('serves every date between two changes from one bank, so memory does not grow with the dates asked', async () => {
    const [a, b] = [await questionBank(store, '2025-06-01'), await questionBank(store, '2025-06-02')];
    expect(b).toBe(a);
    expect(await questionBank(store, '2023-06-01')).not.toBe(a);
    const seen = new Set<QuestionBank>();
    for (let day = 0; day < 400; day++) seen.add(await questionBank(store, new Date(Date.UTC(2016, 0, 1 + day * 9)).toISOString().slice(0, 10)));
    // Ten years of dates, one bank per stretch between Norrköping's changes.
    expect(seen.size).toBeLessThanOrEqual(8);
    expect(seen.size).toBeGreaterThan(2);
  });

  it('goes on listing for the others when one request stops waiting', async () => {
    const bank = await buildQuestionBank(store, '2025-06-01');
    const gone = new AbortController();
    const reason = new Error('client gone');
    const [first, second] = [allQuestions(bank, gone.signal), allQuestions(bank, new AbortController().signal)];
    gone.abort(reason);
    await expect(first).rejects.toBe(reason);
    expect((await second).questions.length).toBeGreaterThan(100);
  });

  it('keeps Entity objects of the store as subjects and options', async () => {
    const bank = await buildQuestionBank(store, '2025-06-01');
    const question = bank.find('appoints:kommundirektor')!;
    const subject: Entity = question.subject;
    expect(subject).toBe(norrkoping.entities.find((e) => e.id === 'kommundirektor'));
  });
});
