import type { Relation } from '@styrgraf/model';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import type { BankQuestion, QuestionBank, QuestionList } from './bank.ts';
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
  questions: QuizQuestion[];
}

/** The topics a quiz draws from: those asked for, in the order of QUIZ_TOPICS, or all. */
export function quizTopics(topics: readonly QuizTopic[] | null | undefined): QuizTopic[] {
  return topics && topics.length > 0 ? QUIZ_TOPICS.filter((t) => topics.includes(t)) : [...QUIZ_TOPICS];
}

/** How many questions the bank holds for the topics: a count of the listing of every question, which a draw never needs. */
export function availableQuestions(list: QuestionList, topics: readonly QuizTopic[]): number {
  return topics.reduce((n, topic) => n + (list.byTopic.get(topic)?.length ?? 0), 0);
}

/**
 * A seeded draw from the bank: the same seed, topics and data give the same
 * quiz on any store. Topics take turns, so ten questions cover several of
 * them; the wrong options are up to two of the nearby ones and the rest from
 * the wider pool, so a question asked twice need not look the same. Each
 * topic's questions are worked out in a seeded random order only as far as
 * the quiz reads them (`drawTopic`), so a quiz costs its questions, not the
 * bank's thousands, and needs no listing of the date.
 */
export function drawQuiz(bank: QuestionBank, args: { seed: number; count: number; topics?: readonly QuizTopic[] | null }): Quiz {
  const rng = xoroshiro128plus(args.seed | 0);
  const topics = quizTopics(args.topics);
  let turns = shuffle(rng, topics).map((topic) => bank.drawTopic(topic, rng));
  const picked: BankQuestion[] = [];
  // Round by round, one question from each topic that has one left, until the quiz is full or every topic is spent.
  while (picked.length < args.count && turns.length > 0) {
    const left: typeof turns = [];
    for (const turn of turns) {
      if (picked.length === args.count) break;
      const next = turn.next();
      if (next.done) continue;
      picked.push(next.value);
      left.push(turn);
    }
    turns = left;
  }
  return {
    seed: args.seed,
    topics,
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
