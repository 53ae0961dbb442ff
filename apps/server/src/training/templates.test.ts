import { RELATION_KINDS } from '@styrgraf/model';
import type { GraphQLEnumType } from 'graphql';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { QuizTopic as SdlQuizTopic } from '../generated/resolvers.ts';
import { buildSchema } from '../schema.ts';
import { QUESTION_TEMPLATES, QUIZ_TOPICS, type QuizTopic } from './templates.ts';

describe('question templates', () => {
  it('cover the topics of the SDL, all of them and in its order (the list the quiz draws from and the enum clients see)', () => {
    expectTypeOf<QuizTopic>().toEqualTypeOf<SdlQuizTopic>();
    // The schema's enum type (graphql may be loaded twice under vitest, so no instanceof).
    const sdl = buildSchema().getType('QuizTopic') as GraphQLEnumType | undefined;
    expect(sdl?.getValues().map((v) => v.name)).toEqual([...QUIZ_TOPICS]);
  });

  it('offer only kinds of entity the vocabulary lets hold the relation asked about', () => {
    for (const t of QUESTION_TEMPLATES) {
      const allowed: readonly string[] = RELATION_KINDS[t.kind].from;
      expect(
        t.optionKinds.filter((k) => !allowed.includes(k)),
        t.id,
      ).toEqual([]);
    }
  });

  it('have unique ids and cover every topic', () => {
    expect(new Set(QUESTION_TEMPLATES.map((t) => t.id)).size).toBe(QUESTION_TEMPLATES.length);
    expect(new Set(QUESTION_TEMPLATES.map((t) => t.topic))).toEqual(new Set(QUIZ_TOPICS));
  });
});
