import {
  capitalise,
  closestId,
  explainRelation,
  inText,
  relationLabel,
  type Bilingual,
  type Entity,
  type GlossaryTermEntity,
  type Lang,
  type ProvisionEntity,
  type Relation,
  type Tour,
} from '@styrgraf/model';
import type { Context } from '../context.ts';
import { badInput, notFound } from '../errors.ts';
import { checkLength, checkRange, LIMITS } from '../limits.ts';
import { allQuestions, questionBank, type BankQuestion, type QuestionBank } from './bank.ts';
import { GlossaryMatcher } from './glossary.ts';
import { availableQuestions, canOffer, drawQuiz, isRight, QUIZ_MAX_COUNT, type QuizQuestion } from './quiz.ts';
import { QUIZ_TOPIC_LABELS, QUIZ_TOPICS, type QuizTopic } from './templates.ts';
import { highlightOf, routeFamilies, routeOf, stepFamilies, stepViews, type TourStepView } from './tours.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { isProvision, known, knownAll } from '../known-entities.ts';

/** Resolvers of the training features (tours, quiz, glossary lookup); merged into the schema in schema.ts. */

type LangEnum = 'SV' | 'EN';
type LangArg = { lang?: LangEnum };
const langOf = (value: LangEnum | undefined): Lang => (value === 'EN' ? 'en' : 'sv');
const toEnum = (l: Lang): LangEnum => (l === 'en' ? 'EN' : 'SV');

/** What the quiz types resolve from: the bank the question came from and the quiz's language. */
interface QuestionSource {
  bank: QuestionBank;
  lang: Lang;
  question: BankQuestion;
}
interface QuestionObject extends QuestionSource {
  drawn: QuizQuestion;
}
interface OptionObject extends QuestionSource {
  id: string;
}
interface AnswerObject extends QuestionSource {
  relation: Relation;
}

const byId = (bank: QuestionBank) => (id: string) => bank.entities.get(id);

function option(source: QuestionSource, id: string): OptionObject {
  return { ...source, id };
}

function answer(source: QuestionSource, relation: Relation): AnswerObject {
  return { ...source, relation };
}

/** How a provision is quoted in an explanation: word for word where the text is the source's, marked as a summary where it is ours. */
async function quote(ctx: Context, provisionId: string | undefined, l: Lang): Promise<string | null> {
  if (!provisionId) return null;
  const provision = (await ctx.loaders.entity.load(provisionId)) as ProvisionEntity | null;
  if (!provision || provision.kind !== 'PROVISION') return null;
  const document = await ctx.loaders.entity.load(provision.document);
  const where = `${document?.name[l] ?? provision.document}${provision.reference ? `, ${provision.reference}` : ''}`;
  if (provision.textKind === 'PARAPHRASE')
    return l === 'sv' ? `${where}, i sammandrag: ${provision.text}` : `${where}, in summary (in Swedish): ${provision.text}`;
  return l === 'sv' ? `${where}: ”${provision.text}”` : `${where} (in Swedish): “${provision.text}”`;
}

/** For an answer that is a reading, the reading itself, so that the learner knows it is one. */
function reading(relation: Relation, l: Lang): string | null {
  if (relation.evidence.status !== 'INTERPRETED' || !relation.evidence.note) return null;
  return l === 'sv' ? `Det är en tolkning: ${relation.evidence.note.sv}` : `This is a reading: ${relation.evidence.note.en}`;
}

async function explanation(ctx: Context, a: AnswerObject): Promise<string> {
  const lookup = byId(a.bank);
  const others = a.question.right.filter((r) => r.from !== a.relation.from);
  const sentences = [a.relation, ...others].map((r) => explainRelation(r, lookup, a.lang));
  const why = reading(a.relation, a.lang);
  // The provision the evidence quotes, where it quotes one: the words the answer rests on.
  const quoted = await quote(ctx, a.relation.evidence.provision ?? a.relation.cites[0], a.lang);
  return [...sentences, ...(why ? [why] : []), ...(quoted ? [quoted] : [])].join(' ');
}

async function feedback(ctx: Context, o: OptionObject): Promise<string> {
  const l = o.lang;
  const right = o.question.right.find((r) => r.from === o.id);
  if (right) return `${l === 'sv' ? 'Rätt!' : 'Right!'} ${await explanation(ctx, answer(o, right))}`;
  const lookup = byId(o.bank);
  const relations = o.bank.between(o.id, o.question.subject.id);
  if (relations.length > 0) return `${l === 'sv' ? 'Nej.' : 'No.'} ${relations.map((r) => explainRelation(r, lookup, l)).join(' ')}`;
  const entity = o.bank.entities.get(o.id)!;
  const label = relationLabel(o.question.shown[0]!, l);
  return l === 'sv'
    ? `Nej. Källorna säger inte att ${inText(entity, l)} ${label} ${inText(o.question.subject, l)}.`
    : `No. The sources do not say that ${inText(entity, l)} ${label} ${inText(o.question.subject, l)}.`;
}

function topicsArg(topics: QuizTopic[] | null | undefined): QuizTopic[] | null {
  return topics && topics.length > 0 ? topics : null;
}

async function bankQuestion(ctx: Context, questionId: string, asOf: string): Promise<{ bank: QuestionBank; question: BankQuestion }> {
  checkLength('questionId', questionId, LIMITS.idLength);
  const bank = await questionBank(ctx.store, asOf, ctx.work.signal);
  const question = bank.find(questionId);
  if (!question) {
    // Only a wrong id pays for the list, and only that template's ids are compared.
    const sameTemplate = `${questionId.split(':')[0]}:`;
    const ids = [...(await allQuestions(bank, ctx.work.signal)).byId.keys()].filter((id) => id.startsWith(sameTemplate));
    const hint = closestId(questionId, ids);
    throw notFound(`No quiz question has the id "${questionId}" on ${asOf}.${hint ? ` Did you mean "${hint}"?` : ''}`, 'questionId');
  }
  return { bank, question };
}

async function requireTour(ctx: Context, id: string): Promise<Tour> {
  checkLength('id', id, LIMITS.idLength);
  const tours = await ctx.store.tours();
  const tour = tours.find((t) => t.id === id);
  if (tour) return tour;
  const hint = closestId(
    id,
    tours.map((t) => t.id),
  );
  throw notFound(`No tour has the id "${id}".${hint ? ` Did you mean "${hint}"?` : ` The tours are: ${tours.map((t) => t.id).join(', ')}.`}`, 'id');
}

async function matcher(ctx: Context, l: Lang): Promise<GlossaryMatcher> {
  return new GlossaryMatcher(await ctx.store.glossary(), l);
}

const pick = (text: Bilingual, args: LangArg) => text[langOf(args.lang)];

/** An entity a question was drawn from: the bank holds every one it draws, so a miss is a bank out of step with its graph. */
function bankEntity(drawn: { bank: OptionObject['bank'] }, id: string): Entity {
  const entity = drawn.bank.entities.get(id);
  if (!entity) throw new Error(`The quiz bank draws on "${id}" but does not hold it.`);
  return entity;
}

export const trainingResolvers: Resolvers = {
  Query: {
    quiz: async (_, args, ctx) => {
      const count = checkRange('count', args.count, 1, QUIZ_MAX_COUNT);
      const asOf = args.asOf ?? ctx.today;
      const lang = langOf(args.lang);
      const bank = await questionBank(ctx.store, asOf, ctx.work.signal);
      const quiz = drawQuiz(bank, { seed: args.seed, count, topics: topicsArg(args.topics) });
      return {
        ...quiz,
        bank,
        asOf,
        lang: toEnum(lang),
        questions: quiz.questions.map((drawn): QuestionObject => ({ bank, lang, question: drawn.question, drawn })),
      };
    },

    checkAnswer: async (_, args, ctx) => {
      checkLength('optionId', args.optionId, LIMITS.idLength);
      const { bank, question } = await bankQuestion(ctx, args.questionId, args.asOf ?? ctx.today);
      if (!canOffer(bank, question, args.optionId)) {
        throw badInput(`"${args.optionId}" is not an option of question "${question.id}"; pass the id of one of its options.`, 'optionId');
      }
      const source: QuestionSource = { bank, lang: langOf(args.lang), question };
      const correct = isRight(question, args.optionId);
      const relation = (correct ? question.right.find((r) => r.from === args.optionId) : undefined) ?? question.shown[0]!;
      return { questionId: question.id, correct, chosen: option(source, args.optionId), answer: answer(source, relation) };
    },

    quizTopics: async (_, args, ctx) => {
      const bank = await questionBank(ctx.store, args.asOf ?? ctx.today, ctx.work.signal);
      const { byTopic } = await allQuestions(bank, ctx.work.signal);
      return QUIZ_TOPICS.map((topic) => ({ topic, questionCount: byTopic.get(topic)?.length ?? 0 }));
    },

    tours: (_, _args, ctx) => ctx.store.tours(),

    tour: (_, args, ctx) => requireTour(ctx, args.id),

    glossaryTerm: async (_, args, ctx) => {
      checkLength('word', args.word, LIMITS.searchTextLength);
      return (await matcher(ctx, langOf(args.lang))).lookup(args.word) ?? null;
    },

    glossaryMatches: async (_, args, ctx) => {
      checkLength('text', args.text, LIMITS.stringLength);
      return (await matcher(ctx, langOf(args.lang))).matches(args.text);
    },
  },

  Quiz: {
    // Only a client that asks for the count pays for the listing of the date; the draw itself never needs it.
    available: async (q: { bank: QuestionBank; topics: QuizTopic[] }, _args: unknown, ctx: Context) =>
      availableQuestions(await allQuestions(q.bank, ctx.work.signal), q.topics),
  },

  QuizTopicInfo: {
    label: (t: { topic: QuizTopic }, args) => pick(QUIZ_TOPIC_LABELS[t.topic].label, args),
    description: (t: { topic: QuizTopic }, args) => pick(QUIZ_TOPIC_LABELS[t.topic].description, args),
  },

  QuizQuestion: {
    id: (q: QuestionObject) => q.question.id,
    number: (q: QuestionObject) => q.drawn.number,
    topic: (q: QuestionObject) => q.question.template.topic,
    topicLabel: (q: QuestionObject) => QUIZ_TOPIC_LABELS[q.question.template.topic].label[q.lang],
    prompt: (q: QuestionObject) => q.question.prompt[q.lang],
    subject: (q: QuestionObject) => q.question.subject,
    relationKind: (q: QuestionObject) => q.question.template.kind,
    options: (q: QuestionObject) => q.drawn.options.map((id) => option(q, id)),
    answer: (q: QuestionObject) => answer(q, q.drawn.answer),
  },

  QuizOption: {
    text: (o: OptionObject) => capitalise(o.bank.entities.get(o.id)!.name[o.lang]),
    entity: (o: OptionObject) => bankEntity(o, o.id),
    correct: (o: OptionObject) => isRight(o.question, o.id),
    relations: (o: OptionObject) => o.bank.between(o.id, o.question.subject.id),
    feedback: (o: OptionObject, _args, ctx) => feedback(ctx, o),
  },

  QuizAnswer: {
    option: (a: AnswerObject) => option(a, a.relation.from),
    explanation: (a: AnswerObject, _args, ctx) => explanation(ctx, a),
    relation: (a: AnswerObject) => a.relation,
    provisions: (a: AnswerObject, _args, ctx) => knownAll(ctx, a.relation.cites, isProvision),
    sources: (a: AnswerObject) => a.relation.sources,
    alsoRight: (a: AnswerObject) => [...new Set(a.question.right.map((r) => r.from))].filter((id) => id !== a.relation.from).map((id) => bankEntity(a, id)),
  },

  Tour: {
    title: (t: Tour, args) => pick(t.title, args),
    summary: (t: Tour, args) => pick(t.summary, args),
    stepCount: (t: Tour) => t.steps.length,
    steps: (t: Tour, _args, ctx) => stepViews(t, ctx.today),
    step: (t: Tour, args, ctx) => stepViews(t, ctx.today)[args.number - 1] ?? null,
    origin: (t: Tour) => t.origin ?? null,
  },

  TourStep: {
    tourId: (v: TourStepView) => v.tour.id,
    title: (v: TourStepView, args) => pick(v.step.title, args),
    text: (v: TourStepView, args) => pick(v.step.text, args),
    dated: (v: TourStepView) => !!v.step.asOf,
    families: (v: TourStepView) => [...stepFamilies(v.step)],
    focus: (v: TourStepView, _args, ctx) => knownAll(ctx, v.step.focus),
    roles: (v: TourStepView) => v.step.roles ?? null,
    provisions: (v: TourStepView, _args, ctx) => knownAll(ctx, v.step.cites, isProvision),
    // Tours stored by an older graph:load have no sources on their steps.
    sources: (v: TourStepView) => v.step.sources ?? [],
    route: (v: TourStepView) => (v.step.path ? v : null),
    highlight: async (v: TourStepView, _args, ctx) => highlightOf(ctx.store, v, await knownAll(ctx, v.step.focus)),
    terms: async (v: TourStepView, args, ctx) => (await matcher(ctx, langOf(args.lang))).matches(pick(v.step.text, args)),
  },

  TourRoute: {
    from: (v: TourStepView, _args, ctx) => known(ctx, v.step.path!.from),
    via: (v: TourStepView, _args, ctx) => knownAll(ctx, v.step.path!.via ?? []),
    to: (v: TourStepView, _args, ctx) => known(ctx, v.step.path!.to),
    families: (v: TourStepView) => [...routeFamilies(v.step)],
    path: (v: TourStepView, _args, ctx) => routeOf(ctx.store, v),
  },

  GlossaryMatch: {
    term: (m: { term: GlossaryTermEntity }) => m.term,
  },
};
