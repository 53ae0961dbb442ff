import type { RunningServer } from '@styrgraf/server';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from './helpers/server.ts';
import { settledHeap } from './helpers/heap.ts';

/**
 * Hostile and random GraphQL documents against the real server over HTTP:
 * whatever is sent, the answer is a well-formed GraphQL response (JSON with
 * `data` and/or `errors`, each error a message), never a 5xx, never a crash,
 * and the server's memory does not grow with the number of requests.
 * Seeded, so a failure replays; bounded to a few thousand documents.
 */

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const IDS = [
  'kommunstyrelsen',
  'kommundirektor',
  'nodra-ab',
  'da-anstallning-kontorschef',
  'kdi-beredning',
  'finns-inte',
  '',
  ' ',
  '../../etc/passwd',
  'ö'.repeat(300),
  '\u0000',
  '\ud800',
  '🙂',
  'x'.repeat(5_000),
];
const VALUES = [
  ...IDS.map((id) => JSON.stringify(id)),
  '0',
  '-1',
  '1',
  '4',
  '9',
  '99999999999',
  '1.5',
  'true',
  'null',
  '[]',
  '{}',
  '[ROLE]',
  '[NOPE]',
  'ROLE',
  'SHORTEST',
  'ALL',
  'EN',
  '"2024-01-01"',
  '"2020-13-45"',
  '"igår"',
  '[REPORTING, OWNERSHIP]',
  `[${Array.from({ length: 40 }, () => 'ROLE').join(',')}]`,
  '$v',
  '"""block"""',
];
const FIELDS = [
  'id',
  'name',
  'kind',
  'names { sv en }',
  '__typename',
  'nope',
  'relations { kind from { id } to { id } }',
  '... on Actor { subtype participations { role } }',
  'provisions { id text }',
];
const ROOTS = [
  'entity',
  'entities',
  'search',
  'neighbourhood',
  'graph',
  'paths',
  'orgChart',
  'decisionAreas',
  'decisionArea',
  'provisions',
  'workshopQuestions',
  'workshopCoverage',
  'glossary',
  'changes',
  'vocabulary',
  'about',
  'nope',
];
const ARGS = [
  'id',
  'text',
  'first',
  'after',
  'kinds',
  'families',
  'depth',
  'from',
  'to',
  'maxLength',
  'mode',
  'rootId',
  'actorId',
  'asOf',
  'status',
  'documentId',
  'lang',
  'x',
];

const selection: fc.Arbitrary<string> = fc.letrec<{ sel: string }>((tie) => ({
  sel: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...FIELDS),
    fc
      .tuple(fc.constantFrom('nodes', 'edges', 'relations', 'from', 'to', 'participants', 'actor', 'steps', 'entity', 'entries', 'children'), tie('sel'))
      .map(([f, s]) => `${f} { ${s} }`),
    fc.array(tie('sel'), { minLength: 1, maxLength: 4 }).map((list) => list.join(' ')),
  ),
})).sel;

const args = fc
  .array(fc.tuple(fc.constantFrom(...ARGS), fc.constantFrom(...VALUES)), { maxLength: 4 })
  .map((list) => (list.length ? `(${list.map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''));
const plausible = fc.tuple(fc.constantFrom(...ROOTS), args, selection).map(([root, a, s]) => `{ ${root}${a} { ${s} } }`);
const nested = fc
  .integer({ min: 1, max: 60 })
  .map((n) => `{ entity(id: "kommundirektor") { ${'... on Actor { relations { from { '.repeat(n)}id${' } } }'.repeat(n)} } }`);
const aliases = fc
  .integer({ min: 1, max: 400 })
  .map((n) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: search(text: "kommun") { entity { id } }`).join(' ')} }`);
const hugeString = fc.integer({ min: 1_000, max: 150_000 }).map((n) => `{ search(text: "${'å'.repeat(n)}") { entity { id } } }`);
const directives = fc.integer({ min: 1, max: 300 }).map((n) => `{ about { version ${'@skip(if: false) '.repeat(n)} } }`);
const fragments = fc
  .integer({ min: 1, max: 50 })
  .map((n) => `{ about { ...F0 } } ${Array.from({ length: n }, (_, i) => `fragment F${i} on About { version ${i + 1 < n ? `...F${i + 1}` : ''} }`).join(' ')}`);
const cyclic = fc.constant('{ about { ...A } } fragment A on About { ...B } fragment B on About { ...A }');
const garbage = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom(
    '{',
    '}',
    '{ { { {',
    'query',
    'mutation { x }',
    'subscription { about { version } }',
    '{ __schema { types { name fields { name type { name ofType { name ofType { name } } } } } } }',
  ),
);

const document = fc.oneof(plausible, plausible, plausible, nested, aliases, hugeString, directives, fragments, cyclic, garbage);
const variables = fc.option(fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.dictionary(fc.constantFrom('v', 'x'), fc.jsonValue({ maxDepth: 2 }))), {
  nil: undefined,
});
const request = fc.record({
  query: document,
  variables,
  method: fc.constantFrom('POST', 'POST', 'POST', 'GET'),
  raw: fc.option(fc.string({ maxLength: 200 }), { freq: 10, nil: undefined }),
});

type Sent = { query: string; variables: unknown; method: string; raw: string | undefined };

async function send(r: Sent): Promise<Answer> {
  const endpoint = new URL('graphql', server.url);
  let response: Response;
  if (r.method === 'GET') {
    // A URL over Node's 16 KB header limit is refused before any answer can be read (the socket closes with the request unread); long documents go by POST.
    endpoint.searchParams.set('query', r.query.slice(0, 3_000));
    response = await fetch(endpoint, { headers: { accept: 'application/graphql-response+json' } });
  } else {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: r.raw ?? JSON.stringify({ query: r.query, variables: r.variables }),
    });
  }
  return { status: response.status, text: await response.text(), retryAfter: response.headers.get('retry-after') };
}

type Answer = { status: number; text: string; retryAfter: string | null };

function expectWellFormed({ status, text, retryAfter }: Answer): void {
  const body = JSON.parse(text) as { data?: unknown; errors?: { message?: unknown; extensions?: { code?: unknown } }[] };
  // The one 5xx by design: admission control shedding load (plugins/admission.ts), when the machine is too slow for the heavy documents
  // in the mix to take their turns within the queue's wait. It must say so, and say when to come back; any other 5xx is a failure.
  if (status === 503 && body.errors?.[0]?.extensions?.code === 'OVERLOADED') expect(Number(retryAfter)).toBeGreaterThan(0);
  else expect(status).toBeLessThan(500);
  expect(typeof body).toBe('object');
  expect('data' in body || 'errors' in body).toBe(true);
  if (body.errors !== undefined) {
    expect(Array.isArray(body.errors)).toBe(true);
    for (const error of body.errors) expect(typeof error.message).toBe('string');
  }
  if (status >= 400) expect(body.errors?.length).toBeGreaterThan(0);
}

describe('fuzzing the GraphQL endpoint', () => {
  it('answers 2,000 random and hostile documents (each sent four times) with well-formed responses, no 5xx except load shedding, and a heap that does not grow pass over pass', async () => {
    const samples = fc.sample(request, { seed: 20261123, numRuns: 2_000 }) as Sent[];
    const run = async (batch: Sent[]) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          for (let i = next++; i < batch.length; i = next++) {
            const answer = await send(batch[i]!).catch((error: Error) => {
              throw new Error(
                `${error.message} (${String((error.cause as Error | undefined)?.message)}) for ${batch[i]!.method} of ${batch[i]!.query.length} characters\n  ${JSON.stringify(batch[i]).slice(0, 300)}`,
              );
            });
            try {
              expectWellFormed(answer);
            } catch (error) {
              throw new Error(
                `${(error as Error).message}\n  for ${JSON.stringify(batch[i]).slice(0, 500)}\n  answer ${answer.status} ${answer.text.slice(0, 300)}`,
              );
            }
          }
        }),
      );
    };
    // The first pass fills yoga's document caches and warms the code. Which cache entries survive a pass depends on
    // timing (eight concurrent senders; under load some documents time out), so one pass against the next is not a
    // leak test, and no fixed number of megabytes is one either: what the heap holds after a pass differs from machine
    // to machine. What does not differ is the shape: bounded caches stop growing, a leak grows with every pass. So:
    // three more passes of the same documents, and at least one of the last two must leave the heap where the one
    // before left it, to within 1 KB a request (a leak of 1 KB a request adds 2 MB to every pass).
    await run(samples);
    const heaps: number[] = [];
    for (let pass = 2; pass <= 4; pass++) {
      await run(samples);
      heaps.push(await settledHeap());
    }
    const growth = heaps.slice(1).map((heap, i) => (heap - heaps[i]!) / 1e6);
    const show = (mb: number) => `${mb >= 0 ? '+' : ''}${mb.toFixed(1)} MB`;
    console.log(
      `fuzz: 2,000 documents sent four times; heap ${(heaps[0]! / 1e6).toFixed(0)} MB after the second pass, ${growth.map(show).join(' and ')} after the third and fourth`,
    );
    const perPassBound = (samples.length * 1_000) / 1e6;
    expect(Math.min(...growth), `growth per pass ${growth.map(show).join(', ')}`).toBeLessThan(perPassBound);
    // Still alive and answering properly.
    const health = await fetch(new URL('health', server.url));
    expect(health.status).toBe(200);
  }, 300_000);
});
