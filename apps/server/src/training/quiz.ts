import type { Relation } from '@styrgraf/model';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { randomOrder, type BankQuestion, type QuestionBank, type QuestionList } from './bank.ts';
import { QUIZ_TOPICS, type QuizTopic } from './templates.ts';

/** A quiz may hold at most this many questions. */
export const QUIZ_MAX_COUNT = 50;

export interface QuizQuestion {
  number: number;
  question: BankQuestion;
  /** The right relation this quiz shows as the answer; its source is the one right option. */
  answer: Relation;
  /** Entity ids, in the order shown; exactly one is `answer.from`. */
  options: string[];
}

export interface Quiz {
  seed: number;
  topics: QuizTopic[];
  /** How many questions the bank holds for these topics. */
  available: number;
  questions: QuizQuestion[];
}

/**
 * A seeded draw from the bank: the same seed, topics and data give the same
 * quiz on any store. Topics take turns, so ten questions cover several of
 * them; the wrong options are up to two of the nearby ones and the rest from
 * the wider pool, so a question asked twice need not look the same. Each
 * topic's questions are read in a seeded random order only as far as the
 * quiz needs, so a quiz costs its questions, not the bank's thousands.
 */
export function drawQuiz(bank: QuestionBank, list: QuestionList, args: { seed: number; count: number; topics?: readonly QuizTopic[] | null }): Quiz {
  const rng = xoroshiro128plus(args.seed | 0);
  const topics = args.topics && args.topics.length > 0 ? QUIZ_TOPICS.filter((t) => args.topics!.includes(t)) : [...QUIZ_TOPICS];
  const byTopic = topics.map((topic) => list.byTopic.get(topic) ?? []).filter((questions) => questions.length > 0);
  const available = byTopic.reduce((n, questions) => n + questions.length, 0);
  const turns = shuffle(rng, byTopic).map((questions) => ({ size: questions.length, order: randomOrder(rng, questions) }));
  const picked: BankQuestion[] = [];
  for (let round = 0; picked.length < Math.min(args.count, available); round++) {
    for (const turn of turns) if (round < turn.size && picked.length < args.count) picked.push(turn.order.next().value!);
  }
  return {
    seed: args.seed,
    topics,
    available,
    questions: picked.map((question, i) => {
      const answer = question.shown[uniformInt(rng, 0, question.shown.length - 1)]!;
      const wrong = bank.drawWrong(question, rng);
      return { number: i + 1, question, answer, options: shuffle(rng, [answer.from, ...wrong]) };
    }),
  };
}

/** Whether `optionId` is a right answer to the question: the same for every quiz the question is drawn into. */
export function isRight(question: BankQuestion, optionId: string): boolean {
  return question.isRight(optionId);
}

/** Whether the question can ever offer `optionId`: a right answer or one of its wrong options. */
export function canOffer(bank: QuestionBank, question: BankQuestion, optionId: string): boolean {
  return question.isRight(optionId) || bank.isWrongOption(question, optionId);
}

/** Fisher–Yates with the seeded generator; a new array. */
function shuffle<T>(rng: RandomGenerator, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = uniformInt(rng, 0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
