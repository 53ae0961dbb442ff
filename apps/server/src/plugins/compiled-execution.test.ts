import { loadDatasetOrThrow } from '@styrgraf/model';
import { createMemoryStore, type Store } from '@styrgraf/store';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStyrgrafYoga } from '../app.ts';
import { repoRoot } from '../config.ts';
import type { ExecutionPath } from './compiled-execution.ts';
import { DOCUMENT_CACHE } from './document-cache.ts';

/**
 * Compiled execution over real HTTP, on graph/: which path a request takes,
 * and that the compiled path answers byte for byte what graphql-js answers
 * (a server without the plugin), errors and their paths included.
 */
const ENTITY = `query Entity($id: ID!) { entity(id: $id) { id name kind ... on Actor { relations { kind label from { id name } to { id name(lang: EN) } } } } }`;

let store: Store;
const servers: Server[] = [];
const paths: ExecutionPath[] = [];
let compiled: string;
let interpreted: string;

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

async function ask(url: string, query: string, variables: Record<string, unknown> = {}): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return response.text();
}

beforeAll(async () => {
  store = createMemoryStore(await loadDatasetOrThrow(`${repoRoot}graph`));
  const yogaCompiled = createStyrgrafYoga(store, { observeExecution: (path) => paths.push(path) });
  const yogaInterpreted = createStyrgrafYoga(store, { without: ['compiledExecution'] });
  compiled = await listen(createServer((req, res) => void yogaCompiled(req, res)));
  interpreted = await listen(createServer((req, res) => void yogaInterpreted(req, res)));
});
afterAll(() => Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve())))));

describe('compiled execution', () => {
  it('runs a query through its compiled form, answering what graphql-js answers', async () => {
    paths.length = 0;
    const first = await ask(compiled, ENTITY, { id: 'kommunstyrelsen' });
    const again = await ask(compiled, ENTITY, { id: 'kommunstyrelsen' });
    expect(paths).toEqual(['compiled', 'compiled']);
    expect(first).toBe(await ask(interpreted, ENTITY, { id: 'kommunstyrelsen' }));
    expect(again).toBe(first);
    const { data } = JSON.parse(first) as { data: { entity: { name: string; kind: string; relations: unknown[] } } };
    expect(data.entity.name).toBe('Kommunstyrelsen');
    expect(data.entity.kind).toBe('POLITICAL_BODY');
    expect(data.entity.relations.length).toBeGreaterThan(10);
  });

  it('answers errors with the same messages, codes and paths as graphql-js', async () => {
    const documents = [
      // An unknown entity: null, no error.
      [ENTITY, { id: 'finns-inte' }],
      // Past the record budget while it runs (the hub's relations' ends are hubs): LIMIT_EXCEEDED alone, data null.
      [`{ entity(id: "kommunstyrelsen") { ${'... on Actor { relations { from { '.repeat(3)}id${' } } }'.repeat(3)} } }`, {}],
      // One of two lookups fails: an error at its alias, the other answered.
      [`{ ks: entity(id: "kommunstyrelsen") { id name } saknas: entity(id: "finns-inte") { id } }`, {}],
    ] as const;
    const codes: (string[] | undefined)[] = [];
    for (const [query, variables] of documents) {
      paths.length = 0;
      const answer = await ask(compiled, query, variables);
      expect(paths).toEqual(['compiled']);
      expect(answer).toBe(await ask(interpreted, query, variables));
      codes.push(
        (JSON.parse(answer) as { errors?: { path: unknown[]; extensions: { code: string } }[] }).errors?.map(
          (e) => `${e.extensions.code} at [${e.path.join()}]`,
        ),
      );
    }
    expect(codes).toEqual([['NOT_FOUND at [entity]'], ['LIMIT_EXCEEDED at []'], ['NOT_FOUND at [saknas]']]);
  });

  it('leaves a document the parse cache does not keep to graphql-js', async () => {
    const long = `${ENTITY}\n# ${'x'.repeat(DOCUMENT_CACHE.longestCachedDocument)}\n`;
    paths.length = 0;
    const answer = await ask(compiled, long, { id: 'kommunstyrelsen' });
    expect(paths).toEqual(['interpreted']);
    expect(answer).toBe(await ask(interpreted, ENTITY, { id: 'kommunstyrelsen' }));
  });
});
