import { skipToken, useQuery } from '@tanstack/react-query';
import { request, operation } from '../../api/client.ts';
import { PROVISION_FIELDS } from '../../api/fragments.ts';
import type { Lang, ProvisionRef } from '../../api/types.ts';
import type { QuizTopic } from '../../state/view-state.ts';

export const QUIZ_LENGTH = 10;

export interface QuizTopicInfo {
  topic: QuizTopic;
  label: string;
  description: string;
  questionCount: number;
}

export interface QuizQuestion {
  id: string;
  number: number;
  topic: QuizTopic;
  topicLabel: string;
  prompt: string;
  options: { id: string; text: string }[];
}

export interface Quiz {
  seed: number;
  asOf: string;
  questions: QuizQuestion[];
}

export interface AnswerCheck {
  questionId: string;
  correct: boolean;
  chosen: { id: string; text: string; feedback: string };
  answer: { option: { id: string; text: string }; explanation: string; provisions: ProvisionRef[]; sources: string[] };
}

export const QUIZ_TOPICS_QUERY = operation(
  'QuizTopics',
  /* GraphQL */ `
    query QuizTopics($lang: Lang) {
      quizTopics {
        topic
        label(lang: $lang)
        description(lang: $lang)
        questionCount
      }
    }
  `,
);

/** The questions and their options only: whether an option is right is asked of checkAnswer once the learner has chosen. */
export const QUIZ_QUERY = operation(
  'Quiz',
  /* GraphQL */ `
    query Quiz($seed: Int!, $count: Int, $topics: [QuizTopic!], $lang: Lang) {
      quiz(seed: $seed, count: $count, topics: $topics, lang: $lang) {
        seed
        asOf
        questions {
          id
          number
          topic
          topicLabel
          prompt
          options {
            id
            text
          }
        }
      }
    }
  `,
);

export const CHECK_ANSWER_QUERY = operation(
  'CheckAnswer',
  /* GraphQL */ `
    query CheckAnswer($questionId: ID!, $optionId: ID!, $lang: Lang, $asOf: Date) {
      checkAnswer(questionId: $questionId, optionId: $optionId, lang: $lang, asOf: $asOf) {
        questionId
        correct
        chosen {
          id
          text
          feedback
        }
        answer {
          option {
            id
            text
          }
          explanation
          provisions {
            ...ProvisionFields
          }
          sources
        }
      }
    }
    ${PROVISION_FIELDS}
  `,
);

export function useQuizTopics(lang: Lang) {
  return useQuery({
    queryKey: ['quizTopics', lang],
    queryFn: ({ signal }) => request(QUIZ_TOPICS_QUERY, { lang }, signal).then((d) => d.quizTopics),
    staleTime: Infinity,
  });
}

export function useQuiz(seed: number | null, topics: readonly QuizTopic[], lang: Lang) {
  const variables = { seed, count: QUIZ_LENGTH, topics: topics.length > 0 ? [...topics].sort() : null, lang };
  return useQuery({
    queryKey: ['quiz', variables],
    queryFn: seed !== null ? ({ signal }) => request(QUIZ_QUERY, { ...variables, seed }, signal).then((d) => d.quiz) : skipToken,
    staleTime: Infinity,
  });
}

export function checkAnswer(questionId: string, optionId: string, lang: Lang, asOf: string): Promise<AnswerCheck> {
  return request(CHECK_ANSWER_QUERY, { questionId, optionId, lang, asOf }).then((d) => d.checkAnswer);
}
