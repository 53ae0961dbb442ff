import type { AnswerCheck } from './quiz-api.ts';

/** Where a learner is in a quiz: which question is shown and what each answer earned. It lives in the component, not the URL: a shared link starts the same quiz afresh. */
export interface QuizProgress {
  index: number;
  results: AnswerCheck[];
}

export const START: QuizProgress = { index: 0, results: [] };

export type ProgressEvent = { type: 'answered'; result: AnswerCheck } | { type: 'next' } | { type: 'restart' };

export function progress(state: QuizProgress, event: ProgressEvent): QuizProgress {
  switch (event.type) {
    case 'answered':
      // One answer per question: a second click (or a late reply) does not change the score.
      if (state.results.some((r) => r.questionId === event.result.questionId)) return state;
      return { ...state, results: [...state.results, event.result] };
    case 'next':
      return state.results.length > state.index ? { ...state, index: state.index + 1 } : state;
    case 'restart':
      return START;
  }
}

export const score = (state: QuizProgress) => state.results.filter((r) => r.correct).length;

export const resultFor = (state: QuizProgress, questionId: string | undefined) => state.results.find((r) => r.questionId === questionId) ?? null;

export const finished = (state: QuizProgress, questionCount: number) => questionCount > 0 && state.index >= questionCount;
