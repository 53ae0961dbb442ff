/**
 * The national set (290 generated municipalities, ~26,000 entities and
 * ~52,000 relations) on the run's live Neo4j: the statements whose work could
 * grow past reason do not. Path searches up to eight relations answer, and
 * answer as the embedded store does, where enumerating trails never finished;
 * changes and graph views start from indexes, read from the plans Neo4j runs;
 * batches past the row budget are refused whole; and a long statement is
 * terminated on the server when its call's signal aborts.
 */
import { loadDatasetOrThrow, type Dataset } from '@styrgraf/model';
import neo4j, { Neo4jError, type Driver } from 'neo4j-driver';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore, createNeo4jDriver, Neo4jStore, RESULT_LIMITS, type PathArgs, type Store } from '../src/index.ts';
import { toNeo4jDate } from '../src/neo4j/graph-model.ts';
import { cypher, type StatementName } from '../src/neo4j/statements.ts';
import { RecordingDriver } from './recording-driver.ts';
import { ensureLoaded, liveNeo4j, ltsSettings, skipReason } from '../../../test/neo4j/live.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const lts = liveNeo4j('lts');
const skip = skipReason('lts');

/**
 * paths-all.cypher as it was: every trail of up to eight relations between
 * the ends, filtered to simple paths afterwards. Kept here to show on the
 * same data what it cost.
 */
const TRAILS_UP_TO_8 = `
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
WHERE b <> a
MATCH p = (a)((x)-[r]-(y) WHERE coalesce(y.validFrom <= $asOf, true) AND coalesce($asOf <= y.validTo, true)){1,8}(b)
WITH p, nodes(p) AS visited
WHERE all(i IN range(1, size(visited) - 1) WHERE NOT visited[i] IN visited[..i])
WITH [n IN visited | n.id] AS walk
ORDER BY size(walk), walk
LIMIT $limit
RETURN walk`;

/** The operators of the plan Neo4j runs for one of the adapter's statements. */
async function operators(driver: Driver, name: StatementName, params: Record<string, unknown>): Promise<{ operators: string[]; dbHits: number }> {
  const { summary } = await driver.executeQuery(`PROFILE ${cypher(name)}`, params, { database: 'neo4j' });
  const found: string[] = [];
  let dbHits = 0;
  const walk = (plan: { operatorType: string; dbHits?: number; children: unknown[] }) => {
    found.push(plan.operatorType.replace(/@.*$/, ''));
    dbHits += plan.dbHits ?? 0;
    for (const child of plan.children) walk(child as typeof plan);
  };
  walk(summary.profile as unknown as { operatorType: string; dbHits?: number; children: unknown[] });
  return { operators: found, dbHits };
}

describe.skipIf(!lts)(`the national set on a live Neo4j${skip ? ` — SKIPPED: ${skip}` : ''}`, () => {
  let dir = '';
  let dataset: Dataset;
  let memory: Store;
  let recorder: RecordingDriver;
  let store: Neo4jStore;
  let driver: Driver;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'styrgraf-national-'));
    await promisify(execFile)(
      join(root, 'node_modules/.bin/tsx'),
      [join(root, 'packages/cli/src/run.ts'), 'generate', '--municipalities', '290', '--seed', '7', '--out', dir],
      { cwd: root },
    );
    dataset = await loadDatasetOrThrow(dir);
    memory = createMemoryStore(dataset);
    const started = performance.now();
    await ensureLoaded(ltsSettings(), dataset);
    console.log(
      `[neo4j] national set (${dataset.entities.length} entities, ${dataset.relations.length} relations) loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    driver = createNeo4jDriver(ltsSettings('bolt'));
    recorder = new RecordingDriver(createNeo4jDriver(ltsSettings()));
    // Five seconds: any walk that needed the old enumeration would be stopped, and fail here.
    store = await new Neo4jStore(recorder.driver, { uri: ltsSettings().uri, database: 'neo4j', transactionTimeoutMs: 5_000 }).start();
  }, 300_000);
  afterAll(async () => {
    await store?.close();
    await driver?.close();
    await memory?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  describe('paths of up to eight relations', () => {
    const cases: PathArgs[] = [
      { from: 's001-kommunstyrelsen', to: 's002-kommunstyrelsen', maxLength: 8, mode: 'ALL', limit: 50 },
      { from: 's001-kommundirektor', to: 's001-kommunfullmaktige', maxLength: 8, mode: 'ALL', limit: 50 },
      {
        from: 's042-kommunstyrelsen',
        to: 's200-kommundirektor',
        maxLength: 8,
        mode: 'ALL',
        limit: 20,
        families: ['REPORTING', 'OWNERSHIP', 'STRUCTURE', 'RIGHTS'],
      },
      { from: 's001-kommunstyrelsen', to: 's289-ks-ordforande', maxLength: 8, mode: 'SHORTEST', limit: 50 },
    ];

    it.each(cases)('$from to $to ($mode): the embedded store’s answer, from two bounded balls', async (args) => {
      const from = recorder.runs.length;
      const expected = await memory.paths(args);
      expect(expected.length).toBeGreaterThan(0);
      expect(await store.paths(args)).toEqual(expected);
      const runs = recorder.since(from);
      const steps = runs.filter((r) => r.statement === 'expand');
      const looked = steps.reduce((n, r) => n + r.records, 0);
      console.log(`[neo4j] paths ${args.mode} ${args.from} → ${args.to}: ${steps.length} steps, ${looked} relation ends looked at`);
      // Two balls whose radii add up to the length at most: one step per level, never more.
      expect(steps.length).toBeLessThanOrEqual(args.maxLength);
      expect(looked).toBeLessThan(RESULT_LIMITS.steps);
    });

    it('enumerating every trail of up to eight relations, as paths-all did, is stopped by a 5 s timeout without an answer', async () => {
      const error = await driver
        .executeQuery(
          TRAILS_UP_TO_8,
          { from: 's001-kommundirektor', to: 's001-kommunfullmaktige', asOf: null, limit: neo4j.int(50) },
          { database: 'neo4j', transactionConfig: { timeout: 5_000 } },
        )
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(Neo4jError);
      expect((error as Neo4jError).code).toMatch(/TransactionTimedOut/);
    }, 60_000);
  });

  describe('indexes, not scans', () => {
    it('changes reads entities and dated relations by date index seeks, not every relationship', async () => {
      const { operators: ops, dbHits } = await operators(driver, 'changes', {
        from: toNeo4jDate('2022-06-01'),
        to: toNeo4jDate('2023-06-01'),
        limit: neo4j.int(10_001),
      });
      expect(ops.filter((o) => o.startsWith('NodeIndexSeekByRange'))).toHaveLength(4);
      expect(ops.some((o) => /AllNodesScan|NodeByLabelScan|RelationshipsScan|RelationshipTypeScan|Expand/.test(o))).toBe(false);
      // A few hundred entities and relations changed that year; the database holds ~52,000 relations.
      expect(dbHits).toBeLessThan(5_000);
      expect(await store.changes({ from: '2022-06-01', to: '2023-06-01' })).toEqual(await memory.changes({ from: '2022-06-01', to: '2023-06-01' }));
    });

    it('a graph view of some kinds starts from the kind index', async () => {
      const params = { kinds: ['COMPANY', 'ORGANISATION'], families: ['OWNERSHIP'], asOf: null, maxNodes: neo4j.int(10_001), maxEdges: neo4j.int(50_001) };
      const { operators: ops } = await operators(driver, 'graph', params);
      expect(ops.filter((o) => o.startsWith('NodeIndexSeek'))).toHaveLength(2);
      expect(ops.some((o) => /AllNodesScan|NodeByLabelScan|RelationshipsScan|RelationshipTypeScan/.test(o))).toBe(false);
      const args = { kinds: ['COMPANY', 'ORGANISATION'] as const, families: ['OWNERSHIP'] as const };
      expect(await store.graph({ kinds: [...args.kinds], families: [...args.families] })).toEqual(
        await memory.graph({ kinds: [...args.kinds], families: [...args.families] }),
      );
    });
  });

  describe('the row budget', () => {
    it('a batch of relations past the budget is refused whole, naming it', async () => {
      const actors = dataset.entities
        .filter((e) => ['POLITICAL_BODY', 'ROLE', 'UNIT'].includes(e.kind))
        .map((e) => e.id)
        .slice(0, 5_000);
      await expect(store.relationsOf(actors, { direction: 'BOTH' })).rejects.toMatchObject({
        code: 'LIMIT_EXCEEDED',
        message: expect.stringContaining(`More than ${RESULT_LIMITS.rows} relations of these entities`),
      });
      const many = dataset.entities.slice(0, RESULT_LIMITS.rows + 1).map((e) => e.id);
      const from = recorder.runs.length;
      await expect(store.getEntities(many)).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED', message: expect.stringContaining('entities asked for at once') });
      expect(recorder.since(from)).toEqual([]);
    });
  });

  describe('cancellation', () => {
    it('aborting a call terminates its statement on the server, and the call rejects with the reason', async () => {
      const controller = new AbortController();
      const reason = new Error('the client went away');
      // Every entity's name holds "syntetiska": the broadest search there is.
      let sent: ReturnType<RecordingDriver['since']>[number] | undefined;
      recorder.onRun = (run) => {
        sent = run;
        setTimeout(() => controller.abort(reason), 50);
      };
      try {
        await expect(store.search({ text: 'syntetiska', first: 10 }, { signal: controller.signal })).rejects.toBe(reason);
      } finally {
        recorder.onRun = null;
      }
      expect(sent?.statement).toBe('search');
      // The server's own word that it stopped the statement, not just that the caller stopped waiting.
      for (let waited = 0; waited < 5_000 && sent!.error === undefined && sent!.records < 0; waited += 20) await new Promise((r) => setTimeout(r, 20));
      expect(sent!.records).toBe(-1);
      expect(sent!.error).toMatch(/Terminated|SessionExpired|ServiceUnavailable/);
      const running = await driver.executeQuery(
        'SHOW TRANSACTIONS YIELD metaData, currentQuery WHERE metaData.app = "styrgraf" RETURN count(*) AS n',
        {},
        { database: 'neo4j' },
      );
      expect(Number(running.records[0]!.get('n'))).toBe(0);
      expect(recorder.sessionsClosed).toBe(recorder.sessionsOpened);
    });
  });
});
