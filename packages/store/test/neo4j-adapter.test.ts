/**
 * The Neo4j adapter against the run's live Neo4j (5.26 LTS), graph/ loaded:
 * what each call sends and how (watched on a real driver), the errors a real
 * server gives and what the store makes of them, both URI schemes, and
 * cancellation. The answers themselves are the store contract's
 * (contract/neo4j.test.ts).
 */
import { loadDatasetOrThrow, type Dataset } from '@styrgraf/model';
import neo4j, { Neo4jError, type Driver } from 'neo4j-driver';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNeo4jDriver, Neo4jStore, openNeo4jStore, type Neo4jSettings } from '../src/index.ts';
import { classifyError } from '../src/neo4j/errors.ts';
import { STATEMENT_PARAMETERS, type StatementName } from '../src/neo4j/statements.ts';
import { RecordingDriver } from './recording-driver.ts';
import { ensureLoaded, liveNeo4j, ltsSettings, openLiveStore, skipReason } from '../../../test/neo4j/live.ts';

const graphDir = fileURLToPath(new URL('../../../graph', import.meta.url));
const lts = liveNeo4j('lts');
const skip = skipReason('lts');

describe.skipIf(!lts)(`the Neo4j adapter on a live Neo4j${skip ? ` — SKIPPED: ${skip}` : ''}`, () => {
  let settings: Neo4jSettings;
  let dataset: Dataset;
  let recorder: RecordingDriver;
  let store: Neo4jStore;
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    settings = ltsSettings();
    dataset = await loadDatasetOrThrow(graphDir);
    await ensureLoaded(settings, dataset);
    recorder = new RecordingDriver(createNeo4jDriver(settings));
    store = await new Neo4jStore(recorder.driver, { uri: settings.uri, database: 'neo4j', transactionTimeoutMs: 7_000 }).start();
    closers.push(() => store.close());
  });
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });

  describe('every call', () => {
    it('sends exactly the parameters its statements declare, in read transactions with a timeout, and closes its session', async () => {
      const from = recorder.runs.length;
      const opened = recorder.sessionsOpened;
      const calls: [string, () => Promise<unknown>][] = [
        ['get-entities', () => store.getEntities(['kommunstyrelsen'])],
        ['list-entities', () => store.listEntities({ first: 2 })],
        ['search', () => store.search({ text: 'ks', first: 5 })],
        ['relations-both', () => store.relationsOf(['kommundirektor'], { direction: 'BOTH' })],
        ['cited-by', () => store.citedBy(['kdi-vd-radhus'], {})],
        ['neighbourhood', () => store.neighbourhood({ id: 'kommundirektor', depth: 2 })],
        ['graph', () => store.graph({})],
        ['paths-all', () => store.paths({ from: 'kommunstyrelsen', to: 'nodra-ab', maxLength: 3, mode: 'ALL', limit: 5 })],
        ['paths-shortest', () => store.paths({ from: 'kommunstyrelsen', to: 'nodra-ab', maxLength: 4, mode: 'SHORTEST', limit: 5 })],
        ['org-chart', () => store.orgChart({ rootId: 'kommunfullmaktige' })],
        ['decision-areas', () => store.decisionAreas({})],
        ['provisions', () => store.provisions({})],
        ['workshop-questions', () => store.workshopQuestions({})],
        ['glossary', () => store.glossary()],
        ['changes', () => store.changes({ from: '2023-01-01', to: '2024-01-01' })],
        ['dataset', () => store.info()],
      ];
      const labels: string[] = [];
      for (const [label, call] of calls) {
        const before = recorder.runs.length;
        await call();
        for (const run of recorder.runs.slice(before)) labels.push(`${label}:${run.statement}`);
      }
      const runs = recorder.since(from);
      for (const run of runs) {
        expect(Object.keys(run.params).sort(), run.statement).toEqual([...STATEMENT_PARAMETERS[run.statement as StatementName]].sort());
        expect(run.mode).toBe('READ');
        expect(run.database).toBe('neo4j');
        expect(run.config?.timeout).toBe(7_000);
        expect(run.config?.metadata).toMatchObject({ app: 'styrgraf' });
      }
      // One session, and one transaction, per call; walks take one breadth-first step per statement.
      expect(recorder.sessionsOpened - opened).toBe(calls.length);
      expect(recorder.sessionsClosed).toBe(recorder.sessionsOpened);
      expect(labels).toEqual(
        expect.arrayContaining([
          'neighbourhood:get-entities',
          'neighbourhood:expand',
          'neighbourhood:relations-among',
          'paths-all:expand',
          'paths-all:relations-between',
          'org-chart:org-chart-level',
        ]),
      );
      expect(labels.filter((l) => l === 'neighbourhood:expand')).toHaveLength(2);
    });

    it('closes the session when a statement fails too', async () => {
      const watched = new RecordingDriver(createNeo4jDriver(settings));
      const elsewhere = new Neo4jStore(watched.driver, { uri: settings.uri, database: 'finns-inte' });
      await expect(elsewhere.glossary()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
      expect(watched.sessionsOpened).toBe(1);
      expect(watched.sessionsClosed).toBe(1);
      await elsewhere.close();
    });
  });

  describe('parameters', () => {
    it('sends limits as Neo4j integers and dates as Neo4j dates, and names every kind or family when none is asked for', async () => {
      const from = recorder.runs.length;
      await store.listEntities({ kinds: ['UNIT', 'UNIT', 'ROLE'], first: 3, asOf: '2024-06-01' });
      await store.graph({ families: [], kinds: undefined });
      const [list, graph] = recorder.since(from);
      expect(neo4j.isInt(list!.params.limit)).toBe(true);
      expect(String(list!.params.limit)).toBe('4');
      expect(neo4j.isDate(list!.params.asOf)).toBe(true);
      expect(list!.params.asOf).toMatchObject({ year: 2024, month: 6, day: 1 });
      expect(list!.params.kinds).toEqual(['UNIT', 'ROLE']);
      expect(list!.params.after).toBeNull();
      // Every kind, so that the kind index serves; no family at all means no relations.
      expect((graph!.params.kinds as string[]).length).toBe(10);
      expect(graph!.params).toMatchObject({ families: [], asOf: null });
      expect(neo4j.isInt(graph!.params.maxNodes)).toBe(true);
    });

    it('refuses a malformed date or cursor before asking the database', async () => {
      const from = recorder.runs.length;
      await expect(store.listEntities({ first: 2, asOf: '2024-13-01' })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        message: expect.stringContaining('"asOf"'),
      });
      await expect(store.listEntities({ first: 2, after: 'not-a-cursor' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      await expect(store.changes({ from: '2024-01-01', to: 'tomorrow' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      await expect(store.neighbourhood({ id: 'kommundirektor', depth: 1, asOf: '1 januari' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(recorder.since(from)).toEqual([]);
    });

    it('never puts request text into Cypher: hostile text travels as a parameter and harms nothing', async () => {
      const from = recorder.runs.length;
      const hostile = "x') DETACH DELETE n //";
      expect(await store.search({ text: hostile, first: 5 })).toEqual([]);
      expect(await store.decisionAreas({ actorId: hostile, text: hostile })).toEqual([]);
      expect(await store.getEntities([hostile])).toEqual([null]);
      const runs = recorder.since(from);
      for (const run of runs) expect(run.text).not.toContain('DETACH');
      expect(runs[0]!.params).toMatchObject({ names: '+(x x*) +(detach detach* detach~2) +(delete delete* delete~2) +(n n*)', infix: 'x detach delete n' });
      expect(runs[1]!.params).toMatchObject({ actorId: hostile, text: 'x detach delete n' });
      expect(runs[2]!.params).toMatchObject({ ids: [hostile] });
      expect((await store.info()).entityCount).toBe(dataset.entities.length);
    });
  });

  describe('batching', () => {
    it('asks for 50 entities and their relations in one round trip each', async () => {
      const ids = dataset.entities.slice(0, 50).map((e) => e.id);
      const from = recorder.runs.length;
      const entities = await store.getEntities([...ids, 'finns-inte', ids[0]!]);
      const relations = await store.relationsOf(ids, { direction: 'OUT', families: ['REPORTING', 'DECISION'] });
      expect(recorder.since(from).map((r) => r.statement)).toEqual(['get-entities', 'relations-out']);
      expect(recorder.since(from)[0]!.params.ids).toHaveLength(51);
      expect(entities.map((e) => e?.id ?? null)).toEqual([...ids, null, ids[0]]);
      expect(relations).toHaveLength(50);
      const expected = ids.map((id) =>
        dataset.relations
          .filter((r) => r.from === id && ['REPORTING', 'DECISION'].includes(r.family))
          .map((r) => r.id)
          .sort(),
      );
      expect(relations.map((list) => list.map((r) => r.id))).toEqual(expected);
    });
  });

  describe('routing and direct connections', () => {
    it('answers alike over neo4j:// (routing, as a cluster or Aura needs) and bolt://', async () => {
      const routed = await openLiveStore(ltsSettings('neo4j'));
      const direct = await openLiveStore(ltsSettings('bolt'));
      closers.push(
        () => routed.close(),
        () => direct.close(),
      );
      expect(settings.uri).toMatch(/^neo4j:\/\//);
      const [a, b] = [await routed.info(), await direct.info()];
      expect(a).toEqual(b);
      expect(a.digest).toBe(dataset.digest);
      expect(await routed.orgChart({ rootId: 'kommunstyrelsen', asOf: '2024-06-01' })).toEqual(
        await direct.orgChart({ rootId: 'kommunstyrelsen', asOf: '2024-06-01' }),
      );
    });
  });

  describe('errors from a real server', () => {
    let admin: Driver;
    beforeAll(async () => {
      admin = createNeo4jDriver(ltsSettings('bolt'));
      closers.push(() => admin.close());
      // A user of its own, so that its failed logins lock out no one else (Neo4j locks a user after three).
      await admin.executeQuery(
        'CREATE OR REPLACE USER styrgraf_locked SET PASSWORD $password CHANGE NOT REQUIRED',
        { password: 'right-password-1' },
        { database: 'system' },
      );
    });

    it('a wrong password: unavailable, naming NEO4J_USERNAME and NEO4J_PASSWORD', async () => {
      const wrong = await openNeo4jStore(
        { ...settings, username: 'styrgraf_locked', password: 'wrong-password' },
        { backoff: { initialMs: 60_000, maxMs: 60_000 } },
      );
      closers.push(() => wrong.close());
      expect(wrong.connectivity.availability).toMatchObject({
        status: 'down',
        reason: expect.stringMatching(/refused the credentials: check NEO4J_USERNAME and NEO4J_PASSWORD/),
      });
      await expect(wrong.glossary()).rejects.toMatchObject({ name: 'StoreError', code: 'STORE_UNAVAILABLE' });
    });

    it('a database that does not exist: unavailable, naming NEO4J_DATABASE', async () => {
      const nowhere = await openNeo4jStore({ ...settings, database: 'finns-inte' }, { backoff: { initialMs: 60_000, maxMs: 60_000 } });
      closers.push(() => nowhere.close());
      expect(nowhere.connectivity.availability).toMatchObject({ status: 'down', reason: expect.stringContaining('check NEO4J_DATABASE') });
    });

    it('a port where nothing listens: unavailable, and the call fails fast', async () => {
      const probe = createServer();
      await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
      const port = (probe.address() as AddressInfo).port;
      await new Promise<void>((resolve) => probe.close(() => resolve()));
      const refused = await openNeo4jStore({ ...settings, uri: `bolt://127.0.0.1:${port}` }, { backoff: { initialMs: 60_000, maxMs: 60_000 } });
      closers.push(() => refused.close());
      expect(refused.connectivity.availability).toMatchObject({
        status: 'down',
        reason: expect.stringMatching(new RegExp(`bolt://127\\.0\\.0\\.1:${port} .*is unreachable`)),
      });
      await expect(refused.info()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE', message: expect.stringMatching(/Checking again in \d+ s\./) });
    });

    it('a transaction over its time: a limit the caller can act on', async () => {
      const error = await admin
        .executeQuery('UNWIND range(1, 100000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x)', {}, { database: 'neo4j', transactionConfig: { timeout: 100 } })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(Neo4jError);
      expect(classifyError(error, { uri: settings.uri, database: 'neo4j', timeoutMs: 7_000 })).toEqual({
        kind: 'limit',
        message: 'The query took longer than 7 s and was stopped; ask for less (a shorter maxLength or depth, fewer families).',
      });
    });

    it('a bad statement is a bug, passed on as it is, not an outage', async () => {
      const error = await admin.executeQuery('MATCH (n:Entity) RETUR n', {}, { database: 'neo4j' }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: 'Neo.ClientError.Statement.SyntaxError' });
      expect(classifyError(error, { uri: settings.uri, database: 'neo4j', timeoutMs: 7_000 })).toEqual({ kind: 'other' });
    });
  });

  describe('cancellation', () => {
    it('a call whose signal has already aborted rejects with its reason and opens no session', async () => {
      const opened = recorder.sessionsOpened;
      const reason = new Error('the client went away');
      await expect(store.graph({}, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
      expect(recorder.sessionsOpened).toBe(opened);
    });

    it('a walk stops between its steps when the signal aborts', async () => {
      const controller = new AbortController();
      const reason = new Error('QUERY_TIMEOUT');
      const from = recorder.runs.length;
      recorder.onRun = (run) => {
        if (run.statement === 'expand') controller.abort(reason);
      };
      try {
        await expect(store.neighbourhood({ id: 'kommunstyrelsen', depth: 4 }, { signal: controller.signal })).rejects.toBe(reason);
      } finally {
        recorder.onRun = null;
      }
      // Unaborted, the same call takes four steps and a last statement for the relations.
      expect(recorder.since(from).map((r) => r.statement)).toEqual(['get-entities', 'expand']);
      expect(recorder.sessionsClosed).toBe(recorder.sessionsOpened);
      expect((await store.neighbourhood({ id: 'kommunstyrelsen', depth: 4 }))?.nodes.length).toBeGreaterThan(50);
    });
  });
});
