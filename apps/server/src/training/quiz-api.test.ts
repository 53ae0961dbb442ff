/**
 * The quiz over GraphQL, in process: a quiz costs the questions it draws, and
 * only a client that asks how many questions there are (`available`) pays for
 * the listing of the date.
 */
import { loadDatasetOrThrow } from '@styrgraf/model';
import { createMemoryStore, type Store } from '@styrgraf/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStyrgrafYoga } from '../app.ts';
import { repoRoot } from '../config.ts';
import { questionBank } from './bank.ts';

let store: Store;
let yoga: ReturnType<typeof createStyrgrafYoga>;
beforeAll(async () => {
  store = createMemoryStore(await loadDatasetOrThrow(`${repoRoot}graph`));
  yoga = createStyrgrafYoga(store);
});

async function query<T>(text: string): Promise<T> {
  const response = await yoga.fetch('http://styrgraf.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: text }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  expect(body.errors).toBeUndefined();
  return body.data!;
}

type QuizAnswer = { quiz: { available?: number; questions: { id: string }[] } };
const quiz = (fields: string) => query<QuizAnswer>(`{ quiz(seed: 4, count: 10, asOf: "2025-06-01") { ${fields} } }`);

describe('the quiz query', () => {
  it('draws ten questions without listing the date, and lists it only when asked how many there are', async () => {
    const drawn = await quiz('questions { id }');
    expect(drawn.quiz.questions).toHaveLength(10);
    // The bank the query used: one per version of the data, shared.
    const bank = await questionBank(store, '2025-06-01');
    expect(bank.counters.listed).toBe(0);
    expect(bank.counters.candidates).toBeLessThanOrEqual(20);

    const counted = await quiz('available questions { id }');
    expect(counted.quiz.questions).toEqual(drawn.quiz.questions);
    // Every topic asked: the count is the whole listing, Norrköping's couple of hundred questions.
    expect(bank.counters.listed).toBeGreaterThan(100);
    expect(counted.quiz.available).toBe(bank.counters.listed);
  });
});
