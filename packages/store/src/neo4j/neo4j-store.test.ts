import { loadDatasetOrThrow, type Dataset, type Entity, type Relation } from '@styrgraf/model';
import neo4j, { Neo4jError } from 'neo4j-driver';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { StoreError } from '../port.ts';
import { Neo4jStore, RESULT_LIMITS } from './neo4j-store.ts';
import { STATEMENT_PARAMETERS, type StatementName } from './statements.ts';
import { FakeDriver, ManualTimers, neo4jError, record, type RecordedRun, type Responder } from './testing/fake-driver.ts';

const graphDir = fileURLToPath(new URL('../../../../graph', import.meta.url));
let data: Dataset;
let entity: (id: string) => Entity;
let relation: (id: string) => Relation;
beforeAll(async () => {
  data = await loadDatasetOrThrow(graphDir);
  const entities = new Map(data.entities.map((e) => [e.id, e]));
  const relations = new Map(data.relations.map((r) => [r.id, r]));
  entity = (id) => entities.get(id) ?? (() => { throw new Error(`no fixture entity ${id}`); })();
  relation = (id) => relations.get(id) ?? (() => { throw new Error(`no fixture relation ${id}`); })();
});

const json = (value: object) => JSON.stringify(value);

function open(respond: Responder = () => [], timers = new ManualTimers()) {
  const fake = new FakeDriver(respond);
  const store = new Neo4jStore(fake.driver, {
    uri: 'bolt://db.test:7687',
    database: 'styrgraf',
    transactionTimeoutMs: 7_000,
    timers,
    backoff: { initialMs: 1_000, maxMs: 8_000 },
  });
  return { fake, store, timers };
}

const base = (run: RecordedRun) => run.statement.replace(/\{.*$/, '') as StatementName;

describe('every call', () => {
  it('sends exactly the parameters its statement declares, in a read transaction with a timeout, and closes its session', async () => {
    const { fake, store } = open();
    await store.getEntities(['a']);
    await store.listEntities({ first: 2 });
    await store.search({ text: 'ks', first: 5 });
    await store.relationsOf(['a'], { direction: 'BOTH' });
    await store.citedBy(['p'], {});
    await store.neighbourhood({ id: 'a', depth: 2 });
    await store.graph({});
    await store.paths({ from: 'a', to: 'b', maxLength: 3, mode: 'ALL', limit: 5 });
    await store.orgChart({ rootId: 'a' });
    await store.decisionAreas({});
    await store.provisions({});
    await store.workshopQuestions({});
    await store.glossary();
    await store.changes({ from: '2023-01-01', to: '2024-01-01' });
    await expect(store.info()).rejects.toThrow(StoreError);
    expect(fake.runs).toHaveLength(15);
    for (const run of fake.runs) {
      expect(Object.keys(run.params).sort(), run.statement).toEqual([...STATEMENT_PARAMETERS[base(run)]].sort());
      expect(run.mode).toBe('READ');
      expect(run.database).toBe('styrgraf');
      expect(run.config).toEqual({ timeout: 7_000, metadata: { app: 'styrgraf', statement: run.statement } });
    }
    expect(fake.sessionsClosed).toBe(fake.sessionsOpened);
  });

  it('closes the session when the statement fails too', async () => {
    const { fake, store } = open(() => neo4jError('Neo.ClientError.Statement.SyntaxError'));
    await expect(store.glossary()).rejects.toThrow(Neo4jError);
    expect(fake.sessionsOpened).toBe(1);
    expect(fake.sessionsClosed).toBe(1);
  });
});

describe('parameters', () => {
  it('sends limits as Neo4j integers, dates as Neo4j dates, and null for "no filter"', async () => {
    const { fake, store } = open();
    await store.listEntities({ kinds: ['UNIT', 'UNIT', 'ROLE'], first: 3, asOf: '2024-06-01' });
    await store.graph({ families: [], kinds: undefined });
    const [list, graph] = fake.runs;
    expect(neo4j.isInt(list!.params.limit)).toBe(true);
    expect(String(list!.params.limit)).toBe('4');
    expect(neo4j.isDate(list!.params.asOf)).toBe(true);
    expect(list!.params.asOf).toMatchObject({ year: 2024, month: 6, day: 1 });
    expect(list!.params.kinds).toEqual(['UNIT', 'ROLE']);
    expect(list!.params.after).toBeNull();
    expect(graph!.params).toMatchObject({ families: [], kinds: null, asOf: null });
    expect(neo4j.isInt(graph!.params.maxNodes)).toBe(true);
  });

  it('refuses a malformed date or cursor before asking the database', async () => {
    const { fake, store } = open();
    await expect(store.listEntities({ first: 2, asOf: '2024-13-01' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('"asOf"') });
    await expect(store.listEntities({ first: 2, after: 'not-a-cursor' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(store.changes({ from: '2024-01-01', to: 'tomorrow' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(fake.runs).toEqual([]);
  });

  it('never puts request text into Cypher: hostile text travels as a parameter', async () => {
    const { fake, store } = open();
    const hostile = "x') DETACH DELETE n //";
    await store.search({ text: hostile, first: 5 });
    await store.decisionAreas({ actorId: hostile, text: hostile });
    await store.getEntities([hostile]);
    for (const run of fake.runs) expect(run.text).not.toContain('DETACH');
    expect(fake.runs[0]!.params).toMatchObject({ names: '+(x x*) +(detach detach* detach~2) +(delete delete* delete~2) +(n n*)', infix: 'x detach delete n' });
    expect(fake.runs[1]!.params).toMatchObject({ actorId: hostile, text: 'x detach delete n' });
    expect(fake.runs[2]!.params).toEqual({ ids: [hostile] });
  });
});

describe('batching', () => {
  it('asks for 50 entities and their relations in one round trip each', async () => {
    const ids = data.entities.slice(0, 50).map((e) => e.id);
    const { fake, store } = open((run) => {
      const asked = run.params.ids as string[];
      if (run.statement === 'get-entities') return asked.map((id) => record({ id, json: id === 'finns-inte' ? null : json(entity(id)) }));
      return asked.map((id) => record({ id, relations: data.relations.filter((r) => r.from === id).reverse().map(json) }));
    });
    const entities = await store.getEntities([...ids, 'finns-inte', ids[0]!]);
    const relations = await store.relationsOf(ids, { direction: 'OUT', families: ['REPORTING', 'DECISION'] });
    expect(fake.runs.map((r) => r.statement)).toEqual(['get-entities', 'relations-out']);
    expect(fake.runs[0]!.params.ids).toHaveLength(51);
    expect(entities.map((e) => e?.id ?? null)).toEqual([...ids, null, ids[0]]);
    expect(relations).toHaveLength(50);
    for (const list of relations) expect(list.map((r) => r.id)).toEqual(list.map((r) => r.id).sort());
  });

  it('picks the statement for the direction and groups citations by provision', async () => {
    const cites = (id: string) => data.relations.filter((r) => r.family !== 'REFERENCE' && r.cites.includes(id));
    const { fake, store } = open((run) => {
      if (run.statement === 'cited-by') return [...new Set((run.params.ids as string[]).flatMap(cites))].map((r) => record({ json: json(r) }));
      return [];
    });
    await store.relationsOf(['kommundirektor'], { direction: 'IN' });
    await store.relationsOf(['kommundirektor'], { direction: 'BOTH' });
    const [a, b, none] = await store.citedBy(['kdi-vd-radhus', 'kl-7-1', 'finns-inte'], { asOf: null });
    expect(fake.runs.map((r) => r.statement)).toEqual(['relations-in', 'relations-both', 'cited-by']);
    expect(a!.map((r) => r.id)).toEqual(cites('kdi-vd-radhus').map((r) => r.id).sort());
    expect(b!.some((r) => r.kind === 'APPOINTS' && r.to === 'kommundirektor')).toBe(true);
    expect(none).toEqual([]);
  });
});

describe('records to the model', () => {
  it('keeps an entity exactly as loaded, origin and all', async () => {
    const ks = entity('kommunstyrelsen');
    const { store } = open(() => [record({ id: 'kommunstyrelsen', json: json(ks) })]);
    expect(await store.getEntities(['kommunstyrelsen'])).toEqual([ks]);
  });

  it('pages with one row more than asked and an opaque cursor', async () => {
    const companies = data.entities.filter((e) => e.kind === 'COMPANY');
    const { fake, store } = open(() => [record({ totalCount: neo4j.int(companies.length), items: companies.slice(0, 4).map(json) })]);
    const page = await store.listEntities({ kinds: ['COMPANY'], first: 3 });
    expect(page.items.map((e) => e.id)).toEqual(companies.slice(0, 3).map((e) => e.id));
    expect(page.totalCount).toBe(companies.length);
    expect(page.hasNextPage).toBe(true);
    await store.listEntities({ kinds: ['COMPANY'], first: 3, after: page.endCursor });
    expect(fake.runs[1]!.params.after).toBe(companies[2]!.id);
  });

  it('ranks search candidates with the shared tiers, whatever Lucene scored', async () => {
    const ks = entity('kommunstyrelsen');
    const pu = entity('ks-personalutskott');
    const { fake, store } = open(() => [record({ json: json(pu), score: 9.5 }), record({ json: json(ks), score: 1.25 })]);
    const hits = await store.search({ text: 'KS', first: 5 });
    expect(hits[0]).toMatchObject({ entity: { id: 'kommunstyrelsen' }, match: 'EXACT', field: 'abbreviation' });
    expect(fake.runs[0]!.params).toMatchObject({ names: '+(ks ks*)', stems: '+ks', infix: null });
    expect(await store.search({ text: ' – ', first: 5 })).toEqual([]);
    expect(fake.runs).toHaveLength(1);
  });

  it('turns walks into paths with the first relation by vocabulary and the direction of each step', async () => {
    const steps = [relation('kommunstyrelsen.appoints.kommundirektor'), relation('kommundirektor.heads.norrkoping-radhus-ab')];
    const { fake, store } = open(() => [
      record({ walk: ['kommunstyrelsen', 'kommundirektor', 'norrkoping-radhus-ab'], variants: [steps.map(json)] }),
    ]);
    const [path] = await store.paths({ from: 'kommunstyrelsen', to: 'norrkoping-radhus-ab', maxLength: 3, mode: 'SHORTEST', limit: 5 });
    expect(fake.runs[0]!.statement).toBe('paths-shortest{1,3}');
    expect(fake.runs[0]!.text).toContain('{1,3}');
    expect(path!.steps.map((s) => [s.relation.kind, s.forward])).toEqual([['APPOINTS', true], ['HEADS', true]]);
    const [back] = await store.paths({ from: 'norrkoping-radhus-ab', to: 'kommunstyrelsen', maxLength: 8, mode: 'ALL', limit: 5 });
    expect(fake.runs[1]!.statement).toBe('paths-all{1,8}');
    expect(back).toBeDefined();
  });

  it('answers trivial paths without a round trip and refuses bounds past the hop limit', async () => {
    const { fake, store } = open();
    expect(await store.paths({ from: 'a', to: 'a', maxLength: 3, mode: 'ALL', limit: 5 })).toEqual([]);
    expect(await store.paths({ from: 'a', to: 'b', maxLength: 0, mode: 'ALL', limit: 5 })).toEqual([]);
    await expect(store.paths({ from: 'a', to: 'b', maxLength: 9, mode: 'ALL', limit: 5 })).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
    await expect(store.neighbourhood({ id: 'a', depth: 9 })).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
    expect(fake.runs).toEqual([]);
  });

  it('hangs the org chart from the depths Neo4j found, with integer depths', async () => {
    const edges = ['kommunfullmaktige.elects.kommunstyrelsen', 'kommunstyrelsen.appoints.kommundirektor'].map(relation);
    const { store } = open(() => [
      record({
        root: json(entity('kommunfullmaktige')),
        below: [json(entity('kommunstyrelsen')), json(entity('kommundirektor'))],
        depths: [neo4j.int(1), neo4j.int(2)],
        nodeCount: neo4j.int(3),
        edges: edges.map(json),
      }),
    ]);
    const chart = await store.orgChart({ rootId: 'kommunfullmaktige' });
    expect(chart!.children[0]).toMatchObject({ entity: { id: 'kommunstyrelsen' }, via: { kind: 'ELECTS' } });
    expect(chart!.children[0]!.children[0]).toMatchObject({ entity: { id: 'kommundirektor' }, via: { kind: 'APPOINTS' } });
  });

  it('answers null for an unknown root, and refuses a neighbourhood past its cap', async () => {
    const { store } = open(() => []);
    expect(await store.neighbourhood({ id: 'finns-inte', depth: 1 })).toBeNull();
    expect(await store.orgChart({ rootId: 'finns-inte' })).toBeNull();
    const big = open(() => [record({ nodeCount: neo4j.int(RESULT_LIMITS.nodes + 1), nodes: [], edges: [] })]);
    await expect(big.store.neighbourhood({ id: 'kommunstyrelsen', depth: 4 })).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
  });

  it('orders lists as the port says: Swedish collation for names, document order for provisions', async () => {
    const terms = data.entities.filter((e) => e.kind === 'GLOSSARY_TERM');
    const provisions = data.entities.filter((e) => e.kind === 'PROVISION');
    const { store } = open((run) => (run.statement === 'glossary' ? terms : provisions).map((e) => record({ json: json(e) })));
    const names = (await store.glossary()).map((t) => t.name.sv);
    expect(names).toEqual([...names].sort(new Intl.Collator('sv', { sensitivity: 'base', numeric: true }).compare));
    const ordered = await store.provisions({});
    expect(ordered.filter((p) => p.document === 'ks-2021-0005').map((p) => p.order)).toEqual(Array.from({ length: 33 }, (_, i) => i + 1));
  });

  it('builds dated changes from the rows Neo4j preselected', async () => {
    const { store } = open(() => [record({ entities: [json(entity('tillvaxt-och-utvecklingskontoret')), json(entity('kultur-och-fritidskontoret'))], relations: [] })]);
    const changes = await store.changes({ from: '2023-06-01', to: '2024-06-01' });
    expect(changes.map((c) => [c.date, c.type, c.entity?.id])).toEqual([
      ['2024-01-01', 'ENDED', 'kultur-och-fritidskontoret'],
      ['2024-01-01', 'STARTED', 'tillvaxt-och-utvecklingskontoret'],
    ]);
  });

  it('reads info from the data set node, and says when nothing is loaded', async () => {
    const meta = data.meta;
    const counts = { entityCount: 2, relationCount: 1, entitiesByKind: { ROLE: 2 }, relationsByFamily: { REPORTING: 1 } };
    const { store } = open(() => [record({ meta: json(meta), digest: 'abcdef0123456789', counts: json(counts), tours: '[]' })]);
    expect(await store.info()).toMatchObject({ engine: 'neo4j', datasetId: 'norrkoping', digest: 'abcdef0123456789', entityCount: 2, entitiesByKind: { ROLE: 2 } });
    const empty = open(() => []);
    await expect(empty.store.info()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE', message: expect.stringContaining('pnpm graph:load') });
  });
});

describe('errors', () => {
  it.each([
    ['ServiceUnavailable', 'STORE_UNAVAILABLE', /bolt:\/\/db\.test:7687.*is unreachable/],
    ['SessionExpired', 'STORE_UNAVAILABLE', /is unreachable/],
    ['Neo.TransientError.General.DatabaseUnavailable', 'STORE_UNAVAILABLE', /is unreachable/],
    ['Neo.ClientError.Security.Unauthorized', 'STORE_UNAVAILABLE', /NEO4J_USERNAME and NEO4J_PASSWORD/],
    ['Neo.ClientError.Database.DatabaseNotFound', 'STORE_UNAVAILABLE', /NEO4J_DATABASE/],
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'LIMIT_EXCEEDED', /longer than 7 s/],
  ])('translates %s into %s', async (neo4jCode, code, message) => {
    const { store } = open(() => neo4jError(neo4jCode));
    await expect(store.glossary()).rejects.toMatchObject({ name: 'StoreError', code, message: expect.stringMatching(message) });
  });

  it('passes on what is not the database being away: a bad statement is a bug, not an outage', async () => {
    const { store } = open(() => neo4jError('Neo.ClientError.Statement.SyntaxError'));
    await expect(store.glossary()).rejects.toMatchObject({ code: 'Neo.ClientError.Statement.SyntaxError' });
    expect(store.connectivity.availability.status).toBe('up');
  });
});

describe('degraded mode', () => {
  it('starts degraded when the database cannot be reached, fails fast, and recovers with backoff', async () => {
    const { fake, store, timers } = open(() => [record({ id: 'kommunstyrelsen', json: json(entity('kommunstyrelsen')) })]);
    fake.connectivity = async () => {
      throw neo4jError('ServiceUnavailable', 'Failed to connect to server.\nPlease ensure that your database is listening');
    };
    await store.start();
    expect(store.connectivity.availability).toMatchObject({ status: 'down', failedChecks: 0, reason: expect.stringContaining('Failed to connect to server.') });
    await expect(store.getEntities(['kommunstyrelsen'])).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE', message: expect.stringMatching(/is unreachable: Failed to connect to server\. Checking again in 1 s\./) });
    expect(fake.runs).toEqual([]);
    // Checks after 1, 2, 4, 8 and 8 seconds: doubling, up to the cap.
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      delays.push(timers.scheduled[0]!);
      await timers.advance(timers.scheduled[0]!);
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
    expect(fake.connectivityChecks).toBe(6);
    fake.connectivity = async () => {};
    await timers.advance(8_000);
    expect(store.connectivity.availability.status).toBe('up');
    expect(timers.scheduled).toEqual([]);
    expect(await store.getEntities(['kommunstyrelsen'])).toHaveLength(1);
  });

  it('goes degraded when a query finds the database gone, and back when it returns', async () => {
    let away = false;
    const { fake, store, timers } = open(() => (away ? neo4jError('SessionExpired', 'Connection was closed by server') : []));
    await store.start();
    expect(store.connectivity.availability.status).toBe('up');
    away = true;
    fake.connectivity = async () => {
      throw neo4jError('ServiceUnavailable', 'Connection refused');
    };
    await expect(store.glossary()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE', message: expect.stringContaining('Connection was closed by server') });
    const runs = fake.runs.length;
    await expect(store.info()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect(fake.runs.length).toBe(runs);
    await timers.advance(1_000);
    expect(store.connectivity.availability).toMatchObject({ status: 'down', failedChecks: 1, reason: expect.stringContaining('Connection refused') });
    away = false;
    fake.connectivity = async () => {};
    await timers.advance(2_000);
    expect(store.connectivity.availability.status).toBe('up');
    expect(await store.glossary()).toEqual([]);
  });

  it('stops checking when closed', async () => {
    const { fake, store, timers } = open();
    fake.connectivity = async () => {
      throw neo4jError('ServiceUnavailable');
    };
    await store.start();
    expect(timers.scheduled).toHaveLength(1);
    await store.close();
    expect(timers.scheduled).toEqual([]);
    expect(fake.closed).toBe(true);
  });
});
