/**
 * `pnpm bench`: how fast Styrgraf loads, answers and draws, on Norrköping
 * (graph/) and on a generated national set of 290 municipalities, printed as
 * one table (min, median, p95) with each target marked met or missed. Figures
 * are printed and written to .artifacts/bench.json, never asserted: a shared
 * machine's timings are evidence, not a pass/fail.
 *
 *   BENCH_SKIP=web,http   leave sections out (load, store, growth, http, heavy, neo4j, web)
 *   BENCH_HTTP_SECONDS=8  seconds of load per HTTP query
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadDatasetOrThrow, type Dataset } from '@styrgraf/model';
import { startServer } from '@styrgraf/server';
import { createMemoryStore } from '@styrgraf/store';
import { firstGraph } from '../browser/measure.ts';
import { startWorld } from '../browser/harness.ts';
import { benchGrowth, loadInChild, LOAD_CHILD_NOTE, type LoadFigures } from './growth.ts';
import { benchHeavyMix } from './heavy-mix.ts';
import { benchHttpSection } from './http-section.ts';
import { met, renderTable, renderTargets, summarise, type Row, type Target } from './stats.ts';
import { benchNeo4j } from './neo4j.ts';
import { benchStore, STORE_OPERATIONS } from './store-ops.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');
const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const SEED = 7;
const MUNICIPALITIES = 290;
/**
 * The national set with the kinds narrowed to companies and organisations and the families to ownership. With no
 * municipality chosen the explorer keeps the country on its overview, narrowed to those kinds (it never asks for the
 * whole country's graph), so this measures the narrowed overview, not a view of every company.
 */
const NATIONAL_VIEW = '?kinds=company,organisation&families=ownership';

interface DataSet {
  key: 'norrköping' | 'national';
  dir: string;
  loads: number;
}

const rows: Row[] = [];
const targets: Target[] = [];
const started = performance.now();
const log = (message: string) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`);

const temp = await mkdtemp(join(tmpdir(), 'styrgraf-bench-'));
const growthDirs: string[] = [];
try {
  log(`generating ${MUNICIPALITIES} municipalities (seed ${SEED}) into ${temp}`);
  await run(tsx, [join(root, 'packages/cli/src/run.ts'), 'generate', '--municipalities', String(MUNICIPALITIES), '--seed', String(SEED), '--out', temp], {
    cwd: root,
  });
  const sets: DataSet[] = [
    { key: 'norrköping', dir: join(root, 'graph'), loads: 7 },
    { key: 'national', dir: temp, loads: 3 },
  ];

  // Load and memory: a fresh process per load, so that its resident memory is this data set's alone.
  if (!skip.has('load')) {
    for (const set of sets) {
      const figures: {
        loadMs: number;
        readMs: number;
        parseMs: number;
        assembleMs: number;
        digestMs: number;
        storeMs: number;
        totalMs: number;
        loadCpuMs: number;
        storeCpuMs: number;
        rssLoadedMb: number;
        rssSettledMb: number;
        rssPeakMb: number;
        entities: number;
        relations: number;
      }[] = [];
      for (let i = 0; i < set.loads; i++) {
        figures.push(await loadInChild<(typeof figures)[number] & LoadFigures>(root, set.dir));
      }
      const size = `${figures[0]!.entities} entities, ${figures[0]!.relations} relations`;
      log(`${set.key}: loaded ${set.loads} times (${size}), each in a fresh process of ${LOAD_CHILD_NOTE}`);
      const at = (f: keyof (typeof figures)[number]) => summarise(figures.map((x) => x[f]));
      rows.push(
        { section: `load ${set.key}`, what: 'read + parse + validate', unit: 'ms', summary: at('loadMs'), note: `${size}; ${LOAD_CHILD_NOTE}` },
        { section: `load ${set.key}`, what: '  of which: read the files', unit: 'ms', summary: at('readMs') },
        { section: `load ${set.key}`, what: '  of which: parse and check each file', unit: 'ms', summary: at('parseMs') },
        { section: `load ${set.key}`, what: '  of which: assemble and check across files', unit: 'ms', summary: at('assembleMs') },
        { section: `load ${set.key}`, what: '  of which: digest', unit: 'ms', summary: at('digestMs') },
        { section: `load ${set.key}`, what: 'build embedded store', unit: 'ms', summary: at('storeMs') },
        { section: `load ${set.key}`, what: 'total, to first answer', unit: 'ms', summary: at('totalMs') },
        {
          section: `load ${set.key}`,
          what: 'CPU time of read + parse + validate',
          unit: 'ms',
          summary: at('loadCpuMs'),
          note: 'all threads; moves less than the clock on a busy machine',
        },
        { section: `load ${set.key}`, what: 'CPU time of the store build', unit: 'ms', summary: at('storeCpuMs') },
        { section: `load ${set.key}`, what: 'RSS after load', unit: 'MB', summary: at('rssLoadedMb') },
        { section: `load ${set.key}`, what: 'RSS after load and a GC', unit: 'MB', summary: at('rssSettledMb') },
        { section: `load ${set.key}`, what: 'peak RSS over the load (workers included)', unit: 'MB', summary: at('rssPeakMb') },
      );
      if (set.key === 'national') {
        targets.push({ what: 'national set: load + validate + store, median', actual: at('totalMs').median, limit: 5_000, unit: 'ms', kind: 'max' });
        targets.push({
          what: 'national set: RSS after load, worst',
          actual: Math.max(...figures.map((f) => f.rssLoadedMb)),
          limit: 600,
          unit: 'MB',
          kind: 'max',
        });
        targets.push({ what: 'national set: load, to first answer, median (issue 15)', actual: at('totalMs').median, limit: 3_000, unit: 'ms', kind: 'max' });
        targets.push({
          what: 'national set: peak RSS over the load, worst (issue 15)',
          actual: Math.max(...figures.map((f) => f.rssPeakMb)),
          limit: 450,
          unit: 'MB',
          kind: 'max',
        });
      }
    }
  }

  // Store operations, in this process, one data set at a time.
  if (!skip.has('store')) {
    for (const set of sets) {
      let dataset: Dataset | null = await loadDatasetOrThrow(set.dir);
      const store = createMemoryStore(dataset);
      const results = await benchStore(dataset, store, { calls: 1_000, seed: SEED });
      dataset = null;
      await store.close();
      log(`${set.key}: store operations measured`);
      for (const name of STORE_OPERATIONS) {
        const summary = results.get(name)!;
        rows.push({ section: `store ${set.key}`, what: name, unit: 'ms', summary });
        const limit = name === 'search' || name === 'neighbourhood depth 2' ? 5 : name.includes('paths') ? 25 : null;
        if (limit !== null) targets.push({ what: `${set.key}: ${name}, p95`, actual: summary.p95, limit, unit: 'ms', kind: 'max' });
      }
    }
  }

  // Growth: Norrköping, then one, two and four times the national set.
  let growthTable = '';
  if (!skip.has('growth')) {
    const scales = [
      { key: 'norrköping', dir: sets[0]!.dir, loads: 3 },
      { key: '1×', dir: temp, loads: 3 },
    ];
    for (const [key, times] of [
      ['2×', 2],
      ['4×', 4],
    ] as const) {
      // Beside the national set, not inside it, so that loading one never reads the other.
      const dir = `${temp}-${times}x`;
      growthDirs.push(dir);
      log(`generating ${MUNICIPALITIES * times} municipalities (seed ${SEED}) into ${dir}`);
      await run(
        tsx,
        [join(root, 'packages/cli/src/run.ts'), 'generate', '--municipalities', String(MUNICIPALITIES * times), '--seed', String(SEED), '--out', dir],
        { cwd: root },
      );
      scales.push({ key, dir, loads: 2 });
    }
    const growth = await benchGrowth(root, scales, log);
    rows.push(...growth.rows);
    targets.push(...growth.targets);
    growthTable = growth.table;
  }

  // HTTP: each query between windows of the bare-yoga ceiling, with inputs drawn from the data (http-section.ts).
  if (!skip.has('http')) {
    for (const set of sets) {
      const http = await benchHttpSection(set, SEED, log);
      rows.push(...http.rows);
      targets.push(...http.targets);
    }
  }

  // Neo4j: graph:load, the same store calls and HTTP queries on a Neo4j of the bench's own, beside @neo4j/graphql on it.
  if (!skip.has('neo4j')) rows.push(...(await benchNeo4j(sets, SEED, log)));

  // Heavy mix: a cheap query's latency alone and while the heaviest allowed queries run.
  if (!skip.has('heavy')) {
    for (const set of sets) {
      const mix = await benchHeavyMix(set, SEED, log);
      log(`${set.key}: heavy mix measured`);
      const heavy = Object.entries(mix.heavyAnswers)
        .map(([answer, count]) => `${count}× ${answer}`)
        .join(', ');
      rows.push(
        {
          section: `heavy mix ${set.key}`,
          what: mix.alone.name,
          unit: 'ms',
          summary: mix.alone.latency,
          note: `p99 ${mix.alone.p99.toFixed(0)} ms, ${mix.alone.requestsPerSecond.toFixed(0)} req/s${mix.alone.errors ? `, ${mix.alone.errors} errors` : ''}`,
        },
        {
          section: `heavy mix ${set.key}`,
          what: mix.mixed.name,
          unit: 'ms',
          summary: mix.mixed.latency,
          note: `p99 ${mix.mixed.p99.toFixed(0)} ms, ${mix.mixed.requestsPerSecond.toFixed(0)} req/s${mix.mixed.errors ? `, ${mix.mixed.errors} errors` : ''}; heavy answers: ${heavy}`,
        },
      );
      targets.push({ what: `${set.key}: cheap query p99 while heavy queries run`, actual: mix.mixed.p99, limit: 1_000, unit: 'ms', kind: 'max' });
    }
  }

  // Web: the first drawn graph and panning/zooming in headless Chromium.
  if (!skip.has('web'))
    await benchWeb().catch((error: unknown) => log(`web: not measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`));

  async function benchWeb() {
    type FirstGraph = Awaited<ReturnType<typeof firstGraph>>;
    const world = await startWorld();
    // Each view is measured on its own: one that fails is printed as not measured (its target missed), and what the others measured is kept.
    const measure = async (what: string, take: () => Promise<FirstGraph>): Promise<FirstGraph | string> => {
      try {
        const f = await take();
        log(`${what}: first graph drawn (${f.nodes} nodes, ${f.edges} edges)`);
        return f;
      } catch (error) {
        const reason = `not measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
        log(`${what}: ${reason}`);
        return reason;
      }
    };
    const failed = (what: string, unit: string, reason: string): Row => ({
      section: 'web',
      what,
      unit,
      summary: { n: 0, min: Number.NaN, median: Number.NaN, p95: Number.NaN, max: Number.NaN },
      note: reason,
    });
    const median = (f: FirstGraph | string) => (typeof f === 'string' ? Number.NaN : summarise(f.drawnMs).median);
    const missedNote = (f: FirstGraph | string) => (typeof f === 'string' ? ` (${f})` : '');
    try {
      const local = await measure('norrköping', () => firstGraph(world, '', { runs: 5, fpsMs: 3_000 }));
      const national = await startServer({ port: 0, host: '127.0.0.1', graphDir: temp });
      const remote = { ...world, server: national, url: national.url };
      let overview: FirstGraph | string;
      let wide: FirstGraph | string;
      try {
        // The national set's default view: the overview of the country the explorer opens on.
        overview = await measure('national default view', () => firstGraph(remote, '', { runs: 5, timeoutMs: 60_000 }));
        wide = await measure(`national narrowed overview ${NATIONAL_VIEW}`, () =>
          firstGraph(remote, NATIONAL_VIEW, { runs: 3, timeoutMs: 60_000, fpsMs: 3_000 }),
        );
      } finally {
        await national.close();
      }
      for (const [key, f] of [
        ['norrköping (default view)', local],
        [`national narrowed overview ${NATIONAL_VIEW}`, wide],
      ] as const) {
        if (typeof f === 'string') {
          rows.push(failed(`${key}: first graph drawn`, 'ms', f));
          continue;
        }
        // An empty view is drawn too (its notice is its answer): the size says which it was.
        const size = `${f.nodes} nodes + ${f.edges} edges${f.nodes === 0 ? ' (empty view: its notice shown)' : ''}`;
        rows.push(
          { section: 'web', what: `${key}: data in hand`, unit: 'ms', summary: summarise(f.dataMs), note: size },
          { section: 'web', what: `${key}: first graph drawn`, unit: 'ms', summary: summarise(f.drawnMs) },
          { section: 'web', what: `${key}: pan + zoom`, unit: 'fps', summary: summarise(f.fps) },
        );
      }
      rows.push(
        typeof overview === 'string'
          ? failed('national default view drawn', 'ms', overview)
          : {
              section: 'web',
              what: 'national default view drawn',
              unit: 'ms',
              summary: summarise(overview.drawnMs),
              note: `${overview.nodes} nodes + ${overview.edges} edges`,
            },
      );
      targets.push({ what: `norrköping: first graph drawn, median${missedNote(local)}`, actual: median(local), limit: 1_500, unit: 'ms', kind: 'max' });
      targets.push({ what: `national default view drawn, median${missedNote(overview)}`, actual: median(overview), limit: 2_000, unit: 'ms', kind: 'max' });
      targets.push({ what: `national narrowed overview drawn, median${missedNote(wide)}`, actual: median(wide), limit: 2_000, unit: 'ms', kind: 'max' });
    } finally {
      await world.close();
    }
  }

  const minutes = (performance.now() - started) / 60_000;
  console.log(
    `\nStyrgraf benchmark — ${new Date().toISOString()}, node ${process.version}, ${(await import('node:os')).cpus().length} cores; ${minutes.toFixed(1)} min\n`,
  );
  console.log(renderTable(rows));
  if (growthTable)
    console.log(
      `\nGrowth (p50 / p95 / max per store call, 400 calls each, with the neighbour entries the walks read; cold quizzes on 100 new dates; the last column holds the largest set to linear growth from 1×):\n\n${growthTable}`,
    );
  console.log(`\n${renderTargets(targets)}`);
  console.log(`\n${targets.filter(met).length} of ${targets.length} targets met.`);
  await mkdir(join(root, '.artifacts'), { recursive: true });
  await writeFile(
    join(root, '.artifacts/bench.json'),
    `${JSON.stringify({ at: new Date().toISOString(), rows, targets: targets.map((t) => ({ ...t, met: met(t) })) }, null, 2)}\n`,
  );
} finally {
  for (const dir of [temp, ...growthDirs]) await rm(dir, { recursive: true, force: true });
}
