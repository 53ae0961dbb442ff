import { RELATION_KINDS } from '@styrgraf/model';
import { describe, expect, it } from 'vitest';
import { QUESTION_TEMPLATES, QUIZ_TOPICS } from './templates.ts';

describe('question templates', () => {
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
