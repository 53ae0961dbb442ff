import { describe, expect, it } from 'vitest';
import { finished, progress, resultFor, score, START } from './progress.ts';
import type { AnswerCheck } from './quiz-api.ts';

const result = (questionId: string, correct: boolean): AnswerCheck => ({
  questionId,
  correct,
  chosen: { id: 'kommunstyrelsen', text: 'Kommunstyrelsen', feedback: '' },
  answer: { option: { id: 'kommundirektor', text: 'Kommundirektör' }, explanation: '', provisions: [], sources: [] },
});

describe('quiz progress', () => {
  it('counts right answers and moves on only after an answer', () => {
    let s = progress(START, { type: 'next' });
    expect(s.index).toBe(0);
    s = progress(s, { type: 'answered', result: result('decides:a', true) });
    s = progress(s, { type: 'next' });
    s = progress(s, { type: 'answered', result: result('heard:b', false) });
    expect(score(s)).toBe(1);
    expect(resultFor(s, 'heard:b')?.correct).toBe(false);
    expect(finished(s, 2)).toBe(false);
    s = progress(s, { type: 'next' });
    expect(finished(s, 2)).toBe(true);
  });

  it('keeps the first answer to a question: answering again cannot raise the score', () => {
    let s = progress(START, { type: 'answered', result: result('decides:a', false) });
    s = progress(s, { type: 'answered', result: result('decides:a', true) });
    expect(s.results).toHaveLength(1);
    expect(score(s)).toBe(0);
  });

  it('restarts from nothing', () => {
    const s = progress(progress(START, { type: 'answered', result: result('decides:a', true) }), { type: 'restart' });
    expect(s).toEqual(START);
    expect(finished(s, 0)).toBe(false);
  });
});
