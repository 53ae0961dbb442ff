import { loadDatasetOrThrow } from '@styrgraf/model';
import { createMemoryStore, type Store } from '@styrgraf/store';
import { createSchema, createYoga } from 'graphql-yoga';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStyrgrafYoga, EXAMPLE_QUERY, type StyrgrafYoga } from './app.ts';
import { repoRoot } from './config.ts';
import { LIMITS, QUERY_LIMITS } from './limits.ts';
import { RECORDS_EXCEEDED, useBudgetErrors, useRecordBudget } from './plugins/index.ts';

type Answer = { status: number; body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] } };

let store: Store;
let yoga: StyrgrafYoga;
beforeAll(async () => {
  store = createMemoryStore(await loadDatasetOrThrow(`${repoRoot}graph`));
  yoga = createStyrgrafYoga(store);
});

async function post(query: string, variables?: Record<string, unknown>, target: StyrgrafYoga = yoga): Promise<Answer> {
  const response = await target.fetch('http://styrgraf.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

const nested = (levels: number) => `{ entity(id: "kommundirektor") { ${'... on Actor { relations { from { '.repeat(levels)}id${' } } }'.repeat(levels)} } }`;

describe('query limits (graphql-armor)', () => {
  it('runs the real queries well under the limits', async () => {
    const example = await post(EXAMPLE_QUERY);
    expect(example.body.errors).toBeUndefined();
    expect(example.body.data?.decisionArea).toMatchObject({ name: 'Anställning av kontorschef' });
    const { body } = await post(/* GraphQL */ `
      {
        paths(from: "kommunstyrelsen", to: "nodra-ab") {
          length
          explanation
          steps {
            label
            from {
              id
              name
            }
            to {
              id
              name
            }
            relation {
              kind
              provisions {
                id
              }
            }
          }
        }
      }
    `);
    expect(body.errors).toBeUndefined();
  });

  it('refuses a query nested deeper than the depth limit, naming the limit', async () => {
    expect((await post(nested(2))).body.errors).toBeUndefined();
    const { body } = await post(nested(5));
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'depth', max: QUERY_LIMITS.depth });
    expect(body.errors?.[0]?.message).toMatch(/^The query is too large: Query depth limit of 10 exceeded, found \d+\. \(limit "depth": 10\)/);
    expect(body.data).toBeUndefined();
  });

  it('refuses an alias flood, a directive flood, a token flood and a costly query', async () => {
    const aliases = `{ ${Array.from({ length: 21 }, (_, i) => `a${i}: about { version }`).join(' ')} }`;
    expect((await post(aliases)).body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases' });
    const directives = `{ about { version ${'@include(if: true) '.repeat(21)} } }`;
    expect((await post(directives)).body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'directives' });
    const tokens = `{ about { ${'version '.repeat(2_001)} } }`;
    expect((await post(tokens)).body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'tokens' });
    const costly = `{ ${Array.from({ length: 19 }, (_, i) => `e${i}: entities(first: 200) { nodes { ... on Actor { relations { from { ... on Actor { relations { to { id name kind } } } } } } } }`).join(' ')} }`;
    expect((await post(costly)).body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
  });

  it('hides field suggestions outside development', async () => {
    const { body } = await post('{ about { versoin } }');
    expect(body.errors?.[0]?.message).not.toContain('Did you mean');
    const dev = await post('{ about { versoin } }', undefined, createStyrgrafYoga(store, { dev: true }));
    expect(dev.body.errors?.[0]?.message).toContain('Did you mean "version"?');
  });
});

describe('the body size', () => {
  const small = () => createStyrgrafYoga(store, { maxBodyBytes: 200 });
  const streamed = (text: string) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < text.length; i += 50) controller.enqueue(new TextEncoder().encode(text.slice(i, i + 50)));
        controller.close();
      },
    });

  it('counts a body of undeclared size as it is read, and refuses it past the limit', async () => {
    const ask = (text: string) =>
      small().fetch(
        new Request('http://styrgraf.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: streamed(text),
          duplex: 'half',
        } as RequestInit),
      );
    const fine = await ask(JSON.stringify({ query: '{ about { version } }' }));
    expect(((await fine.json()) as Answer['body']).data).toMatchObject({ about: { version: expect.any(String) } });
    const large = await ask(JSON.stringify({ query: `{ about { version } } # ${'x'.repeat(300)}` }));
    expect(large.status).toBe(413);
    expect(((await large.json()) as Answer['body']).errors?.[0]).toMatchObject({ extensions: { code: 'PAYLOAD_TOO_LARGE', max: 200 } });
  });

  it('refuses a declared size over the limit, and one that is not a whole number', async () => {
    const ask = (contentLength: string) =>
      small().fetch('http://styrgraf.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': contentLength },
        body: JSON.stringify({ query: '{ about { version } }' }),
      });
    expect((await ask('201')).status).toBe(413);
    const invalid = await ask('30, 30');
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as Answer['body']).errors?.[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' } });
  });
});

describe('the record budget', () => {
  it('refuses a query whose lists multiply before it runs, by its static cost', async () => {
    const { status, body } = await post(nested(4));
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: QUERY_LIMITS.cost });
  });

  it('stops what the estimate let through when the answer grows past the budget, with one LIMIT_EXCEEDED error', async () => {
    // Kommunstyrelsen is a hub: 49 relations, whose ends are hubs too. The estimate, which cannot know that, lets it through.
    const bomb = `{ entity(id: "kommunstyrelsen") { ${'... on Actor { relations { from { '.repeat(3)}id${' } } }'.repeat(3)} } }`;
    const { body } = await post(bomb);
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]).toMatchObject({ message: RECORDS_EXCEEDED, extensions: { code: 'LIMIT_EXCEEDED' } });
    expect(body.data).toBeNull();
  });

  it('counts list items, async or not, and runs nothing that could load once the budget is spent', async () => {
    const ran: string[] = [];
    const schema = createSchema({
      typeDefs: /* GraphQL */ `
        type Item {
          n: Int!
          double: Int!
          next: Item
        }
        type Query {
          items(count: Int!): [Item!]!
          later(count: Int!): [Item!]!
          one: Item
        }
      `,
      resolvers: {
        Query: {
          items: (_: unknown, { count }: { count: number }) => Array.from({ length: count }, (_, n) => ({ n })),
          later: async (_: unknown, { count }: { count: number }) => Array.from({ length: count }, (_, n) => ({ n })),
          one: () => (ran.push('one'), { n: 0 }),
        },
        Item: {
          double: (item: { n: number }) => (ran.push('double'), 2 * item.n),
          next: (item: { n: number }) => (ran.push('next'), { n: item.n + 1 }),
        },
      },
    });
    const small = createYoga({ schema, plugins: [useRecordBudget(5), useBudgetErrors()], logging: false });
    const ask = async (query: string) =>
      (
        await small.fetch('http://styrgraf.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })
      ).json() as Promise<Answer['body']>;

    expect(await ask('{ items(count: 2) { n } later(count: 3) { n } }')).toEqual({
      data: { items: [{ n: 0 }, { n: 1 }], later: [{ n: 0 }, { n: 1 }, { n: 2 }] },
    });
    for (const query of ['{ items(count: 6) { n } }', '{ later(count: 6) { n } }', '{ items(count: 3) { n } later(count: 3) { n } }']) {
      const body = await ask(query);
      expect(body).toMatchObject({ data: null, errors: [{ message: RECORDS_EXCEEDED, extensions: { code: 'LIMIT_EXCEEDED', max: 5 } }] });
      expect(body.errors).toHaveLength(1);
    }
    ran.length = 0;
    await ask('{ items(count: 6) { n double next { n } } one { n } }');
    expect(ran).toEqual([]);
  });
});

describe('argument caps', () => {
  it('caps enum lists at the size of the enum, literal or variable', async () => {
    const kinds = Array.from({ length: 11 }, () => 'ROLE');
    const literal = await post(`{ search(text: "kommun", kinds: [${kinds.join(', ')}]) { entity { id } } }`);
    expect(literal.body.errors?.[0]).toMatchObject({
      message: '"kinds" may list at most 10 values; got 11.',
      extensions: { code: 'BAD_USER_INPUT', argument: 'kinds', max: 10 },
    });
    const variable = await post('query ($f: [RelationFamily!]) { graph(families: $f) { nodes { id } } }', { f: Array.from({ length: 9 }, () => 'REPORTING') });
    expect(variable.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'families', max: 8 } });
    const fine = await post('query ($f: [RelationFamily!]) { graph(families: $f) { nodes { id } } }', { f: ['REPORTING', 'OWNERSHIP'] });
    expect(fine.body.errors).toBeUndefined();
  });

  it('caps every string argument, and keeps the tighter caps of its own', async () => {
    const cursor = await post('query ($after: String) { entities(after: $after) { totalCount } }', { after: 'x'.repeat(LIMITS.stringLength + 1) });
    expect(cursor.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'after', max: LIMITS.stringLength } });
    const text = await post('query ($t: String!) { search(text: $t) { entity { id } } }', { t: 'å'.repeat(LIMITS.searchTextLength + 1) });
    expect(text.body.errors?.[0]?.message).toBe(`"text" may be at most ${LIMITS.searchTextLength} characters; got ${LIMITS.searchTextLength + 1}.`);
  });
});

describe('every capped argument', () => {
  const CAPS: [query: string, argument: string, message: string][] = [
    [`{ entities(first: ${LIMITS.first + 1}) { totalCount } }`, 'first', `"first" must be a whole number from 0 to ${LIMITS.first}`],
    [`{ search(text: "ks", first: ${LIMITS.searchFirst + 1}) { score } }`, 'first', `"first" must be a whole number from 1 to ${LIMITS.searchFirst}`],
    [`{ search(text: "${'a'.repeat(LIMITS.searchTextLength + 1)}") { score } }`, 'text', `"text" may be at most ${LIMITS.searchTextLength} characters`],
    [
      `{ neighbourhood(id: "kommundirektor", depth: ${LIMITS.depth + 1}) { nodes { id } } }`,
      'depth',
      `"depth" must be a whole number from 1 to ${LIMITS.depth}`,
    ],
    [
      `{ paths(from: "kommunstyrelsen", to: "nodra-ab", maxLength: ${LIMITS.maxLength + 1}) { length } }`,
      'maxLength',
      `"maxLength" must be a whole number from 1 to ${LIMITS.maxLength}`,
    ],
    [
      `{ paths(from: "kommunstyrelsen", to: "nodra-ab", first: ${LIMITS.pathFirst + 1}) { length } }`,
      'first',
      `"first" must be a whole number from 1 to ${LIMITS.pathFirst}`,
    ],
    [`{ entity(id: "${'x'.repeat(LIMITS.idLength + 1)}") { id } }`, 'id', `"id" may be at most ${LIMITS.idLength} characters`],
    [`{ decisionAreas(text: "${'a'.repeat(LIMITS.searchTextLength + 1)}") { id } }`, 'text', `"text" may be at most ${LIMITS.searchTextLength} characters`],
  ];
  it.each(CAPS)('%s is refused, naming "%s" and its limit', async (query, argument, message) => {
    const { body } = await post(query);
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(body.errors?.[0]?.message).toContain(message);
  });
});

describe('requests', () => {
  it('refuses a body over the size limit with 413 and a GraphQL-shaped error', async () => {
    const small = createStyrgrafYoga(store, { maxBodyBytes: 2_000 });
    const response = await small.fetch('http://styrgraf.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '5000' },
      body: JSON.stringify({ query: `{ about { version } } # ${'x'.repeat(4_900)}` }).slice(0, 5000),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE', max: 2_000 } }] });
  });

  it('answers a query that outlives the timeout with QUERY_TIMEOUT', async () => {
    const slowStore = new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === 'info') return () => new Promise((resolve) => setTimeout(() => resolve(target.info()), 500));
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    const { body } = await post('{ about { version } }', undefined, createStyrgrafYoga(slowStore, { queryTimeoutMs: 100 }));
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TIMEOUT', max: 100 } });
    expect(body.errors?.[0]?.message).toMatch(/did not finish within 0.1 s/);
  });

  it('does not accept batches, and sends no CORS headers unless origins are configured', async () => {
    const batch = await yoga.fetch('http://styrgraf.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://elsewhere.example' },
      body: JSON.stringify([{ query: '{ about { version } }' }, { query: '{ about { version } }' }]),
    });
    expect(batch.status).toBeGreaterThanOrEqual(400);
    expect(batch.headers.get('access-control-allow-origin')).toBeNull();
    const open = createStyrgrafYoga(store, { corsOrigins: ['https://styrgraf.example'] });
    const preflight = await open.fetch('http://styrgraf.test/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'https://styrgraf.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://styrgraf.example');
  });
});
