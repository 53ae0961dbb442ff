import { describe, expect, it } from 'vitest';
import { gql } from './helpers/server.ts';
import { describeOnEachStore, storesUnderTest } from './helpers/stores.ts';

/**
 * Training mode end to end over real HTTP: the tours a new politician plays,
 * the quiz they take (and another front end could take), the glossary
 * lookups behind the hover explanations — all from graph/, once on the
 * embedded store and once on the run's live Neo4j.
 */
describeOnEachStore((served) => {
  /** A fixed date, so that the questions do not change with the calendar. */
  const AS_OF = '2025-06-01';

  type Option = { id: string; text: string; correct: boolean; feedback: string; entity: { kind: string }; relations: { kind: string; sentence: string }[] };
  type Question = {
    id: string;
    number: number;
    topic: string;
    prompt: string;
    subject: { id: string };
    relationKind: string;
    options: Option[];
    answer: { option: { id: string }; explanation: string; provisions: { id: string; text: string; section: string }[]; sources: string[] };
  };
  const QUIZ = /* GraphQL */ `
      query Quiz($seed: Int!, $count: Int, $topics: [QuizTopic!], $lang: Lang) {
        quiz(seed: $seed, count: $count, topics: $topics, lang: $lang, asOf: "${AS_OF}") {
          seed asOf lang topics available
          questions {
            id number topic prompt subject { id } relationKind
            options { id text correct feedback entity { kind } relations { kind sentence } }
            answer { option { id } explanation provisions { id text section } sources }
          }
        }
      }
    `;
  async function quiz(variables: Record<string, unknown>) {
    const { status, body } = await gql<{ quiz: { seed: number; asOf: string; lang: string; topics: string[]; available: number; questions: Question[] } }>(
      served.url,
      QUIZ,
      variables,
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    return body.data!.quiz;
  }

  const CHECK = /* GraphQL */ `
      query Check($q: ID!, $o: ID!, $lang: Lang) {
        checkAnswer(questionId: $q, optionId: $o, lang: $lang, asOf: "${AS_OF}") {
          questionId correct
          chosen { id feedback relations { kind } }
          answer { option { id } explanation provisions { id } alsoRight { id } }
        }
      }
    `;
  type Check = {
    questionId: string;
    correct: boolean;
    chosen: { id: string; feedback: string; relations: { kind: string }[] };
    answer: { option: { id: string }; explanation: string; provisions: { id: string }[]; alsoRight: { id: string }[] };
  };

  describe('quiz', () => {
    it('is the same quiz for the same seed, and another for another seed', async () => {
      const a = await quiz({ seed: 42, count: 10 });
      const b = await quiz({ seed: 42, count: 10 });
      const c = await quiz({ seed: 43, count: 10 });
      expect(b).toEqual(a);
      expect(c.questions.map((q) => [q.id, q.options.map((o) => o.id)])).not.toEqual(a.questions.map((q) => [q.id, q.options.map((o) => o.id)]));
      expect(a).toMatchObject({ seed: 42, asOf: AS_OF, lang: 'SV', available: expect.any(Number) });
      expect(a.questions).toHaveLength(10);
    });

    it('has exactly one right option per question, which the graph holds as the relation asked about', async () => {
      const { questions } = await quiz({ seed: 7, count: 50 });
      expect(questions).toHaveLength(50);
      for (const q of questions) {
        expect(
          q.options.filter((o) => o.correct).map((o) => o.id),
          q.id,
        ).toEqual([q.answer.option.id]);
        expect(new Set(q.options.map((o) => o.id)).size, q.id).toBe(q.options.length);
        // Asked of the graph itself, through the API's plain entity lookup.
        const { body } = await gql<{ entity: { relations: { kind: string; from: { id: string } }[] } }>(
          served.url,
          /* GraphQL */ `query R($id: ID!) { entity(id: $id) { relations(direction: IN, asOf: "${AS_OF}") { kind from { id } } } }`,
          { id: q.subject.id },
        );
        const holders = body.data!.entity.relations.filter((r) => r.kind === q.relationKind).map((r) => r.from.id);
        expect(
          q.options.filter((o) => holders.includes(o.id)).map((o) => o.id),
          q.id,
        ).toEqual([q.answer.option.id]);
      }
    });

    it('explains the answer with the provision it rests on, and tells what a wrong option does instead', async () => {
      const { questions } = await quiz({ seed: 1, count: 5, topics: ['HEARING'] });
      const terms = questions.find((q) => q.id === 'heard:da-villkor-kontorschef')!;
      expect(terms.prompt).toBe('Vem ska höras inför beslut om kontorschefens anställningsvillkor?');
      expect(terms.answer.option.id).toBe('personalutskottets-ordforande');
      expect(terms.answer.provisions).toEqual([
        {
          id: 'kdi-villkor-kontorschef',
          section: 'Kommunens ledande tjänsteperson',
          text: 'Kommundirektören beslutar om kontorschefs anställningsvillkor – efter hörande av ordförande i kommunstyrelsens personalutskott.',
        },
      ]);
      expect(terms.answer.explanation).toBe(
        'Ordföranden i kommunstyrelsens personalutskott ska höras om kontorschefens anställningsvillkor. Kommundirektörens instruktion: ”Kommundirektören beslutar om kontorschefs anställningsvillkor – efter hörande av ordförande i kommunstyrelsens personalutskott.”',
      );
      const director = terms.options.find((o) => o.id === 'kommundirektor')!;
      expect(director.correct).toBe(false);
      expect(director.relations.map((r) => r.kind)).toEqual(['DECIDES']);
      expect(director.feedback).toBe('Nej. Kommundirektören beslutar om kontorschefens anställningsvillkor.');
    });

    it('speaks English when asked', async () => {
      const { questions, lang } = await quiz({ seed: 1, count: 20, topics: ['LEADERSHIP'], lang: 'EN' });
      expect(lang).toBe('EN');
      const vd = questions.find((q) => q.id === 'heads:norrkoping-radhus-ab')!;
      expect(vd.prompt).toBe('Who is the managing director of Norrköping Rådhus AB?');
      expect(vd.options.find((o) => o.correct)!.text).toBe('Municipal Director');
      expect(vd.answer.explanation).toMatch(
        /^The municipal director is the managing director of Norrköping Rådhus AB\. The Municipal Director's Instruction \(in Swedish\): “Kommundirektören är verkställande direktör för Norrköping Rådhus AB\.”$/,
      );
    });

    it('asks every topic, and says how many questions each can give', async () => {
      const { body } = await gql<{ quizTopics: { topic: string; label: string; questionCount: number }[] }>(
        served.url,
        `{ quizTopics(asOf: "${AS_OF}") { topic label questionCount } }`,
      );
      const topics = body.data!.quizTopics;
      expect(topics.map((t) => t.topic)).toEqual([
        'DECISION',
        'PREPARATION',
        'CONSULTATION',
        'HEARING',
        'INFORMATION',
        'LEADERSHIP',
        'APPOINTMENT',
        'SUPPORT',
        'OWNERSHIP',
        'OVERSIGHT',
      ]);
      for (const t of topics) {
        expect(t.questionCount, t.topic).toBeGreaterThan(0);
        const drawn = await quiz({ seed: 9, count: 3, topics: [t.topic] });
        expect(
          drawn.questions.every((q) => q.topic === t.topic),
          t.topic,
        ).toBe(true);
        expect(drawn.available).toBe(t.questionCount);
      }
      expect(topics.find((t) => t.topic === 'HEARING')).toEqual({ topic: 'HEARING', label: 'Hörande', questionCount: 2 });
      expect(topics.reduce((n, t) => n + t.questionCount, 0)).toBeGreaterThanOrEqual(100);
    });

    it('refuses a count outside 1–50 with BAD_USER_INPUT', async () => {
      for (const count of [0, -1, 51, 1000]) {
        const { body } = await gql(served.url, QUIZ, { seed: 1, count });
        expect(body.data).toBeNull();
        expect(body.errors?.[0]?.extensions?.code, String(count)).toBe('BAD_USER_INPUT');
        expect(body.errors?.[0]?.message).toContain('"count" must be a whole number from 1 to 50');
      }
    });

    it('refuses an unknown topic before running', async () => {
      const { body } = await gql(served.url, QUIZ, { seed: 1, topics: ['GOSSIP'] });
      expect(body.errors?.[0]?.message).toContain('GOSSIP');
    });
  });

  describe('checkAnswer', () => {
    it('says right or wrong, from any quiz, with the explanation', async () => {
      const right = await gql<{ checkAnswer: Check }>(served.url, CHECK, { q: 'decides:da-anstallning-kontorschef', o: 'kommundirektor' });
      expect(right.body.data!.checkAnswer).toMatchObject({
        questionId: 'decides:da-anstallning-kontorschef',
        correct: true,
        chosen: { id: 'kommundirektor' },
        answer: { option: { id: 'kommundirektor' }, provisions: [{ id: 'kdi-anstallning-kontorschef' }], alsoRight: [] },
      });
      const wrong = await gql<{ checkAnswer: Check }>(served.url, CHECK, { q: 'decides:da-anstallning-kontorschef', o: 'kommunstyrelsen' });
      expect(wrong.body.data!.checkAnswer).toMatchObject({
        correct: false,
        chosen: { id: 'kommunstyrelsen', relations: [{ kind: 'INFORMED' }] },
        answer: { option: { id: 'kommundirektor' } },
      });
      expect(wrong.body.data!.checkAnswer.chosen.feedback).toBe('Nej. Kommunstyrelsen får redovisning om anställning av kontorschef.');
    });

    it('agrees with the quiz on every option', async () => {
      const { questions } = await quiz({ seed: 99, count: 6 });
      for (const q of questions) {
        for (const o of q.options) {
          const { body } = await gql<{ checkAnswer: Check }>(served.url, CHECK, { q: q.id, o: o.id });
          expect(body.data!.checkAnswer.correct, `${q.id}: ${o.id}`).toBe(o.correct);
        }
      }
    });

    it('names every right answer where the graph has several', async () => {
      const { body } = await gql<{ checkAnswer: Check }>(served.url, CHECK, { q: 'prepares:da-arenden-kf', o: 'kommunstyrelsen' });
      expect(body.data!.checkAnswer).toMatchObject({ correct: true, answer: { option: { id: 'kommunstyrelsen' }, alsoRight: [{ id: 'kommundirektor' }] } });
      expect(body.data!.checkAnswer.answer.explanation).toContain('Kommundirektören bereder kommunfullmäktiges ärenden.');
    });

    it('refuses an unknown question (NOT_FOUND, with a suggestion) and an option the question never offers (BAD_USER_INPUT)', async () => {
      const unknown = await gql(served.url, CHECK, { q: 'decides:da-anstallning-kontorchef', o: 'kommundirektor' });
      expect(unknown.body.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND', argument: 'questionId' } });
      expect(unknown.body.errors?.[0]?.message).toContain('Did you mean "decides:da-anstallning-kontorschef"?');
      // Kommunfullmäktige owns Nodra AB through Rådhus AB: never offered as wrong, so not an option to check.
      const indirect = await gql(served.url, CHECK, { q: 'owns:nodra-ab', o: 'kommunfullmaktige' });
      expect(indirect.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'optionId' } });
    });
  });

  type Step = {
    number: number;
    title: string;
    text: string;
    asOf: string;
    dated: boolean;
    families: string[];
    roles: string[] | null;
    focus: { id: string; __typename: string }[];
    provisions: { id: string }[];
    sources: string[];
    route: { from: { id: string }; via: { id: string }[]; to: { id: string }; path: { length: number; explanation: string } | null } | null;
    highlight: { nodes: { id: string }[]; edges: { id: string; kind: string }[] };
    terms: { start: number; end: number; text: string; term: { id: string } }[];
  };
  const TOUR = /* GraphQL */ `
    query Tour($id: ID!, $lang: Lang) {
      tour(id: $id) {
        id
        title(lang: $lang)
        summary(lang: $lang)
        stepCount
        steps {
          number
          title(lang: $lang)
          text(lang: $lang)
          asOf
          dated
          families
          roles
          focus {
            id
            __typename
          }
          provisions {
            id
          }
          sources
          route {
            from {
              id
            }
            via {
              id
            }
            to {
              id
            }
            path {
              length
              explanation(lang: $lang)
            }
          }
          highlight {
            nodes {
              id
            }
            edges {
              id
              kind
            }
          }
          terms(lang: $lang) {
            start
            end
            text
            term {
              id
            }
          }
        }
      }
    }
  `;
  async function tour(id: string, lang = 'SV') {
    const { status, body } = await gql<{ tour: { id: string; title: string; summary: string; stepCount: number; steps: Step[] } }>(served.url, TOUR, {
      id,
      lang,
    });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    return body.data!.tour;
  }

  describe('tours', () => {
    it('lists the tours in order with their step counts', async () => {
      const { body } = await gql<{ tours: { id: string; title: string; stepCount: number }[] }>(served.url, `{ tours { id title stepCount } }`);
      const tours = body.data!.tours;
      expect(tours.slice(0, 4).map((t) => t.title)).toEqual([
        'Från fullmäktige till kontoren',
        'Vem bestämmer om kontorscheferna?',
        'Kommunens bolag',
        'Vad säger instruktionen inte?',
      ]);
      for (const t of tours) expect(t.stepCount, t.id).toBeGreaterThanOrEqual(5);
    });

    it('plays “Från fullmäktige till kontoren” to the end, the chain explained in words', async () => {
      const t = await tour('fran-fullmaktige-till-kontoren');
      expect(t.steps.map((s) => s.number)).toEqual(t.steps.map((_, i) => i + 1));
      const last = t.steps.at(-1)!;
      expect(last.route!.path).toEqual({
        length: 4,
        explanation:
          'Kommunfullmäktige väljer kommunstyrelsen, som anställer kommundirektören, som är chef för utbildningsdirektören. Utbildningsdirektören leder utbildningskontoret.',
      });
      expect(last.highlight.nodes.map((n) => n.id)).toEqual([
        'kommundirektor',
        'kommunfullmaktige',
        'kommunstyrelsen',
        'utbildningsdirektor',
        'utbildningskontoret',
        'utbildningsnamnden',
      ]);
      const dated = t.steps.filter((s) => s.dated);
      expect(dated.map((s) => s.asOf)).toEqual(['2023-12-31', '2024-01-01']);
      expect(dated[1]!.sources).toContain('https://norrkoping.se/nyheter/2023/2023-08-15-nytt-kontor-ska-ge-snabbare-resultat-i-kommunen');
      for (const s of t.steps) expect(s.provisions.length + s.sources.length, `step ${s.number}`).toBeGreaterThan(0);
    });

    it('highlights the participants a step is about: the presidia to be heard on a head of office’s appointment', async () => {
      const t = await tour('vem-bestammer-om-kontorscheferna');
      const heard = t.steps.find((s) => s.roles?.join() === 'HEARD')!;
      expect(heard.highlight.edges.filter((e) => e.kind === 'HEARD').map((e) => e.id)).toEqual(['da-anstallning-kontorschef.heard.berorda-namnders-presidier']);
      expect(heard.highlight.nodes.map((n) => n.id)).toEqual(['berorda-namnders-presidier', 'da-anstallning-kontorschef']);
      expect(heard.provisions).toEqual([{ id: 'kdi-anstallning-kontorschef' }]);
      expect(heard.terms.map((m) => m.term.id)).toContain('term-horande');
    });

    it('shows the director’s double role in the companies tour', async () => {
      const t = await tour('kommunens-bolag', 'EN');
      expect(t.title).toBe('The municipal companies');
      const role = t.steps.find((s) => s.provisions.some((p) => p.id === 'kdi-vd-radhus'))!;
      expect(role.route!.path!.explanation).toBe(
        'The municipal administration is headed by the municipal director, who is the managing director of Norrköping Rådhus AB.',
      );
    });

    it('shows the open workshop questions as cards in “Vad säger instruktionen inte?”', async () => {
      const t = await tour('vad-sager-instruktionen-inte');
      const questions = t.steps.flatMap((s) => s.focus.filter((f) => f.__typename === 'WorkshopQuestion').map((f) => f.id));
      expect(questions).toEqual(expect.arrayContaining(['wq-03', 'wq-04', 'wq-05', 'wq-06', 'wq-07', 'wq-19', 'wq-20', 'wq-25']));
    });

    it('serves one step by number for a deep link, and null past the end', async () => {
      const { body } = await gql<{ tour: { step3: { number: number; title: string } | null; step99: null } }>(
        served.url,
        `{ tour(id: "kommunens-bolag") { step3: step(number: 3) { number title } step99: step(number: 99) { number } } }`,
      );
      expect(body.data!.tour).toEqual({ step3: { number: 3, title: 'Kommundirektören är också VD' }, step99: null });
    });

    it('answers NOT_FOUND with a suggestion for an unknown tour', async () => {
      const { body } = await gql(served.url, `{ tour(id: "kommunens-bolagen") { id } }`);
      expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND', argument: 'id' } });
      expect(body.errors?.[0]?.message).toContain('Did you mean "kommunens-bolag"?');
    });
  });

  describe('glossary lookups for hover explanations', () => {
    it('finds the term a word names, inflected or abbreviated', async () => {
      const { body } = await gql<{ a: { id: string; definition: string } | null; b: { id: string } | null; c: null }>(
        served.url,
        `{ a: glossaryTerm(word: "uppsiktsplikten") { id definition } b: glossaryTerm(word: "KS") { id } c: glossaryTerm(word: "kaffe") { id } }`,
      );
      expect(body.data!.a!.id).toBe('term-uppsiktsplikt');
      expect(body.data!.a!.definition.length).toBeGreaterThan(20);
      expect(body.data!.b).toEqual({ id: 'term-kommunstyrelse' });
      expect(body.data!.c).toBeNull();
    });

    it('marks every term in a text with its place', async () => {
      const text = 'Kommundirektören bereder ärendet efter samråd med presidiet.';
      const { body } = await gql<{ glossaryMatches: { start: number; end: number; text: string; term: { id: string } }[] }>(
        served.url,
        `query M($t: String!) { glossaryMatches(text: $t) { start end text term { id } } }`,
        { t: text },
      );
      expect(body.data!.glossaryMatches.map((m) => [m.text, m.term.id])).toEqual([
        ['Kommundirektören', 'term-kommundirektor'],
        // Verb and definite forms are found through the terms' aliases.
        ['bereder', 'term-beredning'],
        ['samråd', 'term-samrad'],
        ['presidiet', 'term-presidium'],
      ]);
      for (const m of body.data!.glossaryMatches) expect(text.slice(m.start, m.end)).toBe(m.text);
    });
  });
});

describe.skipIf(storesUnderTest().some((target) => target.skip))('the same training from both stores', () => {
  it('draws the same quiz for the same seed, topic counts and tour steps included', async () => {
    const servers = await Promise.all(storesUnderTest().map((target) => target.start()));
    try {
      const ask = async (query: string, variables?: Record<string, unknown>) => {
        const [memory, neo4j] = await Promise.all(servers.map(async (s) => (await gql(s.url, query, variables)).body));
        return [memory!, neo4j!] as const;
      };
      const quiz = /* GraphQL */ `
        query Q($seed: Int!) {
          quiz(seed: $seed, count: 50, asOf: "2025-06-01") {
            available
            questions {
              id
              topic
              prompt
              options {
                id
                text
                correct
                feedback
              }
              answer {
                option {
                  id
                }
                explanation
                provisions {
                  id
                }
                sources
              }
            }
          }
          quizTopics(asOf: "2025-06-01") {
            topic
            questionCount
          }
        }
      `;
      for (const seed of [1, 7, 42]) {
        const [memory, neo4j] = await ask(quiz, { seed });
        expect(memory.errors).toBeUndefined();
        expect((memory.data as { quiz: { questions: unknown[] } }).quiz.questions).toHaveLength(50);
        expect(neo4j).toEqual(memory);
      }
      const [memory, neo4j] = await ask(`{ tours { id steps { number highlight { nodes { id } edges { id } } route { path { explanation } } } } }`);
      expect(memory.errors).toBeUndefined();
      expect(neo4j).toEqual(memory);
    } finally {
      await Promise.all(servers.map((s) => s.close()));
    }
  });
});
