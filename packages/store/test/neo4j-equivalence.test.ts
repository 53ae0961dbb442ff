/**
 * Both stores, the same questions: random calls of every Store method (a fixed
 * seed), on Norrköping and on a generated set of 24 municipalities, asked of
 * the embedded store and of the live Neo4j, must give the same answers. The
 * contract suite checks answers from the sources; this looks for any place
 * where the two adapters part ways.
 *
 * Search is compared where the two engines must agree: the hits that match a
 * name exactly, by prefix, by word or as a part (ranked by the shared rules
 * alone) come first and in the same order from both. Typo hits come after
 * them from both, but which typos an engine forgives and how it scores them is
 * its own (the embedded word index or Lucene); see the contract's search cases for what
 * must hold of them.
 */
import { ENTITY_KINDS, loadDatasetOrThrow, RELATION_FAMILIES, type Dataset, type Entity, type EntityKind, type RelationFamily } from '@styrgraf/model';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore, type Direction, type SearchHit, type Store } from '../src/index.ts';
import { ensureLoaded, liveNeo4j, ltsSettings, openLiveStore, skipReason } from '../../../test/neo4j/live.ts';
import { seeded } from './seeded.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const lts = liveNeo4j('lts');
const skip = skipReason('lts');

interface Case {
  name: string;
  dir: () => string;
  dates: (string | null)[];
  seed: number;
}

let syntheticDir = '';
const CASES: Case[] = [
  {
    name: 'Norrköping (graph/)',
    dir: () => join(root, 'graph'),
    dates: [null, '2019-06-01', '2022-12-31', '2023-01-01', '2023-06-01', '2024-01-01', '2024-06-01'],
    seed: 11,
  },
  { name: '24 synthetic municipalities', dir: () => syntheticDir, dates: [null, '2022-06-01', '2022-12-31', '2023-01-01', '2025-06-01'], seed: 12 },
];

/** The hits both engines must agree on: those the shared rules rank without an engine's score. */
const named = (hits: SearchHit[]) => hits.filter((h) => h.match !== 'FUZZY').map((h) => `${h.match}:${h.field}:${h.entity.id}`);

describe.skipIf(!lts)(`the embedded store and Neo4j answer alike${skip ? ` — SKIPPED: ${skip}` : ''}`, () => {
  beforeAll(async () => {
    syntheticDir = await mkdtemp(join(tmpdir(), 'styrgraf-equivalence-neo4j-'));
    await promisify(execFile)(
      join(root, 'node_modules/.bin/tsx'),
      [join(root, 'packages/cli/src/run.ts'), 'generate', '--municipalities', '24', '--seed', '7', '--out', syntheticDir],
      { cwd: root },
    );
  });
  afterAll(async () => {
    if (syntheticDir) await rm(syntheticDir, { recursive: true, force: true });
  });

  describe.each(CASES)('$name', ({ dir, dates, seed }) => {
    let dataset: Dataset;
    let memory: Store;
    let graph: Store;
    let actors: Entity[];
    const random = seeded(seed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const some = <T>(list: readonly T[], p = 0.5): T[] => list.filter(() => random() < p);
    const kinds = (): EntityKind[] | undefined => (random() < 0.4 ? undefined : some(ENTITY_KINDS, 0.4));
    const families = (): RelationFamily[] | undefined => (random() < 0.4 ? undefined : some(RELATION_FAMILIES, 0.4));
    const date = () => pick(dates);
    const both = async <T>(call: (store: Store) => Promise<T>, what: unknown) => {
      const [expected, actual] = await Promise.all([call(memory).catch((e: unknown) => e), call(graph).catch((e: unknown) => e)]);
      expect(actual, JSON.stringify(what)).toEqual(expected);
    };

    beforeAll(async () => {
      dataset = await loadDatasetOrThrow(dir());
      memory = createMemoryStore(dataset);
      await ensureLoaded(ltsSettings(), dataset);
      graph = await openLiveStore(ltsSettings());
      actors = dataset.entities.filter((e) => ['POLITICAL_BODY', 'ROLE', 'UNIT', 'COMPANY', 'ORGANISATION'].includes(e.kind));
    });
    afterAll(async () => {
      await graph?.close();
      await memory?.close();
    });

    it('info, tours, provisions, workshop questions and glossary', async () => {
      const { engine: _m, ...expected } = await memory.info();
      const { engine: _n, ...actual } = await graph.info();
      expect(actual).toEqual(expected);
      await both((s) => s.tours(), 'tours');
      await both((s) => s.glossary(), 'glossary');
      for (const documentId of [null, ...new Set(dataset.entities.flatMap((e) => (e.kind === 'PROVISION' ? [e.document] : [])))])
        await both((s) => s.provisions({ documentId }), { documentId });
      for (const status of [null, 'ANSWERED', 'PARTLY', 'OPEN'] as const) await both((s) => s.workshopQuestions({ status }), { status });
    });

    it('entities by id, and listed page by page', async () => {
      const ids = [...dataset.entities.map((e) => e.id), 'finns-inte'];
      for (let i = 0; i < 20; i++) {
        const asked = Array.from({ length: 1 + Math.floor(random() * 30) }, () => pick(ids));
        await both((s) => s.getEntities(asked), asked);
      }
      for (let i = 0; i < 40; i++) {
        const args = { kinds: kinds(), first: pick([1, 5, 50, 500]), asOf: date(), after: null as string | null };
        const page = await memory.listEntities(args);
        await both((s) => s.listEntities(args), args);
        if (page.endCursor) await both((s) => s.listEntities({ ...args, after: page.endCursor }), { ...args, after: page.endCursor });
      }
    });

    it('relations by direction, family and date, and the relations citing provisions', async () => {
      const provisions = dataset.entities.filter((e) => e.kind === 'PROVISION').map((e) => e.id);
      const everything = dataset.entities.map((e) => e.id);
      for (let i = 0; i < 80; i++) {
        const ids = Array.from({ length: 1 + Math.floor(random() * 5) }, () => pick(random() < 0.8 ? actors.map((e) => e.id) : everything));
        const args = { direction: pick<Direction>(['OUT', 'IN', 'BOTH']), families: families(), asOf: date() };
        await both((s) => s.relationsOf(ids, args), { ids, ...args });
      }
      for (let i = 0; i < 40; i++) {
        const ids = Array.from({ length: 1 + Math.floor(random() * 5) }, () => pick(provisions));
        const asOf = date();
        await both((s) => s.citedBy(ids, { asOf }), { ids, asOf });
      }
    });

    it('neighbourhoods, graph views and org charts', async () => {
      for (let i = 0; i < 60; i++) {
        const args = {
          id: pick(random() < 0.9 ? actors : dataset.entities).id,
          depth: 1 + Math.floor(random() * 3),
          families: families(),
          kinds: kinds(),
          asOf: date(),
        };
        await both((s) => s.neighbourhood(args), args);
      }
      for (let i = 0; i < 20; i++) {
        const args = { kinds: kinds(), families: families(), asOf: date() };
        await both((s) => s.graph(args), args);
      }
      for (let i = 0; i < 40; i++) {
        const args = { rootId: pick(actors).id, asOf: date() };
        await both((s) => s.orgChart(args), args);
      }
    });

    it('municipalities: the list, who belongs where, scoped views, the overview, scoped decision areas and search', async () => {
      await both((s) => s.municipalities(), 'municipalities');
      const kommuner = (await memory.municipalities()).municipalities.map((m) => m.entity.id);
      const everything = [...dataset.entities.map((e) => e.id), 'finns-inte'];
      for (let i = 0; i < 10; i++) {
        const asked = Array.from({ length: 1 + Math.floor(random() * 40) }, () => pick(everything));
        await both((s) => s.municipalityOf(asked), asked);
      }
      for (let i = 0; i < 30; i++) {
        const args = { kinds: kinds(), families: families(), asOf: date(), municipality: pick([...kommuner, 'finns-inte']) };
        await both((s) => s.graph(args), args);
        const areas = { asOf: args.asOf, municipality: args.municipality, actorId: random() < 0.3 ? pick(actors).id : null };
        await both((s) => s.decisionAreas(areas), areas);
      }
      for (let i = 0; i < 15; i++) {
        const args = { kinds: kinds(), families: families(), asOf: date() };
        await both((s) => s.overview(args), args);
      }
      for (let i = 0; i < 30; i++) {
        const e = pick(actors);
        const args = { text: pick([e.name.sv, ...e.abbreviations, 'kommun']), first: pick([1, 5, 10]), municipality: pick(kommuner) };
        const [expected, actual] = [await memory.search(args), await graph.search(args)];
        expect(named(actual), JSON.stringify(args)).toEqual(named(expected));
      }
    });

    it('paths, shortest and all', async () => {
      const municipality = (id: string) => /^s\d{3}-/.exec(id)?.[0] ?? '';
      for (let i = 0; i < 120; i++) {
        const from = pick(actors);
        const local = actors.filter((e) => e.id.startsWith(municipality(from.id)));
        const to = random() < 0.8 ? pick(local) : pick(actors);
        const args = {
          from: from.id,
          to: to.id,
          maxLength: 1 + Math.floor(random() * 6),
          families: families(),
          mode: pick(['SHORTEST', 'ALL'] as const),
          limit: pick([1, 5, 50]),
          asOf: date(),
        };
        await both((s) => s.paths(args), args);
      }
    });

    it('decision areas by actor and words, and changes between dates', async () => {
      const words = dataset.entities.filter((e) => e.kind === 'DECISION_AREA').flatMap((e) => e.name.sv.split(/\s+/).filter((w) => w.length > 3));
      for (let i = 0; i < 40; i++) {
        const args = { actorId: random() < 0.7 ? pick(actors).id : null, text: random() < 0.5 ? pick(words) : null, asOf: date() };
        await both((s) => s.decisionAreas(args), args);
      }
      const days = dates.filter((d): d is string => d !== null);
      for (const from of days) for (const to of days) if (from < to) await both((s) => s.changes({ from, to }), { from, to });
      await both((s) => s.changes({ from: '1900-01-01', to: '2100-01-01' }), 'every change');
    });

    it('search: the hits named by the shared rules are the same, in the same order, and typo hits come after them', async () => {
      const texts = ['KS', 'kf', 'kommun', 'utskott', 'nämnd', 'direktör', 'ab', 'qzxqzx', 'Municipal', 'styrelsens'];
      while (texts.length < 150) {
        const e = pick(actors);
        const words = e.name.sv.split(/\s+/).filter((w) => w.length > 2);
        const word = words.length > 0 ? pick(words) : e.name.sv;
        const inner = word.length > 5 ? word.slice(2, 2 + 3 + Math.floor(random() * (word.length - 4))) : word;
        texts.push(
          pick([
            e.name.sv,
            e.name.en,
            word,
            word.slice(0, Math.max(1, Math.ceil(word.length / 2))),
            inner,
            word.toLowerCase(),
            ...e.abbreviations,
            ...e.aliases,
          ]),
        );
      }
      for (const text of texts) {
        const args = {
          text,
          kinds: random() < 0.7 ? undefined : some(['COMPANY', 'POLITICAL_BODY', 'ROLE', 'UNIT'] as EntityKind[], 0.5),
          first: pick([1, 5, 10, 25]),
          asOf: date(),
        };
        const [expected, actual] = [await memory.search(args), await graph.search(args)];
        expect(named(actual), JSON.stringify(args)).toEqual(named(expected));
        const firstTypo = actual.findIndex((h) => h.match === 'FUZZY');
        if (firstTypo >= 0) expect(actual.slice(firstTypo).every((h) => h.match === 'FUZZY')).toBe(true);
      }
    });
  });
});
